import { describe, expect, it } from 'vitest';
import { rulesFor } from '../../src/api/model-lookup.ts';
import { reportedQuality, resolveSize } from './resolve.ts';

describe('resolveSize', () => {
  it('auto is 1024x1024 for generations and the input size for edits', () => {
    const rules = rulesFor('gpt-image-1', 'edit')!;
    expect(resolveSize(rulesFor('gpt-image-1', 'generate')!, undefined)).toEqual({
      width: 1024,
      height: 1024,
    });
    expect(resolveSize(rules, 'auto', { width: 640, height: 480 })).toEqual({
      width: 640,
      height: 480,
    });
  });

  it('uses the operation default when no size is sent (multipart edits: 1024x1024)', () => {
    expect(
      resolveSize(rulesFor('gpt-image-1', 'edit')!, undefined, { width: 640, height: 480 }),
    ).toEqual({ width: 1024, height: 1024 });
    expect(resolveSize(rulesFor('dall-e-3', 'generate')!, '1792x1024')).toEqual({
      width: 1792,
      height: 1024,
    });
  });

  it('keeps an auto edit of a huge input within 3840x2160 pixels, same aspect', () => {
    const size = resolveSize(rulesFor('gpt-image-2', 'edit')!, 'auto', {
      width: 8000,
      height: 6000,
    });
    expect(size.width * size.height).toBeLessThanOrEqual(3840 * 2160);
    expect(size.width / size.height).toBeCloseTo(8000 / 6000, 2);
  });
});

describe('reported quality', () => {
  it('reports the tier asked for, auto as medium', () => {
    expect(reportedQuality('auto')).toBe('medium');
    expect(reportedQuality(undefined)).toBe('medium');
    expect(reportedQuality('xhigh')).toBe('xhigh');
  });
});
