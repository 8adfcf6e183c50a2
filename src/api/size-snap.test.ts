import { describe, expect, it } from 'vitest';
import { checkCustomSize } from './image-size.ts';
import { GPT_IMAGE_2_SIZE_RULE as RULE } from './models.ts';
import { ASPECT_PRESETS, matchingPreset, presetSize, snapSize } from './size-snap.ts';

describe('snapSize', () => {
  it('moves 1000×1000 to the nearest size GPT Image 2 takes', () => {
    expect(snapSize({ width: 1000, height: 1000 }, RULE)).toEqual({ width: 1008, height: 1008 });
    expect(snapSize({ width: 1000, height: 1152 }, RULE)).toEqual({ width: 1008, height: 1152 });
  });

  it('leaves an allowed size alone', () => {
    for (const size of [
      { width: 1024, height: 1024 },
      { width: 3840, height: 2160 },
      { width: 1024, height: 640 },
    ])
      expect(snapSize(size, RULE)).toEqual(size);
  });

  it('brings sizes outside the rule back inside it, and the result is always allowed', () => {
    const cases = [
      { width: 5000, height: 5000 },
      { width: 4000, height: 1000 },
      { width: 500, height: 500 },
      { width: 3000, height: 100 },
      { width: 16, height: 3840 },
      { width: 1, height: 1 },
    ];
    for (const size of cases) {
      const snapped = snapSize(size, RULE)!;
      expect(checkCustomSize(snapped, RULE), JSON.stringify(size)).toBeNull();
    }
    // Too many pixels: the square stays square at the budget (2880² = 3840×2160's pixels).
    expect(snapSize({ width: 5000, height: 5000 }, RULE)).toEqual({ width: 2880, height: 2880 });
    // Too few: the smallest square with enough pixels.
    expect(snapSize({ width: 500, height: 500 }, RULE)).toEqual({ width: 816, height: 816 });
  });

  it('keeps a canvas at least as large as its original, each side on its own', () => {
    const limits = { multiple: 16, maxEdge: 8192, minSize: { width: 1024, height: 1000 } };
    expect(snapSize({ width: 1530, height: 900 }, limits)).toEqual({ width: 1536, height: 1008 });
    expect(snapSize({ width: 99999, height: 1024 }, limits)).toEqual({ width: 8192, height: 1024 });
  });
});

describe('presetSize', () => {
  it('gives each preset its shape at about the current pixel count, inside the rule', () => {
    for (const preset of ASPECT_PRESETS) {
      const size = presetSize(preset, 1024 * 1024, RULE);
      expect(checkCustomSize(size, RULE), preset.label).toBeNull();
      expect(matchingPreset(size, RULE.multiple)?.label, preset.label).toBe(preset.label);
      expect(size.width * size.height).toBeGreaterThan(0.9 * 1024 * 1024);
      expect(size.width * size.height).toBeLessThan(1.1 * 1024 * 1024);
    }
    expect(presetSize(ASPECT_PRESETS[0], 1536 * 1024, RULE)).toEqual({ width: 1248, height: 1248 });
  });

  it('stays out of the experimental sizes', () => {
    const size = presetSize(ASPECT_PRESETS[3], 3840 * 2160, RULE);
    expect(size.width * size.height).toBeLessThanOrEqual(RULE.experimentalAbovePixels);
  });
});
