import { useEffect } from 'react';
import { getActiveProvider, useActiveProvider } from './provider-store.ts';
import { startReachabilityChecks } from './connection/reachability-checks.ts';
import { probeReachable } from './connection/reachability-probe.ts';
import { markReachable, reachabilityKey, useReachability } from './reachability-store.ts';

/**
 * While the active provider cannot be reached, checks it in the background (with backoff,
 * and at once when the browser comes online or the tab is shown) until it answers. Stops
 * when it is reachable again or another provider is chosen. Mounted once, by the shell.
 */
export function useReachabilityWatch(): void {
  const key = reachabilityKey(useActiveProvider());
  const unreachable = useReachability(key) === 'unreachable';

  useEffect(() => {
    if (!unreachable) return;
    const checks = startReachabilityChecks(
      (signal) => {
        // The settings as they are now (a corrected key), as long as it is the same server.
        const provider = getActiveProvider();
        return reachabilityKey(provider) === key
          ? probeReachable(provider, signal)
          : Promise.resolve(false);
      },
      () => markReachable(key),
    );
    const onVisible = () => {
      if (document.visibilityState === 'visible') checks.checkNow();
    };
    window.addEventListener('online', checks.checkNow);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', checks.checkNow);
      document.removeEventListener('visibilitychange', onVisible);
      checks.stop();
    };
  }, [key, unreachable]);
}
