import { Dialog } from 'radix-ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { getModel } from '../../../api/model-lookup.ts';
import { createFocusReturn } from '../../../lib/ui/focus-return.ts';
import { useWindowWidth } from '../../../lib/ui/use-media-query.ts';
import {
  centredSquare,
  clampSquare,
  placementBetween,
  type Box,
  type SquareCrop,
} from '../../../lib/image-geometry.ts';
import { useEditModel } from '../edit/edit-model.ts';
import { focusSetting } from '../../prompt/prompt-focus.ts';
import { editorSource } from '../intake/editor-source.ts';
import { imageTasks } from '../intake/image-tasks.ts';
import type { MaskModel } from '../mask/mask-model.ts';
import { swatchCss } from '../mask/overlay/overlay-colour.ts';
import { shownSwatch, useOverlayStore } from '../mask/overlay/overlay-store.ts';
import { useSessionStore, type EditorSource, type SquareChoice } from '../stores/session-store.ts';
import { CropSelection } from './crop-selection.tsx';
import { LabelledSlider } from './labelled-slider.tsx';
import './crop-dialog.css';

const BOX = { width: 560, height: 400 };
/** The dialog's margin to the window (16 px) plus its padding (24 px), each side. */
const DIALOG_INSET = 40;

// Opened by an image opened, Make square… or a model chosen, not by a Trigger: focus goes back
// where it was, or to the Model field when the list it was chosen from has gone.
const focusReturn = createFocusReturn(() => focusSetting('edit', 'Model'));

/** The crop-or-pad step for models that take only square images (dall-e-2). */
export function CropDialog() {
  const status = useSessionStore((s) => s.status);
  const source = useSessionStore((s) => s.source);
  const model = useEditModel();
  const previous = useSessionStore((s) => s.squareChoice);
  const open = status === 'cropping' && source !== null;
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && editorSource.cancelSquare()}>
      <Dialog.Portal>
        <Dialog.Overlay className="editor-dialog__overlay" />
        <Dialog.Content
          className="editor-dialog editor-dialog--crop"
          onOpenAutoFocus={focusReturn.remember}
          onCloseAutoFocus={focusReturn.onCloseAutoFocus}
        >
          {source && (
            <CropStep source={source} modelLabel={getModel(model).label} previous={previous} />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

interface CropStepProps {
  source: EditorSource;
  modelLabel: string;
  previous: SquareChoice | null;
}

function CropStep({ source, modelLabel, previous }: CropStepProps) {
  const { width, height } = source;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [crop, setCrop] = useState<SquareCrop>(() =>
    previous?.kind === 'crop' ? previous.crop : centredSquare(width, height),
  );
  // On a phone the box is the dialog's inner width (the window less its margins and padding),
  // following a resize or a rotation while the step is open.
  const windowWidth = useWindowWidth();
  const boxWidth = Math.min(BOX.width, Math.max(160, windowWidth - 2 * DIALOG_INSET));
  const scale = Math.min(boxWidth / width, BOX.height / height, 1);

  const picture = useCropPicture(source.key);
  // The mask painted on this very picture, drawn over it as on the stage, where its framing
  // (the whole picture, or the square chosen before: Change crop) puts it: a crop that would
  // leave part of it out is seen before it is chosen.
  const mask = useSessionStore((s) => s.mask);
  const framed = useSessionStore((s) => s.prepared);
  const painted = mask && framed?.sourceKey === source.key ? mask : null;
  const geometry = framed?.geometry;
  const at = useMemo(
    () =>
      geometry
        ? placementBetween(geometry, { width, height, originX: 0, originY: 0, scale: 1 })
        : null,
    [geometry, width, height],
  );
  const overlay = swatchCss(useOverlayStore(shownSwatch), 0.5);
  // Drawn at the screen's own pixels (a Retina screen's are twice as many), so it is sharp.
  const dpr = window.devicePixelRatio || 1;
  // A new size clears the canvas, so the picture is drawn again at each scale.
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !picture) return;
    ctx.drawImage(picture, 0, 0, canvas.width, canvas.height);
    if (painted?.hasPaint() && at) drawMaskOver(ctx, painted, at, { width, height }, overlay);
  }, [picture, painted, at, width, height, overlay, scale, dpr]);

  const resize = (side: number) =>
    setCrop(
      clampSquare(
        { side, x: crop.x + (crop.side - side) / 2, y: crop.y + (crop.side - side) / 2 },
        width,
        height,
      ),
    );

  return (
    <>
      <Dialog.Title>Make it square for {modelLabel}</Dialog.Title>
      <Dialog.Description className="editor-dialog__lead">
        {modelLabel} edits square images only. This one is {width}×{height}: choose the square to
        keep, or pad the whole image with transparent edges.
      </Dialog.Description>
      <div className="crop-stage" style={{ width: width * scale, height: height * scale }}>
        <canvas
          ref={canvasRef}
          width={Math.round(width * scale * dpr)}
          height={Math.round(height * scale * dpr)}
          aria-hidden="true"
        />
        <CropSelection crop={crop} scale={scale} image={{ width, height }} onChange={setCrop} />
      </div>
      <LabelledSlider
        label="Crop size"
        value={crop.side}
        min={Math.min(16, width, height)}
        max={Math.min(width, height)}
        format={(v) => `${v}×${v} px`}
        onChange={resize}
      />
      <div className="editor-dialog__actions">
        <Dialog.Close asChild>
          <button type="button" className="button button--ghost">
            Cancel
          </button>
        </Dialog.Close>
        <button
          type="button"
          className="button"
          onClick={() => void editorSource.chooseSquare({ kind: 'pad' })}
        >
          Pad with transparency
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void editorSource.chooseSquare({ kind: 'crop', crop })}
        >
          Crop to square
        </button>
      </div>
    </>
  );
}

/**
 * The painted area of `mask` in `colour` over `ctx`'s canvas, which shows the whole picture
 * (`picture`, in its pixels); the mask covers `at` of it.
 */
function drawMaskOver(
  ctx: CanvasRenderingContext2D,
  mask: MaskModel,
  at: Box,
  picture: { width: number; height: number },
  colour: string,
) {
  const { width, height } = ctx.canvas;
  const kx = width / picture.width;
  const ky = height / picture.height;
  const tint = new OffscreenCanvas(width, height);
  const t = tint.getContext('2d');
  if (!t) return;
  t.drawImage(mask.canvas, at.x * kx, at.y * ky, at.width * kx, at.height * ky);
  t.globalCompositeOperation = 'source-in';
  t.fillStyle = colour;
  t.fillRect(0, 0, width, height);
  ctx.drawImage(tint, 0, 0);
}

/**
 * The opened picture, from the image worker, large enough for the biggest box on this screen.
 * Asked for when the step opens, not with every open (image-task-handlers.ts, preview).
 */
function useCropPicture(key: string): ImageBitmap | null {
  const [picture, setPicture] = useState<{ key: string; bitmap: ImageBitmap } | null>(null);
  useEffect(() => {
    let live = true;
    let got: ImageBitmap | null = null;
    const maxEdge = Math.ceil(Math.max(BOX.width, BOX.height) * (window.devicePixelRatio || 1));
    imageTasks.preview(key, maxEdge).then(
      (bitmap) => {
        if (!live) return bitmap.close();
        got = bitmap;
        setPicture({ key, bitmap });
      },
      // Gone already (another image opened): the step closes with it.
      () => undefined,
    );
    return () => {
      live = false;
      got?.close();
    };
  }, [key]);
  return picture?.key === key ? picture.bitmap : null;
}
