import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { bytesDue, parseBandwidth, writePaced, type PaceClock, type PacedSink } from './paced.ts';

/** A clock that moves only when told, running what falls due; its timers can be counted. */
function fakeClock(lateBy = 0) {
  let now = 1000;
  const timers = new Set<{ at: number; fn: () => void }>();
  const clock: PaceClock = {
    now: () => now,
    after: (ms, fn) => {
      const timer = { at: now + ms + lateBy, fn };
      timers.add(timer);
      return () => timers.delete(timer);
    },
  };
  /** Runs the timers in order until none is left (or `until` ms have passed). */
  const run = (until = Infinity) => {
    const end = now + until;
    for (;;) {
      const next = [...timers].sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > end) break;
      timers.delete(next);
      now = Math.max(now, next.at);
      next.fn();
    }
    if (Number.isFinite(end)) now = Math.max(now, end);
  };
  return { clock, run, pending: () => timers.size, at: () => now };
}

class FakeSink extends EventEmitter implements PacedSink {
  destroyed = false;
  ended = false;
  full = false;
  pieces: { at: number; bytes: Uint8Array }[] = [];
  constructor(private readonly now: () => number) {
    super();
  }
  write(chunk: Uint8Array) {
    this.pieces.push({ at: this.now(), bytes: chunk });
    return !this.full;
  }
  end() {
    this.ended = true;
  }
  received() {
    return Buffer.concat(this.pieces.map((p) => p.bytes));
  }
}

const body = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31) % 251);

describe('bytesDue', () => {
  it('counts whole pieces at the rate, and all of it once the time has come', () => {
    // 8 Mbit/s = 1,000 bytes a ms.
    expect(bytesDue(100_000, 8, 0, 16_384)).toBe(0);
    expect(bytesDue(100_000, 8, 20, 16_384)).toBe(16_384);
    expect(bytesDue(100_000, 8, 40, 16_384)).toBe(32_768);
    expect(bytesDue(100_000, 8, 99.9, 16_384)).toBe(98_304);
    expect(bytesDue(100_000, 8, 100, 16_384)).toBe(100_000);
    expect(bytesDue(100_000, 8, -5, 16_384)).toBe(0);
  });
});

describe('writePaced', () => {
  it('sends the exact bytes in pieces, the last at bytes × 8 / rate, then ends', async () => {
    const { clock, run, pending, at } = fakeClock();
    const sink = new FakeSink(clock.now);
    const bytes = body(200_000);
    const started = at();
    // 16 Mbit/s = 2,000 bytes a ms: 100 ms in all.
    const done = writePaced(sink, bytes, { mbit: 16, clock });
    run();
    await done;
    expect(sink.received().equals(Buffer.from(bytes))).toBe(true);
    expect(sink.ended).toBe(true);
    expect(sink.pieces.length).toBeGreaterThanOrEqual(12);
    expect(Math.max(...sink.pieces.map((p) => p.bytes.length))).toBeLessThanOrEqual(16_384);
    expect(sink.pieces[0]!.at - started).toBeGreaterThan(0);
    // The last piece is short: it is due at 100 ms, but a tick after the one before at most.
    const last = sink.pieces.at(-1)!.at - started;
    expect(last).toBeGreaterThanOrEqual(100);
    expect(last).toBeLessThanOrEqual(104);
    // Never ahead of the rate.
    let sent = 0;
    for (const piece of sink.pieces) {
      sent += piece.bytes.length;
      expect(sent).toBeLessThanOrEqual((piece.at - started) * 2000);
    }
    expect(pending()).toBe(0);
    expect(sink.listenerCount('close')).toBe(0);
  });

  it('keeps to the rate when the timers fire late, sending what the time allows', async () => {
    const { clock, run, at } = fakeClock(7);
    const sink = new FakeSink(clock.now);
    const started = at();
    const done = writePaced(sink, body(200_000), { mbit: 16, clock });
    run();
    await done;
    // Late by 7 ms a tick, yet done within a tick of the ideal 100 ms, in fewer, larger writes.
    expect(sink.pieces.at(-1)!.at - started).toBeLessThan(100 + 4 + 7 + 1);
    expect(sink.received().length).toBe(200_000);
  });

  it('never ticks faster than tickMs, however fast the rate', async () => {
    const { clock, run, at } = fakeClock();
    const sink = new FakeSink(clock.now);
    const started = at();
    // 1 Gbit/s: a 16 KB piece is due every 0.13 ms; 1 MB in 8.4 ms.
    const done = writePaced(sink, body(1_048_576), { mbit: 1000, clock, tickMs: 4 });
    run();
    await done;
    const times = [...new Set(sink.pieces.map((p) => p.at))];
    expect(times.length).toBeLessThanOrEqual(3);
    expect(times.at(-1)! - started).toBeLessThanOrEqual(12);
  });

  it('stops at once when the client goes away, leaving no timer', async () => {
    const { clock, run, pending } = fakeClock();
    const sink = new FakeSink(clock.now);
    const done = writePaced(sink, body(200_000), { mbit: 16, clock });
    run(30);
    const before = sink.pieces.length;
    expect(before).toBeGreaterThan(0);
    sink.destroyed = true;
    sink.emit('close');
    await done;
    expect(pending()).toBe(0);
    run();
    expect(sink.pieces.length).toBe(before);
    expect(sink.ended).toBe(false);
    expect(sink.listenerCount('close')).toBe(0);
  });

  it('waits for a full socket to drain, then sends what is due', async () => {
    const { clock, run, pending } = fakeClock();
    const sink = new FakeSink(clock.now);
    const done = writePaced(sink, body(100_000), { mbit: 16, clock });
    sink.full = true;
    run(10);
    const before = sink.pieces.length;
    expect(before).toBe(1);
    expect(pending()).toBe(0);
    run(30);
    expect(sink.pieces.length).toBe(before);
    sink.full = false;
    sink.emit('drain');
    // 40 ms in: 80,000 bytes due, sent at once in whole pieces.
    expect(sink.received().length).toBe(65_536);
    run();
    await done;
    expect(sink.received().length).toBe(100_000);
    expect(sink.listenerCount('drain')).toBe(0);
  });

  it('ends an empty body at once', async () => {
    const { clock } = fakeClock();
    const sink = new FakeSink(clock.now);
    await writePaced(sink, new Uint8Array(0), { mbit: 16, clock });
    expect(sink.ended).toBe(true);
    expect(sink.pieces).toEqual([]);
  });
});

describe('parseBandwidth', () => {
  it('takes a positive number of megabits, nothing for unset, and refuses the rest', () => {
    expect(parseBandwidth(undefined, '--bandwidth')).toBe(0);
    expect(parseBandwidth('', '--bandwidth')).toBe(0);
    expect(parseBandwidth('50', '--bandwidth')).toBe(50);
    expect(parseBandwidth('2.5', '--bandwidth')).toBe(2.5);
    for (const wrong of ['0', '-5', 'fast', 'Infinity', '1e9'])
      expect(() => parseBandwidth(wrong, '--bandwidth')).toThrow(/--bandwidth takes megabits/);
  });
});
