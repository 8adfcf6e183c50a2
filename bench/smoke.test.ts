/**
 * The benchmark harness end to end, quickly (`--smoke`: every suite once on tiny sizes):
 * it builds the studio into a temporary directory, serves it with its engine, drives
 * Chromium, writes a report in the shared format, and `--check` fails naming the budget
 * that was missed. Runs in the integration project (it needs Chromium and a build).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { BenchReport } from './harness/report.ts';
import { assertSuiteResult } from './harness/result.ts';
import { ROOT } from './harness/studio.ts';

const dir = mkdtempSync(join(tmpdir(), 'easel-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

it('runs every suite in smoke mode, writes the shared format and fails --check on a missed budget', async () => {
  const budgets = join(dir, 'budgets.json');
  writeFileSync(
    budgets,
    JSON.stringify({
      budgets: [
        // Impossible on purpose: the check must name it and exit 1.
        { metric: 'load.entry-js-gzip', stat: 'median', unit: 'KB', max: 1 },
        { metric: 'load.first-screen-konva-chunks', stat: 'median', unit: 'count', max: 0 },
        { metric: 'editor.export.3840x2160', stat: 'max', unit: 'ms', max: 1000 },
      ],
    }),
  );
  const out = join(dir, 'report.json');
  const { code, output } = await run([
    '--smoke',
    '--check',
    '--budgets',
    budgets,
    '--out',
    out,
    '--build-dir',
    join(dir, 'dist'),
  ]);
  expect(output).toMatch(
    /Budgets missed \(1\):\n\s+✗ load\.entry-js-gzip median [\d.]+ KB \(budget ≤ 1\) MISSED/,
  );
  expect(code, output).toBe(1);

  const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
  expect(report).toMatchObject({ format: 'easel-bench/1', mode: 'smoke' });
  expect(report.suites.map((s) => s.suite)).toEqual([
    'engine',
    'load',
    'generate',
    'jobs',
    'editor',
    'selection',
    'gallery',
    'archive',
    'import',
    'seams',
  ]);
  for (const suite of report.suites) assertSuiteResult(suite);
  expect(report.budgets!.map((b) => b.status)).toEqual(['missed', 'ok', 'not-measured']);
  // The table names every suite's figures.
  expect(output).toMatch(/^load\s+entry JS \(gzip\)\s+[\d.]+\s+KB\s+1\s+≤1 MISSED$/m);
  expect(output).toMatch(/^generate\s+studio overhead/m);
  expect(output).toMatch(/^generate\s+photo-sized: studio overhead/m);
  expect(output).toMatch(/^jobs\s+Blobs still alive/m);
}, 180_000);
