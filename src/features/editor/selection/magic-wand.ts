/**
 * The magic wand: which pixels are "like" the one clicked. Pure, on plain RGBA bytes, so the
 * selection worker runs it off the main thread and unit tests run it on synthetic pictures.
 *
 * Likeness: every channel (red, green, blue and alpha) within `tolerance` of the clicked
 * pixel's, so 0 takes exactly that colour and 255 takes everything. Contiguous selects the
 * region connected to the click (4-neighbours: a diagonal touch does not leak); otherwise the
 * colour range everywhere in the picture.
 */
import type { RgbaImage, Rect } from '../mask/paint-canvas.ts';

export interface WandOptions {
  /** 0..255: how far each channel may differ from the clicked pixel's. */
  tolerance: number;
  contiguous: boolean;
}

/** A selection at the picture's size: 255 where selected, 0 elsewhere. */
export interface Selection {
  width: number;
  height: number;
  data: Uint8Array;
  /** The smallest rectangle holding every selected pixel; null when nothing is selected. */
  bounds: Rect | null;
  count: number;
}

export const TOLERANCE_MIN = 0;
export const TOLERANCE_MAX = 255;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function selectByColour(
  image: RgbaImage,
  seed: { x: number; y: number },
  options: WandOptions,
): Selection {
  const marked = markSelection(image, seed, options);
  const { cells, bounds } = marked;
  if (bounds && options.contiguous) {
    // The fill compared whole rows next to the ones it filled: alike pixels it did not reach
    // are still marked there.
    const from = Math.max(0, bounds.y - 1) * image.width;
    const to = Math.min(image.height, bounds.y + bounds.height + 1) * image.width;
    for (let i = from; i < to; i++) if (cells[i] !== SELECTED) cells[i] = 0;
  }
  return { width: image.width, height: image.height, data: cells, bounds, count: marked.count };
}

/** What markSelection knows of a pixel: 0 (unlike, or not looked at), alike, or selected. */
const LIKE = 1;
export const SELECTED = 255;

/**
 * The wand's work without the final tidy-up: in `cells`, SELECTED marks every selected pixel;
 * in the rows the fill looked at, alike pixels it did not reach hold another non-zero value;
 * elsewhere 0. The selection worker reads it straight into the mask's paint within the bounds,
 * and saves a pass.
 */
export function markSelection(
  image: RgbaImage,
  seed: { x: number; y: number },
  options: WandOptions,
): Marked & { cells: Uint8Array } {
  const { width, height } = image;
  const x0 = Math.floor(seed.x);
  const y0 = Math.floor(seed.y);
  if (x0 < 0 || y0 < 0 || x0 >= width || y0 >= height) {
    throw new RangeError(`(${seed.x}, ${seed.y}) is outside the ${width}x${height} picture`);
  }
  const cells = new Uint8Array(width * height);
  const rows = new RowTester(image, y0 * width + x0, options.tolerance, cells);
  const marked = options.contiguous ? floodFill(rows, x0, y0) : everywhere(rows);
  return { ...marked, cells };
}

/**
 * Compares whole rows with the clicked pixel, in one tight loop each (the hot spot of a 4K
 * selection), rows only when the fill first needs them. All four channels are checked at
 * once: the word is split into two words of two 16-bit lanes (bytes 0 and 2, bytes 1 and 3);
 * adding 256 - low to a lane sets its bit 8 when the channel is at least `low`, adding
 * 255 - high sets it when the channel is above `high`, and no lane can carry into the next.
 */
class RowTester {
  readonly width: number;
  readonly height: number;
  private readonly words: Uint32Array;
  /** Per lane pair: [even bytes' "at least low", odd bytes' …, even "above high", odd …]. */
  private readonly adds: [number, number, number, number];
  private readonly tested: Uint8Array;

  constructor(
    image: RgbaImage,
    index: number,
    tolerance: number,
    readonly cells: Uint8Array,
  ) {
    const t = Math.max(TOLERANCE_MIN, Math.min(TOLERANCE_MAX, Math.round(tolerance)));
    // 32-bit words need 4-byte alignment: a view at an odd offset is copied (rare).
    const bytes = image.data.byteOffset % 4 === 0 ? image.data : image.data.slice();
    this.width = image.width;
    this.height = image.height;
    this.words = new Uint32Array(bytes.buffer, bytes.byteOffset, image.width * image.height);
    // The channel held by each byte of the word, low byte first (R on little-endian machines).
    const [b0, b1, b2, b3] = (LITTLE_ENDIAN ? [0, 1, 2, 3] : [3, 2, 1, 0]).map(
      (c) => bytes[index * 4 + c] ?? 0,
    ) as [number, number, number, number];
    const atLeast = (v: number) => 256 - Math.max(0, v - t);
    const above = (v: number) => 255 - Math.min(255, v + t);
    this.adds = [
      (atLeast(b2) << 16) | atLeast(b0),
      (atLeast(b3) << 16) | atLeast(b1),
      (above(b2) << 16) | above(b0),
      (above(b3) << 16) | above(b1),
    ];
    this.tested = new Uint8Array(image.height);
  }

