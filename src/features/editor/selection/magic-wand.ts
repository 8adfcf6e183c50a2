/**
 * The magic wand: which pixels are "like" the one clicked. Pure, on plain RGBA bytes, so the
 * selection worker runs it off the main thread and unit tests run it on synthetic pictures.
 *
 * Likeness: every channel (red, green, blue and alpha) within `tolerance` of the clicked
 * pixel's, so 0 takes exactly that colour and 255 takes everything (colour-runs.ts).
 * Contiguous selects the region connected to the click (4-neighbours: a diagonal touch does
 * not leak); otherwise the colour range everywhere in the picture.
 *
 * The fill works on runs of alike pixels, not on pixels: a run is taken whole, and it takes
 * the runs of the rows above and below that share a column with it. The result is those runs.
 */
import type { RgbaImage, Rect } from '../mask/paint-canvas.ts';
import { ColourRuns } from './colour-runs.ts';

export const TOLERANCE_MIN = 0;
export const TOLERANCE_MAX = 255;

export interface WandOptions {
  /** 0..255: how far each channel may differ from the clicked pixel's. */
  tolerance: number;
  contiguous: boolean;
}

/** A selection as runs: what the selection worker turns into the mask's paint. */
export interface RunSelection {
  /** Row by row from the top, left to right: y, first x, last x + 1 of each selected run. */
  runs: Int32Array;
  /** The smallest rectangle holding every selected pixel; null when nothing is selected. */
  bounds: Rect | null;
  count: number;
}

/** A selection at the picture's size: 255 where selected, 0 elsewhere. */
export interface Selection {
  width: number;
  height: number;
  data: Uint8Array;
  bounds: Rect | null;
  count: number;
}

/** SELECTED in a per-pixel selection (the person selector's, `Selection.data`). */
export const SELECTED = 255;

export function selectRuns(
  image: RgbaImage,
  seed: { x: number; y: number },
  options: WandOptions,
): RunSelection {
  const { width, height } = image;
  const x0 = Math.floor(seed.x);
  const y0 = Math.floor(seed.y);
  if (x0 < 0 || y0 < 0 || x0 >= width || y0 >= height) {
    throw new RangeError(`(${seed.x}, ${seed.y}) is outside the ${width}x${height} picture`);
  }
  const tolerance = Math.max(TOLERANCE_MIN, Math.min(TOLERANCE_MAX, Math.round(options.tolerance)));
  const rows = new ColourRuns(image, y0 * width + x0, tolerance);
  const extent = options.contiguous ? floodFill(rows, x0, y0) : everywhere(rows);
  return extent.result(rows);
}

/** The same selection, one byte per pixel (tests, and anything that wants a plain array). */
export function selectByColour(
  image: RgbaImage,
  seed: { x: number; y: number },
  options: WandOptions,
): Selection {
  const { runs, bounds, count } = selectRuns(image, seed, options);
  const data = new Uint8Array(image.width * image.height);
  for (let i = 0; i < runs.length; i += 3) {
    const row = runs[i]! * image.width;
    data.fill(SELECTED, row + runs[i + 1]!, row + runs[i + 2]!);
  }
  return { width: image.width, height: image.height, data, bounds, count };
}

/** Every run of the colour range, connected or not. */
function everywhere(rows: ColourRuns): Extent {
  const extent = new Extent();
  for (let y = 0; y < rows.height; y++) {
    const [first, last] = rows.row(y);
    for (let k = first; k < last; k++) {
      rows.taken[k] = 1;
      extent.add(rows.ends[2 * k]!, rows.ends[2 * k + 1]!, y);
    }
  }
  return extent;
}

/** The runs connected to the clicked pixel's (which is always alike: it is the reference). */
function floodFill(rows: ColourRuns, x0: number, y0: number): Extent {
  const extent = new Extent();
  const [first] = rows.row(y0);
  let seed = first;
  while (rows.ends[2 * seed + 1]! <= x0) seed++;
  rows.taken[seed] = 1;
  const stack: number[] = [seed, y0];
  while (stack.length > 0) {
    const y = stack.pop()!;
    const k = stack.pop()!;
    const from = rows.ends[2 * k]!;
    const to = rows.ends[2 * k + 1]!;
    extent.add(from, to, y);
    if (y > 0) takeTouching(rows, stack, from, to, y - 1);
    if (y < rows.height - 1) takeTouching(rows, stack, from, to, y + 1);
  }
  return extent;
}

/** Takes (and queues) the runs of row y not taken yet that share a column with [from, to). */
function takeTouching(rows: ColourRuns, stack: number[], from: number, to: number, y: number) {
  const [first, last] = rows.row(y); // may grow the arrays: read them after
  const { ends, taken } = rows;
  // The first run ending after `from` (runs are in order and do not overlap).
  let lo = first;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[2 * mid + 1]! <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < last && ends[2 * k]! < to; k++) {
    if (taken[k] === 0) {
      taken[k] = 1;
      stack.push(k, y);
    }
  }
}

/** Counts the taken pixels and the rectangle around them, then lists the taken runs. */
class Extent {
  private count = 0;
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -1;
  private maxY = -1;

  /** A taken run of row y: x in [from, to). */
  add(from: number, to: number, y: number): void {
    this.count += to - from;
    if (from < this.minX) this.minX = from;
    if (to - 1 > this.maxX) this.maxX = to - 1;
    if (y < this.minY) this.minY = y;
    if (y > this.maxY) this.maxY = y;
  }

  result(rows: ColourRuns): RunSelection {
    if (this.count === 0) return { runs: new Int32Array(0), bounds: null, count: 0 };
    const { minX, minY, maxX, maxY } = this;
    // Every row between the top and the bottom holds a taken run, so all were compared.
    let n = 0;
    for (let y = minY; y <= maxY; y++) {
      const [first, last] = rows.row(y);
      for (let k = first; k < last; k++) n += rows.taken[k]!;
    }
    const runs = new Int32Array(n * 3);
    let i = 0;
    for (let y = minY; y <= maxY; y++) {
      const [first, last] = rows.row(y);
      for (let k = first; k < last; k++) {
        if (rows.taken[k] === 0) continue;
        runs[i++] = y;
        runs[i++] = rows.ends[2 * k]!;
        runs[i++] = rows.ends[2 * k + 1]!;
      }
    }
    return {
      runs,
      bounds: { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 },
      count: this.count,
    };
  }
}
