/**
 * `npm run bench:profile -- <scenario> [--runs N] [--trace] [--no-cpu] [--dpr N] [--no-build]`: where
 * the main thread's time goes in one benchmark scenario, to decide what to make faster.
 * Builds the studio unminified (so functions keep their names) into
 * bench/results/profile-dist (`--no-build` serves the last one), serves it like the
 * benchmarks do, records a V8 CPU profile (CDP Profiler) around the scenario only, and prints
 * the functions with the most self and total time. Writes
 * bench/results/profile-<scenario>.cpuprofile (open it in Chrome DevTools' Performance
 * panel) and, with --trace, a Chromium trace of the same (profile-<scenario>.trace.json).
 * `--no-cpu` skips the CPU profile: its sampling costs main-thread time of its own, which
 * would show up in the trace's figures. `--dpr N` runs at that device pixel ratio (1 unless
 * given): a Retina designer's stage canvases hold four times the pixels.
 *
 * Scenarios: generate (click Generate → 1024x1024 image visible, N times), waiting (a job
 * waiting 2.5 s for the provider), gallery-scroll (5,000 entries, a fling top to bottom),
 * gallery-open (a fresh page, then the Gallery tab to its first screen of thumbnails),
 * stroke-4k (a 3 s brush stroke on 3840x2160), stroke-4k-soft (the same with a 512 px brush
 * at 10 % hardness), open-8000 (an 8000x8000 PNG into the editor),
 * compose (a 3840x2160 edit, Feather moved in Compare six times).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { seedGalleryInPage } from './gallery-seed.ts';
import { openGalleryTimed, scrollTopToBottom, SCROLL_STEP } from './gallery.ts';
import { generateOnce, openGenerateView, waitingCost } from './generate.ts';
import { enablePerformanceMetrics } from './harness/page-metrics.ts';
import {
  flatPng,
  openImage,
  openLarge,
  softestLargestBrush,
  stageMapper,
  stroke,
} from './editor.ts';
import { featherSteps, openAndEdit } from './seams/compose-timing.ts';
import { formatHotFunctions, hotFunctions, type Profile } from './harness/cpu-profile.ts';
import { ROOT } from './harness/studio.ts';
import { formatTraceSummary, summariseTrace } from './harness/trace-summary.ts';
import { sharedResources } from './harness/suite.ts';
import { waitForStudio } from './harness/studio-ready.ts';

interface Scenario {
  /** Brings the page to where the measured part starts. */
  setup: (context: BrowserContext, url: string) => Promise<Page>;
  /** The part that is profiled; returns a line to print. */
  measure: (page: Page, url: string, run: number) => Promise<string>;
}

/** A page whose gallery holds 5,000 entries (the gallery suite's seed). */
async function seededGallery(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await page.getByText('Nothing here yet').waitFor();
  await page.evaluate(seedGalleryInPage, 5000);
  return page;
}

/** A fresh load of the studio, then the Gallery tab until its first screen of thumbnails. */
async function reopenGallery(page: Page, url: string) {
  // The view survives a reload: leave the Gallery first, so the run presses its tab.
  await page.getByRole('tab', { name: 'Generate' }).click();
  await page.goto(url);
  await waitForStudio(page);
  return openGalleryTimed(page);
}

/** A 3 s brush stroke on 3840x2160 per run; `soft`: the largest brush at the softest hardness. */
function strokeScenario(soft: boolean): Scenario {
  return {
    setup: async (context, url) => {
      const page = await context.newPage();
      await openImage(page, url, 3840, 2160);
      if (soft) await softestLargestBrush(page);
      return page;
    },
    measure: async (page, _url, run) => {
      const at = await stageMapper(page);
      const cdp = await enablePerformanceMetrics(page);
      const size = { width: 3840, height: 2160, band: (run - 1) % 3, durationMs: 3000 };
      const r = await stroke(page, cdp, at, size);
      await cdp.detach();
      return `${r.moves} moves, script ${r.scriptPerMove.toFixed(2)} ms/move, ${r.longTasks} long tasks, longest ${r.longest.toFixed(0)} ms`;
    },
  };
}

