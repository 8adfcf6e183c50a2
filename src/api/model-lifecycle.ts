/**
 * Whether a model is live, retiring or retired on a provider, computed from the table's dated
 * events and the day the studio (or engine) runs on — never stored as a flag — so a scheduled
 * shutdown takes effect on its day with no code change. Dates are UTC days: a model shut down
 * on 2026-12-01 is refused from 2026-12-01T00:00Z.
 */
import { getModel } from './model-lookup.ts';
import type { IsoDate, LifecycleProvider, ModelId } from './model-types.ts';

export type ModelStatus =
  | { state: 'live' }
  /** Notice given, still served until `shutdown`. */
  | { state: 'retiring'; shutdown: IsoDate; successor: ModelId | null }
  | { state: 'retired'; since: IsoDate; successor: ModelId | null };

/** The UTC day of a moment (ms since epoch). */
export function dayOf(now: number): IsoDate {
  return new Date(now).toISOString().slice(0, 10) as IsoDate;
}

/**
 * The model's status on that provider's lifecycle on the day of `now`. `on: null` (the local
 * engine, compatible servers) has no published lifecycle: whatever the server serves is live.
 */
export function modelStatus(
  model: ModelId,
  on: LifecycleProvider | null,
  now: number,
): ModelStatus {
  if (!on) return { state: 'live' };
  const life = getModel(model).lifecycle[on];
  const shutdown = life?.shutdown?.date;
  if (!shutdown) return { state: 'live' };
  const today = dayOf(now);
  if (today >= shutdown) {
    return { state: 'retired', since: shutdown, successor: liveSuccessor(model, on, now) };
  }
  // "Retiring" needs a known notice: without one, Easel does not claim the provider warned.
  const notice = life.deprecated?.date;
  if (!notice || today < notice) return { state: 'live' };
  return { state: 'retiring', shutdown, successor: liveSuccessor(model, on, now) };
}

function isRetired(model: ModelId, on: LifecycleProvider, today: IsoDate): boolean {
  const shutdown = getModel(model).lifecycle[on]?.shutdown?.date;
  return shutdown !== undefined && today >= shutdown;
}

/** The named successor on this provider, else on OpenAI (providers rarely name their own). */
function namedSuccessor(model: ModelId, on: LifecycleProvider): ModelId | undefined {
  const { lifecycle } = getModel(model);
  return lifecycle[on]?.successor ?? lifecycle.openai?.successor;
}

/**
 * The first model down the successor chain that is not retired on that day: DALL·E 3 → GPT
 * Image 1 (itself retired 2026-10-23) → GPT Image 2.5 Sunburst. Null when the chain ends.
 */
export function liveSuccessor(model: ModelId, on: LifecycleProvider, now: number): ModelId | null {
  const seen = new Set<ModelId>([getModel(model).id]);
  let next = namedSuccessor(model, on);
  while (next && !seen.has(next)) {
    seen.add(next);
    if (!isRetired(next, on, dayOf(now))) return next;
    next = namedSuccessor(next, on);
  }
  return null;
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** "2026-12-01" → "1 Dec 2026". */
export function formatDay(day: IsoDate): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A short line for the picker and messages: "Retires 1 Dec 2026 → GPT Image 2.5 Flare". */
export function describeStatus(status: ModelStatus): string {
  if (status.state === 'live') return 'Live';
  const verb = status.state === 'retiring' ? 'Retires' : 'Retired';
  const day = formatDay(status.state === 'retiring' ? status.shutdown : status.since);
  const next = status.successor ? ` → ${getModel(status.successor).label}` : '';
  return `${verb} ${day}${next}`;
}
