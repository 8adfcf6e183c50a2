/**
 * Generate suite (`npm run bench:generate`): what the studio adds on top of the provider.
 * A real click on Generate (the default model, gpt-image-2.5-flare, 1024x1024, b64 PNG from
 * the local engine inside `vite preview`) until the image is visible (painted, by Element Timing),
 * minus the engine's own time for that request (`durationMs` in its request log: from
 * receiving the request to the last byte handed to the socket). Both ends are measured in
 * the same run, so the difference holds even on a loaded machine; the total and the engine
 * time are reported beside it.
 * The click time is the trusted event's timeStamp (when the input arrived), so waiting for a
 * busy main thread counts. Jobs accumulate in the list as in a session. 2 warm-ups + 10 runs.
 * Beside it, from the result's arrival (the last byte of the engine's answer, Resource Timing)
 * to its bytes being durable: the IndexedDB transaction that writes the gallery's `images`
 * store completing (seen by wrapping IDBDatabase.transaction in the page).
 * Then as many on the floor page (generate-floor.ts): a bare page that only saves the bytes
 * durably and then shows them, measured the same way right after, in the same minute, so
 * that what the studio adds over the least any page can do is known on the machine that ran
 * it (`overhead-over-floor`: the difference of the two medians).
 * Then, 3 times, what waiting costs: the main thread's busy time per second while the
 * engine holds an answer back (a latency fault through its test hooks).
 * Then studio and floor again (`photo-*`) on an engine of their own that adds grain to its
 * pictures (server/images/render/grain.ts): the engine's clean drawings are 45-210 KB as a
 * 1024² PNG, the real models' pictures megabytes, and the check, the base64, the save and
 * the decode all scale with the bytes. `answer-size` and `photo-answer-size` say how big.
 * Then both once more (`paced-photo-*`) on photo-sized results delivered at 100 Mbit/s
 * (EASEL_ENGINE_BANDWIDTH, server/http/paced.ts), over ~260 ms as a real provider's arrive:
 * what a client overlaps with the arrival shortens its arrival-to-durable and -visible. The
 * engine's time stops at the answer's headers, so these overheads include the transfer.
 * Smoke: one run of each.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { floorOnce, openFloorPage } from './generate-floor.ts';
import { clearEngineLog, loggedGeneration } from './harness/engine-log.ts';
import { enablePerformanceMetrics, mainThreadTime } from './harness/page-metrics.ts';
import { sampled, single } from './harness/result.ts';
import { median } from './harness/stats.ts';
import { startStudio } from './harness/studio.ts';
import type { Suite, SuiteContext } from './harness/suite.ts';

const RECORD_CLICKS = `document.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('button') : null;
  if (button && button.textContent.trim() === 'Generate') window.__generateClickedAt = e.timeStamp;
}, true);`;

/** Records when each transaction that writes the gallery's image bytes completes. */
const RECORD_IMAGE_WRITES = `(() => {
  window.__imagesDurableAt = [];
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, ...rest) {
    const tx = transaction.call(this, stores, mode, ...rest);
    const names = typeof stores === 'string' ? [stores] : [...stores];
    if (mode === 'readwrite' && names.includes('images'))
      tx.addEventListener('complete', () => window.__imagesDurableAt.push(performance.now()));
    return tx;
  };
})();`;

/**
 * From the last byte of the generation's answer to the first image write completing after
 * it (the save of that result; jobs run one at a time here).
 */
