/**
 * The engine cannot be stalled by clients that start uploads and never finish them: a request
 * takes a work slot only once its body has fully arrived, an abandoned upload frees everything
 * at once, and a trickle is cut off by the minimum body rate. Timings are "answered within N s
 * while under attack", generous for a loaded 2-core machine; the measured latencies are printed.
 * The engine runs in its own process, without a key, as `npm start` runs it.
 */
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type StartedEngine } from '../../e2e/fixtures/engine.ts';
import { head, rawRequest, type RawAnswer } from './helpers.ts';

let engine: StartedEngine;
beforeAll(async () => {
  engine = await startEngine();
});
afterAll(() => engine.stop());

/** One valid generation (the smallest picture), timed; refused after `limitMs`. */
async function timedGeneration(limitMs: number): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  try {
    const res = await fetch(`${engine.url}/v1/images/generations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'dall-e-2', prompt: 'a lighthouse', size: '256x256' }),
      signal: AbortSignal.timeout(limitMs),
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** A POST that declares 1000 bytes of JSON and sends `first` of them. */
function startUpload(socket: Socket, first = 1) {
  socket.write(
    head('POST', '/v1/images/generations', {
      'content-type': 'application/json',
      'content-length': 1000,
    }),
  );
  socket.write('{'.padEnd(first, ' '));
}

describe('abandoned and trickling uploads', () => {
  it('six uploads that send a byte and close do not delay the next generation', async () => {
    const abandoned = Array.from({ length: 6 }, () =>
      rawRequest(engine.url, (socket) => {
        startUpload(socket);
        setTimeout(() => socket.destroy(), 100);
      }),
    );
    await Promise.all(abandoned);
    const answer = await timedGeneration(20_000);
    console.log(`[stalls] after 6 abandoned uploads: answered in ${Math.round(answer.ms)} ms`);
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(8_000);
  });

  it('under 100 trickling uploads a valid generation stays fast, and the trickles are cut off', async () => {
    const calm = [];
    for (let i = 0; i < 3; i++) calm.push((await timedGeneration(20_000)).ms);

    const timers: NodeJS.Timeout[] = [];
    const attackers: Promise<RawAnswer>[] = Array.from({ length: 100 }, () =>
      rawRequest(
        engine.url,
        (socket) => {
          startUpload(socket);
          // A byte a second: never idle long enough for the idle timeout.
          timers.push(setInterval(() => socket.writable && socket.write(' '), 1_000));
        },
        60_000,
      ),
    );
    try {
      await new Promise((r) => setTimeout(r, 1_500));
      const attacked = [];
      for (let i = 0; i < 5; i++) {
        const answer = await timedGeneration(20_000);
        expect(answer.status).toBe(200);
        attacked.push(answer.ms);
      }
      console.log(
        `[stalls] valid generation median: ${Math.round(median(calm))} ms calm, ` +
          `${Math.round(median(attacked))} ms under 100 trickling uploads`,
      );
      for (const ms of attacked) expect(ms).toBeLessThan(8_000);

      // The trickles do not hold their sockets for ever: the minimum body rate ends them.
      const started = performance.now();
      const answers = await Promise.all(attackers);
      const cutAfter = performance.now() - started;
      expect(answers.every((a) => a.status === 408)).toBe(true);
      expect(cutAfter).toBeLessThan(40_000);
    } finally {
      timers.forEach(clearInterval);
    }
  });

  it('two multipart uploads abandoned halfway free their slots at once', async () => {
    const boundary = 'XYZ';
    const abandoned = [0, 1].map(() =>
      rawRequest(engine.url, (socket) => {
        socket.write(
          head('POST', '/v1/images/edits', {
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': 20 * 1024 * 1024,
          }),
        );
        socket.write(
          `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\n` +
            'Content-Type: image/png\r\n\r\n',
        );
        socket.write(Buffer.alloc(5 * 1024 * 1024, 0x41), () =>
          setTimeout(() => socket.destroy(), 100),
        );
      }),
    );
    await Promise.all(abandoned);
    const answer = await timedGeneration(20_000);
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(8_000);
  });
});
