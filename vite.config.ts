import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { easelEngine } from './server/vite-plugin.ts';
import { prerenderFirstScreen } from './build/prerender.ts';

// `npm start` and `npm run dev` serve on 127.0.0.1:5173 unless PORT says otherwise; the local
// engine (server/) answers /v1/images/* on the same origin.
const port = Number(process.env.PORT ?? 5173);

export default defineConfig({
  plugins: [react(), easelEngine(), contentSecurityPolicy(), prerenderFirstScreen()],
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
  // Source maps are written for the benchmarks (bench/load.ts reads them) but not linked from
  // the bundle nor served, unless asked for (`npm start -- --source-maps`, server/start.ts).
  build: {
    target: 'es2022',
    sourcemap: process.env.EASEL_SOURCE_MAPS === '1' ? true : 'hidden',
    rolldownOptions: {
      output: {
        // Everything the entry imports statically in one chunk: left to itself the bundler
        // cuts out each module a lazy chunk shares with the entry (two dozen small files the
        // first screen fetches one by one, compressing worse).
        codeSplitting: { groups: [{ name: 'studio', tags: ['$initial'] }] },
      },
    },
  },
});

/**
 * The built studio loads public/content-security-policy.js before anything else: a blocking
 * classic script that writes the page's Content-Security-Policy (see that file for why it is
 * written by a script). Build only: `vite dev` needs inline scripts for hot reload.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'easel-content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      // Right after <meta charset>, which must stay first; before every other fetch.
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      if (!charset.test(html)) throw new Error('index.html needs a <meta charset> in <head>');
      return html.replace(charset, '$&\n    <script src="/content-security-policy.js"></script>');
    },
  };
}
