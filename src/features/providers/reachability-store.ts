/**
 * Whether the studio can reach each provider's server, as the last request or background
 * check found it. Keyed by the server's origin (what "reachable" is about: a new key or
 * model list does not change it). Not persisted: a reload starts with nothing known.
 *
 * A request that could not reach the server marks its origin unreachable; any answer from
 * it (a finished request, a check that got a reply, even an error reply) marks it reachable.
 */
import { create } from 'zustand';
import { providerOrigin, type Provider } from '../../api/provider.ts';

export type Reachability = 'unreachable' | 'reachable';

interface ReachabilityState {
  /** Only origins something was learned about; absent means "no news". */
  byOrigin: Record<string, Reachability>;
}

export const useReachabilityStore = create<ReachabilityState>()(() => ({ byOrigin: {} }));

/** The key reachability is kept under: the provider's origin. */
export const reachabilityKey = (provider: Provider): string => providerOrigin(provider);

function mark(key: string, reachability: Reachability): void {
  const { byOrigin } = useReachabilityStore.getState();
  // Most requests succeed against a server never seen down: nothing to record or re-render.
  if (reachability === 'reachable' && byOrigin[key] === undefined) return;
  if (byOrigin[key] === reachability) return;
  useReachabilityStore.setState({ byOrigin: { ...byOrigin, [key]: reachability } });
}

export const markUnreachable = (key: string) => mark(key, 'unreachable');
export const markReachable = (key: string) => mark(key, 'reachable');

export const getReachability = (key: string): Reachability | undefined =>
  useReachabilityStore.getState().byOrigin[key];

/** What is known about one origin; re-renders when it changes. */
export const useReachability = (key: string): Reachability | undefined =>
  useReachabilityStore((s) => s.byOrigin[key]);
