/**
 * What an extend made in frames cost: its frames' costs added up, said like one edit's
 * ("Would cost $0.19 on OpenAI · 3 frames"), so Compare shows it as it does for an edit.
 */
import { describeCost, formatUsd, type Cost } from '../../../api/image-cost.ts';
import { costBasis, finishedCost, type JobCostText } from '../../jobs/job-cost.ts';
import type { ImageJob } from '../../jobs/job-store.ts';

/**
 * What one frame cost, and whether on the local engine (said as what OpenAI would charge):
 * plain data, kept with a stopped extend across reloads.
 */
export interface FrameCost {
  cost: Cost;
  local: boolean;
}

/** A frame job's cost, kept with the frame. */
export function frameCost(job: ImageJob): FrameCost | null {
  const cost = finishedCost(job);
  return cost ? { cost, local: job.result?.provider.kind === 'local' } : null;
}

export function framesCost(frames: readonly (FrameCost | null)[]): JobCostText | null {
  if (frames.length === 0 || frames.some((c) => c === null)) return null;
  const known = frames as FrameCost[];
  const sum = addCosts(known.map((f) => f.cost));
  const local = known.every((f) => f.local);
  const described = describeCost(sum, local);
  const total = `${local ? described : `Cost ${described}`} · ${frames.length} frames`;
  return {
    total,
    each: formatUsd(sum.usd),
    basis: `The sum of ${frames.length} frames. ${costBasis(sum)}`,
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
