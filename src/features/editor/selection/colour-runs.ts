/**
 * A picture's rows as runs of pixels "like" the clicked one, each row compared only when the
 * wand first needs it. The flood fill then joins runs, never single pixels, and nothing of
 * the picture's size is allocated: a 4096x4096 sky is ~2,700 runs, not 16 million flags.
 *
 * Likeness: every channel (red, green, blue and alpha) within the tolerance of the clicked
 * pixel's. All four are checked at once on the pixel's 32-bit word: it is split into two
 * words of two 16-bit lanes (bytes 0 and 2, bytes 1 and 3); adding 256 - low to a lane sets
 * its bit 8 when the channel is at least `low`, adding 255 - high sets it when the channel is
 * above `high`, and no lane can carry into the next.
 */
import type { RgbaImage } from '../mask/paint-canvas.ts';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const UNTESTED = -1;

export class ColourRuns {
  readonly width: number;
  readonly height: number;
  /** Run k covers x in [ends[2k], ends[2k + 1]) of its row. */
  ends = new Int32Array(4096);
  /** Per run: 1 once the fill has taken it. */
  taken = new Uint8Array(2048);
  /** Row y's runs are first[y] .. last[y] - 1 (run indices); first is UNTESTED until compared. */
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  private runs = 0;
  private readonly words: Uint32Array;
  /** [even bytes' "at least low", odd bytes' …, even "above high", odd …]. */
  private readonly adds: [number, number, number, number];

  /** `tolerance`: a whole number in 0..255. */
  constructor(image: RgbaImage, seedIndex: number, tolerance: number) {
    const t = tolerance;
    // 32-bit words need 4-byte alignment: a view at an odd offset is copied (rare).
    const bytes = image.data.byteOffset % 4 === 0 ? image.data : image.data.slice();
    this.width = image.width;
    this.height = image.height;
    this.words = new Uint32Array(bytes.buffer, bytes.byteOffset, image.width * image.height);
    // The channel held by each byte of the word, low byte first (R on little-endian machines).
    const [b0, b1, b2, b3] = (LITTLE_ENDIAN ? [0, 1, 2, 3] : [3, 2, 1, 0]).map(
      (c) => bytes[seedIndex * 4 + c] ?? 0,
    ) as [number, number, number, number];
    const atLeast = (v: number) => 256 - Math.max(0, v - t);
    const above = (v: number) => 255 - Math.min(255, v + t);
    this.adds = [
      (atLeast(b2) << 16) | atLeast(b0),
      (atLeast(b3) << 16) | atLeast(b1),
      (above(b2) << 16) | above(b0),
      (above(b3) << 16) | above(b1),
    ];
    this.first = new Int32Array(image.height).fill(UNTESTED);
    this.last = new Int32Array(image.height);
  }

  /** Row y's runs as [first, last) run indices, comparing the row on first use. */
  row(y: number): [number, number] {
    if (this.first[y] === UNTESTED) this.compare(y);
    return [this.first[y]!, this.last[y]!];
  }

  private compare(y: number): void {
    const { width, words } = this;
    const [evenLow, oddLow, evenHigh, oddHigh] = this.adds;
    // A row holds at most width / 2 + 1 runs.
    this.reserve(this.runs + (width >> 1) + 1);
    const ends = this.ends;
    let n = this.runs * 2;
    let inRun = false;
    const start = y * width;
    for (let i = start, end = start + width; i < end; i++) {
      const w = words[i]!;
      const even = w & 0x00ff00ff;
      const odd = (w >>> 8) & 0x00ff00ff;
      const alike =
        ((~((even + evenLow) & (odd + oddLow)) | (even + evenHigh) | (odd + oddHigh)) &
          0x01000100) ===
        0;
      if (alike !== inRun) {
        ends[n++] = i - start;
        inRun = alike;
      }
    }
    if (inRun) ends[n++] = width;
    this.first[y] = this.runs;
    this.runs = n >> 1;
    this.last[y] = this.runs;
  }

  private reserve(runs: number): void {
    if (runs <= this.taken.length) return;
    const size = Math.max(runs, this.taken.length * 2);
    const ends = new Int32Array(size * 2);
    ends.set(this.ends.subarray(0, this.runs * 2));
    const taken = new Uint8Array(size);
    taken.set(this.taken.subarray(0, this.runs));
    this.ends = ends;
    this.taken = taken;
  }
}
