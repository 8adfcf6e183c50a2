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
