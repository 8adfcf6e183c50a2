/**
 * Mounts the local engine in Vite's dev and preview servers, so `npm run dev` and `npm start`
 * serve the studio and the Images API on one origin (/v1/images/...). Test hooks are on only
 * when EASEL_ENGINE_TEST_HOOKS=1 (Playwright's webServer sets it); EASEL_ENGINE_DRIFT=0 turns the
 * GPT edit drift off (images/drift.ts).
 */
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createEngine, ENGINE_NOTICE } from './app.ts';

export function easelEngine(): Plugin {
  const mount = (server: ViteDevServer | PreviewServer) => {
    const testHooks = process.env.EASEL_ENGINE_TEST_HOOKS === '1';
    const engine = createEngine({ testHooks, drift: process.env.EASEL_ENGINE_DRIFT !== '0' });
    server.middlewares.use((req, res, next) => engine.handle(req, res, next));
    server.httpServer?.once('close', () => engine.close());
    server.config.logger.info(
      `\n  ${ENGINE_NOTICE}\n  Images API at /v1${testHooks ? ' (test hooks on)' : ''}`,
    );
  };
  return {
    name: 'easel-local-engine',
    configureServer: mount,
    configurePreviewServer: mount,
  };
}
