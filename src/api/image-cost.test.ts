import { describe, expect, it } from 'vitest';
import { estimateCost, formatUsd, resultCost, usageCost } from './image-cost.ts';
import { inputImageTokens, outputTokensPerImage } from './image-tokens.ts';
import { getModel } from './model-lookup.ts';
import type { TokenRates } from './model-types.ts';

const usage = (text: number, image: number, out: number, details = true) => ({
  input_tokens: text + image,
  output_tokens: out,
  total_tokens: text + image + out,
  input_tokens_details: { text_tokens: text, image_tokens: image },
  ...(details ? { output_tokens_details: { image_tokens: out, text_tokens: 0 } } : {}),
});

const rates = (model: string): TokenRates => {
  const price = getModel(model).price;
  if (price.unit !== 'tokens') throw new Error(`${model} is priced per image`);
  return price.rates;
};

// Each figure below is worked out by hand from the table's prices per 1M tokens
// (text in / image in / image out) in models-2026-12.md.
describe('cost from usage, per model', () => {
  it('gpt-image-2: 100 text + 1,767 image out = 0.0005 + 0.05301', () => {
    expect(usageCost(rates('gpt-image-2'), usage(100, 0, 1767))).toBeCloseTo(0.05351, 8);
  });
  it('gpt-image-2.5-flare and -sunburst: 50 text + 500 image in + 4,000 out = $0.12425', () => {
    for (const model of ['gpt-image-2.5-flare', 'gpt-image-2.5-sunburst']) {
      expect(usageCost(rates(model), usage(50, 500, 4000)), model).toBeCloseTo(0.12425, 8);
    }
  });
  it('gpt-image-1.5: 20 text + 4,160 out at $32 = $0.13322', () => {
    expect(usageCost(rates('gpt-image-1.5'), usage(20, 0, 4160))).toBeCloseTo(0.13322, 8);
  });
  it('gpt-image-1-mini: 40 × $2 + 1,000 × $2.50 + 1,056 × $8 = $0.011028', () => {
    expect(usageCost(rates('gpt-image-1-mini'), usage(40, 1000, 1056))).toBeCloseTo(0.011028, 8);
  });
  it('gpt-image-1: 10 × $5 + 272 × $40 = $0.01093', () => {
    expect(usageCost(rates('gpt-image-1'), usage(10, 0, 272))).toBeCloseTo(0.01093, 8);
  });
  it('without output_tokens_details every output token is an image token', () => {
    const withDetails = usageCost(rates('gpt-image-2'), usage(100, 0, 1767));
    expect(usageCost(rates('gpt-image-2'), usage(100, 0, 1767, false))).toBeCloseTo(
      withDetails,
      10,
    );
  });
  it('resultCost uses the usage when the provider sent one', () => {
    const cost = resultCost(
      'gpt-image-2',
      'generate',
      {},
      {
        usage: usage(100, 0, 1767),
        images: [{ width: 1024, height: 1024 }],
      },
    );
    expect(cost).toMatchObject({ basis: 'usage', read: '2026-12-04', assumed: false });
    expect(cost?.usd).toBeCloseTo(0.05351, 8);
  });
});

describe('DALL·E, per image', () => {
  it('dall-e-3: standard 1024² $0.04, hd 1792×1024 $0.12', () => {
    const one = [{ width: 1024, height: 1024 }];
    expect(resultCost('dall-e-3', 'generate', { size: '1024x1024' }, { images: one })?.usd).toBe(
      0.04,
    );
    expect(
      resultCost('dall-e-3', 'generate', { size: '1792x1024', quality: 'hd' }, { images: one })
        ?.usd,
    ).toBe(0.12);
  });
  it('dall-e-2: four 512² variations = 4 × $0.018 = $0.072, size read from the images', () => {
    const four = Array.from({ length: 4 }, () => ({ width: 512, height: 512 }));
    const cost = resultCost('dall-e-2', 'variation', {}, { images: four });
    expect(cost?.basis).toBe('per-image');
    expect(cost?.usd).toBeCloseTo(0.072, 10);
  });
});

describe('estimates before sending', () => {
  it('match the published gpt-image-2 figures per image', () => {
    const square = { width: 1024, height: 1024 };
    const oblong = { width: 1536, height: 1024 };
    const usd = (quality: string, size: typeof square) =>
      (outputTokensPerImage('gpt-image-2', quality, size) * 30) / 1e6;
    expect(
      [usd('low', square), usd('medium', square), usd('high', square)].map((v) => v.toFixed(3)),
    ).toEqual(['0.006', '0.053', '0.211']);
    expect(
      [usd('low', oblong), usd('medium', oblong), usd('high', oblong)].map((v) => v.toFixed(3)),
    ).toEqual(['0.005', '0.041', '0.165']);
  });
  it('gpt-image-2 high 1024², n = 2, a 40-character prompt: 10 × $5 + 2 × 7,033 × $30 = $0.42203', () => {
    const cost = estimateCost('gpt-image-2', 'generate', {
      prompt: 'x'.repeat(40),
      quality: 'high',
      size: '1024x1024',
      n: 2,
    });
    expect(cost?.basis).toBe('estimate');
    expect(cost?.usd).toBeCloseTo(0.42203, 8);
  });
  it('an edit adds each reference image: 1,162 tokens per 1024² ≈ $0.0093 at $8', () => {
    expect(inputImageTokens({ width: 1024, height: 1024 })).toBe(1162);
    const plain = estimateCost('gpt-image-2.5-flare', 'edit', { prompt: 'x', quality: 'low' }, [
      { width: 1024, height: 1024 },
    ])!;
    const two = estimateCost('gpt-image-2.5-flare', 'edit', { prompt: 'x', quality: 'low' }, [
      { width: 1024, height: 1024 },
      { width: 1024, height: 1024 },
    ])!;
    expect(two.usd - plain.usd).toBeCloseTo((1162 * 8) / 1e6, 10);
  });
  it('an edit at size auto is priced at the source image size', () => {
    const landscape = estimateCost(
      'gpt-image-2',
      'edit',
      { prompt: 'x', quality: 'medium', size: 'auto' },
      [{ width: 1536, height: 1024 }],
    )!;
    // 1 text token, 6 tiles = 1,678 image tokens in, 1,367 out.
    expect(landscape.usd).toBeCloseTo((1 * 5 + 1678 * 8 + 1367 * 30) / 1e6, 10);
  });
  it('xhigh and max cost more than high on GPT Image 2.5', () => {
    const at = (quality: string) =>
      estimateCost('gpt-image-2.5-sunburst', 'generate', {
        prompt: 'x',
        quality,
        size: '1024x1024',
      })!.usd;
    expect(at('high')).toBeLessThan(at('xhigh'));
    expect(at('xhigh')).toBeLessThan(at('max'));
  });
  it('a model Easel does not know is priced as its family, and says so', () => {
    expect(estimateCost('gpt-image-3', 'generate', { prompt: 'x' })?.assumed).toBe(true);
  });
});

describe('formatUsd', () => {
  it('shows enough digits that a small cost does not read as zero', () => {
    expect([formatUsd(0.0536), formatUsd(0.006), formatUsd(1.2449), formatUsd(0)]).toEqual([
      '$0.054',
      '$0.0060',
      '$1.24',
      '$0.000',
    ]);
  });
});