  /** Marks row y's alike pixels with `value` (once); returns how many and the first and last x. */
  row(y: number, value: number): { count: number; first: number; last: number } {
    const { width, words, cells } = this;
    const [evenLow, oddLow, evenHigh, oddHigh] = this.adds;
    this.tested[y] = 1;
    let count = 0;
    let first = -1;
    let last = -1;
    const start = y * width;
    for (let i = start, end = start + width; i < end; i++) {
      const w = words[i]!;
      const even = w & 0x00ff00ff;
      const odd = (w >>> 8) & 0x00ff00ff;
      const outside =
        (~((even + evenLow) & (odd + oddLow)) | (even + evenHigh) | (odd + oddHigh)) & 0x01000100;
      if (outside === 0) {
        cells[i] = value;
        count++;
        if (first < 0) first = i - start;
        last = i - start;
      }
    }
    return { count, first, last };
  }

  /** Compares row y if that has not been done yet. */
  ensure(y: number): void {
    if (this.tested[y] === 0) this.row(y, LIKE);
  }
}

export interface Marked {
  bounds: Rect | null;
  count: number;
}

/** Tracks how many pixels were marked and the rectangle around them. */
class Extent {
  count = 0;
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -1;
  private maxY = -1;

  /** Counts `count` pixels of row y, the first at xl and the last at xr. */
  add(count: number, xl: number, xr: number, y: number): void {
    this.count += count;
    if (xl < this.minX) this.minX = xl;
    if (xr > this.maxX) this.maxX = xr;
    if (y < this.minY) this.minY = y;
    if (y > this.maxY) this.maxY = y;
  }

  result(): Marked {
    if (this.count === 0) return { bounds: null, count: 0 };
    const { minX, minY, maxX, maxY } = this;
    return {
      bounds: { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 },
      count: this.count,
    };
  }
}

/** Every pixel of the colour range, connected or not. */
function everywhere(rows: RowTester): Marked {
  const extent = new Extent();
  for (let y = 0; y < rows.height; y++) {
    const { count, first, last } = rows.row(y, SELECTED);
    if (count > 0) extent.add(count, first, last, y);
  }
  return extent.result();
}

/**
 * Scanline flood fill: fill the whole run of alike pixels through a seed, then queue one seed
 * per run of alike pixels in the rows above and below it. Each pixel is read a few times at
 * most, and the stack holds runs, not pixels.
 */
function floodFill(rows: RowTester, x0: number, y0: number): Marked {
  const { cells, width, height } = rows;
  const extent = new Extent();
  const stack: number[] = [x0, y0];
  rows.ensure(y0);
  while (stack.length > 0) {
    const y = stack.pop()!;
    const x = stack.pop()!;
    const row = y * width;
    if (cells[row + x] !== LIKE) continue;
    let xl = x;
    while (xl > 0 && cells[row + xl - 1] === LIKE) xl--;
    let xr = x;
    while (xr < width - 1 && cells[row + xr + 1] === LIKE) xr++;
    cells.fill(SELECTED, row + xl, row + xr + 1);
    extent.add(xr - xl + 1, xl, xr, y);
    if (y > 0) seedRuns(rows, stack, xl, xr, y - 1);
    if (y < height - 1) seedRuns(rows, stack, xl, xr, y + 1);
  }
  return extent.result();
}

/** Pushes the first pixel of each run of alike pixels in [xl, xr] of row y. */
function seedRuns(rows: RowTester, stack: number[], xl: number, xr: number, y: number): void {
  rows.ensure(y);
  const { cells } = rows;
  const row = y * rows.width;
  let inRun = false;
  for (let x = xl; x <= xr; x++) {
    if (cells[row + x] === LIKE) {
      if (!inRun) stack.push(x, y);
      inRun = true;
    } else inRun = false;
  }
}
