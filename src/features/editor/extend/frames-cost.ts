/**
 * What an extend made in frames cost: its frames' costs added up, said like one edit's
 * ("Would cost $0.19 on OpenAI · 3 frames"), so Compare shows it as it does for an edit.
 */
import { describeCost, formatUsd, type Cost } from '../../../api/image-cost.ts';
import { costBasis, finishedCost, type JobCostText } from '../../jobs/job-cost.ts';
import type { ImageJob } from '../../jobs/job-store.ts';

export function framesCost(jobs: readonly ImageJob[]): JobCostText | null {
  const costs = jobs.map(finishedCost);
  if (costs.length === 0 || costs.some((c) => c === null)) return null;
  const sum = addCosts(costs as Cost[]);
  const local = jobs.every((job) => job.result?.provider.kind === 'local');
  const described = describeCost(sum, local);
  const total = `${local ? described : `Cost ${described}`} · ${jobs.length} frames`;
  return {
    total,
    each: formatUsd(sum.usd),
    basis: `The sum of ${jobs.length} frames. ${costBasis(sum)}`,
  };
}

/** One figure for several: an estimate if any part was estimated, usage only if all were. */
export function addCosts(costs: readonly Cost[]): Cost {
  const basis = costs.some((c) => c.basis === 'estimate')
    ? 'estimate'
    : costs.every((c) => c.basis === 'usage')
      ? 'usage'
      : 'per-image';
  return {
    ...costs[0]!,
    usd: costs.reduce((sum, c) => sum + c.usd, 0),
    basis,
    assumed: costs.some((c) => c.assumed),
  };
}
