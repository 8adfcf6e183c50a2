import { createHash } from 'node:crypto';

/** A seeded PRNG (sfc32) so the same request always draws the same picture. */
export type Random = () => number;

export function seededRandom(...parts: readonly (string | number)[]): Random {
  const hash = createHash('sha256').update(parts.join('\u0000')).digest();
  let a = hash.readUInt32LE(0);
  let b = hash.readUInt32LE(4);
  let c = hash.readUInt32LE(8);
  let d = hash.readUInt32LE(12);
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

export const range = (rng: Random, min: number, max: number) => min + (max - min) * rng();
export const pick = <T>(rng: Random, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)]!;
