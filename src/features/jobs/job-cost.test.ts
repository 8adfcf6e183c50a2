import { describe, expect, it } from 'vitest';
import type { ImageJobResult, ProviderKind } from '../../api/image-result.ts';
import { jobCost } from './job-cost.ts';
import type { ImageJob } from './job-store.ts';

const image = { bytes: null, width: 1024, height: 1024 };

function job(kind: ProviderKind, result: Partial<ImageJobResult> = {}): ImageJob {
  return {
    id: 'j1',
    operation: 'generate',
    prompt: 'a lighthouse',
    params: { model: 'gpt-image-2.5-flare', prompt: 'a lighthouse' },
    providerName: kind === 'local' ? 'Local engine' : 'OpenAI',
    providerOrigin: 'http://127.0.0.1:8787',
    startedAt: 0,
    status: 'done',
    retries: 0,
    partials: [],
    partialCount: 0,
    result: {
      operation: 'generate',
      model: 'gpt-image-2.5-flare',
      prompt: 'a lighthouse',
      params: { model: 'gpt-image-2.5-flare', prompt: 'a lighthouse', n: 2 },
      provider: { name: 'p', kind },
      images: [image, image],
      createdAt: 0,
      durationMs: 1000,
      // 10 text tokens at $5 per 1M + 4,000 image tokens out at $30 per 1M = $0.12005.
      usage: {
        input_tokens: 10,
        output_tokens: 4000,
        total_tokens: 4010,
        input_tokens_details: { text_tokens: 10, image_tokens: 0 },
        output_tokens_details: { image_tokens: 4000, text_tokens: 0 },
      },
      ...result,
    },
  };
}

describe('jobCost', () => {
  it('gives the total from the usage and each image its share', () => {
    expect(jobCost(job('openai'))).toMatchObject({
      total: 'Cost $0.120 · 2 × $0.060',
      each: '$0.060',
      basis: expect.stringMatching(/^From the usage the provider reported, at prices read on /),
    });
  });

  it('says what the local engine’s job would cost on OpenAI', () => {
    const one = job('local', {
      images: [image],
      params: { model: 'gpt-image-2.5-flare', prompt: 'a' },
    });
    expect(jobCost(one)?.total).toBe('Would cost $0.120 on OpenAI');
  });

  it('prices DALL·E per image, and has nothing to say before a result', () => {
    const dalle = job('openai', {
      model: 'dall-e-3',
      params: { model: 'dall-e-3', prompt: 'a', quality: 'hd', size: '1792x1024' },
      images: [{ bytes: null, width: 1792, height: 1024 }],
      usage: undefined,
    });
    expect(jobCost(dalle)).toMatchObject({
      total: 'Cost $0.120',
      basis: expect.stringMatching(/^At the per-image price/),
    });
    expect(jobCost({ ...dalle, result: undefined })).toBeNull();
  });

  it('while the job runs, says what it is expected to cost, as the prompt panel did', () => {
    const running = (kind: ProviderKind): ImageJob => ({
      ...job(kind),
      status: 'running',
      providerKind: kind,
      params: { model: 'dall-e-3', prompt: 'a', quality: 'hd', size: '1792x1024', n: 1 },
      result: undefined,
    });
    expect(jobCost(running('openai'))).toMatchObject({
      total: 'Estimated cost $0.120',
      basis: expect.stringMatching(/^Estimated before the answer, at prices read on /),
    });
    expect(jobCost(running('local'))?.total).toBe('Would cost $0.120 on OpenAI');
    expect(jobCost({ ...running('openai'), status: 'failed' })).toBeNull();
  });
});
