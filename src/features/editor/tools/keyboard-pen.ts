/**
 * Painting without a pointer. With the mask canvas focused, a crosshair (in image pixels)
 * moves with the arrow keys, and Enter puts the current tool down and lifts it again: the
 * brush and eraser paint the path the crosshair travels, the rectangle spans from where
 * Enter was pressed to where it is pressed again, the lasso traces the path and closes it.
 * Alt+Enter starts a rectangle or lasso that clears (as Alt+drag does); Escape cancels.
 *
 * Plain functions (the stage input hook applies them); the keys are defined once here and
 * both the handler and the help panel read them.
 */
import { isPlain, type KeyLike } from '../../../lib/shortcuts.ts';
import type { Point } from '../mask/mask-model.ts';
import type { Size, ViewTransform } from '../view/view-transform.ts';

/** Crosshair step in screen pixels, so a press moves it the same distance at any zoom. */
const PEN_STEP_PX = 8;
/** Shift+arrow moves this many steps at once. */
const PEN_FAR_STEPS = 8;

export type PenIntent =
  | { action: 'move'; dx: -1 | 0 | 1; dy: -1 | 0 | 1; far: boolean }
  | { action: 'toggle'; subtract: boolean }
  | { action: 'cancel' };

export interface PenKey {
  /** How the help panel shows it. */
  keys: string;
  label: string;
  /** The few words the hint over the canvas uses. */
  short: string;
  intent: (e: KeyLike) => PenIntent | null;
}

const ARROWS: Record<string, [-1 | 0 | 1, -1 | 0 | 1]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

const arrow = (far: boolean) => (e: KeyLike) => {
  const d = ARROWS[e.key];
  return d && isPlain(e) && e.shiftKey === far
    ? ({ action: 'move', dx: d[0], dy: d[1], far } as const)
    : null;
};

export const KEYBOARD_PEN_KEYS: readonly PenKey[] = [
  {
    keys: 'Arrow keys',
    label: 'Move the crosshair on the mask canvas',
    short: 'move',
    intent: arrow(false),
  },
  {
    keys: 'Shift+Arrow keys',
    label: 'Move the crosshair further',
    short: 'move further',
    intent: arrow(true),
  },
  {
    keys: 'Enter',
    short: 'tool down / up',
    label: 'Put the tool down, then lift it: paint a stroke, span a rectangle, trace a lasso',
    intent: (e) =>
      e.key === 'Enter' && isPlain(e) && !e.shiftKey ? { action: 'toggle', subtract: false } : null,
  },
  {
    keys: 'Alt+Enter',
    short: 'shape that clears',
    label: 'Start a rectangle or lasso that clears instead of fills',
    intent: (e) =>
      e.key === 'Enter' && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey
        ? { action: 'toggle', subtract: true }
        : null,
  },
  {
    keys: 'Escape',
    short: 'cancel',
    label: 'Cancel the stroke or shape in progress',
    intent: (e) => (e.key === 'Escape' && isPlain(e) ? { action: 'cancel' } : null),
  },
];

export function penIntentFor(e: KeyLike): PenIntent | null {
  for (const key of KEYBOARD_PEN_KEYS) {
    const intent = key.intent(e);
    if (intent) return intent;
  }
  return null;
}

/** One press, in whole image pixels (at least one), at the view's zoom. */
export function penStep(scale: number, far: boolean): number {
  return Math.max(1, Math.round((PEN_STEP_PX * (far ? PEN_FAR_STEPS : 1)) / scale));
}

/** Where the crosshair starts: the image's centre, on a whole pixel. */
export function penStart(image: Size): Point {
  return { x: Math.round(image.width / 2), y: Math.round(image.height / 2) };
}

/** The crosshair moved by one press; it stays on the image (its far edges included). */
export function movePen(
  cursor: Point,
  move: Extract<PenIntent, { action: 'move' }>,
  scale: number,
  image: Size,
): Point {
  const step = penStep(scale, move.far);
  return {
    x: Math.min(image.width, Math.max(0, cursor.x + move.dx * step)),
    y: Math.min(image.height, Math.max(0, cursor.y + move.dy * step)),
  };
}

/** The view panned just enough to keep the crosshair `margin` pixels inside the viewport. */
export function keepPenInView(
  view: ViewTransform,
  viewport: Size,
  cursor: Point,
  margin = 32,
): ViewTransform {
  const sx = cursor.x * view.scale + view.x;
  const sy = cursor.y * view.scale + view.y;
  const mx = Math.min(margin, viewport.width / 2);
  const my = Math.min(margin, viewport.height / 2);
  const dx = sx < mx ? mx - sx : sx > viewport.width - mx ? viewport.width - mx - sx : 0;
  const dy = sy < my ? my - sy : sy > viewport.height - my ? viewport.height - my - sy : 0;
  return dx === 0 && dy === 0 ? view : { ...view, x: view.x + dx, y: view.y + dy };
}
