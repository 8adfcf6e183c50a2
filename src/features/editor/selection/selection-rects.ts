/**
 * A selection's runs as few rectangles: a run that repeats in the rows below (the same first
 * and last x) grows into one taller rectangle, so a sky of 2,400 identical rows is one
 * fillRect. The main thread fills these straight into the mask — exact, since whole-pixel
 * rectangles are never anti-aliased — instead of decoding a bitmap of the selection's size.
 */
import type { Rect } from '../mask/paint-canvas.ts';
import type { RunSelection } from './magic-wand.ts';
import { runPixels } from './selection-pixels.ts';

/** x, y, width, height of each rectangle, in image pixels. */
export type SelectionRects = Int32Array;

/**
 * Up to this many rectangles the page fills them into the mask itself (~1 µs each, a few
 * ms); a more ragged selection travels as the pixels of its bounds (a bitmap), whose drawing
 * costs the same at any shape.
 */
export const MAX_PAGE_RECTS = 10_000;

/** How a selection goes to the page: its rectangles when few, else its bounds' pixels. */
export function selectionShape(
  runs: RunSelection['runs'],
  bounds: Rect,
): { rects: SelectionRects } | { pixels: Uint8ClampedArray<ArrayBuffer> } {
  const rects = rectsOf(runs);
  return rects.length / 4 <= MAX_PAGE_RECTS ? { rects } : { pixels: runPixels(runs, bounds) };
}

/** `runs` (row by row from the top, left to right) merged down into rectangles. */
export function rectsOf(runs: RunSelection['runs']): SelectionRects {
  const out: number[] = [];
  // The rectangles still open at the previous row: x, width, top (left to right).
  let open: number[] = [];
  let openRow = -2;
  let i = 0;
  while (i < runs.length) {
    const y = runs[i]!;
    const next: number[] = [];
    let j = 0;
    const touching = y === openRow + 1;
    for (; i < runs.length && runs[i] === y; i += 3) {
      const x = runs[i + 1]!;
      const width = runs[i + 2]! - x;
      // Close the open rectangles left of this run, then extend one at exactly its place.
      for (; j < open.length && open[j]! < x; j += 3) close(out, open, j, openRow);
      if (touching && j < open.length && open[j] === x && open[j + 1] === width) {
        next.push(x, width, open[j + 2]!);
        j += 3;
      } else next.push(x, width, y);
    }
    for (; j < open.length; j += 3) close(out, open, j, openRow);
    open = next;
    openRow = y;
  }
  for (let j = 0; j < open.length; j += 3) close(out, open, j, openRow);
  return Int32Array.from(out);
}

function close(out: number[], open: number[], j: number, bottom: number): void {
  const top = open[j + 2]!;
  out.push(open[j]!, top, open[j + 1]!, bottom - top + 1);
}

/** Fills every rectangle with the context's current fill style and compositing. */
export function fillRects(
  ctx: { fillRect(x: number, y: number, w: number, h: number): void },
  rects: SelectionRects,
): void {
  for (let i = 0; i < rects.length; i += 4) {
    ctx.fillRect(rects[i]!, rects[i + 1]!, rects[i + 2]!, rects[i + 3]!);
  }
}
