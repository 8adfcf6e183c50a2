/**
 * Budgets: limits on metrics, kept in bench/budgets.json. Contract: each budget names a
 * metric as `suite.metric-id`, the statistic to hold to (median, p99 or max), its unit
 * (which must be the metric's, so KB is never compared with MB) and `max` (the figure must
 * not exceed it) or `min` (it must not fall below it).
 * A budget of a suite that did not run is "not run"; a suite that ran without the metric is
 * a miss in a full run (the benchmark lost a measurement) and "not measured" in a smoke run
 * (which measures tiny sizes under other names).
 */
import { readFileSync } from 'node:fs';
import { UNITS, type SuiteResult, type Unit } from './result.ts';

export type BudgetStat = 'median' | 'p99' | 'max';

export interface Budget {
  metric: string;
  stat: BudgetStat;
  unit: Unit;
  max?: number;
  min?: number;
  /** Why this figure: what a user would feel past it. */
  why?: string;
}

export type BudgetStatus = 'ok' | 'missed' | 'not-run' | 'not-measured';

export interface BudgetOutcome extends Budget {
  status: BudgetStatus;
  value: number | null;
  message: string;
}

export function parseBudgets(json: unknown): Budget[] {
  const list = (json as { budgets?: unknown })?.budgets;
  if (!Array.isArray(list)) throw new Error('budgets.json: expected { "budgets": [...] }');
  return list.map((raw: Partial<Budget>, i) => {
    const where = `budgets.json #${i + 1} (${raw?.metric ?? 'no metric'})`;
    if (typeof raw.metric !== 'string' || !/^[a-z0-9-]+\.[a-z0-9.-]+$/.test(raw.metric))
      throw new Error(`${where}: "metric" must be "suite.metric-id"`);
    if (!['median', 'p99', 'max'].includes(raw.stat as string))
      throw new Error(`${where}: "stat" must be median, p99 or max`);
    if (!UNITS.includes(raw.unit as Unit)) throw new Error(`${where}: unknown unit ${raw.unit}`);
    const hasMax = typeof raw.max === 'number' && Number.isFinite(raw.max);
    const hasMin = typeof raw.min === 'number' && Number.isFinite(raw.min);
    if (hasMax === hasMin) throw new Error(`${where}: give exactly one of "max" or "min"`);
    return raw as Budget;
  });
}

export function loadBudgets(path: string): Budget[] {
  return parseBudgets(JSON.parse(readFileSync(path, 'utf8')));
}

export function checkBudgets(
  budgets: readonly Budget[],
  suites: readonly SuiteResult[],
  mode: 'full' | 'smoke',
): BudgetOutcome[] {
  return budgets.map((budget) => {
    const dot = budget.metric.indexOf('.');
    const suiteName = budget.metric.slice(0, dot);
    const metricId = budget.metric.slice(dot + 1);
    const limit = budget.max !== undefined ? `≤ ${budget.max}` : `≥ ${budget.min}`;
    const suite = suites.find((s) => s.suite === suiteName);
    const outcome = (status: BudgetStatus, value: number | null, message: string) => ({
      ...budget,
      status,
      value,
      message,
    });
    if (!suite) return outcome('not-run', null, `${budget.metric}: suite ${suiteName} not run`);
    const metric = suite.metrics.find((m) => m.id === metricId);
    if (!metric) {
      return mode === 'smoke'
        ? outcome('not-measured', null, `${budget.metric}: not measured in a smoke run`)
        : outcome('missed', null, `${budget.metric}: no such metric in the results`);
    }
    if (metric.unit !== budget.unit) {
      return outcome(
        'missed',
        null,
        `${budget.metric}: budget in ${budget.unit} but the metric is in ${metric.unit}`,
      );
    }
    const value = metric[budget.stat];
    if (value === undefined)
      return outcome('missed', null, `${budget.metric}: the metric has no ${budget.stat}`);
    const within = budget.max !== undefined ? value <= budget.max : value >= budget.min!;
    const text = `${budget.metric} ${budget.stat} ${value} ${budget.unit} (budget ${limit})`;
    return within ? outcome('ok', value, text) : outcome('missed', value, `${text} MISSED`);
  });
}

export const missed = (outcomes: readonly BudgetOutcome[]) =>
  outcomes.filter((o) => o.status === 'missed');
