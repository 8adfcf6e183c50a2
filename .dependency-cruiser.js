/**
 * The studio's architecture rules, checked by `npm run lint` (docs/architecture.md explains
 * them). Type-only imports count: a cycle through types is still a cycle for the reader.
 *
 * 1. A feature's public surface is the files at its root (src/features/<name>/*); its
 *    subfolders are its own business. No index.ts barrels: import the file that defines it.
 * 2. Features depend on each other in one direction only, as FEATURE_DEPENDENCIES lists.
 * 3. Layers: app → features → api → lib. The studio never imports the engine (server/).
 * 4. No import cycles between files anywhere.
 */

/**
 * Which features each feature may import (their root files only). Adding a feature, or an
 * arrow between two, is a change to this table: it must stay free of cycles.
 */
const FEATURE_DEPENDENCIES = {
  generate: ['gallery', 'editor', 'jobs', 'prompt', 'gallery-store', 'providers', 'viewer'],
  gallery: ['editor', 'jobs', 'prompt', 'gallery-store', 'viewer'],
  editor: ['jobs', 'prompt', 'gallery-store', 'viewer'],
  jobs: ['prompt', 'providers', 'gallery-store'],
  prompt: ['providers'],
  'gallery-store': [],
  providers: [],
  viewer: [],
};

assertAcyclic(FEATURE_DEPENDENCIES);

const featureRules = Object.entries(FEATURE_DEPENDENCIES).map(([feature, allowed]) => ({
  name: `feature-${feature}-dependencies`,
  comment: `${feature} may import only ${allowed.join(', ') || 'no other feature'} (see FEATURE_DEPENDENCIES).`,
  severity: 'error',
  from: { path: `^src/features/${feature}/` },
  to: {
    path: '^src/features/',
    pathNot: `^src/features/(${[feature, ...allowed].join('|')})/`,
  },
}));

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files must not import each other in a loop, through types either.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'feature-internals',
      comment: "Another feature's subfolders are internal: import a file at its root.",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/([^/]+)/.+/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'feature-internals-from-outside',
      comment: "Outside the features, only a feature's root files may be imported.",
      severity: 'error',
      from: { pathNot: '^src/features/' },
      to: { path: '^src/features/[^/]+/.+/' },
    },
    ...featureRules,
    {
      name: 'no-barrels',
      comment: 'No index.ts re-export files: import the module that defines the thing.',
      severity: 'error',
      from: {},
      to: { path: '(^|/)index\\.tsx?$' },
    },
    {
      name: 'features-below-app',
      comment: 'The app shell composes the features; nothing below it imports it.',
      severity: 'error',
      from: { path: '^src/(features|api|lib)/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'api-below-features',
      comment: 'The API layer knows nothing of the studio around it.',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^src/(features|app)/' },
    },
    {
      name: 'lib-is-the-ground',
      comment: 'lib/ holds what any layer may use; it imports none of them.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/(features|app|api)/' },
    },
    {
      name: 'studio-without-engine',
      comment: 'The studio never imports the engine.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|playwright-report|test-results|bench/results)/' },
    // Count `import type` too: a loop through types still ties the files together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};

/** Throws when the feature table has a loop (a → b → … → a). */
function assertAcyclic(graph) {
  const state = new Map();
  const visit = (node, trail) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'visiting') {
      throw new Error(`FEATURE_DEPENDENCIES has a cycle: ${[...trail, node].join(' → ')}`);
    }
    state.set(node, 'visiting');
    for (const next of graph[node] ?? []) visit(next, [...trail, node]);
    state.set(node, 'done');
  };
  for (const node of Object.keys(graph)) visit(node, []);
}
