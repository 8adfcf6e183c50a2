/**
 * The viewer's keys, defined once: its key handler reads `viewerCommandFor` and the help
 * panel lists VIEWER_SHORTCUTS.
 */
import { isMod, type KeyLike, type ShortcutSection } from '../../lib/shortcuts.ts';

export type ViewerCommand =
  | 'previous'
  | 'next'
  | 'zoom-in'
  | 'zoom-out'
  | 'fit'
  | 'actual-size'
  | 'pan-left'
  | 'pan-right'
  | 'pan-up'
  | 'pan-down';

interface ViewerKey {
  keys: string;
  label: string;
  commands: Partial<Record<string, ViewerCommand>>;
  shift?: true;
}

const VIEWER_KEYS: readonly ViewerKey[] = [
  {
    keys: '← / →',
    label: 'Previous or next image',
    commands: { ArrowLeft: 'previous', ArrowRight: 'next' },
  },
  {
    keys: '+ / −',
    label: 'Zoom in or out',
    commands: { '+': 'zoom-in', '=': 'zoom-in', '-': 'zoom-out' },
  },
  { keys: '0', label: 'Fit the picture to the window', commands: { '0': 'fit' } },
  { keys: '1', label: 'Actual size (100%)', commands: { '1': 'actual-size' } },
  {
    keys: 'Shift+← ↑ → ↓',
    label: 'Move a zoomed picture (or drag it)',
    shift: true,
    commands: {
      ArrowLeft: 'pan-left',
      ArrowRight: 'pan-right',
      ArrowUp: 'pan-up',
      ArrowDown: 'pan-down',
    },
  },
];

export function viewerCommandFor(e: KeyLike): ViewerCommand | null {
  if (isMod(e) || e.altKey) return null;
  // Shift picks the panning arrows; "+" needs Shift on many layouts and still zooms.
  const plain = VIEWER_KEYS.filter((k) => !k.shift);
  const keys = e.shiftKey ? [...VIEWER_KEYS.filter((k) => k.shift), ...plain] : plain;
  for (const key of keys) {
    const command = key.commands[e.key];
    if (command) return command;
  }
  return null;
}

export const VIEWER_SHORTCUTS: ShortcutSection = {
  title: 'Image viewer',
  context: 'With a picture open large (results, gallery, compare)',
  shortcuts: [
    ...VIEWER_KEYS.map(({ keys, label }) => ({ keys, label })),
    { keys: 'Wheel, pinch; double-click', label: 'Zoom about the pointer; fit ↔ 100%' },
    { keys: 'Escape', label: 'Close, back to where you were' },
  ],
};
