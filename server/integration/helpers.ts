/** Shared setup for the integration tests: an engine on a free loopback port and test images. */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import OpenAI, { toFile } from 'openai';
import sharp from 'sharp';
import { listenEngine, type RunningEngine } from '../listen.ts';
import type { EngineOptions } from '../app.ts';

export interface TestEngine extends RunningEngine {
  client: OpenAI;
  /** The controllable clock the engine reads (ms). */
  clock: { now: number };
}

export async function startTestEngine(options: EngineOptions = {}): Promise<TestEngine> {
  const clock = { now: Date.UTC(2026, 0, 1) };
  const running = await listenEngine({
    now: () => clock.now,
    streamDelayMs: 0,
    testHooks: true,
    ...options,
  });
  const client = new OpenAI({
    baseURL: `${running.url}/v1`,
    apiKey: options.apiKey ?? 'sk-local',
    maxRetries: 0,
  });
  return { ...running, client, clock };
}

/** A width x height PNG with a colourful, position-dependent pattern (every pixel distinct-ish). */
export async function patternPng(
  width: number,
  height: number,
  opts: { alpha?: boolean; transparentRect?: [number, number, number, number] } = {},
): Promise<Buffer> {
  const channels = opts.alpha || opts.transparentRect ? 4 : 3;
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      data[i] = (x * 7 + y * 3) % 256;
      data[i + 1] = (x * 2 + y * 11) % 256;
      data[i + 2] = (x * y) % 256;
      if (channels === 4) {
        const [rx, ry, rw, rh] = opts.transparentRect ?? [0, 0, 0, 0];
        const inside = x >= rx && x < rx + rw && y >= ry && y < ry + rh;
        data[i + 3] = inside ? 0 : 255;
      }
    }
  }
  return sharp(data, { raw: { width, height, channels } }).png().toBuffer();
}

/** A mask PNG: opaque everywhere except the transparent (alpha 0) rectangle = the area to edit. */
export async function maskPng(
  width: number,
  height: number,
  hole: [number, number, number, number],
): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 4, 255);
  const [hx, hy, hw, hh] = hole;
  for (let y = hy; y < hy + hh; y++)
    for (let x = hx; x < hx + hw; x++) data[(y * width + x) * 4 + 3] = 0;
  return sharp(data, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

export const pngFile = (bytes: Buffer, name = 'image.png') =>
  toFile(bytes, name, { type: 'image/png' });

export async function rgba(
  bytes: Buffer | string,
): Promise<{ data: Buffer; width: number; height: number; format: string }> {
  const input = typeof bytes === 'string' ? Buffer.from(bytes, 'base64') : bytes;
  const meta = await sharp(input).metadata();
  const { data, info } = await sharp(input)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, format: meta.format ?? '' };
}

/** Posts a raw body with fetch and returns status + parsed JSON (for what the SDK cannot send). */
export async function rawPost(
  url: string,
  body: BodyInit | null,
  headers: Record<string, string> = {},
) {
  const res = await fetch(url, { method: 'POST', body, headers });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return {
    status: res.status,
    headers: res.headers,
    json: json as {
      error?: { message: string; type: string; param: string | null; code: string | null };
    },
  };
}

export interface RawAnswer {
  /** 0 when the connection closed without an answer. */
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Sends bytes exactly as given over a fresh TCP connection (what fetch refuses to send:
 * malformed targets, lying lengths, cut-off bodies) and reads one HTTP answer. `send` may
 * write more and leave the socket open; the answer is returned as soon as it is complete.
 * Do not half-close (`socket.end`): Node's HTTP server takes that as the client leaving.
 */
export function rawRequest(
  url: string,
  send: (socket: Socket) => void,
  timeoutMs = 15_000,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parseAnswer(received));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('connect', () => send(socket));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const answer = parseAnswer(received);
      const length = Number(answer.headers['content-length']);
      if (answer.status && Number.isFinite(length) && answer.body.length >= length) finish();
    });
    // A server that answers early may reset a connection we are still writing to.
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

function parseAnswer(bytes: Buffer): RawAnswer {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, body: Buffer.alloc(0) };
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0);
  return { status, headers, body: bytes.subarray(end + 4) };
}

/** A request head (request line and headers, then the blank line) as bytes. */
export function head(method: string, target: string, headers: Record<string, string | number>) {
  const lines = [`${method} ${target} HTTP/1.1`, 'host: 127.0.0.1'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
}

/** Whether a body is an OpenAI error: `{"error":{"message","type","param","code"}}`, all four keys. */
export function isOpenAiError(body: Buffer | string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString());
  } catch {
    return false;
  }
  const error = (parsed as { error?: Record<string, unknown> } | null)?.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof error.message === 'string' &&
    error.message.length > 0 &&
    typeof error.type === 'string' &&
    'param' in error &&
    (error.param === null || typeof error.param === 'string') &&
    'code' in error &&
    (error.code === null || typeof error.code === 'string')
  );
}

/** The resident memory of a process in bytes (VmRSS) and its peak so far (VmHWM). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}
