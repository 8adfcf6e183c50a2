/** The readable table every benchmark prints: one row per metric, budgets beside them. */
import type { BudgetOutcome } from './budgets.ts';
import type { Metric, SuiteResult } from './result.ts';

const show = (n: number | undefined) => (n === undefined ? '' : String(n));

function budgetCell(metric: string, outcomes: readonly BudgetOutcome[]): string {
  return outcomes
    .filter((o) => o.metric === metric)
    .map((o) => {
      const limit = o.max !== undefined ? `≤${o.max}` : `≥${o.min}`;
      const stat = o.stat === 'median' ? '' : ` ${o.stat}`;
      const verdict =
        o.status === 'ok' ? 'ok' : o.status === 'missed' ? 'MISSED' : o.status.replace('-', ' ');
      return `${limit}${stat} ${verdict}`;
    })
    .join('; ');
}

export function formatTable(
  suites: readonly SuiteResult[],
  outcomes: readonly BudgetOutcome[] = [],
): string {
  const header = ['suite', 'metric', 'median', 'p99', 'max', 'unit', 'runs', 'budget'];
  const rows = suites.flatMap((s) =>
    s.metrics.map((m: Metric) => [
      s.suite,
      m.label,
      show(m.median),
      show(m.p99),
      show(m.max),
      m.unit,
      m.samples ? String(m.samples.length) : '1',
      budgetCell(`${s.suite}.${m.id}`, outcomes),
    ]),
  );
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const numeric = new Set([2, 3, 4, 6]);
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
