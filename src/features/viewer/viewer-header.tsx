import { Dialog, ToggleGroup } from 'radix-ui';
import type { ReactNode } from 'react';
import { downloadBlob } from '../../lib/download-blob.ts';
import { Icon } from '../../lib/ui/icons.tsx';
import type { ZoomControls as Zoom } from './use-zoom-pan.ts';
import type { ViewerImage, ViewerReference } from './viewer-image.ts';
import { ZoomControls } from './zoom-controls.tsx';
import type { CompareMode } from './zoom-stage.tsx';

interface ViewerHeaderProps {
  image: ViewerImage;
  /** Shown against the image (A/B, before/after): its size is given too when it differs. */
  reference: ViewerReference | undefined;
  index: number;
  count: number;
  onStep: (delta: number) => void;
  /** None for a picture that cannot be shown. */
  zoom: Zoom | null;
  compare: { mode: CompareMode; setMode: (mode: CompareMode) => void } | null;
  actions: ReactNode;
  info: { open: boolean; toggle: () => void } | null;
  blob: Blob | null;
}

/** The viewer's solid header: what is shown, the steps, zoom, compare mode and actions. */
export function ViewerHeader({
  image,
  reference,
  index,
  count,
  onStep,
  zoom,
  compare,
  actions,
  info,
  blob,
}: ViewerHeaderProps) {
  return (
    <header className="image-viewer__header">
      <div className="image-viewer__heading">
        <Dialog.Title className="image-viewer__title">{image.title}</Dialog.Title>
        <p className={`image-viewer__subtitle${reference ? ' image-viewer__subtitle--pair' : ''}`}>
          {image.subtitle ? <span className="image-viewer__prompt">{image.subtitle}</span> : null}
          <span className="image-viewer__size">{sizeText(image, reference)}</span>
        </p>
      </div>
      <div className="image-viewer__tools">
        {count > 1 ? (
          <div className="image-viewer__steps" role="group" aria-label="Images">
            <button
              type="button"
              className="viewer-button viewer-button--icon"
              aria-label="Previous image"
              title="Previous (←)"
              onClick={() => onStep(-1)}
            >
              ←
            </button>
            <span className="image-viewer__count">
              {index + 1} / {count}
            </span>
            <button
              type="button"
              className="viewer-button viewer-button--icon"
              aria-label="Next image"
              title="Next (→)"
              onClick={() => onStep(1)}
            >
              →
            </button>
          </div>
        ) : null}
        {zoom ? <ZoomControls zoom={zoom} /> : null}
        {compare ? (
          <ToggleGroup.Root
            type="single"
            className="viewer-modes"
            aria-label="Compare as"
            value={compare.mode}
            onValueChange={(v) => v && compare.setMode(v as CompareMode)}
          >
            <ToggleGroup.Item value="slider" className="viewer-button">
              Slider
            </ToggleGroup.Item>
            <ToggleGroup.Item value="side-by-side" className="viewer-button">
              Side by side
            </ToggleGroup.Item>
          </ToggleGroup.Root>
        ) : null}
        {actions}
        {image.downloadName && blob ? (
          <button
            type="button"
            className="viewer-button viewer-button--icon"
            aria-label="Download"
            title={`Download ${image.downloadName}`}
            onClick={() => downloadBlob(blob, image.downloadName!)}
          >
            <Icon name="download" />
          </button>
        ) : null}
        {info ? (
          <button
            type="button"
            className="viewer-button"
            aria-pressed={info.open}
            aria-controls={info.open ? 'viewer-info' : undefined}
            onClick={info.toggle}
          >
            Info
          </button>
        ) : null}
      </div>
      <Dialog.Close
        className="viewer-button viewer-button--icon image-viewer__close"
        aria-label="Close"
        title="Close (Esc)"
      >
        <Icon name="close" />
      </Dialog.Close>
    </header>
  );
}

/** "1024 × 1536"; for two pictures of different sizes, each: "A 64 × 128 · B 192 × 96". */
function sizeText(image: ViewerImage, reference: ViewerReference | undefined): string {
  const size = (i: ViewerImage) => `${i.width} × ${i.height}`;
  if (!reference || size(reference.image) === size(image)) return size(image);
  const [left, right] = reference.labels;
  return `${left} ${size(reference.image)} · ${right} ${size(image)}`;
}
