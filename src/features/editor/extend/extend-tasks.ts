/**
 * Extend canvas in the compose worker: one session per extend holds the growing canvas
 * (extend-canvas.ts); each frame's inputs go out as PNGs, each finished frame comes back
 * and is pasted, and the whole canvas can be previewed or encoded at any time.
 */
import { transfer } from 'comlink';
import type { Dimensions } from '../../../api/model-types.ts';
import { apiMaskPng, readPixels, toPng } from '../compose/worker-pixels.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import { ExtendCanvas } from './extend-canvas.ts';
import { SESSION_GONE } from '../compose/session-gone.ts';

const canvases = new Map<string, ExtendCanvas>();

function canvasFor(key: string): ExtendCanvas {
  const canvas = canvases.get(key);
  if (!canvas) throw new Error(`This extend is ${SESSION_GONE}; start it again.`);
  return canvas;
}

export interface ExtendFrameFiles {
  /** The frame's pixels, new area pre-filled (what the model is sent). */
  image: Blob;
  /** The new area, as an API mask (alpha 0 = new). */
  newArea: Blob;
  /** The mask sent: the new area plus the overlap band (alpha 0 = paint here). */
  mask: Blob;
}

export const extendTasks = {
  async extendOpen(
    key: string,
    original: Blob,
    canvas: Dimensions,
    at: { x: number; y: number },
  ): Promise<void> {
    const o = await readPixels(original);
    canvases.set(
      key,
      new ExtendCanvas(
        canvas.width,
        canvas.height,
        { rgba: o.data, width: o.width, height: o.height },
        at,
      ),
    );
  },

  async extendFrame(key: string, frame: Rect, band: number): Promise<ExtendFrameFiles> {
    const { image, newArea, sent } = canvasFor(key).frameInputs(frame, band);
    const [png, area, mask] = await Promise.all([
      toPng(image, frame.width, frame.height),
      apiMaskPng(newArea, frame.width, frame.height),
      apiMaskPng(sent, frame.width, frame.height),
    ]);
    return { image: png, newArea: area, mask };
  },

  /** Pastes a finished frame (scaled to the frame if the model answered another size). */
  async extendPaste(key: string, frame: Rect, result: Blob): Promise<ImageBitmap> {
    const canvas = canvasFor(key);
    const pixels = await readPixels(result, frame.width, frame.height);
    canvas.paste(frame, pixels.data);
    const bitmap = await createImageBitmap(
      new ImageData(canvas.rgba.slice(), canvas.width, canvas.height),
    );
    return transfer(bitmap, [bitmap]);
  },

  /** The whole canvas as a PNG (the finished extend). */
  async extendPng(key: string): Promise<Blob> {
    const canvas = canvasFor(key);
    return toPng(canvas.rgba.slice(), canvas.width, canvas.height);
  },

  async extendClose(key: string): Promise<void> {
    canvases.delete(key);
  },
};
