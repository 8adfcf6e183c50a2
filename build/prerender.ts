/**
 * Vite build step: renders the studio's first screen to HTML in Node and writes it into the
 * built index.html's #root, for src/main.tsx to hydrate. A static studio then paints its first
 * screen as soon as the HTML and CSS arrive, like a server-rendered page, with no server.
 *
 * - The render: src/app/prerender.tsx, bundled for Node by a second, server-side build of the
 *   same sources (packages stay external: Node imports them from node_modules).
 * - The page's policy admits no inline style (public/content-security-policy.js), so the
 *   `style` attributes React renders (Radix's visually hidden inputs, slider positions…)
 *   become `data-prerendered-style` attributes, styled by an emitted stylesheet until
 *   src/app/prerendered-styles.ts hands them back to the DOM as styles before hydration.
 * - The palette: public/theme-before-paint.js, a blocking script in <head>, sets
 *   <html data-theme> from the designer's choice before the first paint.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';
import { moveInlineStyles } from './inline-styles.ts';

const ROOT_ELEMENT = '<div id="root"></div>';
const ENTRY = 'src/app/prerender.tsx';
const THEME_SCRIPT = '<script src="/theme-before-paint.js"></script>';

export function prerenderFirstScreen(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  return {
    name: 'easel-prerender-first-screen',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const page = join(outDir, 'index.html');
      const html = await readFile(page, 'utf8');
      if (!html.includes(ROOT_ELEMENT)) throw new Error(`index.html needs ${ROOT_ELEMENT}`);
      const { markup, hoisted } = splitHoisted(await renderInNode(root));
      // React completes a Suspense boundary that suspended with an inline script; the page's
      // policy refuses inline scripts, so the first screen must render without suspending.
      const suspended = /<(script|template)[^]{0,200}/i.exec(markup);
      if (suspended) throw new Error(`The prerendered first screen suspended: ${suspended[0]}`);
      const { html: body, css } = moveInlineStyles(markup);
      const cssName = `assets/prerendered-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`;
      await writeFile(join(outDir, cssName), css);
      const head = [THEME_SCRIPT, ...hoisted, `<link rel="stylesheet" href="/${cssName}">`];
      await writeFile(
        page,
        html
          // Last in <head>: after the policy script, which must come first.
          .replace('</head>', `  ${head.join('\n    ')}\n  </head>`)
          .replace(ROOT_ELEMENT, `<div id="root">${body}</div>`),
      );
    },
  };
}

/**
 * React puts resource hints for the tree (an image's preload) before its markup; they belong
 * in <head>, and #root must hold only what the client renders, or hydration would not match.
 */
function splitHoisted(html: string): { markup: string; hoisted: string[] } {
  const hoisted: string[] = [];
  let markup = html;
  for (let m = /^<link [^>]*\/>/.exec(markup); m; m = /^<link [^>]*\/>/.exec(markup)) {
    hoisted.push(m[0]);
    markup = markup.slice(m[0].length);
  }
  return { markup, hoisted };
}

async function renderInNode(root: string): Promise<string> {
  // Inside the project, so Node resolves the bundle's packages from its node_modules.
  const cache = join(root, 'node_modules/.cache');
  await mkdir(cache, { recursive: true });
  const outDir = await mkdtemp(join(cache, 'easel-prerender-'));
  try {
    await build({
      configFile: false,
      root,
      mode: 'production',
      logLevel: 'warn',
      plugins: [react()],
      build: { ssr: ENTRY, outDir, emptyOutDir: true, minify: false, copyPublicDir: false },
    });
    const module = (await import(pathToFileURL(join(outDir, 'prerender.js')).href)) as {
      renderFirstScreen: () => Promise<string>;
    };
    return await module.renderFirstScreen();
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
