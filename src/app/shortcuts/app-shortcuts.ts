import { isPlain, type KeyLike, type ShortcutSection } from '../../lib/shortcuts.ts';
import type { StudioView } from '../../lib/studio-view.ts';

/** "?" (Shift+/ on most layouts) opens the keyboard shortcuts panel, outside text fields. */
export const helpShortcut = {
  keys: '?',
  label: 'Show these keyboard shortcuts',
  matches: (e: KeyLike) => e.key === '?' && isPlain(e),
};

/**
 * 1, 2 and 3 show Generate, Edit and Gallery, in the tabs' order. Digits, because the editor's
 * tools take letters (B, E, R, L, W…) and its Shift+1 fits the view; the image viewer's 0 and
 * 1 act inside its dialog, where these keys do not. `code`, so a layout that types "&" or
 * "é" on those keys (AZERTY) still reaches them; never while typing in a field.
 */
export const VIEW_KEYS: Readonly<Record<StudioView, string>> = {
  generate: '1',
  edit: '2',
  gallery: '3',
};

export function viewForKey(e: KeyLike): StudioView | null {
  if (!isPlain(e) || e.shiftKey) return null;
  const digit = /^Digit([123])$/.exec(e.code ?? '')?.[1];
  const view = (Object.keys(VIEW_KEYS) as StudioView[]).find((v) => VIEW_KEYS[v] === digit);
  return view ?? null;
}

/** The shell's own keys: the help panel, and the workspace tabs (manual activation). */
export const APP_SHORTCUTS: ShortcutSection = {
  title: 'Everywhere',
  shortcuts: [
    helpShortcut,
    { keys: '1 / 2 / 3', label: 'Show Generate, Edit or Gallery' },
    { keys: 'Tab / Shift+Tab', label: 'Next or previous control' },
    {
      keys: '← / →',
      label: 'On the Generate, Edit and Gallery tabs: move between them (Enter opens one)',
    },
    { keys: 'Escape', label: 'Close a dialog or menu' },
  ],
};
