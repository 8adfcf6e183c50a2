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
  // Row by row: a row's first and last marked pixels are all it adds.
  for (let y = 0, row = 0; row < region.length; y++, row += width) {
    let first = row;
    const end = Math.min(row + width, region.length);
    while (first < end && region[first] === 0) first++;
    if (first === end) continue;
    let last = end - 1;
    while (region[last] === 0) last--;
    if (first - row < x0) x0 = first - row;
    if (last - row > x1) x1 = last - row;
    if (y < y0) y0 = y;
    y1 = y;
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
