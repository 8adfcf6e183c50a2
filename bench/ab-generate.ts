/**
 * `npm run bench:ab-generate -- <dirA> <dirB> [pairs]`: the generate suite's measurement
 * (generate.ts `generateOnce`) on two builds at once, one generation on each in turn, in one
 * Chromium, each build served by its own `vite preview` with its own engine. Build each with
 * `npx vite build --outDir <dir>` from a checkout of the commit to compare.
 *
 * Why: on a 2-core machine the generate suite's median moves by ±5-8 ms between runs minutes
 * apart (the engine's own time, 48-80 ms, moves with it), more than most changes worth
 * trying. Interleaving pairs each generation with one of the other build made in the same
 * second, and the order alternates every pair. Even so, an A/A run (one build against itself,
 * 24 pairs) read −2.1 and +4.2 ms for median(B − A) on 6 Dec 2026: on such a machine a
 * difference under ~5 ms is noise. Run both orders, and an A/A run, before believing one.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions, DESKTOP_VIEWPORT } from '../e2e/fixtures/chromium.ts';
import { generateOnce, openGenerateView } from './generate.ts';
import { median } from './harness/stats.ts';
import { startStudio } from './harness/studio.ts';

type Measured = Awaited<ReturnType<typeof generateOnce>>;
type Timed = { [K in keyof Measured]: Measured[K] extends number ? K : never }[keyof Measured];
const METRICS: { key: Timed; label: string }[] = [
  { key: 'overhead', label: 'studio overhead: click → visible − engine' },
  { key: 'afterArrival', label: 'last byte arrived → image visible' },
  { key: 'durable', label: 'result arrived → bytes durable' },
  { key: 'beforeSending', label: 'click → request sent' },
  { key: 'engine', label: 'engine time' },
];

const [dirA, dirB, pairsArg] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('Usage: npm run bench:ab-generate -- <buildDirA> <buildDirB> [pairs=24]');
  process.exit(2);
}
const pairs = Number(pairsArg ?? 24);
const WARMUPS = 2;

const browser = await chromium.launch(chromiumLaunchOptions);
const sides: {
  dir: string;
  url: string;
  page: Page;
  stop: () => Promise<void>;
  runs: Measured[];
}[] = [];
try {
  for (const dir of [dirA, dirB]) {
    const studio = await startStudio({ build: false, outDir: dir });
    const context = await browser.newContext({ viewport: DESKTOP_VIEWPORT, deviceScaleFactor: 1 });
    // As harness/suite.ts: tsx's keepNames wraps page functions in a Node-only `__name`.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const page = await openGenerateView(context, studio.url);
    sides.push({ dir, url: studio.url, page, stop: studio.stop, runs: [] });
  }
  for (let pair = -WARMUPS; pair < pairs; pair++) {
    const order = pair % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const measured = await generateOnce(side.page, side.url, `a lighthouse, take ${pair + 3}`);
      if (pair >= 0) side.runs.push(measured);
    }
  }
  const [a, b] = sides as [(typeof sides)[0], (typeof sides)[0]];
  console.log(`A ${a.dir}\nB ${b.dir}\n${pairs} pairs, medians in ms:`);
  for (const { key, label } of METRICS) {
    const values = (side: typeof a) => side.runs.map((run) => run[key]);
    const differences = b.runs.map((run, i) => run[key] - a.runs[i]![key]);
    console.log(
      `${label.padEnd(44)} A ${median(values(a)).toFixed(1).padStart(6)}  B ${median(values(b))
        .toFixed(1)
        .padStart(6)}  median(B − A) ${median(differences).toFixed(1).padStart(6)}`,
    );
  }
} finally {
  await browser.close();
  for (const side of sides) await side.stop();
}
