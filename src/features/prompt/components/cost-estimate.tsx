import { describeCost, estimateCost } from '../../../api/image-cost.ts';
import type { Dimensions, Operation } from '../../../api/model-types.ts';
import type { ImageParams } from '../../../api/params.ts';
import type { Provider } from '../../../api/provider.ts';
import './cost-estimate.css';

interface CostEstimateProps {
  provider: Provider;
  operation: Operation;
  params: ImageParams;
  /** The images an edit uploads (source first, then references). */
  inputs?: readonly Dimensions[];
}

/**
 * What pressing the button will cost, before it is pressed: from the table's dated prices
 * for this model, quality, size, n and reference images. On the local engine, which charges
 * nothing, what the same request would cost on OpenAI.
 */
export function CostEstimate({ provider, operation, params, inputs = [] }: CostEstimateProps) {
  const cost = estimateCost(params.model, operation, params, inputs);
  if (!cost) return null;
  const local = provider.kind === 'local';
  const text = describeCost(cost, local);
  return (
    <p
      className="cost-estimate"
      title={`Prices read on ${cost.read} (${cost.source}); the provider's usage decides the final figure.`}
    >
      {local ? text : `Estimated cost ${text}`}
      {cost.assumed ? ' (model not in the table: its family’s price)' : ''}
    </p>
  );
}
