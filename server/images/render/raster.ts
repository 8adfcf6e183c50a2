/**
 * A tiny RGBA rasterizer for the procedural pictures: straight (non-premultiplied) 8-bit RGBA,
 * anti-aliased by per-pixel coverage. Plain loops over typed arrays keep a 1024x1024 scene
 * to a few milliseconds.
 */
export type Rgb = readonly [number, number, number];

export class Raster {
  readonly data: Uint8ClampedArray;
  /** The same pixels as little-endian 0xAABBGGRR words, for fast opaque fills. */
  readonly words: Uint32Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8ClampedArray(width * height * 4);
    this.words = new Uint32Array(this.data.buffer);
  }

  /** Source-over blend of one pixel; `a` is the source alpha times coverage, 0..1. */
  blend(i: number, c: Rgb, a: number): void {
    if (a <= 0) return;
    const d = this.data;
    const da = d[i + 3]! / 255;
    if (da === 1 || a >= 1) {
      const k = a >= 1 ? 1 : a;
      d[i] = c[0] * k + d[i]! * (1 - k);
      d[i + 1] = c[1] * k + d[i + 1]! * (1 - k);
      d[i + 2] = c[2] * k + d[i + 2]! * (1 - k);
      d[i + 3] = 255 * (k + da * (1 - k));
      return;
    }
    const oa = a + da * (1 - a);
    const w = (da * (1 - a)) / oa;
    const s = a / oa;
    d[i] = c[0] * s + d[i]! * w;
    d[i + 1] = c[1] * s + d[i + 1]! * w;
    d[i + 2] = c[2] * s + d[i + 2]! * w;
    d[i + 3] = oa * 255;
  }
}

/** An opaque colour as one little-endian RGBA word (see Raster.words). */
export const opaqueWord = (c: Rgb) =>
  ((255 << 24) | (Math.round(c[2]) << 16) | (Math.round(c[1]) << 8) | Math.round(c[0])) >>> 0;

export const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
export const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

/** Fills every row with a colour interpolated between stops ([position 0..1, colour]). */
export function verticalGradient(r: Raster, stops: readonly (readonly [number, Rgb])[]): void {
  for (let y = 0; y < r.height; y++) {
    const t = r.height === 1 ? 0 : y / (r.height - 1);
    let c = stops[0]![1];
    for (let s = 1; s < stops.length; s++) {
      const [p0, c0] = stops[s - 1]!;
      const [p1, c1] = stops[s]!;
      if (t <= p1) {
        c = mix(c0, c1, clamp01((t - p0) / Math.max(1e-6, p1 - p0)));
        break;
      }
      c = c1;
    }
    r.words.fill(opaqueWord(c), y * r.width, (y + 1) * r.width);
  }
}

export interface Blob {
  x: number;
  y: number;
  radius: number;
  color: Rgb;
}

/**
 * A soft "mesh gradient": every pixel a weighted mix of blob colours (inverse-square
 * falloff). The field is smooth, so it is computed on an 8 px grid and interpolated.
 */
export function meshGradient(r: Raster, blobs: readonly Blob[]): void {
  const step = 8;
  const gw = Math.ceil(r.width / step) + 1;
  const gh = Math.ceil(r.height / step) + 1;
  const grid = new Float32Array(gw * gh * 3);
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      let sr = 0;
      let sg = 0;
      let sb = 0;
      let sw = 0;
      for (const b of blobs) {
        const dx = (gx * step - b.x) / b.radius;
        const dy = (gy * step - b.y) / b.radius;
        const w = 1 / (0.05 + dx * dx + dy * dy);
        sr += b.color[0] * w;
        sg += b.color[1] * w;
        sb += b.color[2] * w;
        sw += w;
      }
      const g = (gy * gw + gx) * 3;
      grid[g] = sr / sw;
      grid[g + 1] = sg / sw;
      grid[g + 2] = sb / sw;
    }
  }
  const row = new Float32Array(gw * 3);
  const d = r.data;
  for (let y = 0; y < r.height; y++) {
    const gy = Math.floor(y / step);
    const ty = (y - gy * step) / step;
    for (let k = 0; k < gw * 3; k++) {
      const a = grid[gy * gw * 3 + k]!;
      row[k] = a + (grid[(gy + 1) * gw * 3 + k]! - a) * ty;
    }
    for (let x = 0; x < r.width; x++) {
      const gx = Math.floor(x / step);
      const tx = (x - gx * step) / step;
      const g = gx * 3;
      const i = (y * r.width + x) * 4;
      d[i] = row[g]! + (row[g + 3]! - row[g]!) * tx;
      d[i + 1] = row[g + 1]! + (row[g + 4]! - row[g + 1]!) * tx;
      d[i + 2] = row[g + 2]! + (row[g + 5]! - row[g + 2]!) * tx;
      d[i + 3] = 255;
    }
  }
}