function arrivalToDurable(page: Page) {
  return page.evaluate(async () => {
    const w = window as unknown as { __imagesDurableAt: number[] };
    const answers = performance
      .getEntriesByType('resource')
      .filter((e) => /\/v1\/images\/generations$/.test(e.name)) as PerformanceResourceTiming[];
    const arrived = answers.at(-1)!.responseEnd;
    const deadline = performance.now() + 30_000;
    for (;;) {
      const durable = w.__imagesDurableAt.find((t) => t >= arrived);
      if (durable !== undefined) return durable - arrived;
      if (performance.now() > deadline) throw new Error('The result was not saved within 30 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  });
}

/** The Resource Timing of the newest generation request: when it was sent and answered. */
function answerTiming(page: Page) {
  return page.evaluate(() => {
    const answer = performance
      .getEntriesByType('resource')
      .filter((e) => /\/v1\/images\/generations$/.test(e.name))
      .at(-1) as PerformanceResourceTiming;
    return {
      startTime: answer.startTime,
      responseEnd: answer.responseEnd,
      bytes: answer.encodedBodySize,
    };
  });
}

/**
 * Resolves with the time (performance.now() timebase) the result image was first presented
 * VISIBLE. Finds the image with a MutationObserver rather than polling every frame, so the
 * measurement adds no work of its own while the studio waits.
 *
 * Shown: in the page and not hidden (no inert or aria-hidden ancestor) — a studio may lay a
 * result out unseen (opacity 0, inert, aria-hidden) before it is durable and reveal it after.
 * Chromium 156's Element Timing cannot time such a reveal: it may report the hidden paint
 * (too early), and reports no opacity-only reveal of a layer at all. So the moment the image
 * is shown, a marker with Element Timing is painted in the same frame: its renderTime is that
 * frame's presentation (checked with a screencast: the first frame holding the marker always
 * held the picture; a marker and an image painted in one frame report the same renderTime).
 * The image's own Element Timing counts when it comes after the reveal and later (a decode
 * that takes a frame more).
 */
function waitForResultShown(page: Page, prompt: string) {
  return page.evaluate(async (prompt) => {
    type Timed = PerformanceEntry & { element: Element | null; renderTime: number };
    const alt = `Result 1: ${prompt}`;
    const hidden = (img: Element) => img.closest('[inert], [aria-hidden="true"]') !== null;
    const find = () =>
      [...document.querySelectorAll('img')].find((i) => i.alt === alt && !hidden(i));
    const seen = new Map<Element, number>();
    const timing = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Timed[])
        if (entry.element && entry.renderTime > 0) seen.set(entry.element, entry.renderTime);
    });
    timing.observe({ type: 'element', buffered: true });
    // Found in the microtask after the mutation that revealed it: before any frame.
    const already = find();
    const img =
      already ??
      (await new Promise<HTMLImageElement>((resolve) => {
        const observer = new MutationObserver(() => {
          const found = find();
          if (!found) return;
          observer.disconnect();
          resolve(found);
        });
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          attributes: true,
          attributeFilter: ['inert', 'aria-hidden'],
        });
      }));
    // Shown before this looked (a quick answer): its reveal was not seen, its report counts.
    if (already && img.hasAttribute('elementtiming')) {
      const until = performance.now() + 30_000;
      while (!seen.has(img)) {
        if (performance.now() > until) throw new Error('The result was not painted within 30 s');
        await new Promise((r) => setTimeout(r, 10));
      }
      timing.disconnect();
      return seen.get(img)!;
    }
    const revealedAt = performance.now();
    const marker = document.createElement('div');
    marker.textContent = `shown ${Math.round(revealedAt)}`;
    marker.setAttribute('elementtiming', 'bench-reveal');
    marker.style.cssText = 'position:fixed;left:0;bottom:0;font:10px sans-serif;z-index:99999';
    document.body.append(marker);
    // The image's own report counts only after the reveal (before it, the hidden paint).
    const own = () => {
      const t = seen.get(img) ?? 0;
      return t >= revealedAt ? t : undefined;
    };
    const tick = () => new Promise((r) => setTimeout(r, 10));
    const deadline = performance.now() + 30_000;
    while (!seen.has(marker) && own() === undefined) {
      if (performance.now() > deadline) throw new Error('The reveal was not painted within 30 s');
      await tick();
    }
    // Whichever came first, the other may follow a frame later (a decode not done): wait a
    // little for it and take the later. Either alone is the frame that showed the picture.
    const settle = performance.now() + 150;
    while ((!seen.has(marker) || own() === undefined) && performance.now() < settle) await tick();
    timing.disconnect();
    marker.remove();
    return Math.max(seen.get(marker) ?? 0, own() ?? 0);
  }, prompt);
}

