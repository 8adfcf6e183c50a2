/**
 * Mounts the local engine in Vite's dev and preview servers, so `npm run dev` and `npm start`
 * serve the studio and the Images API on one origin (/v1/images/...). Test hooks are on only
 * when EASEL_ENGINE_TEST_HOOKS=1 (Playwright's webServer sets it); EASEL_ENGINE_DRIFT=0 turns the
 * GPT edit drift off (images/drift.ts); EASEL_ENGINE_GRAIN=N adds grain of ±N levels to
 * generated pictures, for results of a photograph's size (images/render/grain.ts);
 * EASEL_ENGINE_BANDWIDTH=MBIT delivers the answers carrying images at MBIT megabits a second,
 * as over a real connection, instead of at once (http/paced.ts).
 *
 * Only the studio's own page may call the engine; EASEL_CORS_ORIGINS (comma-separated, or
 * `npm start -- --cors-origin O`, see server/start.ts) lets other pages in. Vite checks the
 * Host header itself (its allowedHosts), before this middleware runs.
 *
 * The preview server (`npm start`) also refuses to be framed, keeps the build's source maps
 * to itself unless EASEL_SOURCE_MAPS=1 (`npm start -- --source-maps`), and lets the browser
 * keep the build's content-hashed files (assets/) for good.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Connect, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createEngine, ENGINE_NOTICE } from './app.ts';
import { isOrigin } from './http/cors.ts';
import { parseBandwidth } from './http/paced.ts';

/** No page on another origin may show the studio in a frame (clickjacking). */
export const FRAMING_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
};

export function corsOriginsFromEnv(text = process.env.EASEL_CORS_ORIGINS ?? ''): string[] | '*' {
  const origins = text
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const wrong = origins.find((o) => !isOrigin(o));
  if (wrong !== undefined) {
    throw new Error(
      `EASEL_CORS_ORIGINS / --cors-origin take origins like https://studio.example (scheme, host and port only) or '*', got '${wrong}'.`,
    );
  }
  return origins.includes('*') ? '*' : origins;
}

export function easelEngine(): Plugin {
  const mount = (server: ViteDevServer | PreviewServer, preview: boolean) => {
    const testHooks = process.env.EASEL_ENGINE_TEST_HOOKS === '1';
    const corsOrigins = corsOriginsFromEnv();
    const bandwidth = parseBandwidth(process.env.EASEL_ENGINE_BANDWIDTH, 'EASEL_ENGINE_BANDWIDTH');
    const engine = createEngine({
      testHooks,
      drift: process.env.EASEL_ENGINE_DRIFT !== '0',
      grain: Number(process.env.EASEL_ENGINE_GRAIN ?? 0) || 0,
      bandwidth,
      corsOrigins,
      allowedHosts: true,
    });
    server.middlewares.use(framingGuard);
    if (preview && process.env.EASEL_SOURCE_MAPS !== '1') server.middlewares.use(hideSourceMaps);
    if (preview) server.middlewares.use(cacheHashedFiles(server.config));
    server.middlewares.use((req, res, next) => engine.handle(req, res, next));
    server.httpServer?.once('close', () => engine.close());
    const allowed = corsOrigins === '*' ? 'any page' : corsOrigins.join(', ');
    server.config.logger.info(
      `\n  ${ENGINE_NOTICE}\n  Images API at /v1${testHooks ? ' (test hooks on)' : ''}` +
        (bandwidth ? `\n  Answers paced at ${bandwidth} Mbit/s` : '') +
        (allowed ? `\n  Web pages on other origins allowed to call it: ${allowed}` : ''),
    );
  };
  return {
    name: 'easel-local-engine',
    configureServer: (server) => mount(server, false),
    configurePreviewServer: (server) => mount(server, true),
  };
}

const framingGuard: Connect.NextHandleFunction = (_req, res, next) => {
  for (const [name, value] of Object.entries(FRAMING_HEADERS)) res.setHeader(name, value);
  next();
};

/** The built studio's source maps stay on disk (the benchmarks read them) but are not served. */
const hideSourceMaps: Connect.NextHandleFunction = (req, res, next) => {
  const path = (req.url ?? '').split(/[?#]/, 1)[0]!;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Not decodable: judged as sent.
  }
  if (!/\.map$/i.test(decoded.trim())) return next();
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Source maps are not served; start with --source-maps to serve them.');
};

/** A year, the most HTTP caches are asked to keep anything. */
export const HASHED_FILE_CACHE = 'public, max-age=31536000, immutable';

/**
 * The build names each script, stylesheet and worker under assets/ after a hash of its bytes, so
 * a name never changes meaning: the browser may keep them without asking again. Vite's preview
 * sends `no-cache` for every file, so each return visit asked again for all ~60 scripts the
 * first screen and the gallery load (a round trip each on HTTP/1.1's six connections: the
 * gallery's own scripts waited 100-200 ms behind them, measured). The page itself, and the
 * unhashed files in public/, are still checked on every visit: a new build is seen at once.
 */
function cacheHashedFiles(config: PreviewServer['config']): Connect.NextHandleFunction {
  const outDir = resolve(config.root, config.build.outDir);
  const prefix = `${config.base}${config.build.assetsDir}/`;
  return (req, res, next) => {
    const path = (req.url ?? '').split(/[?#]/, 1)[0]!;
    // Only a file that is there: a missing one's 404 must not be kept.
    if (
      path.startsWith(prefix) &&
      !path.includes('..') &&
      existsSync(join(outDir, path.slice(config.base.length)))
    ) {
      res.setHeader('cache-control', HASHED_FILE_CACHE);
    }
    next();
  };
}
