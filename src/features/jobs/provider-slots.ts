/**
 * At most SLOTS_PER_PROVIDER requests to one provider at once; more jobs wait, first come
 * first served, and show "Queued" until a slot frees. A burst of clicks would otherwise open
 * a dozen paid requests that the provider's rate limit answers with 429s (and the browser
 * holds only six connections per host, which url downloads and model lists also need).
 */
import { abortedError } from '../../api/errors.ts';

export const SLOTS_PER_PROVIDER = 3;

interface Lane {
  running: number;
  waiting: (() => void)[];
}

const lanes = new Map<string, Lane>();

/** True when a request to `origin` would have to wait now. */
export function isProviderBusy(origin: string): boolean {
  return (lanes.get(origin)?.running ?? 0) >= SLOTS_PER_PROVIDER;
}

/**
 * Resolves with a release function once a slot for `origin` is free (at once when one is);
 * rejects with the studio's "cancelled" error if `signal` aborts while it waits.
 */
export function takeSlot(origin: string, signal: AbortSignal): Promise<() => void> {
  const lane = lanes.get(origin) ?? { running: 0, waiting: [] };
  lanes.set(origin, lane);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    lane.running--;
    lane.waiting.shift()?.();
  };
  if (lane.running < SLOTS_PER_PROVIDER && lane.waiting.length === 0) {
    lane.running++;
    return Promise.resolve(release);
  }
  return new Promise((resolve, reject) => {
    const start = () => {
      signal.removeEventListener('abort', cancel);
      lane.running++;
      resolve(release);
    };
    const cancel = () => {
      lane.waiting.splice(lane.waiting.indexOf(start), 1);
      reject(abortedError());
    };
    if (signal.aborted) return reject(abortedError());
    lane.waiting.push(start);
    signal.addEventListener('abort', cancel, { once: true });
  });
}
