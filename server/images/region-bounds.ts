/**
 * The smallest rectangle holding every pixel of a region (a mask of 0 / non-0 per pixel, row
 * by row), or null for an empty region.
 */
export function regionBounds(
  region: Uint8Array,
  width: number,
): { x: number; y: number; width: number; height: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let p = 0; p < region.length; p++) {
    if (region[p] === 0) continue;
    const x = p % width;
    const y = (p - x) / width;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
