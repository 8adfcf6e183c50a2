import { describe, expect, it } from 'vitest';
import { ImagesApiError, type ErrorContext } from './errors.ts';
import { checkImagesResponse, MAX_B64_LENGTH } from './validate-response.ts';

const ctx: ErrorContext = {
  provider: { kind: 'compatible', name: 'Odd server', baseUrl: 'http://x.test/v1', apiKey: '' },
  model: 'gpt-image-1',
  operation: 'generate',
};
const NOW = Date.parse('2026-12-04T12:00:00Z');
const check = (value: unknown, n = 1) => checkImagesResponse(value, ctx, n, NOW);
const refusal = (value: unknown, n = 1) => {
  try {
    check(value, n);
  } catch (error) {
    expect(error).toBeInstanceOf(ImagesApiError);
    return (error as ImagesApiError).detail;
  }
  throw new Error('accepted');
};

describe('checkImagesResponse', () => {
  it('keeps a well-formed answer as it is', () => {
    const answer = {
      created: 1_764_000_000,
      data: [{ b64_json: 'AAAA', revised_prompt: 'a lighthouse' }],
      usage: {
        input_tokens: 5,
        output_tokens: 10,
        total_tokens: 15,
        input_tokens_details: { text_tokens: 5, image_tokens: 0 },
      },
      output_format: 'png',
      size: '1024x1024',
    };
    expect(check(answer)).toEqual(answer);
  });

  it('takes a time no date can show as the time of arrival', () => {
    for (const created of [1e300, -5, Number.NaN, '2026', 9007199254740991]) {
      expect(check({ created, data: [{ b64_json: 'AAAA' }] }).created).toBe(NOW / 1000);
    }
  });

  it('keeps no more images than were asked for', () => {
    const data = Array.from({ length: 500 }, () => ({ b64_json: 'AAAA' }));
    expect(check({ created: 1, data }, 1).data).toHaveLength(1);
    expect(check({ created: 1, data }, 4).data).toHaveLength(4);
  });

  it('shortens an endless revised prompt and leaves out usage it cannot read', () => {
    const answer = check({
      created: 1,
      data: [{ url: 'https://x.test/a.png', revised_prompt: 'x'.repeat(20_000_000) }],
      usage: {
        input_tokens: 'many',
        ...Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`k${i}`, 1])),
      },
    });
    expect(answer.data![0]!.revised_prompt).toHaveLength(32_000);
    expect(answer.usage).toBeUndefined();
  });

  it('leaves out usage missing a count that costs are worked out from', () => {
    const partial = [
      { input_tokens: 5, total_tokens: 5 },
      { input_tokens: 5, output_tokens: 10, total_tokens: 15, input_tokens_details: {} },
    ];
    for (const usage of partial) {
      expect(check({ created: 1, data: [{ b64_json: 'AAAA' }], usage }).usage).toBeUndefined();
    }
  });

  it('refuses what cannot be used, saying what was wrong', () => {
    expect(refusal('<html>')).toMatch(/not an object with a list of images/);
    expect(refusal({ data: 'many' })).toMatch(/not an object with a list of images/);
    expect(refusal({ data: [5] })).toMatch(/Image 1 was not an object/);
    expect(refusal({ data: [{ b64_json: 'A'.repeat(MAX_B64_LENGTH + 4) }] })).toMatch(
      /larger than any image the API returns/,
    );
    expect(refusal({ data: [{ url: `https://x.test/${'a'.repeat(9000)}` }] })).toMatch(
      /too long to be real/,
    );
  });
});
