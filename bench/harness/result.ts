/**
 * The one result format every benchmark writes (bench/results/*.json) and the budget check
 * reads. Contract: a suite is a list of metrics, each with a stable `id` (unique in its
 * suite, referenced by bench/budgets.json as `suite.id`), a unit, and its median; `p99`,
 * `max` and the raw `samples` when it was measured more than once. Figures are rounded
 * for reading; `samples` keep every run so noise stays visible.
 */
import { median, percentile, round } from './stats.ts';

export const UNITS = ['ms', 'KB', 'MB', 'count', 'req/s', 'ratio', 'levels'] as const;
export type Unit = (typeof UNITS)[number];

export interface Metric {
  id: string;
  label: string;
  unit: Unit;
  median: number;
  p99?: number;
  max?: number;
  samples?: number[];
}

export interface SuiteResult {
  suite: string;
  measuredAt: string;
  /** What was measured and how (sizes, runs, warm-ups): enough to reproduce it. */
  config: Record<string, unknown>;
  metrics: Metric[];
}

export interface Environment {
  node: string;
  chromium?: string;
  cpus: number;
  loadAverage: { start: number[]; end?: number[] };
  /**
   * Median time of a fixed CPU-bound loop in Node, at the start and the end: a slower figure
   * means a busier machine, so two reports can be compared with their load in view.
   */
  calibrationMs: { start: number; end?: number };
}

/** A metric measured once (a byte count, a DOM count): its value is its median. */
export function single(id: string, label: string, unit: Unit, value: number): Metric {
  return { id, label, unit, median: round(value, 2) };
}

/** A metric over several samples: median, p99, max and the samples themselves. */
export function sampled(
  id: string,
  label: string,
  unit: Unit,
  samples: readonly number[],
  digits = 1,
): Metric {
  return {
    id,
    label,
    unit,
    median: round(median(samples), digits),
    p99: round(percentile(samples, 99), digits),
    max: round(Math.max(...samples), digits),
    samples: samples.map((s) => round(s, digits)),
  };
}

const ID = /^[a-z0-9][a-z0-9.-]*$/;

/** Throws with the first problem when `value` is not a well-formed SuiteResult. */
export function assertSuiteResult(value: SuiteResult): void {
  const where = `suite ${JSON.stringify(value.suite)}`;
  if (!value.suite || !ID.test(value.suite)) throw new Error(`${where}: bad suite name`);
  if (!Array.isArray(value.metrics) || value.metrics.length === 0)
    throw new Error(`${where}: no metrics`);
  const seen = new Set<string>();
  for (const m of value.metrics) {
    if (!ID.test(m.id)) throw new Error(`${where}: bad metric id ${JSON.stringify(m.id)}`);
    if (seen.has(m.id)) throw new Error(`${where}: metric ${m.id} appears twice`);
    seen.add(m.id);
    if (!m.label) throw new Error(`${where}: metric ${m.id} has no label`);
    if (!UNITS.includes(m.unit)) throw new Error(`${where}: metric ${m.id} has unit ${m.unit}`);
    for (const key of ['median', 'p99', 'max'] as const) {
      const v = m[key];
      if (v !== undefined && !Number.isFinite(v))
        throw new Error(`${where}: metric ${m.id} has a non-finite ${key}`);
    }
    if (m.samples && m.samples.length === 0)
      throw new Error(`${where}: metric ${m.id} has empty samples`);
  }
}
