import { describe, expect, it } from 'vitest';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { costTotals, entryCost } from './cost-totals.ts';

const at = (iso: string) => new Date(iso).getTime();
const usage = (out: number) => ({
  input_tokens: 10,
  output_tokens: out,
  total_tokens: 10 + out,
  input_tokens_details: { text_tokens: 10, image_tokens: 0 },
});
const entry = (over: Partial<GalleryEntry>): GalleryEntry => ({
  id: 'e',
  kind: 'generation',
  batchId: 'b',
  index: 0,
  createdAt: at('2026-12-04T10:00:00'),
  durationMs: 1,
  prompt: 'x',
  model: 'gpt-image-2',
  params: { model: 'gpt-image-2', n: 2 },
  provider: { name: 'OpenAI', kind: 'openai' },
  mime: 'image/png',
  width: 1024,
  height: 1024,
  byteLength: 1,
  favourite: 0,
  ...over,
});

describe('entryCost', () => {
  it('is the entry’s share of its request: (10 × $5 + 3,534 × $30) / 2 images', () => {
    expect(entryCost(entry({ usage: usage(3534) }))).toBeCloseTo(
      (10 * 5 + 3534 * 30) / 1e6 / 2,
      10,
    );
  });
  it('DALL·E 3 hd wide is $0.12 an image', () => {
    const e = entry({
      model: 'dall-e-3',
      params: { model: 'dall-e-3', quality: 'hd', size: '1792x1024' },
    });
    expect(entryCost(e)).toBe(0.12);
  });
});

describe('costTotals', () => {
  it('adds today, this month and all apart, and the local engine apart from billed providers', () => {
    const now = at('2026-12-04T18:00:00');
    const dallE = (createdAt: number, kind: 'openai' | 'local' = 'openai') =>
      entry({
        createdAt,
        model: 'dall-e-2',
        params: { model: 'dall-e-2', size: '1024x1024' },
        provider: { name: kind, kind },
      });
    const totals = costTotals(
      [
        dallE(at('2026-12-04T09:00:00')),
        dallE(at('2026-12-02T09:00:00')),
        dallE(at('2026-11-30T09:00:00')),
        dallE(at('2026-12-04T09:00:00'), 'local'),
      ],
      now,
    );
    expect(totals.billed.today).toBeCloseTo(0.02, 10);
    expect(totals.billed.month).toBeCloseTo(0.04, 10);
    expect(totals.billed.all).toBeCloseTo(0.06, 10);
    expect(totals.local).toMatchObject({ priced: 1 });
    expect(totals.local.all).toBeCloseTo(0.02, 10);
  });
});
