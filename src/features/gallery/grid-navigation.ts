/**
 * Where focus goes in the gallery grid for a navigation key (the ARIA grid pattern):
 * arrows move by one tile or one row, Home/End to the row's ends (with Ctrl: the first and
 * last image), PageUp/PageDown by a screenful of rows. Returns null for other keys.
 */
import { isMod, type KeyLike, type ShortcutSection } from '../../lib/shortcuts.ts';

export interface GridShape {
  count: number;
  columns: number;
  /** Rows that fit in the viewport, for PageUp/PageDown. */
  pageRows: number;
}

export function nextGridIndex(
  key: string,
  index: number,
  { count, columns, pageRows }: GridShape,
  ctrl = false,
): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  const rowStart = index - (index % columns);
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      // From the last full row into a shorter final row, land on its last tile.
      return index + columns <= last ? index + columns : rowStart + columns <= last ? last : index;
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'Home':
      return ctrl ? 0 : rowStart;
    case 'End':
      return ctrl ? last : Math.min(last, rowStart + columns - 1);
    case 'PageDown':
      return clamp(index + columns * Math.max(1, pageRows));
    case 'PageUp':
      return clamp(index - columns * Math.max(1, pageRows));
    default:
      return null;
  }
}

/**
 * The moves above as the keyboard shortcuts panel lists them; `keys` are the KeyboardEvent
 * keys each line covers (a unit test holds the list and nextGridIndex to each other).
 */
export const GRID_MOVES = [
  {
    keys: 'Arrow keys',
    label: 'Move between images',
    covers: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'],
  },
  { keys: 'Home / End', label: 'First or last image of the row', covers: ['Home', 'End'] },
  {
    keys: 'Ctrl+Home / Ctrl+End',
    label: 'First or last image',
    covers: ['Home', 'End'],
  },
  {
    keys: 'Page Up / Page Down',
    label: 'A screenful up or down',
    covers: ['PageUp', 'PageDown'],
  },
] as const;

export type GridCommand =
  'open' | 'toggle-selected' | 'select-all' | 'clear-selection' | 'delete' | 'favourite';

interface GridKey {
  command: GridCommand;
  keys: string;
  label: string;
  test: (e: KeyLike) => boolean;
}

/** What the focused tile does with a key: the grid's handler and the help panel read these. */
export const GRID_KEYS: readonly GridKey[] = [
  { command: 'open', keys: 'Enter', label: 'Open the image', test: (e) => e.key === 'Enter' },
  {
    command: 'toggle-selected',
    keys: 'Space',
    label: 'Select or unselect the image',
    test: (e) => e.key === ' ',
  },
  {
    command: 'select-all',
    keys: 'Ctrl+A',
    label: 'Select every image shown',
    test: (e) => e.key === 'a' && isMod(e),
  },
  {
    command: 'clear-selection',
    keys: 'Escape',
    label: 'Clear the selection',
    test: (e) => e.key === 'Escape',
  },
  {
    command: 'delete',
    keys: 'Delete',
    label: 'Delete the selected images, or this one (with undo)',
    test: (e) => e.key === 'Delete' || e.key === 'Backspace',
  },
  {
    command: 'favourite',
    keys: 'F',
    label: 'Favourite or unfavourite',
    test: (e) => e.key === 'f' && !isMod(e),
  },
];

export function gridCommandFor(e: KeyLike): GridCommand | null {
  return GRID_KEYS.find((k) => k.test(e))?.command ?? null;
}

/** The gallery's keyboard shortcuts, for the help panel. */
export const GALLERY_SHORTCUTS: readonly ShortcutSection[] = [
  {
    title: 'Gallery',
    context: 'With an image in the grid focused',
    shortcuts: [
      ...GRID_MOVES.map(({ keys, label }) => ({ keys, label })),
      ...GRID_KEYS.map(({ keys, label }) => ({ keys, label })),
    ],
  },
];
