import { describe, expect, it } from 'vitest';
import { isAbortError } from '../../api/errors.ts';
import { isProviderBusy, SLOTS_PER_PROVIDER, takeSlot } from './provider-slots.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('provider slots', () => {
  it('lets SLOTS_PER_PROVIDER requests run, queues the rest in order, per provider', async () => {
    const origin = 'http://slots.test';
    const signal = new AbortController().signal;
    const first = await Promise.all(
      Array.from({ length: SLOTS_PER_PROVIDER }, () => takeSlot(origin, signal)),
    );
    expect(isProviderBusy(origin)).toBe(true);
    const started: string[] = [];
    void takeSlot(origin, signal).then(() => started.push('a'));
    void takeSlot(origin, signal).then(() => started.push('b'));
    // Another provider is not held up.
    await takeSlot('http://other.test', signal);
    await tick();
    expect(started).toEqual([]);
    first[0]!();
    first[0]!(); // releasing twice frees one slot only
    await tick();
    expect(started).toEqual(['a']);
    first[1]!();
    await tick();
    expect(started).toEqual(['a', 'b']);
  });

  it('a queued job cancelled while it waits leaves the queue and never starts', async () => {
    const origin = 'http://cancel.test';
    const signal = new AbortController().signal;
    const held = await Promise.all(
      Array.from({ length: SLOTS_PER_PROVIDER }, () => takeSlot(origin, signal)),
    );
    const controller = new AbortController();
    const waiting = takeSlot(origin, controller.signal);
    const next: string[] = [];
    void takeSlot(origin, signal).then(() => next.push('next'));
    controller.abort();
    await expect(waiting).rejects.toSatisfy(isAbortError);
    held[0]!();
    await tick();
    expect(next).toEqual(['next']);
  });
});