const SCENARIOS: Record<string, Scenario> = {
  generate: {
    setup: async (context, url) => {
      const page = await openGenerateView(context, url);
      await generateOnce(page, url, 'a warm-up lighthouse'); // lazy chunks, worker, database
      return page;
    },
    measure: async (page, url, run) => {
      const r = await generateOnce(page, url, `a lighthouse at dusk, take ${run}`);
      return `total ${r.total.toFixed(0)} ms, engine ${r.engine} ms, overhead ${r.overhead.toFixed(0)} ms`;
    },
  },
  waiting: {
    setup: async (context, url) => {
      const page = await openGenerateView(context, url);
      await generateOnce(page, url, 'a warm-up lighthouse');
      return page;
    },
    measure: async (page, url, run) => {
      const perSecond = await waitingCost(page, url, `a slow lighthouse, take ${run}`);
      return `main thread busy ${perSecond.toFixed(0)} ms per second of waiting`;
    },
  },
  compose: {
    setup: async (context, url) => {
      const page = await context.newPage();
      await openAndEdit(page, url, 3840, 2160);
      return page;
    },
    measure: async (page) => {
      await featherSteps(page, 6);
      const shown = await page.evaluate(() =>
        performance.getEntriesByName('easel:compose-shown').map((e) => Math.round(e.duration)),
      );
      return `6 Feather steps at 3840x2160, shown after ${shown.join(', ')} ms`;
    },
  },
  'gallery-scroll': {
    setup: seededGallery,
    measure: async (page, url) => {
      const open = await reopenGallery(page, url);
      const scroll = await scrollTopToBottom(page, SCROLL_STEP);
      return `first thumbnail ${open.firstThumbnail.toFixed(0)} ms; scroll ${scroll.frames} frames, ${scroll.longTasks} long tasks, longest ${scroll.longestTaskMs.toFixed(0)} ms`;
    },
  },
  'gallery-open': {
    setup: seededGallery,
    measure: async (page, url) => {
      const open = await reopenGallery(page, url);
      return `first thumbnail ${open.firstThumbnail.toFixed(0)} ms, first screen ${open.firstScreen.toFixed(0)} ms`;
    },
  },
  'stroke-4k': strokeScenario(false),
  'stroke-4k-soft': strokeScenario(true),
  'open-8000': {
    setup: async (context) => context.newPage(),
    measure: async (page, url) => {
      const r = await openLarge(page, url, await flatPng(8000), '4096×4096');
      return `ready ${r.readyMs} ms, ${r.longTasks} long tasks, longest ${r.longest.toFixed(0)} ms`;
    },
  },
};

async function main() {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('-') && !/^\d+$/.test(a)) ?? '';
  const scenario = SCENARIOS[name];
  if (!scenario) throw new Error(`Scenario? One of: ${Object.keys(SCENARIOS).join(', ')}`);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  const trace = args.includes('--trace');
  const log = (line: string) => console.log(line);
  const shared = sharedResources({
    smoke: false,
    build: !args.includes('--no-build'),
    outDir: `${ROOT}bench/results/profile-dist`,
    minify: false,
    log,
  });
  try {
    const { url } = await shared.context.studio();
    const dprAt = args.indexOf('--dpr');
    const context = await shared.context.newContext(
      dprAt >= 0 ? { deviceScaleFactor: Number(args[dprAt + 1]) } : {},
    );
    const page = await scenario.setup(context, url);
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const browser = context.browser()!;
    const base = `${ROOT}bench/results/profile-${name}`;
    if (trace) await browser.startTracing(page, { path: `${base}.trace.json`, screenshots: false });
    const cpu = !args.includes('--no-cpu');
    if (cpu) await cdp.send('Profiler.start');
    for (let run = 1; run <= runs; run++)
      log(`  run ${run}: ${await scenario.measure(page, url, run)}`);
    if (trace) await browser.stopTracing();
    if (cpu) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      writeFileSync(`${base}.cpuprofile`, JSON.stringify(profile));
      const rows = hotFunctions(profile);
      log(`\nSelf time (main thread, ${runs} runs):\n${formatHotFunctions(rows, 'selfMs')}`);
      log(`\nTotal time:\n${formatHotFunctions(rows, 'totalMs')}`);
    }
    if (trace) {
      const summary = summariseTrace(readFileSync(`${base}.trace.json`, 'utf8'));
      log(
        `\nTrace, self time by event on the page's busiest threads:\n${formatTraceSummary(summary)}`,
      );
    }
    const written = [cpu && '.cpuprofile', trace && '.trace.json'].filter(Boolean);
    log(`\nWritten: ${written.map((ext) => base.replace(ROOT, '') + ext).join(', ')}`);
    await context.close();
  } finally {
    await shared.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
