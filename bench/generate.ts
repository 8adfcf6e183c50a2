/**
 * Generate suite (`npm run bench:generate`): what the studio adds on top of the provider.
 * A real click on Generate (gpt-image-1.5, 1024x1024, b64 PNG from the local engine inside
 * `vite preview`) until the image is visible (loaded, decoded and the next frame drawn),
 * minus the engine's own time for that request (`durationMs` in its request log: from
 * receiving the request to the last byte handed to the socket). Both ends are measured in
 * the same run, so the difference holds even on a loaded machine; the total and the engine
 * time are reported beside it.
 * The click time is the trusted event's timeStamp (when the input arrived), so waiting for a
 * busy main thread counts. Jobs accumulate in the list as in a session. 2 warm-ups + 10 runs.
 * Smoke: one run.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { sampled } from './harness/result.ts';
import type { Suite } from './harness/suite.ts';

interface LoggedRequest {
  operation: string;
  status: number | null;
  durationMs: number | null;
  fields: Record<string, unknown>;
}

const RECORD_CLICKS = `document.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('button') : null;
  if (button && button.textContent.trim() === 'Generate') window.__generateClickedAt = e.timeStamp;
}, true);`;

/** Resolves with performance.now() of the first frame after the result image is decoded. */
function waitForResultShown(page: Page, prompt: string) {
  return page.evaluate(async (prompt) => {
    const alt = `Result 1: ${prompt}`;
    for (;;) {
      const img = [...document.querySelectorAll('img')].find((i) => i.alt === alt);
      if (img && img.complete && img.naturalWidth > 0) {
        await img.decode();
        return new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
      }
      await new Promise((r) => requestAnimationFrame(r));
    }
  }, prompt);
}

/** A fresh generate view set to 1024x1024, recording Generate clicks. */
export async function openGenerateView(context: BrowserContext, url: string): Promise<Page> {
  await context.addInitScript({ content: RECORD_CLICKS });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('combobox', { name: 'Size', exact: true }).click();
  await page.getByRole('option', { name: /^1024 × 1024/ }).click();
  return page;
}

/** One generation from a real click: the wait the user saw, and the engine's part of it. */
export async function generateOnce(page: Page, url: string, prompt: string) {
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt);
  const cleared = await page.request.delete(`${url}/__engine/requests`);
  if (!cleared.ok()) throw new Error(`Clearing the request log: HTTP ${cleared.status()}`);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const shownAt = await waitForResultShown(page, prompt);
  const clickedAt = await page.evaluate(
    () => (window as unknown as { __generateClickedAt: number }).__generateClickedAt,
  );
  const requests = (await (
    await page.request.get(`${url}/__engine/requests`)
  ).json()) as LoggedRequest[];
  const generation = requests.filter((r) => r.operation === 'generate');
  if (generation.length !== 1 || generation[0]!.status !== 200)
    throw new Error(`Expected one answered generation, got ${JSON.stringify(generation)}`);
  const g = generation[0]!;
  if (g.fields.size !== '1024x1024' || g.fields.prompt !== prompt)
    throw new Error(`The engine received ${JSON.stringify(g.fields)}`);
  const total = shownAt - clickedAt;
  return { total, engine: g.durationMs!, overhead: total - g.durationMs! };
}

export const generateSuite: Suite = {
  name: 'generate',
  title: 'click Generate → 1024x1024 image visible, minus the engine time',
  async run({ smoke, studio, newContext, log }) {
    const { url } = await studio();
    const warmups = smoke ? 0 : 2;
    const runs = smoke ? 1 : 10;
    const context = await newContext();
    const overhead: number[] = [];
    const total: number[] = [];
    const engineMs: number[] = [];
    try {
      const page = await openGenerateView(context, url);
      for (let run = -warmups; run < runs; run++) {
        const prompt = `a lighthouse at dusk, warm windows, take ${run + warmups + 1}`;
        const result = await generateOnce(page, url, prompt);
        if (run < 0) continue;
        total.push(result.total);
        engineMs.push(result.engine);
        overhead.push(result.overhead);
        log(`  run ${run + 1}: ${Math.round(result.total)} ms total, engine ${result.engine} ms`);
      }
    } finally {
      await context.close();
    }
    return {
      suite: 'generate',
      measuredAt: new Date().toISOString(),
      config: { model: 'gpt-image-1.5', size: '1024x1024', format: 'b64_json png', runs, warmups },
      metrics: [
        sampled('overhead', 'studio overhead: click → visible − engine', 'ms', overhead),
        sampled('click-to-visible', 'click → image visible', 'ms', total),
        sampled('engine', 'engine time (its request log)', 'ms', engineMs),
      ],
    };
  },
};