/** A fresh generate view set to 1024x1024, recording Generate clicks. */
export async function openGenerateView(context: BrowserContext, url: string): Promise<Page> {
  await context.addInitScript({ content: RECORD_CLICKS });
  await context.addInitScript({ content: RECORD_IMAGE_WRITES });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('combobox', { name: 'Size', exact: true }).click();
  await page.getByRole('option', { name: /^1024 × 1024/ }).click();
  return page;
}

/** One generation from a real click: the wait the user saw, and the engine's part of it. */
export async function generateOnce(page: Page, url: string, prompt: string) {
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt);
  await clearEngineLog(page, url);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const shownAt = await waitForResultShown(page, prompt);
  const clickedAt = await page.evaluate(
    () => (window as unknown as { __generateClickedAt: number }).__generateClickedAt,
  );
  const g = await loggedGeneration(page, url);
  if (g.fields.size !== '1024x1024' || g.fields.prompt !== prompt)
    throw new Error(`The engine received ${JSON.stringify(g.fields)}`);
  const total = shownAt - clickedAt;
  const durable = await arrivalToDurable(page);
  const answer = await answerTiming(page);
  return {
    total,
    engine: g.durationMs!,
    overhead: total - g.durationMs!,
    /** The request as the engine received it (the floor page sends the same). */
    fields: g.fields,
    durable,
    // Where the overhead goes: before the request leaves, and after its last byte arrives.
    beforeSending: answer.startTime - clickedAt,
    afterArrival: shownAt - answer.responseEnd,
    /** The answer's body as it came over the wire (the JSON with its base64 image). */
    answerBytes: answer.bytes,
  };
}

/**
 * What waiting costs: the main thread's busy time per second while a job waits for the
 * provider (the engine holds the answer back 2.5 s), measured over 1.5 s of steady waiting.
 * On a machine that also runs the engine, this is CPU taken from the provider.
 */
export async function waitingCost(page: Page, url: string, prompt: string): Promise<number> {
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt);
  const fault = await page.request.post(`${url}/__engine/faults`, {
    data: { queue: [{ type: 'latency', ms: 2500 }] },
  });
  if (!fault.ok()) throw new Error(`Queueing a latency fault: HTTP ${fault.status()}`);
  const cdp = await enablePerformanceMetrics(page);
  try {
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.waitForTimeout(400);
    const before = await mainThreadTime(cdp);
    const started = Date.now();
    await page.waitForTimeout(1500);
    const after = await mainThreadTime(cdp);
    const perSecond = ((after.task - before.task) / (Date.now() - started)) * 1000;
    await waitForResultShown(page, prompt);
    return perSecond;
  } finally {
    await cdp.detach();
  }
}

/** Grain for the photo-sized pass (server/images/render/grain.ts): a 1024² PNG of ~2.4 MB. */
const PHOTO_GRAIN = '10';

/**
 * The paced pass (server/http/paced.ts): photo-sized answers at 100 Mbit/s, a 3.2 MB answer
 * over ~260 ms as from a real provider, so a client's work overlapped with the arrival shows.
 */
const PACED_MBIT = '100';

/** One pass's figures: the studio's runs, then the floor's on the same engine. */
interface Pass {
  studio: Record<
    'overhead' | 'total' | 'engine' | 'durable' | 'beforeSending' | 'afterArrival' | 'bytes',
    number[]
  >;
  floor: Record<'overhead' | 'durable' | 'afterArrival', number[]>;
}

/**
 * The studio's runs on the studio at `url`, then as many on the floor page (generate-floor.ts)
 * right after, in the same minute: after the studio's runs rather than between them, so the
 * studio's own figures are measured as they always were. `after` measures more on the
 * studio's page, after the floor. Each page has a fresh context of its own.
 */
