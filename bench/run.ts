/**
 * `npm run bench [-- suite... ] [--check] [--smoke] [--no-build] [--build-dir D] [--budgets F]
 *   [--out F]`
 *
 * Runs the benchmark suites (all of them by default, in the order below) in one process:
 * the studio is built once and served by `vite preview` with its engine, one Chromium is
 * shared, each suite gets fresh browser contexts. Prints one table; writes
 * bench/results/<suite>.json per suite and, for a run of every suite, bench/results/latest.json
 * (a --smoke run writes bench/results/smoke.json, or --out). --check exits 1 when a budget
 * of bench/budgets.json is missed, naming it; --build-dir builds and serves the studio from D
 * instead of dist/. Exit codes: 0, 1 budget missed, 2 a suite or the harness failed.
 * See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkBudgets, loadBudgets, missed, type BudgetOutcome } from './harness/budgets.ts';
import { environmentAtStart, finishEnvironment } from './harness/environment.ts';
import type { BenchReport } from './harness/report.ts';
import { assertSuiteResult, type SuiteResult } from './harness/result.ts';
import { ROOT } from './harness/studio.ts';
import { sharedResources, type Suite } from './harness/suite.ts';
import { formatTable } from './harness/table.ts';
import { engineSuite } from './engine.ts';
import { loadSuite } from './load.ts';
import { generateSuite } from './generate.ts';
import { editorSuite } from './editor.ts';
import { gallerySuite } from './gallery.ts';
import { archiveSuite } from './gallery-archive.ts';
import { importSuite } from './gallery-import-many.ts';
import { jobsSuite } from './jobs.ts';
import { selectionSuite } from './selection.ts';
import { seamsSuite } from './seams.ts';

const SUITES: Suite[] = [
  engineSuite,
  loadSuite,
  generateSuite,
  jobsSuite,
  editorSuite,
  selectionSuite,
  gallerySuite,
  archiveSuite,
  importSuite,
  seamsSuite,
];

interface Options {
  suites: Suite[];
  smoke: boolean;
  check: boolean;
  build: boolean;
  budgets: string;
  out?: string;
  buildDir?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    suites: [],
    smoke: false,
    check: false,
    build: true,
    budgets: `${ROOT}bench/budgets.json`,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--smoke') options.smoke = true;
    else if (arg === '--check') options.check = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--budgets') options.budgets = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--build-dir') options.buildDir = value();
    else if (arg.startsWith('-')) throw new Error(`Unknown option ${arg}`);
    else {
      const suite = SUITES.find((s) => s.name === arg);
      if (!suite)
        throw new Error(`Unknown suite ${arg}; there are ${SUITES.map((s) => s.name).join(', ')}`);
      options.suites.push(suite);
    }
  }
  if (options.suites.length === 0) options.suites = [...SUITES];
  return options;
}

function write(path: string, value: unknown) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const budgets = loadBudgets(options.budgets);
  const startedAt = new Date();
  const log = (line: string) => console.log(line);
  const environment = environmentAtStart();
  log(
    `Easel benchmarks (${options.smoke ? 'smoke' : 'full'}): ${options.suites.map((s) => s.name).join(', ')}` +
      ` — ${environment.cpus} CPUs, load ${environment.loadAverage.start.join(' ')}, calibration ${environment.calibrationMs.start} ms`,
  );
  const shared = sharedResources({
    smoke: options.smoke,
    build: options.build,
    outDir: options.buildDir,
    log,
  });
  const results: SuiteResult[] = [];
  const failures: string[] = [];
  try {
    for (const suite of options.suites) {
      log(`\n▶ ${suite.name}: ${suite.title}`);
      const started = performance.now();
      try {
        const result = await suite.run(shared.context);
        assertSuiteResult(result);
        results.push(result);
        log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        failures.push(suite.name);
        console.error(`  ${suite.name} failed:`, error);
      }
    }
  } finally {
    await shared.close();
  }

  const mode = options.smoke ? 'smoke' : 'full';
  const outcomes: BudgetOutcome[] = checkBudgets(budgets, results, mode);
  const report: BenchReport = {
    format: 'easel-bench/1',
    mode,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    environment: finishEnvironment(environment, shared.chromiumVersion()),
    suites: results,
    budgets: outcomes,
  };
  const resultsDir = `${ROOT}bench/results`;
  const outputs: [string, BenchReport][] = [];
  if (options.out || options.smoke) {
    outputs.push([options.out ?? `${resultsDir}/smoke.json`, report]);
  } else {
    for (const suite of results) {
      const own = outcomes.filter((o) => o.metric.startsWith(`${suite.suite}.`));
      outputs.push([
        `${resultsDir}/${suite.suite}.json`,
        { ...report, suites: [suite], budgets: own },
      ]);
    }
    if (options.suites.length === SUITES.length)
      outputs.push([`${resultsDir}/latest.json`, report]);
  }
  for (const [path, value] of outputs) write(path, value);

  log(`\n${formatTable(results, outcomes)}`);
  log(
    `\nMachine: load ${report.environment.loadAverage.start.join(' ')} → ${report.environment.loadAverage.end?.join(' ')}, ` +
      `calibration ${report.environment.calibrationMs.start} → ${report.environment.calibrationMs.end} ms. ` +
      `Written: ${outputs.map(([p]) => p.replace(ROOT, '')).join(', ')}`,
  );
  if (failures.length > 0) {
    console.error(`\nFailed suites: ${failures.join(', ')}`);
    return 2;
  }
  if (options.check) {
    const misses = missed(outcomes);
    if (misses.length > 0) {
      console.error(`\nBudgets missed (${misses.length}):`);
      for (const m of misses) console.error(`  ✗ ${m.message}${m.why ? ` — ${m.why}` : ''}`);
      return 1;
    }
    const checked = outcomes.filter((o) => o.status === 'ok').length;
    log(`\nAll ${checked} budgets checked are met.`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
