import { useState } from 'react';
import { CompareDivider } from '../../lib/ui/compare-divider.tsx';
import { useBlobSrc } from '../../lib/use-blob-src.ts';
import { placeIn, type Size, type View } from './view-math.ts';

export type CompareMode = 'slider' | 'side-by-side';

export interface StagePicture {
  blob: Blob | null;
  alt: string;
  /** Its own pixel size. */
  size: Size;
}

interface ZoomStageProps {
  stageRef: (el: HTMLDivElement | null) => void;
  registerLayer: (layer: HTMLElement | null, placement: View) => (() => void) | undefined;
  /** The box every layer is drawn in; each picture is letterboxed in it at its own shape. */
  frame: Size;
  image: StagePicture;
  /** A/B: the reference, drawn on the left; null shows one picture. */
  reference: (StagePicture & { labels: [string, string] }) | null;
  mode: CompareMode;
  /** Side by side: the space between the two panes, in CSS pixels. */
  gap: number;
}

/**
 * The pictures on the viewer's stage, each layer in the same zoom and pan. Alone: one layer.
 * Slider: the reference below, the image above it clipped right of a draggable divider.
 * Side by side: two panes showing the same region of each.
 */
export function ZoomStage({
  stageRef,
  registerLayer,
  frame,
  image,
  reference,
  mode,
  gap,
}: ZoomStageProps) {
  const [split, setSplit] = useState(50);
  const sideBySide = reference !== null && mode === 'side-by-side';
  return (
    <div
      ref={stageRef}
      className={`zoom-stage${sideBySide ? ' zoom-stage--pair' : ''}`}
      style={{ ['--pane-gap' as string]: `${gap}px` }}
    >
      {reference && sideBySide ? (
        <>
          <Pane
            registerLayer={registerLayer}
            frame={frame}
            picture={reference}
            tag={reference.labels[0]}
          />
          <Pane
            registerLayer={registerLayer}
            frame={frame}
            picture={image}
            tag={reference.labels[1]}
          />
        </>
      ) : reference ? (
        <div className="zoom-stage__pane">
          <Layer registerLayer={registerLayer} frame={frame} picture={reference} />
          <div className="zoom-stage__clip" style={{ clipPath: `inset(0 0 0 ${split}%)` }}>
            <Layer registerLayer={registerLayer} frame={frame} picture={image} />
          </div>
          <span className="zoom-stage__tag zoom-stage__tag--left">{reference.labels[0]}</span>
          <span className="zoom-stage__tag zoom-stage__tag--right">{reference.labels[1]}</span>
          <CompareDivider
            value={split}
            onChange={setSplit}
            label={`Divide ${reference.labels[0]} and ${reference.labels[1]}`}
            valueText={(v) => `${Math.round(v)}% ${reference.labels[0]}`}
          />
        </div>
      ) : (
        <div className="zoom-stage__pane">
          <Layer registerLayer={registerLayer} frame={frame} picture={image} />
        </div>
      )}
    </div>
  );
}

interface LayerProps {
  registerLayer: ZoomStageProps['registerLayer'];
  frame: Size;
  picture: StagePicture;
}

function Pane({ tag, ...layer }: LayerProps & { tag: string }) {
  return (
    <div className="zoom-stage__pane">
      <Layer {...layer} />
      <span className="zoom-stage__tag zoom-stage__tag--left">{tag}</span>
    </div>
  );
}

/** One picture at its pixel size, placed in the frame; the stage's transform moves both. */
function Layer({ registerLayer, frame, picture }: LayerProps) {
  const { blob, alt, size } = picture;
  const imgRef = useBlobSrc(blob);
  const placement = placeIn(frame, size);
  return (
    <img
      ref={(el) => {
        imgRef.current = el;
        return registerLayer(el, placement);
      }}
      className="zoom-stage__layer"
      width={size.width}
      height={size.height}
      alt={alt}
      draggable={false}
    />
  );
}
