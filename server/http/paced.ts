/**
 * Paced answers (--bandwidth MBIT): a body delivered at a real connection's pace instead of
 * all at once on loopback, so that a client's work overlapped with the body's arrival (a
 * check fed piece by piece) can be seen and measured. A real provider takes a few hundred
 * ms to deliver a 1024² GPT image answer (~3 MB of JSON); the engine would write it at once.
 *
 * Headers go first, with the same content-length as an unpaced answer; then the body, in
 * pieces of 16 KB, each tick sending the whole pieces that the time elapsed since the start
 * allows at that rate, so the whole body takes bytes × 8 / rate whatever the timers' grain
 * (no timer finer than a few ms is relied on). The bytes are exactly the unpaced answer's.
 * A client that goes away stops it at once, leaving no timer behind; a client that reads
 * slower than the rate is waited for (backpressure), then sent what is due.
 */
import type { ServerResponse } from 'node:http';

export interface PaceClock {
  /** Milliseconds, monotonic. */
  now: () => number;
  /** Calls `fn` after about `ms`; returns what cancels it. */
  after: (ms: number, fn: () => void) => () => void;
}

export const realClock: PaceClock = {
  now: () => performance.now(),
  after: (ms, fn) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export interface Pace {
  /** Megabits (10^6 bits) a second. */
  mbit: number;
  /** Bytes a piece (default 16 KB); the last piece may be shorter. */
  pieceBytes?: number;
  /** The shortest wait between two ticks (default 4 ms): timers are not finer than that. */
  tickMs?: number;
  clock?: PaceClock;
}

/** What the writer needs of a response (a ServerResponse; a fake in the unit test). */
export interface PacedSink {
  readonly destroyed: boolean;
  write: (chunk: Uint8Array) => boolean;
  end: () => void;
  once: (event: 'close' | 'drain', listener: () => void) => unknown;
  off: (event: 'close' | 'drain', listener: () => void) => unknown;
}

/** Bytes of a `total`-byte body due `elapsedMs` after its start at `mbit`: whole pieces, or all. */
export function bytesDue(total: number, mbit: number, elapsedMs: number, pieceBytes: number) {
  // The epsilon: a timer set for the moment a piece falls due must find it due.
  const due = Math.floor(Math.max(0, elapsedMs) * mbit * 125 + 1e-6);
  return due >= total ? total : due - (due % pieceBytes);
}

/**
 * Writes `body` to `sink` at the pace, then ends it. Resolves when the body is all written,
 * or at once when the client has gone (`close`, or the sink destroyed); never rejects.
 */
export function writePaced(sink: PacedSink, body: Uint8Array, pace: Pace): Promise<void> {
  const { mbit, pieceBytes = 16 * 1024, tickMs = 4, clock = realClock } = pace;
  const bytesPerMs = mbit * 125;
  const started = clock.now();
  let sent = 0;
  return new Promise<void>((resolve) => {
    let cancel: (() => void) | null = null;
    const stop = () => {
      cancel?.();
      cancel = null;
      sink.off('close', stop);
      sink.off('drain', tick);
      resolve();
    };
    function tick() {
      cancel = null;
      if (sink.destroyed) return stop();
      const due = bytesDue(body.length, mbit, clock.now() - started, pieceBytes);
      let flowing = true;
      while (sent < due && flowing) {
        const end = Math.min(due, sent + pieceBytes);
        flowing = sink.write(body.subarray(sent, end));
        sent = end;
      }
      if (sent >= body.length) {
        sink.end();
        return stop();
      }
      if (!flowing) {
        sink.once('drain', tick);
        return;
      }
      // When the next piece falls due, but never sooner than a tick.
      const nextDueAt = Math.min(body.length, sent + pieceBytes) / bytesPerMs;
      cancel = clock.after(Math.max(tickMs, nextDueAt - (clock.now() - started)), tick);
    }
    sink.once('close', stop);
    tick();
  });
}

/**
 * Sends the headers at once (with the body's content-length), then the body at `mbit`.
 * The headers are out when this returns; the promise settles when the body is delivered or
 * the client has gone.
 */
export function sendPaced(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  body: Buffer,
  mbit: number,
): Promise<void> {
  res.writeHead(status, { ...headers, 'content-length': body.length });
  res.flushHeaders();
  return writePaced(res, body, { mbit });
}

/** Reads --bandwidth / EASEL_ENGINE_BANDWIDTH: megabits a second, or 0 (unpaced) when unset. */
export function parseBandwidth(text: string | undefined, name: string): number {
  if (text === undefined || text.trim() === '') return 0;
  const mbit = Number(text);
  if (!Number.isFinite(mbit) || mbit <= 0 || mbit > 100_000) {
    throw new Error(
      `${name} takes megabits a second, a positive number up to 100000 (e.g. 50), got '${text}'.`,
    );
  }
  return mbit;
}
