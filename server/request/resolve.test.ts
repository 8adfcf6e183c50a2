import { describe, expect, it } from 'vitest';
import { rulesFor } from '../../src/api/models.ts';
import { estimateUsage, reportedQuality, resolveSize } from './resolve.ts';

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

describe('usage', () => {
  it('adds up, grows with quality, size and input images', () => {
    const low = estimateUsage(
      { model: 'gpt-image-1', prompt: 'a cat', quality: 'low' },
      { width: 1024, height: 1024 },
      1,
    );
    const high = estimateUsage(
      { model: 'gpt-image-1', prompt: 'a cat', quality: 'high' },
      { width: 1024, height: 1024 },
      2,
    );
    const edit = estimateUsage(
      { model: 'gpt-image-1', prompt: 'a cat' },
      { width: 1024, height: 1024 },
      1,
      [{ width: 1024, height: 1024 }],
    );
    expect(low.total_tokens).toBe(low.input_tokens + low.output_tokens);
    expect(low.output_tokens).toBe(272);
    expect(high.output_tokens).toBe(2 * 4160);
    expect(edit.input_tokens_details.image_tokens).toBeGreaterThan(0);
    expect(reportedQuality('auto')).toBe('medium');
  });
});
