import { describe, expect, it } from 'vitest';
import { rgbToLab, type Lab } from '../../../../lib/compose/lab.ts';
import {
  contrastScores,
  OVERLAY_SWATCHES,
  pickContrasting,
  READS_CLEARLY,
} from './overlay-colour.ts';

const many = (rgb: [number, number, number], n = 50): Lab[] =>
  Array.from({ length: n }, () => rgbToLab(...rgb));
const roofRed: [number, number, number] = [190, 40, 45];

describe('overlay colour contrast', () => {
  it('on a red roof picks anything but pink; on cyan water anything but cyan', () => {
    const onRoof = pickContrasting(many(roofRed), null);
    expect(onRoof).not.toBe('pink');
    const pink = OVERLAY_SWATCHES.findIndex((s) => s.id === 'pink');
    const scores = contrastScores(many(roofRed));
    expect(scores[pink]).toBeLessThan(Math.max(...scores) - 10);
    expect(pickContrasting(many([10, 190, 240]), null)).not.toBe('cyan');
    expect(pickContrasting(many([250, 210, 20]), null)).not.toBe('yellow');
  });

  it('keeps the current swatch unless another reads clearly better (no flicker)', () => {
    // Grey: every swatch is far from it, so whichever is shown stays.
    const grey = many([128, 128, 128]);
    expect(pickContrasting(grey, 'yellow')).toBe('yellow');
    expect(pickContrasting(grey, 'blue')).toBe('blue');
    // A red roof is a clear reason to leave pink.
    expect(pickContrasting(many(roofRed), 'pink')).not.toBe('pink');
  });

  it('a picture half red, half cyan avoids both: distance beyond "reads clearly" buys nothing', () => {
    const half = [...many(roofRed, 25), ...many([10, 190, 240], 25)];
    expect(['pink', 'cyan']).not.toContain(pickContrasting(half, null));
    for (const score of contrastScores(half)) expect(score).toBeLessThanOrEqual(READS_CLEARLY);
  });

  it('with nothing to look at, keeps what is shown', () => {
    expect(pickContrasting([], 'yellow')).toBe('yellow');
    expect(pickContrasting([], null)).toBe('pink');
  });
});
