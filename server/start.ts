/**
 * `npm start -- [--cors-origin ORIGIN]... [--source-maps]`: builds the studio and serves it with
 * the local engine on 127.0.0.1:5173 (or PORT), as `vite build && vite preview` would, plus
 * the options Vite's own command line cannot take:
 * - `--cors-origin ORIGIN` (repeatable, `'*'` for any): web pages on that origin may call the
 *   engine too. By default only the studio's own page may.
 * - `--source-maps`: build and serve source maps (by default they are written but not served).
 * Both may come from the environment instead: EASEL_CORS_ORIGINS (comma-separated) and
 * EASEL_SOURCE_MAPS=1.
 */
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { corsOriginsFromEnv } from './vite-plugin.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'cors-origin': { type: 'string', multiple: true, default: [] },
      'source-maps': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const origins = [process.env.EASEL_CORS_ORIGINS ?? '', ...values['cors-origin']];
  process.env.EASEL_CORS_ORIGINS = origins.filter(Boolean).join(',');
  corsOriginsFromEnv(); // refuses a wrong origin before the build, not after it
  if (values['source-maps']) process.env.EASEL_SOURCE_MAPS = '1';
  await build();
  const server = await preview();
  server.printUrls();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error('Usage: npm start -- [--cors-origin ORIGIN]... [--source-maps]');
  process.exit(1);
});
