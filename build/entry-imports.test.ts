/**
 * What the studio's entry chunk may hold. The first screen is prerendered and hydrated by the
 * entry (src/main.tsx and what it imports statically); everything else loads when first
 * wanted, through import(). This walks the entry's static imports (type-only ones excluded, as
 * the bundler drops them) and fails, naming the chain, when one reaches code that must stay
 * lazy. The bytes themselves are budgeted by `npm run bench -- load --check`
 * (load.entry-js-gzip, load.first-screen-js-gzip).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'src/main.tsx';

/** Packages and source folders only a view or an action needs, never the first screen. */
const LAZY = [
  /^dexie$/, // the gallery's database: at the first save or read
  /^konva$/,
  /^react-konva$/, // the editor
  /^@zip\.js\//,
  /^fflate$/, // archives, masks
  /^@tanstack\/react-query$/, // gallery reads, the job runner's mutations
  /^@tanstack\/react-virtual$/, // the gallery grid
  /^comlink$/, // workers
  /^src\/features\/gallery\/(components|hooks|archive|stores)\//,
  // Whether a gallery exists is asked on the first screen, without the database code.
  /^src\/features\/gallery-store\/(?!gallery-presence\.ts|use-gallery-exists\.ts)/,
  /^src\/features\/editor\/(?!edit-view\.tsx|editor-shortcuts\.ts)/,
  /^src\/features\/viewer\//,
  /^src\/features\/generate\/results\/job-card\.tsx$/,
  /^src\/features\/providers\/providers-dialog\.tsx$/,
  /^src\/lib\/ui\/select-control\.tsx$/, // Radix Select: when a drop-down is first reached for
  /^src\/lib\/ui\/(slider|segments|switch)-control\.tsx$/, // islands: fetched beside the entry
  /^src\/features\/prompt\/components\/(show-retired-toggle|custom-model-form)\.tsx$/, // when asked for
  /^src\/features\/prompt\/library\/prompt-history\.ts$/, // with the first send or the History sheet
  /^src\/api\/(transport|run-image-request|errors|error-from-response)\.ts$/, // the request code: with the first job
];

/** Static, value-carrying import specifiers of one file. */
function staticImports(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?([^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(pattern)) {
    if (m[2]) continue; // `import type …` / `export type … from`
    const clause = m[3] ?? '';
    // `import { type A, type B } from` carries no value either.
    const names = /^\{([^}]*)\}/.exec(clause.trim().replace(/\s+from\s+$/, ''));
    if (names && names[1]!.split(',').every((n) => !n.trim() || n.trim().startsWith('type ')))
      continue;
    specifiers.push(m[4]!);
  }
  return specifiers;
}

function resolveLocal(from: string, specifier: string): string | null {
  const path = join(dirname(from), specifier);
  return existsSync(join(ROOT, path)) ? path : null;
}

/** Every module `start` reaches statically, each with the chain that reaches it. */
function entryGraph(start = ENTRY): Map<string, string[]> {
  const chains = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const specifier of staticImports(readFileSync(join(ROOT, file), 'utf8'))) {
      const target = specifier.startsWith('.')
        ? resolveLocal(file, specifier)
        : specifier.replace(/^((@[^/]+\/)?[^/]+).*$/, '$1');
      if (!target || chains.has(target)) continue;
      chains.set(target, [...chains.get(file)!, target]);
      if (target.startsWith('src/') && /\.tsx?$/.test(target)) queue.push(target);
    }
  }
  return chains;
}

describe("the studio's entry chunk", () => {
  const graph = entryGraph();

  it('reaches the first screen', () => {
    for (const module of [
      'src/app/app.tsx',
      'src/features/generate/generate-view.tsx',
      'src/features/prompt/prompt-panel.tsx',
      'react-dom',
    ])
      expect(graph.has(module), module).toBe(true);
  });

  it('imports nothing that loads only when a view or an action needs it', () => {
    const offenders = [...graph.entries()]
      .filter(([module]) => LAZY.some((lazy) => lazy.test(module)))
      .map(([, chain]) => chain.map((m) => relative('.', m)).join(' → '));
    expect(offenders, 'import these with import() where they are first needed').toEqual([]);
  });
});

/** The chain by which `start` reaches Dexie statically, if it does. */
function dexieChain(start: string): string | undefined {
  return entryGraph(start)
    .get('dexie')
    ?.map((m) => relative('.', m))
    .join(' → ');
}

describe("Dexie (~31 KB gzip), the gallery database's library, loads with its first use", () => {
  it("not with the Edit view's first open (its session store is plain IndexedDB)", () => {
    const graph = entryGraph('src/features/editor/components/editor-workspace.tsx');
    expect(graph.has('src/features/editor/stores/session-persistence.ts')).toBe(true);
    expect(dexieChain('src/features/editor/components/editor-workspace.tsx')).toBeUndefined();
  });

  it('not with an empty gallery (on a first visit there is no database to read)', () => {
    expect(dexieChain('src/features/gallery/gallery-view.tsx')).toBeUndefined();
  });
});
