/**
 * Which gallery entries a committed write changed, from Dexie's record of it (its
 * ObservabilitySet), so that the listing held by the page reads those entries again, not all
 * of them (use-gallery-live-updates.ts, gallery-reads.ts readIntoListing). No Dexie here:
 * the watcher that asks is on the first screen.
 */
import type { ObservabilitySet } from 'dexie';

/** A node of Dexie's RangeSet (a plain tree once it has crossed to another tab). */
interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/**
 * The ids of the entries a write changed (added, changed or deleted), from the write's record
 * of the table's primary keys (`<prefix>entries/`): [] when it changed no entry, null when it
 * does not say which (a range, the whole table: Dexie records a put of 50 rows or more so).
 */
export function changedEntryIds(parts: ObservabilitySet, prefix: string): string[] | null {
  const entriesPrefix = `${prefix}entries/`;
  const touched = Object.keys(parts).some((part) => part.startsWith(entriesPrefix));
  if (!touched) return [];
  const keys = parts[entriesPrefix] as RangeNode | undefined;
  if (!keys) return null;
  const ids: string[] = [];
  const stack: RangeNode[] = [keys];
  while (stack.length) {
    const node = stack.pop()!;
    if (!('from' in node)) continue; // an empty set
    if (typeof node.from !== 'string' || node.from !== node.to) return null;
    ids.push(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return ids;
}
