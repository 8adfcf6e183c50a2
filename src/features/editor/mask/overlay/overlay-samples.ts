/**
 * What Auto looks at: the picture's colours under the painted area, read from small copies
 * of the picture and the mask (a few thousand pixels whatever the image size, so it costs a
 * millisecond or two once a stroke ends, never during one). With too little painted to go
 * on, the whole picture.
 */
import { rgbToLab, type Lab } from '../../../../lib/compose/lab.ts';
import { browserCanvas, context2d, type PaintCanvas } from '../paint-canvas.ts';

/** The small copies' longer side, in pixels. */
const GRID = 96;
/** Fewer painted samples than this: look at the whole picture instead. */
const MIN_UNDER = 12;
/** A small pixel counts as painted from this much coverage (of 255). */
const PAINTED = 64;

function shrink(source: CanvasImageSource, width: number, height: number): Uint8ClampedArray {
  const ctx = context2d(browserCanvas(width, height));
  ctx.imageSmoothingQuality = 'low';
  ctx.drawImage(source, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height).data;
}

export function samplesUnderPaint(
  picture: CanvasImageSource,
  mask: { canvas: PaintCanvas; width: number; height: number; untouched?: boolean },
): Lab[] {
  const scale = Math.min(1, GRID / Math.max(mask.width, mask.height));
  const w = Math.max(1, Math.round(mask.width * scale));
  const h = Math.max(1, Math.round(mask.height * scale));
  const colours = shrink(picture, w, h);
  // A mask never painted is not read: scaling a 4096² canvas down costs a frame.
  const paint = mask.untouched ? null : shrink(mask.canvas as CanvasImageSource, w, h);
  const all: Lab[] = [];
  const under: Lab[] = [];
  for (let p = 0; p < w * h; p++) {
    const i = p * 4;
    if (colours[i + 3]! < 128) continue; // transparent: nothing there to contrast with
    const lab = rgbToLab(colours[i]!, colours[i + 1]!, colours[i + 2]!);
    all.push(lab);
    if (paint && paint[i + 3]! >= PAINTED) under.push(lab);
  }
  return under.length >= MIN_UNDER ? under : all;
}