async function measurePass(
  url: string,
  newContext: SuiteContext['newContext'],
  {
    warmups,
    runs,
    label,
    log,
  }: { warmups: number; runs: number; label: string; log: (line: string) => void },
  after?: (page: Page) => Promise<void>,
): Promise<Pass> {
  const contexts = { studio: await newContext(), floor: await newContext() };
  try {
    const studio: Pass['studio'] = {
      overhead: [],
      total: [],
      engine: [],
      durable: [],
      beforeSending: [],
      afterArrival: [],
      bytes: [],
    };
    const floor: Pass['floor'] = { overhead: [], durable: [], afterArrival: [] };
    let requestFields: Record<string, unknown> = {};
    const page = await openGenerateView(contexts.studio, url);
    for (let run = -warmups; run < runs; run++) {
      const prompt = `a lighthouse at dusk, warm windows, take ${run + warmups + 1}`;
      const result = await generateOnce(page, url, prompt);
      requestFields = result.fields;
      if (run < 0) continue;
      studio.total.push(result.total);
      studio.engine.push(result.engine);
      studio.overhead.push(result.overhead);
      studio.durable.push(result.durable);
      studio.beforeSending.push(result.beforeSending);
      studio.afterArrival.push(result.afterArrival);
      studio.bytes.push(result.answerBytes);
      log(
        `  ${label}run ${run + 1}: ${Math.round(result.total)} ms total, engine ${result.engine} ms, ` +
          `sent after ${Math.round(result.beforeSending)} ms, shown ` +
          `${Math.round(result.afterArrival)} ms after arrival, ` +
          `durable ${Math.round(result.durable)} ms after arrival, ` +
          `answer ${Math.round(result.answerBytes / 1024)} KB`,
      );
    }
    const floorPage = await openFloorPage(contexts.floor, url);
    for (let run = -warmups; run < runs; run++) {
      const prompt = `a lighthouse at dusk, floor, take ${run + warmups + 1}`;
      const bare = await floorOnce(floorPage, url, { ...requestFields, prompt });
      if (run < 0) continue;
      floor.overhead.push(bare.overhead);
      floor.durable.push(bare.durable);
      floor.afterArrival.push(bare.afterArrival);
      log(
        `  ${label}floor ${run + 1}: overhead ${Math.round(bare.overhead)} ms, shown ` +
          `${Math.round(bare.afterArrival)} ms after arrival, durable ` +
          `${Math.round(bare.durable)} ms after arrival`,
      );
    }
    await after?.(page);
    return { studio, floor };
  } finally {
    await contexts.studio.close();
    await contexts.floor.close();
  }
}

/** measurePass on a studio of its own whose engine has the settings in `env`. */
async function ownEnginePass(
  outDir: string,
  env: Record<string, string>,
  newContext: SuiteContext['newContext'],
  options: Parameters<typeof measurePass>[2],
): Promise<Pass> {
  const studio = await startStudio({ build: false, outDir, env });
  try {
    return await measurePass(studio.url, newContext, options);
  } finally {
    await studio.stop();
  }
}

/** The figures of a pass on an engine of its own, as `<prefix>-…` ids. */
function passMetrics(prefix: string, title: string, { studio, floor }: Pass) {
  return [
    sampled(
      `${prefix}-answer-size`,
      `${title}: the answer`,
      'KB',
      studio.bytes.map((b) => b / 1024),
    ),
    sampled(`${prefix}-overhead`, `${title}: studio overhead`, 'ms', studio.overhead),
    sampled(
      `${prefix}-arrival-to-durable`,
      `${title}: result arrived → durable`,
      'ms',
      studio.durable,
    ),
    sampled(
      `${prefix}-arrival-to-visible`,
      `${title}: last byte arrived → visible`,
      'ms',
      studio.afterArrival,
    ),
    sampled(`${prefix}-floor-overhead`, `${title}: floor overhead`, 'ms', floor.overhead),
    sampled(
      `${prefix}-floor-arrival-to-durable`,
      `${title}: floor, arrived → durable`,
      'ms',
      floor.durable,
    ),
    sampled(
      `${prefix}-floor-arrival-to-visible`,
      `${title}: floor, last byte arrived → visible`,
      'ms',
      floor.afterArrival,
    ),
    single(
      `${prefix}-overhead-over-floor`,
      `${title}: studio − floor overhead (medians)`,
      'ms',
      median(studio.overhead) - median(floor.overhead),
    ),
  ];
}

