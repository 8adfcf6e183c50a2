/**
 * Pre-fills the unknown part of a picture from its known pixels, smoothly (pull-push, after
 * Gortler et al. 1996): average the known pixels down a pyramid, then fill each level's
 * holes from the level above. Near the known edge the fill continues its colours; far
 * from it, it is a heavy blur of the whole known area. That is what GPT Image 2 needs for
 * an extend: it reads the pixels under a transparent mask (transparency is seen as its
 * hidden colour, often white), so the new area must already look like the picture.
 * Known pixels are left exactly as they are.
 */

/** Fills, in place, every pixel of `rgba` (width x height) where `known` is 0. */
export function fillUnknown(
  rgba: Uint8ClampedArray,
  known: Uint8Array,
  width: number,
  height: number,
): void {
  // Level 0: premultiplied colour and weight.
  const levels: { w: number; h: number; c: Float32Array; a: Float32Array }[] = [];
  let c = new Float32Array(width * height * 3);
  let a = new Float32Array(width * height);
  for (let p = 0; p < a.length; p++) {
    if (!known[p]) continue;
    a[p] = 1;
    for (let k = 0; k < 3; k++) c[p * 3 + k] = rgba[p * 4 + k]!;
  }
  let w = width;
  let h = height;
  levels.push({ w, h, c, a });
  // Pull: halve until one pixel, summing colour and weight of each 2x2 block.
  while (w > 1 || h > 1) {
    const nw = Math.ceil(w / 2);
    const nh = Math.ceil(h / 2);
    const nc = new Float32Array(nw * nh * 3);
    const na = new Float32Array(nw * nh);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const p = y * w + x;
        const q = (y >> 1) * nw + (x >> 1);
        na[q]! += a[p]!;
        for (let k = 0; k < 3; k++) nc[q * 3 + k]! += c[p * 3 + k]!;
      }
    }
    // Normalise a block's weight to at most 1, keeping colour premultiplied by it.
    for (let q = 0; q < na.length; q++) {
      if (na[q]! <= 1) continue;
      const s = 1 / na[q]!;
      na[q] = 1;
      for (let k = 0; k < 3; k++) nc[q * 3 + k]! *= s;
    }
    w = nw;
    h = nh;
    c = nc;
    a = na;
    levels.push({ w, h, c, a });
  }
  // Push: from the coarsest level down, fill what each level lacks from the one above
  // (bilinear, so the fill has no blocks).
  for (let l = levels.length - 2; l >= 0; l--) {
    const fine = levels[l]!;
    const coarse = levels[l + 1]!;
    for (let y = 0; y < fine.h; y++) {
      const cy = Math.min(coarse.h - 1, Math.max(0, (y - 0.5) / 2));
      const y0 = Math.floor(cy);
      const y1 = Math.min(coarse.h - 1, y0 + 1);
      const ty = cy - y0;
      for (let x = 0; x < fine.w; x++) {
        const p = y * fine.w + x;
        const missing = 1 - fine.a[p]!;
        if (missing <= 0) continue;
        const cx = Math.min(coarse.w - 1, Math.max(0, (x - 0.5) / 2));
        const x0 = Math.floor(cx);
        const x1 = Math.min(coarse.w - 1, x0 + 1);
        const tx = cx - x0;
        const at = (xx: number, yy: number, k: number) => {
          const q = yy * coarse.w + xx;
          return coarse.a[q]! > 0 ? coarse.c[q * 3 + k]! / coarse.a[q]! : 0;
        };
        for (let k = 0; k < 3; k++) {
          const top = at(x0, y0, k) + (at(x1, y0, k) - at(x0, y0, k)) * tx;
          const bottom = at(x0, y1, k) + (at(x1, y1, k) - at(x0, y1, k)) * tx;
          fine.c[p * 3 + k]! += missing * (top + (bottom - top) * ty);
        }
        fine.a[p] = 1;
      }
    }
  }
  const top = levels[0]!;
  for (let p = 0; p < known.length; p++) {
    if (known[p]) continue;
    for (let k = 0; k < 3; k++) rgba[p * 4 + k] = top.c[p * 3 + k]!;
    rgba[p * 4 + 3] = 255;
  }
}
