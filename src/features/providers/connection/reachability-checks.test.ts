import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, startReachabilityChecks } from './reachability-checks.ts';

describe('backoffDelay', () => {
  it('doubles from 2 s and stops growing at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(backoffDelay)).toEqual([
      2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });
});

describe('startReachabilityChecks', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A probe answering from a script of results (false once the script runs out). */
  function scriptedProbe(results: boolean[]) {
    return vi.fn(async (signal: AbortSignal) => {
      void signal;
      return results.shift() ?? false;
    });
  }

  it('probes after 2, 4, 8, 16, 30, 30 s while the server stays away', async () => {
    const start = Date.now();
    const probedAt: number[] = [];
    const checks = startReachabilityChecks(async () => {
      probedAt.push(Date.now() - start);
      return false;
    }, vi.fn());
    await vi.advanceTimersByTimeAsync(120_000);
    expect(probedAt).toEqual([2_000, 6_000, 14_000, 30_000, 60_000, 90_000, 120_000]);
    checks.stop();
  });

  it('reports the server back once and then stops probing', async () => {
    const probe = scriptedProbe([false, true]);
    const onReachable = vi.fn();
    startReachabilityChecks(probe, onReachable);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(probe).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onReachable).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(onReachable).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(onReachable).toHaveBeenCalledTimes(1);
  });

  it('treats a probe that throws as "still away"', async () => {
    const probe = vi.fn(async () => {
      throw new Error('boom');
    });
    const onReachable = vi.fn();
    const checks = startReachabilityChecks(probe, onReachable);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(onReachable).not.toHaveBeenCalled();
    checks.stop();
  });

  it('checkNow probes at once and starts the backoff over', async () => {
    const probe = scriptedProbe([]);
    const checks = startReachabilityChecks(probe, vi.fn());
    await vi.advanceTimersByTimeAsync(14_000); // probes at 2, 6, 14 s; next due at 30 s
    expect(probe).toHaveBeenCalledTimes(3);
    checks.checkNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(2_000); // the backoff starts again at 2 s
    expect(probe).toHaveBeenCalledTimes(5);
    checks.stop();
  });

  it('never runs two probes at once', async () => {
    let release: (reachable: boolean) => void = () => {};
    const probe = vi.fn(
      () =>
        new Promise<boolean>((resolve) => {
          release = resolve;
        }),
    );
    const onReachable = vi.fn();
    const checks = startReachabilityChecks(probe, onReachable);
    checks.checkNow();
    checks.checkNow();
    expect(probe).toHaveBeenCalledTimes(1);
    release(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(onReachable).toHaveBeenCalledTimes(1);
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('stop cancels the pending check and aborts the one in flight', async () => {
    const signals: AbortSignal[] = [];
    const probe = vi.fn(
      (signal: AbortSignal) =>
        new Promise<boolean>((resolve) => {
          signals.push(signal);
          signal.addEventListener('abort', () => resolve(true));
        }),
    );
    const onReachable = vi.fn();
    const checks = startReachabilityChecks(probe, onReachable);
    await vi.advanceTimersByTimeAsync(2_000);
    checks.stop();
    await vi.advanceTimersByTimeAsync(300_000);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
    // An aborted probe's answer is not news.
    expect(onReachable).not.toHaveBeenCalled();
  });
});