/** The raster's pixel rows and columns within `reach` of a centre (inclusive bounds). */
function pixelsAround(r: Raster, cx: number, cy: number, reach: number) {
  return {
    x0: Math.max(0, Math.floor(cx - reach)),
    x1: Math.min(r.width - 1, Math.ceil(cx + reach)),
    y0: Math.max(0, Math.floor(cy - reach)),
    y1: Math.min(r.height - 1, Math.ceil(cy + reach)),
  };
}

/**
 * A disc with an anti-aliased edge. `shade(nx, ny)` (unit-disc coordinates) may return a
 * colour per pixel for lit spheres.
 */
export function disc(
  r: Raster,
  cx: number,
  cy: number,
  radius: number,
  color: Rgb,
  alpha = 1,
  shade?: (nx: number, ny: number) => Rgb,
): void {
  const { x0, x1, y0, y1 } = pixelsAround(r, cx, cy, radius + 1);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      const dist = Math.sqrt(dx * dx + dy * dy);
      const cover = clamp01(radius - dist + 0.5);
      if (cover <= 0) continue;
      const c = shade ? shade(dx / radius, dy / radius) : color;
      r.blend((y * r.width + x) * 4, c, cover * alpha);
    }
  }
}

/** A soft light: alpha falls from `strength` at the centre to 0 at `radius`. */
export function glow(
  r: Raster,
  cx: number,
  cy: number,
  radius: number,
  color: Rgb,
  strength: number,
): void {
  const { x0, x1, y0, y1 } = pixelsAround(r, cx, cy, radius);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const dx = (x - cx) / radius;
      const dy = (y - cy) / radius;
      const t = 1 - Math.sqrt(dx * dx + dy * dy);
      if (t <= 0) continue;
      r.blend((y * r.width + x) * 4, color, strength * t * t);
    }
  }
}

/** Fills below a height line (one height per column, in pixels from the top), anti-aliased. */
export function fillBelow(r: Raster, heights: Float32Array, color: Rgb, alpha = 1): void {
  const word = opaqueWord(color);
  const words = r.words;
  const w = r.width;
  for (let x = 0; x < w; x++) {
    const h = heights[x]!;
    const top = Math.max(0, Math.floor(h));
    let y = top;
    for (; y < r.height && y + 1 - h < 1; y++) {
      r.blend((y * w + x) * 4, color, clamp01(y + 1 - h) * alpha);
    }
    if (alpha >= 1) {
      for (let i = y * w + x; i < words.length; i += w) words[i] = word;
    } else {
      for (; y < r.height; y++) r.blend((y * w + x) * 4, color, alpha);
    }
  }
}

/** An axis-aligned rectangle with anti-aliased edges (fractional coverage). */
export function rect(
  r: Raster,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  color: Rgb,
  alpha = 1,
): void {
  const ix0 = Math.max(0, Math.floor(x0));
  const ix1 = Math.min(r.width - 1, Math.ceil(x1) - 1);
  const iy0 = Math.max(0, Math.floor(y0));
  const iy1 = Math.min(r.height - 1, Math.ceil(y1) - 1);
  for (let y = iy0; y <= iy1; y++) {
    const cy = Math.min(y + 1, y1) - Math.max(y, y0);
    for (let x = ix0; x <= ix1; x++) {
      const cx = Math.min(x + 1, x1) - Math.max(x, x0);
      r.blend((y * r.width + x) * 4, color, clamp01(cx) * clamp01(cy) * alpha);
    }
  }
}

/** A flower-like polar shape: radius R·(1 - depth + depth·|cos(k·θ/2)|), anti-aliased. */
export function petals(
  r: Raster,
  cx: number,
  cy: number,
  radius: number,
  count: number,
  depth: number,
  rotation: number,
  color: Rgb,
): void {
  const inner = radius * (1 - depth);
  const { x0, x1, y0, y1 } = pixelsAround(r, cx, cy, radius + 1);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      const dist = Math.sqrt(dx * dx + dy * dy);
      if (dist > radius + 1) continue;
      if (dist < inner - 0.5) {
        r.blend((y * r.width + x) * 4, color, 1);
        continue;
      }
      const theta = Math.atan2(dy, dx) + rotation;
      const edge = radius * (1 - depth + depth * Math.abs(Math.cos((count * theta) / 2)));
      const cover = clamp01(edge - dist + 0.5);
      if (cover > 0) r.blend((y * r.width + x) * 4, color, cover);
    }
  }
}
