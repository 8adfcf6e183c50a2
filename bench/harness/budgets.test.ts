import { describe, expect, it } from 'vitest';
import { checkBudgets, missed, parseBudgets, type Budget } from './budgets.ts';
import { sampled, single, type SuiteResult } from './result.ts';

const load: SuiteResult = {
  suite: 'load',
  measuredAt: '2026-01-01T00:00:00.000Z',
  config: {},
  metrics: [
    single('entry-js-gzip', 'entry JS (gzip)', 'KB', 143.2),
    sampled('fcp', 'first contentful paint', 'ms', [700, 720, 1400]),
  ],
};
const engine: SuiteResult = {
  suite: 'engine',
  measuredAt: '2026-01-01T00:00:00.000Z',
  config: {},
  metrics: [single('concurrent.throughput', 'throughput', 'req/s', 4.2)],
};

const budget = (b: Partial<Budget>): Budget => ({
  metric: 'load.entry-js-gzip',
  stat: 'median',
  unit: 'KB',
  max: 170,
  ...b,
});

describe('checkBudgets', () => {
  it('passes a figure at or under its max and names the figure', () => {
    const [outcome] = checkBudgets([budget({ max: 143.2 })], [load], 'full');
    expect(outcome).toMatchObject({ status: 'ok', value: 143.2 });
    expect(outcome!.message).toContain('load.entry-js-gzip median 143.2 KB');
  });

  it('misses a figure over its max, saying which metric and by how much', () => {
    const outcomes = checkBudgets([budget({ max: 140 })], [load], 'full');
    expect(missed(outcomes)).toHaveLength(1);
    expect(outcomes[0]!.message).toBe('load.entry-js-gzip median 143.2 KB (budget ≤ 140) MISSED');
  });

  it('holds the statistic the budget names: a slow outlier misses a max budget, not a median one', () => {
    const outcomes = checkBudgets(
      [
        budget({ metric: 'load.fcp', unit: 'ms', stat: 'median', max: 800 }),
        budget({ metric: 'load.fcp', unit: 'ms', stat: 'max', max: 800 }),
      ],
      [load],
      'full',
    );
    expect(outcomes.map((o) => [o.status, o.value])).toEqual([
      ['ok', 720],
      ['missed', 1400],
    ]);
  });

  it('checks a min budget from below (throughput)', () => {
    const b = { metric: 'engine.concurrent.throughput', unit: 'req/s' as const, max: undefined };
    const outcomes = checkBudgets(
      [budget({ ...b, min: 4 }), budget({ ...b, min: 5 })],
      [engine],
      'full',
    );
    expect(outcomes.map((o) => o.status)).toEqual(['ok', 'missed']);
  });

  it('does not fail a suite that did not run', () => {
    const [outcome] = checkBudgets([budget({})], [engine], 'full');
    expect(outcome!.status).toBe('not-run');
  });

  it('misses a budget whose metric the suite no longer measures, except in a smoke run', () => {
    const b = budget({ metric: 'load.entry-js-brotli' });
    expect(checkBudgets([b], [load], 'full')[0]!.status).toBe('missed');
    expect(checkBudgets([b], [load], 'smoke')[0]!.status).toBe('not-measured');
  });

  it('never compares figures in different units', () => {
    const [outcome] = checkBudgets([budget({ unit: 'MB', max: 1 })], [load], 'full');
    expect(outcome).toMatchObject({ status: 'missed', value: null });
    expect(outcome!.message).toContain('budget in MB but the metric is in KB');
  });

  it('misses a p99 budget on a metric measured once (it has no p99)', () => {
    const [outcome] = checkBudgets([budget({ stat: 'p99' })], [load], 'full');
    expect(outcome!.status).toBe('missed');
  });
});

describe('parseBudgets', () => {
  it('reads the committed budgets file shape', () => {
    const parsed = parseBudgets({
      budgets: [{ metric: 'load.fcp', stat: 'median', unit: 'ms', max: 1 }],
    });
    expect(parsed).toEqual([{ metric: 'load.fcp', stat: 'median', unit: 'ms', max: 1 }]);
  });

  it.each([
    [{}, 'expected { "budgets": [...] }'],
    [{ budgets: [{ metric: 'fcp', stat: 'median', unit: 'ms', max: 1 }] }, '"suite.metric-id"'],
    [{ budgets: [{ metric: 'load.fcp', stat: 'mean', unit: 'ms', max: 1 }] }, '"stat"'],
    [{ budgets: [{ metric: 'load.fcp', stat: 'median', unit: 's', max: 1 }] }, 'unknown unit'],
    [{ budgets: [{ metric: 'load.fcp', stat: 'median', unit: 'ms' }] }, 'exactly one'],
    [
      { budgets: [{ metric: 'load.fcp', stat: 'median', unit: 'ms', max: 1, min: 0 }] },
      'exactly one',
    ],
  ])('refuses %j', (json, message) => {
    expect(() => parseBudgets(json)).toThrow(message);
  });
});
