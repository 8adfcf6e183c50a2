/**
 * `npm run bench:ab-engine -- <commitA> <commitB> [pairs=20] [rounds=4]`: the local engine of
 * two commits side by side on one masked 1024x1024 edit (BENCH_MODEL, default gpt-image-2),
 * one request to each in turn. Each commit's `server/` and `src/` are exported to a temporary
 * folder that borrows this checkout's node_modules, and each runs as its own engine process.
 *
 * Why rounds: on this 2-core machine, in an A/A run (two engines of one commit) the engine
 * started second answered ~45 ms faster for a whole run, whatever the order within each pair.
 * So each round starts both engines afresh, and the commit started first alternates. Believe a
 * difference that has the same sign in every round.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine, type StartedEngine } from '../e2e/fixtures/engine.ts';
import { maskedEditForm, pngFixtures } from './engine.ts';
import { median } from './harness/stats.ts';
import { ROOT } from './harness/studio.ts';

const [commitA, commitB, pairsArg, roundsArg] = process.argv.slice(2);
if (!commitA || !commitB) {
  console.error('Usage: npm run bench:ab-engine -- <commitA> <commitB> [pairs=20] [rounds=4]');
  process.exit(2);
}
const pairs = Number(pairsArg ?? 20);
const rounds = Number(roundsArg ?? 4);
const model = process.env.BENCH_MODEL ?? 'gpt-image-2';
const WARMUPS = 2;

/** The commit's engine and what it imports, in a folder of its own. */
function exportCommit(commit: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'easel-ab-engine-'));
  const files = [
    'server',
    'src',
    'package.json',
    'tsconfig.json',
    'tsconfig.base.json',
    'tsconfig.app.json',
    'tsconfig.node.json',
  ];
  const archive = join(dir, 'commit.tar');
  execFileSync('git', ['archive', `--output=${archive}`, commit, ...files], { cwd: ROOT });
  execFileSync('tar', ['-x', '-f', archive, '-C', dir]);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const pictures = await pngFixtures(1024);
async function timedEdit(engine: StartedEngine, take: number): Promise<number> {
  const form = maskedEditForm(model, `a paper boat on a pond, take ${take}`, '1024x1024', pictures);
  const started = performance.now();
  const answer = await fetch(`${engine.url}/v1/images/edits`, { method: 'POST', body: form });
  await answer.arrayBuffer();
  if (!answer.ok) throw new Error(`HTTP ${answer.status} from ${engine.url}`);
  return performance.now() - started;
}

const dirs = [exportCommit(commitA), exportCommit(commitB)] as const;
const all: number[] = [];
try {
  console.log(`A ${commitA}\nB ${commitB}\n${model}, ${rounds} rounds of ${pairs} pairs, ms:`);
  for (let round = 0; round < rounds; round++) {
    const aFirst = round % 2 === 0;
    const engines: StartedEngine[] = [];
    try {
      for (const dir of aFirst ? dirs : [dirs[1], dirs[0]])
        engines.push(await startEngine([], {}, dir));
      const [a, b] = (aFirst ? engines : [engines[1], engines[0]]) as [
        StartedEngine,
        StartedEngine,
      ];
      const times = { a: [] as number[], b: [] as number[], difference: [] as number[] };
      for (let pair = -WARMUPS; pair < pairs; pair++) {
        const order = pair % 2 === 0 ? [a, b] : [b, a];
        const [first, second] = [
          await timedEdit(order[0]!, pair),
          await timedEdit(order[1]!, pair),
        ];
        if (pair < 0) continue;
        const [ta, tb] = order[0] === a ? [first, second] : [second, first];
        times.a.push(ta);
        times.b.push(tb);
        times.difference.push(tb - ta);
      }
      all.push(...times.difference);
      console.log(
        `round ${round + 1} (${aFirst ? 'A' : 'B'} started first): A ${median(times.a).toFixed(1)}  ` +
          `B ${median(times.b).toFixed(1)}  median(B − A) ${median(times.difference).toFixed(1)}`,
      );
    } finally {
      for (const engine of engines) await engine.stop();
    }
  }
  console.log(`all rounds: median(B − A) ${median(all).toFixed(1)}`);
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
