import type { KeyLike } from '../../../lib/shortcuts.ts';

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The crop step's keys (the square to keep has focus), as the help panel lists them. */
export const CROP_KEYS = [
  { keys: 'Arrow keys', label: 'Move the square to keep' },
  { keys: 'Shift+Arrow keys', label: 'Move it ten times further' },
] as const;

/** How far an arrow key moves the square, in source pixels (`unit`: one screen pixel). */
export function cropMoveFor(e: KeyLike, unit: number): [number, number] | null {
  const d = ARROWS[e.key];
  if (!d) return null;
  const step = (e.shiftKey ? 10 : 1) * unit;
  return [d[0] * step, d[1] * step];
}
