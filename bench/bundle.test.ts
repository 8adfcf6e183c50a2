import { describe, expect, it } from 'vitest';
import { TraceMap } from '@jridgewell/trace-mapping';
import { GenMapping, addMapping, toEncodedMap } from '@jridgewell/gen-mapping';
import { bytesByGroup, sourceGroup } from './bundle.ts';

describe('sourceGroup', () => {
  it('names the npm package, scoped or not, and the src folder or feature', () => {
    expect(sourceGroup('../../node_modules/konva/lib/Node.js')).toBe('konva');
    expect(sourceGroup('../../node_modules/@radix-ui/react-tabs/dist/index.mjs')).toBe(
      '@radix-ui/react-tabs',
    );
    expect(sourceGroup('../../src/features/editor/stage/stage.tsx')).toBe('src/features/editor');
    expect(sourceGroup('../../src/lib/ui/select.tsx')).toBe('src/lib');
    expect(sourceGroup('../../vite/preload-helper.js')).toBe('vite/preload-helper.js');
  });
});

describe('bytesByGroup', () => {
  it('counts each mapped segment up to the next one, and unmapped bytes nowhere', () => {
    // Line 0: 10 bytes of konva, then 5 of the editor; line 1: 4 unmapped bytes, then 6 of konva.
    const code = `${'k'.repeat(10)}${'e'.repeat(5)}\n${'-'.repeat(4)}${'k'.repeat(6)}`;
    const gen = new GenMapping({ file: 'chunk.js' });
    const konva = 'node_modules/konva/lib/Node.js';
    const editor = 'src/features/editor/stage.tsx';
    addMapping(gen, {
      generated: { line: 1, column: 0 },
      source: konva,
      original: { line: 1, column: 0 },
    });
    addMapping(gen, {
      generated: { line: 1, column: 10 },
      source: editor,
      original: { line: 1, column: 0 },
    });
    addMapping(gen, {
      generated: { line: 2, column: 4 },
      source: konva,
      original: { line: 9, column: 0 },
    });
    const groups = bytesByGroup(code, new TraceMap(toEncodedMap(gen)));
    expect(Object.fromEntries(groups)).toEqual({ konva: 16, 'src/features/editor': 5 });
  });
});
