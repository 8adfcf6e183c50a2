/**
 * Engine suite (`npm run bench:engine`): how fast the local engine answers, measured from
 * outside over HTTP against a separately spawned engine (so its memory is its own).
 * - latency of one 1024x1024 generation and one 1024x1024 masked edit per model, 10 runs
 *   each after a warm-up (median, p99, max);
 * - 50 concurrent 1024x1024 generations (the engine renders 2 at a time, the rest queue):
 *   latency, wall time, throughput;
 * - the engine's peak RSS (VmHWM) after all of it.
 * Smoke: dall-e-2 only, 256x256, one run, 4 concurrent.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { modelsFor } from '../src/api/model-lookup.ts';
import type { ModelId } from '../src/api/model-types.ts';
import { startEngine } from '../e2e/fixtures/engine.ts';
import { sampled, single, type Metric } from './harness/result.ts';
import type { Suite } from './harness/suite.ts';

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function timed(send: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const res = await send();
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return performance.now() - started;
}

/** A flat picture and a mask that marks its middle quarter for editing, as PNGs. */
export async function pngFixtures(side: number) {
  const image = await sharp({
    create: { width: side, height: side, channels: 4, background: '#6a8caf' },
  })
    .png()
    .toBuffer();
  // Transparent (alpha 0 = edit here) in the middle quarter.
  const maskPixels = Buffer.alloc(side * side * 4, 255);
  for (let y = side / 4; y < (side * 3) / 4; y++)
    for (let x = side / 4; x < (side * 3) / 4; x++) maskPixels[(y * side + x) * 4 + 3] = 0;
  const mask = await sharp(maskPixels, { raw: { width: side, height: side, channels: 4 } })
    .png()
    .toBuffer();
  return { image, mask };
}

/** The multipart body of a masked edit of `pictures` (pngFixtures), as the suites send it. */
export function maskedEditForm(
  model: string,
  prompt: string,
  size: string,
  { image, mask }: { image: Buffer; mask: Buffer },
): FormData {
  const form = new FormData();
  form.set('model', model);
  form.set('prompt', prompt);
  form.set('size', size);
  if (model.startsWith('dall-e')) form.set('response_format', 'b64_json');
  form.set('image', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'image.png');
  form.set('mask', new Blob([new Uint8Array(mask)], { type: 'image/png' }), 'mask.png');
  return form;
}

export const engineSuite: Suite = {
  name: 'engine',
  title: 'local engine latency per model, 50 concurrent requests, peak RSS',
  async run({ smoke, log }) {
    const runs = smoke ? 1 : 10;
    const concurrent = smoke ? 4 : 50;
    const side = smoke ? 256 : 1024;
    const size = `${side}x${side}`;
    const pick = (operation: 'generate' | 'edit'): ModelId[] =>
      smoke ? ['dall-e-2'] : modelsFor(operation).map((m) => m.id);
    const engine = await startEngine();
    const api = `${engine.url}/v1/images`;
    const generation = (model: string, prompt: string) => () =>
      fetch(`${api}/generations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model,
          prompt,
          size,
          ...(model.startsWith('dall-e') ? { response_format: 'b64_json' } : {}),
        }),
      });
    const { image, mask } = await pngFixtures(side);
    const edit = (model: string) => () =>
      fetch(`${api}/edits`, {
        method: 'POST',
        body: maskedEditForm(model, 'a paper boat on a pond', size, { image, mask }),
      });
    const metrics: Metric[] = [];
    const measure = async (
      id: string,
      label: string,
      send: (i: number) => () => Promise<Response>,
    ) => {
      await timed(send(-1)); // warm-up
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await timed(send(i)));
      metrics.push(sampled(id, label, 'ms', times));
      log(`  ${label}: median ${metrics.at(-1)!.median} ms`);
    };
    try {
      for (const model of pick('generate')) {
        await measure(`generate.${model}`, `generate ${size} ${model}`, (i) =>
          generation(model, `a lighthouse at dusk, take ${i}`),
        );
      }
      for (const model of pick('edit'))
        await measure(`edit.${model}`, `edit ${size} ${model}`, () => edit(model));

      const model = smoke ? 'dall-e-2' : 'gpt-image-1';
      const started = performance.now();
      const latencies = await Promise.all(
        Array.from({ length: concurrent }, (_, i) =>
          timed(generation(model, `concurrent request ${i}`)),
        ),
      );
      const wallMs = performance.now() - started;
      const label = `${concurrent} concurrent ${model}`;
      metrics.push(
        sampled('concurrent.latency', `${label}: latency`, 'ms', latencies),
        single('concurrent.wall', `${label}: wall time`, 'ms', wallMs),
        single(
          'concurrent.throughput',
          `${label}: throughput`,
          'req/s',
          (concurrent / wallMs) * 1000,
        ),
        single('peak-rss', 'engine peak RSS', 'MB', peakRssMb(engine.pid)),
      );
    } finally {
      await engine.stop();
    }
    return {
      suite: 'engine',
      measuredAt: new Date().toISOString(),
      config: {
        size,
        runs,
        warmups: 1,
        concurrent,
        concurrentModel: smoke ? 'dall-e-2' : 'gpt-image-1',
      },
      metrics,
    };
  },
};
