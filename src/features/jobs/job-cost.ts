/**
 * What a finished job cost, as the job card, its tiles and the editor's compare view say it:
 * the total from the provider's usage (or per-image prices), each image's share, and on the
 * local engine what the same request would cost on OpenAI.
 */
import {
  describeCost,
  estimateCost,
  formatUsd,
  resultCost,
  type Cost,
} from '../../api/image-cost.ts';
import { isActive, type ImageJob } from './job-store.ts';

export interface JobCostText {
  /** "Cost $0.106 · 2 × $0.053" / "Would cost $0.106 on OpenAI · 2 × $0.053". */
  total: string;
  /** One image's share, for its tile. */
  each: string;
  /** Where the figure comes from, for a tooltip. */
  basis: string;
}

export function jobCost(job: ImageJob): JobCostText | null {
  const result = job.result;
  if (!result || result.images.length === 0) return isActive(job) ? estimatedCost(job) : null;
  const cost = finishedCost(job);
  if (!cost) return null;
  const local = result.provider.kind === 'local';
  const n = result.images.length;
  const described = describeCost(cost, local);
  const share = formatUsd(cost.usd / n);
  return {
    total: `${local ? described : `Cost ${described}`}${n > 1 ? ` · ${n} × ${share}` : ''}`,
    each: share,
    basis: costBasis(cost),
  };
}

/** What a finished job's images cost, in numbers (an extend in frames adds its frames'). */
export function finishedCost(job: ImageJob): Cost | null {
  const result = job.result;
  if (!result || result.images.length === 0) return null;
  const model = result.params.model || result.model;
  return resultCost(model, result.operation, result.params, {
    usage: result.usage,
    images: result.images,
  });
}

/** Where a cost's figure comes from, for a tooltip. */
export function costBasis(cost: Cost): string {
  return (
    (cost.basis === 'usage'
      ? 'From the usage the provider reported'
      : cost.basis === 'per-image'
        ? 'At the per-image price'
        : 'Estimated: the provider reported no usage') +
    `, at prices read on ${cost.read} (${cost.source})${cost.assumed ? '; model not in the table, its family’s price assumed' : ''}.`
  );
}

/**
 * While a job runs, what it is expected to cost, as the prompt panel said before the click:
 * the card's cost line is there from the start, so the card does not grow when the images
 * come (everything below it would jump).
 */
function estimatedCost(job: ImageJob): JobCostText | null {
  const cost = estimateCost(job.params.model, job.operation, job.params);
  if (!cost) return null;
  const local = job.providerKind === 'local';
  const described = describeCost(cost, local);
  return {
    total: local ? described : `Estimated cost ${described}`,
    each: formatUsd(cost.usd / (job.params.n ?? 1)),
    basis: `Estimated before the answer, at prices read on ${cost.read} (${cost.source}); the provider's usage decides the final figure.`,
  };
}
