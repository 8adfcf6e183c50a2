import { describe, expect, it } from 'vitest';
import type { Cost } from '../../../api/image-cost.ts';
import { addCosts } from './frames-cost.ts';

const cost = (usd: number, basis: Cost['basis']): Cost => ({
  usd,
  basis,
  read: '2026-12-01',
  source: 'pricing page',
  assumed: false,
});

describe('an extend in frames costs its frames together', () => {
  it('adds the frames’ figures', () => {
    expect(addCosts([cost(0.1, 'usage'), cost(0.05, 'usage')]).usd).toBeCloseTo(0.15);
  });

  it('is from usage only if every frame’s was, and an estimate if any frame’s was', () => {
    expect(addCosts([cost(0.1, 'usage'), cost(0.1, 'usage')]).basis).toBe('usage');
    expect(addCosts([cost(0.1, 'usage'), cost(0.1, 'per-image')]).basis).toBe('per-image');
    expect(addCosts([cost(0.1, 'usage'), cost(0.1, 'estimate')]).basis).toBe('estimate');
  });
});
