import { describe, expect, it } from 'vitest';
import { EDITOR_SHORTCUTS } from '../../features/editor/editor-shortcuts.ts';
import {
  GRID_KEYS,
  GRID_MOVES,
  gridCommandFor,
  nextGridIndex,
} from '../../features/gallery/grid-navigation.ts';
import { sendPromptShortcut } from '../../features/prompt/prompt-shortcuts.ts';
import { viewerCommandFor } from '../../features/viewer/viewer-keys.ts';
import { helpShortcut, viewForKey } from './app-shortcuts.ts';
import { SHORTCUT_SECTIONS } from './shortcut-sections.ts';
import { splitCombo } from './shortcut-keys.tsx';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'shiftKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const listed = SHORTCUT_SECTIONS.flatMap((s) => s.shortcuts.map((x) => `${x.keys} ${x.label}`));

describe('the keyboard shortcuts panel', () => {
  it('lists every view: everywhere, the prompt, the editor, the gallery and the viewer', () => {
    expect(SHORTCUT_SECTIONS.map((s) => s.title)).toEqual([
      'Everywhere',
      'Prompt',
      'Edit: tools, mask and view',
      'Edit: painting with the keyboard',
      'Edit: making an image square',
      'Edit: with a mouse, pen or touch',
      'Gallery',
      'Image viewer',
    ]);
    for (const section of SHORTCUT_SECTIONS) expect(section.shortcuts.length).toBeGreaterThan(0);
  });

  it('shows each editor shortcut (editor-shortcuts.test: every command is one), the prompt and help', () => {
    for (const shortcut of EDITOR_SHORTCUTS.flatMap((s) => s.shortcuts))
      expect(listed).toContain(`${shortcut.keys} ${shortcut.label}`);
    expect(listed).toContain(`Ctrl+Enter ${sendPromptShortcut.label}`);
    expect(listed).toContain(`? ${helpShortcut.label}`);
    expect(helpShortcut.matches(press('?', { shiftKey: true }))).toBe(true);
    expect(sendPromptShortcut.matches(press('Enter', { ctrlKey: true }))).toBe(true);
  });

  it('lists exactly the keys the gallery grid moves with, and its commands', () => {
    const shape = { count: 20, columns: 4, pageRows: 2 };
    const covered = new Set<string>(GRID_MOVES.flatMap((m) => [...m.covers]));
    for (const key of covered) expect(nextGridIndex(key, 9, shape)).not.toBeNull();
    const candidates = ['Tab', 'Enter', ' ', 'a', 'f', 'Escape', 'Delete', 'Insert', 'F2'];
    for (const key of candidates) expect(nextGridIndex(key, 9, shape)).toBeNull();
    for (const k of GRID_KEYS) expect(listed).toContain(`${k.keys} ${k.label}`);
    expect(gridCommandFor(press('a', { ctrlKey: true }))).toBe('select-all');
    expect(gridCommandFor(press('Backspace'))).toBe('delete');
    expect(gridCommandFor(press('x'))).toBeNull();
  });

  it('1, 2 and 3 show the three views, and no editor or gallery key means them too', () => {
    const digit = (n: number, mods = {}) => ({ ...press(String(n), mods), code: `Digit${n}` });
    expect([1, 2, 3].map((n) => viewForKey(digit(n)))).toEqual(['generate', 'edit', 'gallery']);
    expect(viewForKey(digit(1, { shiftKey: true }))).toBeNull(); // the editor's Fit to screen
    expect(viewForKey(digit(2, { ctrlKey: true }))).toBeNull(); // the browser's tabs
    expect(viewForKey({ ...press('&'), code: 'Digit1' })).toBe('generate'); // AZERTY
    for (const n of [1, 2, 3]) {
      expect(gridCommandFor(digit(n))).toBeNull();
    }
    // Every editor key is listed (editor-shortcuts.test): none of them is a bare 1, 2 or 3.
    const editorKeys = EDITOR_SHORTCUTS.flatMap((x) => x.shortcuts.map((k) => k.keys));
    expect(editorKeys.filter((k) => /^[123]$/.test(k))).toEqual([]);
    // The viewer's own 1 (100%) acts in its dialog, where the view keys stand aside.
    expect(viewerCommandFor(digit(1))).toBe('actual-size');
    expect(listed).toContain('1 / 2 / 3 Show Generate, Edit or Gallery');
  });

  it('writes each key combination as separate keys, the plus key included', () => {
    expect(splitCombo('Ctrl+Shift+Z')).toEqual(['Ctrl', 'Shift', 'Z']);
    expect(splitCombo('+')).toEqual(['+']);
    expect(splitCombo('Shift+1')).toEqual(['Shift', '1']);
    expect(splitCombo('Ctrl+wheel')).toEqual(['Ctrl', 'wheel']);
  });
});
