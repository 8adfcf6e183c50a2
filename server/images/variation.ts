/**
 * Variations: the input redrawn with a gentle seeded warp (a smooth displacement field) and a
 * small hue and brightness shift, so each variation keeps the original's palette and layout
 * yet is visibly its own picture. Seeded by the image bytes and the index: reproducible.
 */
import sharp from 'sharp';
import type { Dimensions } from '../../src/api/model-types.ts';
import { range, seededRandom } from './render/random.ts';

export async function vary(
  base: Buffer,
  size: Dimensions,
  imageHash: string,
  index: number,
): Promise<Buffer> {
  const rng = seededRandom('variation', imageHash, index);
  const { width, height } = size;
  const amp = range(rng, 0.015, 0.035) * Math.min(width, height);
  const f1 = range(rng, 1, 3);
  const f2 = range(rng, 1, 3);
  const p1 = rng() * Math.PI * 2;
  const p2 = rng() * Math.PI * 2;
  const warped = Buffer.alloc(base.length);
  for (let y = 0; y < height; y++) {
    const v = (y / height) * Math.PI * 2;
    for (let x = 0; x < width; x++) {
      const u = (x / width) * Math.PI * 2;
      const sx = Math.min(width - 1.001, Math.max(0, x + amp * Math.sin(v * f1 + p1 + u * 0.5)));
      const sy = Math.min(height - 1.001, Math.max(0, y + amp * Math.sin(u * f2 + p2 + v * 0.5)));
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const tx = sx - x0;
      const ty = sy - y0;
      const i00 = (y0 * width + x0) * 4;
      const i10 = i00 + 4;
      const i01 = i00 + width * 4;
      const i11 = i01 + 4;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) {
        const top = base[i00 + c]! + (base[i10 + c]! - base[i00 + c]!) * tx;
        const bottom = base[i01 + c]! + (base[i11 + c]! - base[i01 + c]!) * tx;
        warped[o + c] = Math.round(top + (bottom - top) * ty);
      }
    }
  }
  return sharp(warped, { raw: { width, height, channels: 4 } })
    .modulate({
      hue: Math.round(range(rng, -24, 24)),
      brightness: range(rng, 0.94, 1.06),
      saturation: range(rng, 0.9, 1.15),
    })
    .raw()
    .toBuffer();
}
