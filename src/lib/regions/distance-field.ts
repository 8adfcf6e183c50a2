/**
 * Exact Euclidean distance transform (Felzenszwalb & Huttenlocher, "Distance Transforms of
 * Sampled Functions", 2012): for every pixel of a rectangle, the distance to the nearest
 * "site" pixel inside that rectangle. Two passes of the 1-D lower envelope of parabolas,
 * O(pixels), no approximation, so growing a mask by 10 px is a true disc of radius 10.
 *
 * Pixels outside the rectangle are not sites: the image's border is not an edge. Callers
 * pick the rectangle so that no site that matters lies outside it (see coverage-ops.ts).
 */
import type { Box as Rect } from '../image-geometry.ts';

/** Larger than any squared distance in a 16384² image, small enough to stay exact in float64. */
const FAR = 1e12;

/**
 * Distances (in pixels) from each pixel of `rect` to the nearest pixel where `isSite` is
 * true, row-major over the rect. `isSite` is indexed by image pixel (y * width + x).
 * Where the rect holds no site at all, every distance is Infinity.
 */
export function distanceToSites(isSite: Uint8Array, width: number, rect: Rect): Float32Array {
  const { x: rx, y: ry, width: w, height: h } = rect;
  const squared = new Float64Array(w * h);

  // Columns: distance to the nearest site in the same column, by one sweep down and one up
  // (a binary input needs no envelope here), row by row so memory is read in order.
  const last = new Float64Array(w).fill(-Infinity);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const image = (ry + y) * width + rx;
    for (let x = 0; x < w; x++) {
      if (isSite[image + x]) last[x] = y;
      squared[row + x] = y - last[x]!;
    }
  }
  last.fill(Infinity);
  for (let y = h - 1; y >= 0; y--) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const i = row + x;
      if (squared[i] === 0) last[x] = y;
      const d = Math.min(squared[i]!, last[x]! - y);
      squared[i] = d === Infinity ? FAR : d * d;
    }
  }
  // Rows: combine the columns' answers into the 2-D squared distance.
  const f = new Float64Array(w);
  const out = new Float64Array(w);
  const v = new Int32Array(w);
  const z = new Float64Array(w + 1);
  const result = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) f[x] = squared[row + x]!;
    envelope(f, w, out, v, z);
    for (let x = 0; x < w; x++) {
      const d = out[x]!;
      result[row + x] = d >= FAR ? Infinity : Math.sqrt(d);
    }
  }
  return result;
}

/** One 1-D pass: out[q] = min over p of (q - p)² + f[p]. */
function envelope(
  f: Float64Array,
  n: number,
  out: Float64Array,
  v: Int32Array,
  z: Float64Array,
): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    const fq = f[q]! + q * q;
    let s = (fq - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    while (s <= z[k]!) {
      k--;
      s = (fq - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    const d = q - v[k]!;
    out[q] = d * d + f[v[k]!]!;
  }
}
