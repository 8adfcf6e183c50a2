import { formatUsd } from '../../../api/image-cost.ts';
import { useNow } from '../../../lib/use-now.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { costTotals, type CostTotals } from '../entries/cost-totals.ts';
import './cost-summary.css';

const line = (t: CostTotals) =>
  `today ${formatUsd(t.today)} · this month ${formatUsd(t.month)} · all ${formatUsd(t.all)}`;

/**
 * What the images the grid shows cost: today, this month, all (filters apply). `pending`:
 * every entry is still being read (the first screen shows meanwhile); the line's room is
 * kept, so the grid below does not move down when the totals come.
 */
export function CostSummary({
  entries,
  pending = false,
}: {
  entries: readonly GalleryEntry[];
  pending?: boolean;
}) {
  const now = useNow(true, 60_000);
  if (pending)
    return (
      <p className="cost-summary" aria-hidden="true">
        &nbsp;
      </p>
    );
  const { billed, local } = costTotals(entries, now);
  if (billed.priced === 0 && local.priced === 0) return null;
  return (
    <dl className="cost-summary" aria-label="Cost of the images shown">
      {billed.priced > 0 ? (
        <div className="cost-summary__row">
          <dt>Spent</dt>
          <dd>{line(billed)}</dd>
        </div>
      ) : null}
      {local.priced > 0 ? (
        <div className="cost-summary__row">
          <dt>Local engine, would cost on OpenAI</dt>
          <dd>{line(local)}</dd>
        </div>
      ) : null}
    </dl>
  );
}
