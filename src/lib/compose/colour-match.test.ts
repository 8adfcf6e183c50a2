import { describe, expect, it } from 'vitest';
import { colourTransfer, labStats, lookUp, transferTable } from './colour-match.ts';
import { labToRgb, rgbToLab } from './lab.ts';

describe('colour match table', () => {
  // A drift-sized transfer (what colour match meets) and a strong one: a fraction of a level
  // off on average; where colours leave the gamut the clamp bends the map and the table is
  // off by a few levels at the gamut's edge only.
  it.each([
    { pivot: [55, 4, 12], scale: [1.05, 0.95, 0.9], shift: [-4, 2, -5], worst: 3, mean: 0.3 },
    { pivot: [55, 4, 12], scale: [1.2, 0.9, 0.8], shift: [-6, 3, -9], worst: 6, mean: 0.5 },
  ] as const)('applies the Lab transfer as computed exactly, across the gamut (%#)', (transfer) => {
    const table = transferTable({
      pivot: [...transfer.pivot],
      scale: [...transfer.scale],
      shift: [...transfer.shift],
    });
    const out = new Float32Array(3);
    let worst = 0;
    let sum = 0;
    for (let k = 0; k < 2000; k++) {
      const rgb = [(k * 97) % 256, (k * 57 + 31) % 256, (k * 13 + 7) % 256];
      lookUp(table, [...rgb, 255], 0, out);
      const lab = rgbToLab(rgb[0]!, rgb[1]!, rgb[2]!);
      const exact = labToRgb(
        ...([0, 1, 2].map(
          (c) =>
            (lab[c]! - transfer.pivot[c]!) * transfer.scale[c]! +
            transfer.pivot[c]! +
            transfer.shift[c]!,
        ) as [number, number, number]),
      );
      for (let c = 0; c < 3; c++) {
        worst = Math.max(worst, Math.abs(out[c]! - exact[c]!));
        sum += Math.abs(out[c]! - exact[c]!);
      }
    }
    expect(worst).toBeLessThan(transfer.worst);
    expect(sum / 6000).toBeLessThan(transfer.mean);
  });

  it('measures mean and spread in Lab', () => {
    const grey = (v: number) => [v, v, v, 255];
    const stats = labStats([...grey(0), ...grey(255)], [0, 1]);
    expect(stats.mean[0]).toBeCloseTo(50, 0);
    expect(stats.spread[0]).toBeCloseTo(50, 0);
    // A colour's transfer onto itself is the identity.
    const t = colourTransfer(stats, stats);
    expect([...t.scale, ...t.shift]).toEqual([1, 1, 1, 0, 0, 0]);
  });
});
