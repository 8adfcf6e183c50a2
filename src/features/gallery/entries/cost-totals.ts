/**
 * Running totals of what the images in view cost: today, this month and all of them, counted
 * apart for the local engine (which charges nothing: its figures are what OpenAI would
 * charge). Each entry is its share of the request it came from (its usage covers the batch).
 */
import { imageShare } from '../../../api/image-cost.ts';
import type { Operation } from '../../../api/model-types.ts';
import type { EntryKind, GalleryEntry } from '../../gallery-store/gallery-entry.ts';

/** The request that made each kind; an upload was made by none and costs nothing. */
const OPERATION: Record<EntryKind, Operation | null> = {
  generation: 'generate',
  edit: 'edit',
  variation: 'variation',
  upload: null,
};

export interface CostTotals {
  today: number;
  month: number;
  all: number;
  /** Entries with a cost (the others: a model or size with no price in the table). */
  priced: number;
}

export interface GalleryCostTotals {
  /** Providers that bill (OpenAI, Azure, compatible servers). */
  billed: CostTotals;
  /** The local engine: what the same requests would cost on OpenAI. */
  local: CostTotals;
}

const empty = (): CostTotals => ({ today: 0, month: 0, all: 0, priced: 0 });

/** What one gallery entry cost (its share of its request); null when it has no price. */
export function entryCost(entry: GalleryEntry): number | null {
  const operation = OPERATION[entry.kind];
  if (!operation) return null;
  const model = entry.params.model || entry.model;
  const size = { width: entry.width, height: entry.height };
  return imageShare(model, operation, entry.params, entry.usage, size)?.usd ?? null;
}

/** Totals over `entries`, with today and this month in the browser's own calendar. */
export function costTotals(entries: readonly GalleryEntry[], now: number): GalleryCostTotals {
  const day = new Date(now);
  const startOfDay = new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
  const startOfMonth = new Date(day.getFullYear(), day.getMonth(), 1).getTime();
  const totals = { billed: empty(), local: empty() };
  for (const entry of entries) {
    const usd = entryCost(entry);
    if (usd === null) continue;
    const bucket = entry.provider.kind === 'local' ? totals.local : totals.billed;
    bucket.all += usd;
    bucket.priced += 1;
    if (entry.createdAt >= startOfMonth) bucket.month += usd;
    if (entry.createdAt >= startOfDay) bucket.today += usd;
  }
  return totals;
}
