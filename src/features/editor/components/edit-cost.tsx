import type { EditBatch } from '../edit/edit-results-store.ts';

/**
 * What the edit shown in the compare view cost (on the local engine: what it would cost on
 * OpenAI), as its job said when it ended: kept with the batch, so it is still said after a
 * reload, when the job is gone.
 */
export function EditCost({ batch }: { batch: EditBatch }) {
  const { cost } = batch;
  if (!cost) return null;
  return (
    <span className="compare__caption" title={cost.basis}>
      {cost.total}
    </span>
  );
}
