/** Shared setup for the integration tests: an engine on a free loopback port and test images. */
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
