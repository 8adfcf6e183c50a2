/**
 * The floor beside the studio (generate suite): the least any page can do that shows a
 * generated picture only once it is saved. A bare page on the studio's origin sends the
 * request the studio sent, reads the JSON, decodes the base64, commits the bytes to
 * IndexedDB and then appends an <img> — no check of the bytes, no room probe, no React, no
 * waiting indicator, nothing decoded ahead. Its overhead is measured exactly as the
 * studio's (click → painted by Element Timing, minus the engine's own time), right after the
 * studio's runs in the same browser and the same minute, so the two can be compared on any
 * machine: what the studio adds over the floor is what its checks, its UI and its
 * guarantees cost there.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { clearEngineLog, loggedGeneration } from './harness/engine-log.ts';

/** The page's own script records each click, the durable commit and the paint of each <img>. */
const FLOOR_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Floor</title>
<style>body{margin:0;font:14px sans-serif}#results img{width:600px;height:600px;object-fit:contain;display:block}</style>
</head><body><button type="button" id="generate">Generate</button><main id="results"></main>
<script>
const database = new Promise((resolve, reject) => {
  const open = indexedDB.open('easel-bench-floor', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('images');
  open.onsuccess = () => resolve(open.result);
  open.onerror = () => reject(open.error);
});
window.__runs = [];
window.__painted = new Map();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    if (entry.renderTime > 0) window.__painted.set(entry.identifier, entry.renderTime);
}).observe({ type: 'element', buffered: true });
document.getElementById('generate').addEventListener('click', async (event) => {
  const run = { id: 'floor-' + (window.__runs.length + 1), clickedAt: event.timeStamp };
  window.__runs.push(run);
  const db = await database;
  const answer = await fetch('/v1/images/generations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(window.__request),
  });
  const json = await answer.json();
  const b64 = json.data[0].b64_json;
  // The platform's own decoder where there is one (Chromium 140+), atob in an older browser.
  const bytes = Uint8Array.fromBase64
    ? Uint8Array.fromBase64(b64)
    : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const blob = new Blob([bytes], { type: 'image/png' });
  const img = new Image();
  img.alt = run.id;
  img.src = URL.createObjectURL(blob);
  img.setAttribute('elementtiming', run.id);
  const tx = db.transaction('images', 'readwrite');
  tx.objectStore('images').put(blob, run.id);
  tx.oncomplete = () => {
    run.durableAt = performance.now();
    document.getElementById('results').prepend(img);
  };
});
</script></body></html>`;

const PATH = '/__bench-floor';

/**
 * The floor page, served at the studio's origin (so it reaches the engine as the studio does,
 * with no CORS) through a route for the page alone: the route is dropped once the page has
 * loaded, so the API request is not intercepted.
 */
export async function openFloorPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.route(`${url}${PATH}`, (route) =>
    route.fulfill({ body: FLOOR_PAGE, contentType: 'text/html' }),
  );
  await page.goto(`${url}${PATH}`);
  await page.unrouteAll();
  return page;
}

/** One generation on the floor page, with the fields the studio sent for its own. */
export async function floorOnce(page: Page, url: string, request: Record<string, unknown>) {
  await page.evaluate((r) => Object.assign(window, { __request: r }), request);
  await clearEngineLog(page, url);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const seen = await page.evaluate(async () => {
    const w = window as unknown as {
      __runs: { id: string; clickedAt: number; durableAt?: number }[];
      __painted: Map<string, number>;
    };
    const run = w.__runs.at(-1)!;
    const deadline = performance.now() + 30_000;
    while (!w.__painted.has(run.id)) {
      if (performance.now() > deadline) throw new Error('The floor page showed nothing in 30 s');
      await new Promise((r) => setTimeout(r, 10));
    }
    const answer = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/v1/images/generations'))
      .at(-1) as PerformanceResourceTiming;
    return {
      clickedAt: run.clickedAt,
      durableAt: run.durableAt!,
      shownAt: w.__painted.get(run.id)!,
      arrivedAt: answer.responseEnd,
    };
  });
  const engine = (await loggedGeneration(page, url)).durationMs!;
  return {
    overhead: seen.shownAt - seen.clickedAt - engine,
    durable: seen.durableAt - seen.arrivedAt,
    afterArrival: seen.shownAt - seen.arrivedAt,
  };
}
