/**
 * Quiet background checks of a server that could not be reached: one probe after 2 s, then
 * 4 s, 8 s… capped at 30 s, until a probe finds it. `checkNow` (the browser is back online,
 * the tab is shown again) probes at once and starts the backoff over. Never more than one
 * probe in flight; `stop` cancels the timer and the probe.
 */
export const FIRST_DELAY_MS = 2_000;
export const MAX_DELAY_MS = 30_000;

/** The wait before check number `attempt` (0-based): 2 s, 4 s, 8 s, 16 s, 30 s, 30 s… */
export function backoffDelay(attempt: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
}

export interface ReachabilityChecks {
  checkNow: () => void;
  stop: () => void;
}

/**
 * @param probe resolves true when the server answered; false when it still cannot be reached.
 * @param onReachable called once, when a probe finds the server; the checks then stop.
 */
export function startReachabilityChecks(
  probe: (signal: AbortSignal) => Promise<boolean>,
  onReachable: () => void,
): ReachabilityChecks {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;
  let stopped = false;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(check, backoffDelay(attempt));
    attempt += 1;
  };

  async function check() {
    if (stopped || inFlight) return;
    clearTimeout(timer);
    const controller = new AbortController();
    inFlight = controller;
    let reachable = false;
    try {
      reachable = await probe(controller.signal);
    } catch {
      reachable = false;
    }
    inFlight = null;
    if (stopped || controller.signal.aborted) return;
    if (reachable) {
      stopped = true;
      onReachable();
    } else {
      schedule();
    }
  }

  schedule();
  return {
    checkNow: () => {
      if (stopped) return;
      attempt = 0;
      void check();
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      inFlight?.abort();
    },
  };
}
