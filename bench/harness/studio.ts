/**
 * The built studio with its local engine, served by `vite preview` exactly as `npm start`
 * serves it, on a free loopback port (BENCH_PORT pins one), with the engine's test hooks on
 * (the generate benchmark reads the engine's request log for its own response times).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VITE = `${ROOT}node_modules/.bin/vite`;

export interface Studio {
  url: string;
  /** The directory served (dist/ unless the run built elsewhere). */
  outDir: string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('No free port')),
      );
    });
  });
}

/** Builds into `outDir`; unminified for profiling, so profiles name real functions. */
export function buildStudio(outDir: string, { minify = true } = {}): void {
  const args = [
    'build',
    '--outDir',
    outDir,
    '--emptyOutDir',
    ...(minify ? [] : ['--minify', 'false']),
  ];
  const built = spawnSync(VITE, args, {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) {
    throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
  }
}

export async function startStudio({
  build,
  outDir = `${ROOT}dist`,
  minify = true,
  env = {},
}: {
  build: boolean;
  outDir?: string;
  minify?: boolean;
  /** Set for the server (the engine reads its settings there: EASEL_ENGINE_GRAIN…). */
  env?: Record<string, string>;
}): Promise<Studio> {
  if (build) buildStudio(outDir, { minify });
  else if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(`${outDir} has no build: run without --no-build`);
  }
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  // Its own process group, so stopping it stops the server and nothing else.
  const child = spawn(
    VITE,
    ['preview', '--outDir', outDir, '--port', String(port), '--strictPort'],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, EASEL_ENGINE_TEST_HOOKS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) return { url, outDir, stop };
    } catch {
      // Not listening yet: the preview server takes a moment to start.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`vite preview did not answer at ${url} within 60 s:\n${output}`);
}
