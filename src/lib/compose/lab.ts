/**
 * sRGB (8-bit, D65) ↔ CIE L*a*b*, the perceptual space colour matching works in: equal steps
 * in Lab look roughly equal, so matching means and spreads there moves colours the way the
 * eye expects (Reinhard et al. 2001 used a similar opponent space).
 */
export type Lab = [number, number, number];

// sRGB byte → linear light, once.
const LINEAR = new Float64Array(256);
for (let v = 0; v < 256; v++) {
  const c = v / 255;
  LINEAR[v] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

// D65 white.
const XN = 0.95047;
const YN = 1;
const ZN = 1.08883;
const EPSILON = 216 / 24389;
const KAPPA = 24389 / 27;

const f = (t: number) => (t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116);
const fInverse = (t: number) => (t * t * t > EPSILON ? t * t * t : (116 * t - 16) / KAPPA);

export function rgbToLab(r: number, g: number, b: number): Lab {
  const lr = LINEAR[r]!;
  const lg = LINEAR[g]!;
  const lb = LINEAR[b]!;
  const x = f((0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / XN);
  const y = f((0.2126729 * lr + 0.7151522 * lg + 0.072175 * lb) / YN);
  const z = f((0.0193339 * lr + 0.119192 * lg + 0.9503041 * lb) / ZN);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const toByte = (linear: number) => {
  const c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * linear ** (1 / 2.4) - 0.055;
  return c <= 0 ? 0 : c >= 1 ? 255 : c * 255;
};

/** Lab → sRGB, 0..255 floats (out-of-gamut colours are clamped channel by channel). */
export function labToRgb(l: number, a: number, b: number): [number, number, number] {
  const fy = (l + 16) / 116;
  const x = XN * fInverse(fy + a / 500);
  const y = YN * (l > KAPPA * EPSILON ? fy * fy * fy : l / KAPPA);
  const z = ZN * fInverse(fy - b / 200);
  return [
    toByte(3.2404542 * x - 1.5371385 * y - 0.4985314 * z),
    toByte(-0.969266 * x + 1.8760108 * y + 0.041556 * z),
    toByte(0.0556434 * x - 0.2040259 * y + 1.0572252 * z),
  ];
}
