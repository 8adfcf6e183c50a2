import { describe, expect, it } from 'vitest';
import { distanceField } from '../regions/coverage-ops.ts';
import { colourTransfer } from './colour-match.ts';
import {
  H,
  W,
  inputs,
  inside,
  mapPixels,
  meanDiff,
  squareSelection,
  texture,
} from './compose.test-support.ts';
import type { ComposeSettings } from './compose-settings.ts';
import { labToRgb, rgbToLab } from './lab.ts';
import { composeEdit, selectionField } from './soft-compose.ts';

const SQ = { x: 36, y: 30, size: 20 };
const selection = squareSelection(SQ.x, SQ.y, SQ.size);
const field = selectionField(selection, W);
const inSelection = (p: number) => inside(p, SQ.x, SQ.y, SQ.size);
const soft: ComposeSettings = {
  mode: 'soft',
  grow: 8,
  feather: 8,
  colourMatch: true,
  keepUnchanged: false,
};
const distances = distanceField(selection, W, 200, 'outside')!;
/** Distance of pixel p from the painted square (0 inside). */
const distance = (p: number) => {
  const x = (p % W) - distances.rect.x;
  const y = Math.floor(p / W) - distances.rect.y;
  return distances.distances[y * distances.rect.width + x]!;
};
/** The result a drifting model returns: a warm cast everywhere, new content in the square. */
const drifted = mapPixels(texture(), ([r, g, b], p) =>
  inSelection(p) ? [200, 40, 40] : [r + 12, g + 2, b - 10],
);

describe('Lab', () => {
  it('round-trips sRGB within half a level', () => {
    const colours: [number, number, number][] = [
      [0, 0, 0],
      [255, 255, 255],
      [200, 40, 40],
      [12, 130, 250],
    ];
    for (const rgb of colours) {
      const back = labToRgb(...rgbToLab(...rgb));
      back.forEach((v, c) => expect(Math.abs(v - rgb[c]!)).toBeLessThan(0.5));
    }
    expect(rgbToLab(255, 255, 255)[0]).toBeCloseTo(100, 1);
  });
});

describe('composeEdit', () => {
  it('hard: the original byte for byte beyond the grown area, the raw result inside it', () => {
    const { pixels } = composeEdit(inputs(drifted, selection), field, { ...soft, mode: 'hard' });
    const original = texture();
    expect(meanDiff(pixels, original, (p) => distance(p) > 8)).toBe(0);
    expect(meanDiff(pixels, drifted, (p) => distance(p) <= 8)).toBe(0);
  });

  it('soft: beyond the grow the original exactly; the rim blends from result to original', () => {
    const { pixels } = composeEdit(inputs(drifted, selection), field, {
      ...soft,
      colourMatch: false,
    });
    const original = texture();
    expect(meanDiff(pixels, original, (p) => distance(p) > 8)).toBe(0);
    expect(meanDiff(pixels, drifted, inSelection)).toBe(0);
    // Along a row through the square's middle, leaving it to the right: the share of the
    // result falls steadily from 1 to 0 across the rim.
    const y = SQ.y + 10;
    const share = (x: number) => {
      const i = (y * W + x) * 4;
      return (pixels[i]! - original[i]!) / (drifted[i]! - original[i]!);
    };
    const rim = Array.from({ length: 8 }, (_, k) => share(SQ.x + SQ.size + k));
    for (let k = 1; k < rim.length; k++) expect(rim[k]!).toBeLessThanOrEqual(rim[k - 1]! + 0.05);
    expect(rim[0]).toBeGreaterThan(0.8);
    expect(rim[7]).toBeLessThan(0.2);
  });

  it('colour match takes the cast out of the result: the rim comes back near the original', () => {
    const original = texture();
    const matched = composeEdit(inputs(drifted, selection), field, soft);
    const plain = composeEdit(inputs(drifted, selection), field, { ...soft, colourMatch: false });
    const rim = (p: number) => !inSelection(p) && distance(p) <= 8;
    expect(meanDiff(plain.pixels, original, rim)).toBeGreaterThan(3);
    expect(meanDiff(matched.pixels, original, rim)).toBeLessThan(1.5);
    // The new content is corrected by the same transfer: red loses its added warmth.
    const centre = ((SQ.y + 10) * W + SQ.x + 10) * 4;
    expect(matched.pixels[centre]).toBeLessThan(200);
    expect(matched.report.colour?.shift[2]).toBeLessThan(0); // b* back from yellow
  });

  it('clamps the transfer: spread ratio 0.5–1.5, mean shift a few Lab units', () => {
    const t = colourTransfer(
      { mean: [50, 0, 0], spread: [5, 5, 40], count: 100 },
      { mean: [90, -40, 0], spread: [20, 5, 5], count: 100 },
    );
    expect(t.scale).toEqual([1.5, 1, 0.5]);
    expect(t.shift).toEqual([20, -15, 0]);
  });

  it('registration: a result shifted by one pixel is realigned before the paste', () => {
    const shifted = texture(W, H, 1, 1); // content moved right and down
    const { pixels, report } = composeEdit(inputs(shifted, selection), field, {
      ...soft,
      colourMatch: false,
    });
    expect(report.registration).toMatchObject({ kind: 'shifted', dx: 1, dy: 1 });
    // Realigned, the result in the rim equals the original: no doubled edges at the seam.
    const rim = (p: number) => !inSelection(p) && distance(p) <= 8;
    expect(meanDiff(pixels, texture(), rim)).toBeLessThan(0.5);
  });

  it('registration: an in-place result is "aligned"; a different picture is "reframed" and not pasted', () => {
    expect(composeEdit(inputs(drifted, selection), field, soft).report.registration.kind).toBe(
      'aligned',
    );
    const other = texture(W, H, 0, 0, 1.3);
    const { pixels, report } = composeEdit(inputs(other, selection), field, soft);
    expect(report.registration.kind).toBe('reframed');
    expect(meanDiff(pixels, other, () => true)).toBe(0);
  });

  it('keep unchanged: where the result barely differs the original stays, real changes stay', () => {
    // The model redrew the rim with slight noise, and painted the square anew.
    const noisy = mapPixels(texture(), ([r, g, b], p) =>
      inSelection(p) ? [200, 40, 40] : [r + ((p * 7) % 5) - 2, g + ((p * 3) % 5) - 2, b],
    );
    const keep = composeEdit(inputs(noisy, selection), field, {
      ...soft,
      colourMatch: false,
      keepUnchanged: true,
    });
    const rim = (p: number) => !inSelection(p) && distance(p) <= 8;
    expect(meanDiff(keep.pixels, texture(), rim)).toBe(0);
    expect(meanDiff(keep.pixels, noisy, inSelection)).toBe(0);
  });

  it('raw: the result as returned', () => {
    const { pixels } = composeEdit(inputs(drifted, selection), field, { ...soft, mode: 'raw' });
    expect(meanDiff(pixels, drifted, () => true)).toBe(0);
  });
});
