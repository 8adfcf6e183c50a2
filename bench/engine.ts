/**
 * `npm run bench:engine`: how fast the local engine answers, measured from outside over HTTP
 * against a separately spawned engine (so its memory is its own).
 * - latency of one 1024x1024 generation and one 1024x1024 masked edit per model, 10 runs each;
 * - 50 concurrent 1024x1024 generations (the engine renders 2 at a time, the rest queue);
 * - the engine's peak RSS (VmHWM).
 * Writes bench/results/engine.json and prints a table. Figures are medians (p50) and p99.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { modelsFor } from '../src/api/models.ts';
import { startEngine } from '../e2e/fixtures/engine.ts';

const RUNS = 10;
const CONCURRENT = 50;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (ms: number) => Math.round(ms * 10) / 10;

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function timed(send: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const res = await send();
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return performance.now() - started;
}

async function main() {
  const engine = await startEngine();
  const api = `${engine.url}/v1/images`;
  const generation = (model: string, prompt: string) => () =>
    fetch(`${api}/generations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model,
        prompt,
        size: '1024x1024',
        ...(model.startsWith('dall-e') ? { response_format: 'b64_json' } : {}),
      }),
    });
  const image = await sharp({
    create: { width: 1024, height: 1024, channels: 4, background: '#6a8caf' },
  })
    .png()
    .toBuffer();
  const maskPixels = Buffer.alloc(1024 * 1024 * 4, 255);
  for (let y = 256; y < 768; y++)
    for (let x = 256; x < 768; x++) maskPixels[(y * 1024 + x) * 4 + 3] = 0;
  const mask = await sharp(maskPixels, { raw: { width: 1024, height: 1024, channels: 4 } })
    .png()
    .toBuffer();
  const edit = (model: string) => () => {
    const form = new FormData();
    form.set('model', model);
    form.set('prompt', 'a paper boat on a pond');
    form.set('size', '1024x1024');
    if (model.startsWith('dall-e')) form.set('response_format', 'b64_json');
    form.set('image', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'image.png');
    form.set('mask', new Blob([new Uint8Array(mask)], { type: 'image/png' }), 'mask.png');
    return fetch(`${api}/edits`, { method: 'POST', body: form });
  };

  const rows: { operation: string; model: string; runs: number; p50Ms: number; p99Ms: number }[] =
    [];
  const measure = async (
    operation: string,
    model: string,
    send: (i: number) => () => Promise<Response>,
  ) => {
    await timed(send(-1)); // warm-up
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await timed(send(i)));
    rows.push({
      operation,
      model,
      runs: RUNS,
      p50Ms: round(percentile(times, 50)),
      p99Ms: round(percentile(times, 99)),
    });
  };
  try {
    for (const model of modelsFor('generate')) {
      await measure('generate 1024x1024', model.id, (i) =>
        generation(model.id, `a lighthouse at dusk, take ${i}`),
      );
    }
    for (const model of modelsFor('edit'))
      await measure('edit 1024x1024', model.id, () => edit(model.id));

    const started = performance.now();
    const concurrent = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        timed(generation('gpt-image-1', `concurrent request ${i}`)),
      ),
    );
    const wallMs = performance.now() - started;
    const result = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      latency: rows,
      concurrent: {
        requests: CONCURRENT,
        operation: 'generate 1024x1024 gpt-image-1',
        p50Ms: round(percentile(concurrent, 50)),
        p99Ms: round(percentile(concurrent, 99)),
        wallMs: round(wallMs),
        throughputPerSec: round((CONCURRENT / wallMs) * 1000),
      },
      enginePeakRssMb: peakRssMb(engine.pid),
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/engine.json', `${JSON.stringify(result, null, 2)}\n`);
    console.table(rows);
    console.table([result.concurrent]);
    console.log(
      `engine peak RSS: ${result.enginePeakRssMb} MB — written to bench/results/engine.json`,
    );
  } finally {
    await engine.stop();
  }
}

await main();