export const generateSuite: Suite = {
  name: 'generate',
  title: 'click Generate → 1024x1024 image visible, minus the engine time',
  async run({ smoke, studio, newContext, log }) {
    const shared = await studio();
    const warmups = smoke ? 0 : 2;
    const runs = smoke ? 1 : 10;
    const waiting: number[] = [];
    const pass = await measurePass(
      shared.url,
      newContext,
      { warmups, runs, label: '', log },
      async (page) => {
        for (let run = 0; run < (smoke ? 1 : 3); run++)
          waiting.push(await waitingCost(page, shared.url, `a slow lighthouse, take ${run + 1}`));
      },
    );
    // The same again on results of a photograph's size, then on such results delivered at a
    // real connection's pace: each on an engine of its own.
    const photo = await ownEnginePass(
      shared.outDir,
      { EASEL_ENGINE_GRAIN: PHOTO_GRAIN },
      newContext,
      { warmups, runs, label: 'photo ', log },
    );
    const paced = await ownEnginePass(
      shared.outDir,
      { EASEL_ENGINE_GRAIN: PHOTO_GRAIN, EASEL_ENGINE_BANDWIDTH: PACED_MBIT },
      newContext,
      { warmups, runs, label: 'paced ', log },
    );
    const { studio: own, floor } = pass;
    return {
      suite: 'generate',
      measuredAt: new Date().toISOString(),
      config: {
        model: 'gpt-image-2.5-flare',
        size: '1024x1024',
        format: 'b64_json png',
        runs,
        warmups,
        photoGrain: Number(PHOTO_GRAIN),
        pacedMbit: Number(PACED_MBIT),
      },
      metrics: [
        sampled('overhead', 'studio overhead: click → visible − engine', 'ms', own.overhead),
        sampled('click-to-visible', 'click → image visible', 'ms', own.total),
        sampled('engine', 'engine time (its request log)', 'ms', own.engine),
        sampled('click-to-sent', 'click → request sent (Resource Timing)', 'ms', own.beforeSending),
        sampled('arrival-to-visible', 'last byte arrived → image visible', 'ms', own.afterArrival),
        sampled(
          'arrival-to-durable',
          'result arrived → bytes durable in IndexedDB',
          'ms',
          own.durable,
        ),
        sampled(
          'answer-size',
          'the answer (JSON with the base64 PNG)',
          'KB',
          own.bytes.map((b) => b / 1024),
        ),
        sampled('waiting-main-thread', 'waiting: main thread busy per second', 'ms', waiting),
        sampled(
          'floor-overhead',
          'floor: a bare page, click → visible − engine',
          'ms',
          floor.overhead,
        ),
        sampled('floor-arrival-to-durable', 'floor: result arrived → durable', 'ms', floor.durable),
        sampled(
          'floor-arrival-to-visible',
          'floor: last byte arrived → visible',
          'ms',
          floor.afterArrival,
        ),
        // What the studio's checks, guarantees and UI cost over the bare page, on this
        // machine in this minute: the two medians' difference (their runs are not paired).
        single(
          'overhead-over-floor',
          'studio overhead − floor overhead (medians)',
          'ms',
          median(own.overhead) - median(floor.overhead),
        ),
        // The engine's clean drawings are tens of KB; the real models send megabytes.
        ...passMetrics('photo', 'photo-sized', photo),
        // The same answers arriving over ~260 ms instead of at once: the engine's time stops at
        // the headers, so the overheads include the transfer.
        ...passMetrics('paced-photo', `paced ${PACED_MBIT} Mbit/s`, paced),
      ],
    };
  },
};
