/** The file a bench run writes (bench/results/*.json): its suites, where it ran, its budgets. */
import type { BudgetOutcome } from './budgets.ts';
import type { Environment, SuiteResult } from './result.ts';

export interface BenchReport {
  format: 'easel-bench/1';
  mode: 'full' | 'smoke';
  startedAt: string;
  durationMs: number;
  environment: Environment;
  suites: SuiteResult[];
  budgets?: BudgetOutcome[];
}
