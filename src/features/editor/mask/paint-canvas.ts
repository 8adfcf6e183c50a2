/**
 * The canvases the mask is painted on. In the browser they are OffscreenCanvas (or a DOM
 * canvas); in unit tests @napi-rs/canvas stands in, so mask logic runs without a browser.
 */

export type PaintCanvas = HTMLCanvasElement | OffscreenCanvas;
export type PaintContext = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
export type CanvasFactory = (width: number, height: number) => PaintCanvas;

/** Pixels as plain bytes (RGBA, row-major), the shape of ImageData without needing a DOM. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The 2D context of a paint canvas. `willReadFrequently` because the mask is read back often
 * (history tiles, export), which a GPU-backed canvas makes slow.
 */
export function context2d(canvas: PaintCanvas): PaintContext {
  // The union's overloaded getContext signatures do not unify; both return a 2D context here.
  const ctx = (canvas as OffscreenCanvas).getContext('2d', {
    willReadFrequently: true,
  }) as PaintContext | null;
  if (!ctx) throw new Error('This browser cannot create a 2D canvas for the mask.');
  return ctx;
}

/** The browser's canvas factory: OffscreenCanvas where it exists, a detached DOM canvas otherwise. */
export const browserCanvas: CanvasFactory = (width, height) => {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
};

/** Clips a rectangle to the image, rounding outwards to whole pixels; null when nothing is left. */
export function clipRect(rect: Rect, width: number, height: number): Rect | null {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(height, Math.ceil(rect.y + rect.height));
  if (x1 <= x0 || y1 <= y0) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
