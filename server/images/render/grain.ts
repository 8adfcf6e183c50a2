/**
 * Film grain for generated pictures, off by default. The engine draws clean procedural
 * scenes, which compress to 45-210 KB as a 1024² PNG; the real models' photographs run to
 * megabytes (2.4 MB with ±10 levels here), and a studio's check, base64, save and decode all
 * scale with the bytes. With grain, benchmarks and tests meet results of the size designers
 * get. Seeded per picture, so the same request still draws the same bytes.
 */
import { seededRandom } from './random.ts';

/**
 * Adds uniform noise of ±`levels` to each colour channel of RGBA `pixels` (alpha untouched,
 * so a transparent background stays transparent), clamped to 0-255, in place.
 */
export function addGrain(
  pixels: Uint8ClampedArray | Uint8Array,
  levels: number,
  ...seed: readonly (string | number)[]
): void {
  const spread = 2 * Math.round(levels) + 1;
  if (spread <= 1) return;
  const rng = seededRandom('grain', ...seed);
  const half = (spread - 1) / 2;
  for (let i = 0; i < pixels.length; i++) {
    if ((i & 3) === 3) continue;
    const value = pixels[i]! + Math.floor(rng() * spread) - half;
    pixels[i] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
}
