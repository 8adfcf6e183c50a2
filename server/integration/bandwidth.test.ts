/**
 * --bandwidth (EngineOptions.bandwidth): the JSON answer carrying images, and a url download,
 * arrive over time at about the rate, in pieces, with the bytes of the unpaced answer; the
 * request log's durationMs stops at the paced answer's headers; a client that leaves mid-body
 * leaves the engine serving.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { realClock } from '../http/paced.ts';
import { startTestEngine, type TestEngine } from './helpers.ts';

const MBIT = 40;

let paced: TestEngine;
let unpaced: TestEngine;
beforeAll(async () => {
  [paced, unpaced] = await Promise.all([
    startTestEngine({ grain: 10, bandwidth: MBIT }),
    startTestEngine({ grain: 10 }),
  ]);
});
afterAll(() => Promise.all([paced.close(), unpaced.close()]));
afterEach(() => vi.restoreAllMocks());

const request = (prompt: string) => ({
  model: 'gpt-image-2',
  prompt,
  size: '1024x1024',
});

/** Reads an answer piece by piece: when the headers came, and when each piece did. */
async function timedFetch(url: string, init?: RequestInit) {
  const sent = performance.now();
  const res = await fetch(url, init);
  const headersAt = performance.now() - sent;
  const reader = res.body!.getReader();
  const pieces: { at: number; bytes: Uint8Array }[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pieces.push({ at: performance.now() - sent, bytes: value });
  }
  const body = Buffer.concat(pieces.map((p) => p.bytes));
  return {
    res,
    body,
    headersAt,
    pieces: pieces.length,
    spanMs: pieces.at(-1)!.at - pieces[0]!.at,
    /** What the body ideally takes at MBIT. */
    idealMs: (body.length * 8) / (MBIT * 1000),
  };
}

const generate = (engine: TestEngine, prompt: string, signal?: AbortSignal) =>
  timedFetch(`${engine.url}/v1/images/generations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request(prompt)),
    signal,
  });

async function logged(engine: TestEngine) {
  const log = (await (await fetch(`${engine.url}/__engine/requests`)).json()) as {
    operation: string;
    status: number | null;
    durationMs: number | null;
  }[];
  return log.at(-1)!;
}

describe('bandwidth', () => {
  it('delivers a generation in pieces over about bytes × 8 / rate, with the unpaced bytes', async () => {
    const slow = await generate(paced, 'a lighthouse at dusk');
    const fast = await generate(unpaced, 'a lighthouse at dusk');
    expect(slow.res.status).toBe(200);
    expect(Number(slow.res.headers.get('content-length'))).toBe(slow.body.length);
    expect(slow.body.length).toBeGreaterThan(1024 * 1024);
    expect(slow.pieces).toBeGreaterThanOrEqual(4);
    expect(slow.spanMs).toBeGreaterThanOrEqual(0.6 * slow.idealMs);
    // The engine is deterministic (and the test clock fixed): the same answer, byte for byte.
    expect(slow.body.equals(fast.body)).toBe(true);
    expect(JSON.parse(slow.body.toString())).toEqual(JSON.parse(fast.body.toString()));
    // Its own time ends at the headers: the delivery after them is the connection's.
    const entry = await logged(paced);
    expect(entry).toMatchObject({ operation: 'generate', status: 200 });
    expect(entry.durationMs!).toBeLessThanOrEqual(slow.headersAt + 20);
    expect(entry.durationMs!).toBeLessThan(slow.headersAt + slow.spanMs - 0.5 * slow.idealMs);
  });

  it('paces a url download too', async () => {
    const answer = (await (
      await fetch(`${paced.url}/v1/images/generations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'dall-e-2',
          prompt: 'a harbour',
          size: '1024x1024',
          response_format: 'url',
        }),
      })
    ).json()) as { data: { url: string }[] };
    const download = await timedFetch(answer.data[0]!.url);
    expect(download.res.status).toBe(200);
    expect(download.res.headers.get('content-type')).toBe('image/png');
    expect(download.body.length).toBeGreaterThan(1024 * 1024);
    expect(download.pieces).toBeGreaterThanOrEqual(4);
    expect(download.spanMs).toBeGreaterThanOrEqual(0.6 * download.idealMs);
  });

  it('survives a client that leaves mid-body, and answers the next request', async () => {
    // The paced delivery's timers (the engine runs in this process).
    const timers = vi.spyOn(realClock, 'after');
    const leave = new AbortController();
    const res = await fetch(`${paced.url}/v1/images/generations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request('a lighthouse, left halfway')),
      signal: leave.signal,
    });
    const reader = res.body!.getReader();
    let received = 0;
    while (received < 256 * 1024) received += (await reader.read()).value!.length;
    leave.abort();
    await expect(reader.read()).rejects.toThrow();
    expect(received).toBeLessThan(Number(res.headers.get('content-length')));
    // The engine saw the client go and stopped: its delivery sets no timer any more, well
    // before the ~500 ms that the rest of the body would have taken.
    await sleep(50);
    const ticks = timers.mock.calls.length;
    expect(ticks).toBeGreaterThan(0);
    await sleep(200);
    expect(timers.mock.calls.length).toBe(ticks);

    const next = await generate(paced, 'the next lighthouse');
    expect(next.res.status).toBe(200);
    expect(next.body.length).toBe(Number(next.res.headers.get('content-length')));
    expect(JSON.parse(next.body.toString())).toMatchObject({ data: [{}] });
  });
});
