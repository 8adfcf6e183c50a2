import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore.ts';

describe('semaphore', () => {
  it('lets `limit` in, queues up to `maxWaiting`, refuses beyond', async () => {
    const s = new Semaphore(1, 1);
    const first = await s.acquire();
    const waiting = s.acquire();
    expect(await s.acquire()).toBeNull();
    expect(s.busy).toEqual({ active: 1, waiting: 1 });
    first!();
    const second = await waiting;
    expect(second).not.toBeNull();
    second!();
    second!(); // releasing twice is harmless
    expect(s.busy).toEqual({ active: 0, waiting: 0 });
  });
});

describe('weighted semaphore (the body byte budget)', () => {
  it('admits by weight, in order, and a waiter whose client left frees its place at once', async () => {
    const s = new Semaphore(100);
    const big = await s.acquire(80);
    const gone = new AbortController();
    const blocked = s.acquire(50, gone.signal);
    const behind = s.acquire(10);
    // First come, first served: the 10 waits behind the 50 even though it would fit.
    expect(s.busy).toEqual({ active: 80, waiting: 2 });
    gone.abort(new Error('client gone'));
    await expect(blocked).rejects.toThrow('client gone');
    const small = await behind;
    expect(s.busy).toEqual({ active: 90, waiting: 0 });
    big!();
    small!();
    expect(s.busy).toEqual({ active: 0, waiting: 0 });
  });

  it('takes a weight above the capacity as the whole capacity', async () => {
    const s = new Semaphore(10);
    const all = await s.acquire(1_000);
    expect(s.busy.active).toBe(10);
    all!();
    expect(s.busy.active).toBe(0);
  });
});
