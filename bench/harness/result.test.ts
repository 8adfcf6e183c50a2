import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBudgets, checkBudgets } from './budgets.ts';
import { assertSuiteResult, sampled, single, type SuiteResult } from './result.ts';
import { median, percentile } from './stats.ts';
import { formatTable } from './table.ts';

describe('stats', () => {
  it('takes the middle sample, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('uses nearest-rank percentiles: p99 of 10 samples is the largest', () => {
    const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(percentile(ten, 99)).toBe(10);
    expect(percentile(ten, 50)).toBe(5);
    expect(percentile(ten, 90)).toBe(9);
  });

  it('refuses to summarise nothing or a NaN (a broken measurement must not pass a budget)', () => {
    expect(() => median([])).toThrow('No samples');
    expect(() => median([1, NaN])).toThrow('Not a finite sample');
  });
});

describe('result format', () => {
  it('summarises samples into median, p99 and max and keeps the samples', () => {
    expect(sampled('export.1024x1024', 'mask export', 'ms', [30.04, 10, 20])).toEqual({
      id: 'export.1024x1024',
      label: 'mask export',
      unit: 'ms',
      median: 20,
      p99: 30,
      max: 30,
      samples: [30, 10, 20],
    });
  });

  const suite = (metrics: SuiteResult['metrics']): SuiteResult => ({
    suite: 'gallery',
    measuredAt: '2026-01-01T00:00:00.000Z',
    config: {},
    metrics,
  });

  it('accepts a well-formed suite', () => {
    expect(() =>
      assertSuiteResult(suite([single('dom.max-tiles', 'tiles', 'count', 53)])),
    ).not.toThrow();
  });

  it.each([
    ['no metrics', suite([]), 'no metrics'],
    [
      'a duplicate id',
      suite([single('a', 'A', 'ms', 1), single('a', 'B', 'ms', 2)]),
      'appears twice',
    ],
    ['an id budgets cannot name', suite([single('Open Time', 'A', 'ms', 1)]), 'bad metric id'],
    ['an unknown unit', suite([{ ...single('a', 'A', 'ms', 1), unit: 's' as 'ms' }]), 'unit s'],
    ['a NaN median', suite([{ ...single('a', 'A', 'ms', 1), median: NaN }]), 'non-finite median'],
  ])('refuses %s', (_, value, message) => {
    expect(() => assertSuiteResult(value)).toThrow(message);
  });

  it('prints one row per metric with its budget verdict', () => {
    const s = suite([single('dom.max-tiles', 'most tiles in the DOM', 'count', 53)]);
    const outcomes = checkBudgets(
      [{ metric: 'gallery.dom.max-tiles', stat: 'median', unit: 'count', max: 50 }],
      [s],
      'full',
    );
    const table = formatTable([s], outcomes).split('\n');
    expect(table[0]).toMatch(/^suite\s+metric\s+median\s+p99\s+max\s+unit\s+runs\s+budget$/);
    expect(table[2]).toMatch(/^gallery\s+most tiles in the DOM\s+53\s+count\s+1\s+≤50 MISSED$/);
  });
});

describe('bench/budgets.json', () => {
  const path = new URL('../budgets.json', import.meta.url);

  it('parses, and names each metric once per statistic', () => {
    const budgets = loadBudgets(path.pathname);
    const keys = budgets.map((b) => `${b.metric}/${b.stat}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('budgets what the issues ask: entry JS 100 KB and first screen 120 KB gzip, and the issue 17 goals with 1.5x room', () => {
    const budgets = JSON.parse(readFileSync(path, 'utf8')) as { budgets: object[] };
    const expected: [string, string, number][] = [
      ['load.entry-js-gzip', 'KB', 100],
      ['load.first-screen-js-gzip', 'KB', 120],
      ['load.fcp', 'ms', 300],
      ['load.generate-ready', 'ms', 525],
      ['load.gallery-open', 'ms', 600],
      ['gallery.open.first-thumbnail', 'ms', 450],
      ['gallery.open.first-screen', 'ms', 600],
      ['generate.overhead', 'ms', 38],
      ['generate.arrival-to-durable', 'ms', 75],
      ['editor.open.8000x8000', 'ms', 1350],
      ['editor.open.longest-task.8000x8000', 'ms', 75],
      ['editor.stroke.longest-task.3840x2160', 'ms', 75],
      ['editor.stroke.soft.longest-task.3840x2160', 'ms', 75],
    ];
    for (const [metric, unit, max] of expected)
      expect(budgets.budgets).toContainEqual(expect.objectContaining({ metric, unit, max }));
  });
});
