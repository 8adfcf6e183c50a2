import { describeCost, estimateCost } from '../../../api/image-cost.ts';
import type { Dimensions, Operation } from '../../../api/model-types.ts';
import type { ImageParams } from '../../../api/params.ts';
import type { Provider } from '../../../api/provider.ts';
import './cost-estimate.css';

/** One request the button sends, with the images it uploads. */
export interface EstimatedRequest {
  params: ImageParams;
  inputs: readonly Dimensions[];
}

/** Several requests for one press (an extend in frames), and what to call them ("frames"). */
export interface RequestPlan {
  requests: readonly EstimatedRequest[];
  unit: string;
  /** Why the requests are not known yet: said in the estimate's place, with no figure. */
  pending?: string;
}

interface CostEstimateProps {
  provider: Provider;
  operation: Operation;
  params: ImageParams;
  /** The images an edit uploads (source first, then references). */
  inputs?: readonly Dimensions[];
  /** When the press sends several requests: the estimate is their sum. */
  plan?: RequestPlan | null;
}

/**
 * What pressing the button will cost, before it is pressed: from the table's dated prices
 * for this model, quality, size, n and reference images. On the local engine, which charges
 * nothing, what the same request would cost on OpenAI.
 */
export function CostEstimate({
  provider,
  operation,
  params,
  inputs = [],
  plan,
}: CostEstimateProps) {
  if (plan?.pending) return <p className="cost-estimate">{plan.pending}</p>;
  const requests = plan?.requests ?? [{ params, inputs }];
  const costs = requests.map((r) => estimateCost(r.params.model, operation, r.params, r.inputs));
  if (costs.length === 0 || costs.some((c) => c === null)) return null;
  const cost = costs.reduce((sum, c) => ({ ...sum!, usd: sum!.usd + c!.usd }))!;
  const many = requests.length > 1 && plan ? ` · ${requests.length} ${plan.unit}` : '';
  const local = provider.kind === 'local';
  const text = describeCost(cost, local);
  return (
    <p
      className="cost-estimate"
      title={`Prices read on ${cost.read} (${cost.source}); the provider's usage decides the final figure.`}
    >
      {local ? text : `Estimated cost ${text}`}
      {many}
      {cost.assumed ? ' (model not in the table: its family’s price)' : ''}
    </p>
  );
}
