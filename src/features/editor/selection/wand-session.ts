/**
 * The magic wand's clicks, from the stage to the mask. Clicks are answered in order (a
 * Shift-click sequence builds up as clicked). While the wand's last change is still the
 * mask's latest, a new Tolerance or Contiguous redoes that click in its place — the live
 * preview — as one undo step; once anything else changed the mask, new settings wait for the
 * next click. A failure leaves the mask as it was and says why.
 */
import type { MaskModel, Point } from '../mask/mask-model.ts';
import { applySelection, redrawReplacement, type SelectionMode } from './apply-selection.ts';
import type { WandOptions } from './magic-wand.ts';
import type { SelectionResult } from './selection-result.ts';
import type { SelectionRects } from './selection-rects.ts';
import type { UndoCapture } from './undo-capture.ts';
import { useSelectionStore } from './selection-store.ts';

export interface WandClick {
  mask: MaskModel;
  /** The prepared image the mask belongs to (the wand reads its pixels). */
  picture: ImageBitmap;
  /** In image pixels. */
  seed: Point;
  mode: SelectionMode;
}

export type WandSelect = (
  picture: ImageBitmap,
  seed: Point,
  options: WandOptions,
) => Promise<SelectionResult>;

export const WAND_LABEL = 'Magic wand';
export const OUTSIDE_MESSAGE = 'Click on the picture to select by colour.';

/**
 * Starts reading the mask's tiles before a change, off the main thread (undo-capture.ts).
 * `drawn`: the mask is known to be exactly these rectangles, so nothing need be read.
 */
export type CaptureUndo = (mask: MaskModel, drawn?: SelectionRects) => UndoCapture;

export function createWandSession(
  select: WandSelect,
  announce: (text: string) => void,
  captureUndo?: CaptureUndo,
) {
  /** `drawn`: what a replace left as the whole mask, when it was rectangles. */
  type Done = WandClick & { version: number; drawn?: SelectionRects };
  /** The last click applied, and the mask's version right after it. */
  let last: Done | null = null;
  let queue: Promise<void> = Promise.resolve();
  let refreshQueued = false;

  /** Selects for `click`; when `redo` is given, in place of that earlier click. */
  const run = async (click: WandClick, redo?: Done, clickedAt = performance.now()) => {
    const { tolerance, contiguous } = useSelectionStore.getState();
    useSelectionStore.setState({ working: 'wand', error: null });
    // Redoing a replace draws over it and needs no new undo step, so nothing to capture.
    const before = redo?.mode === 'replace' ? undefined : captureUndo?.(click.mask, drawn(click));
    try {
      const result = await select(click.picture, click.seed, { tolerance, contiguous });
      const tiles = await before?.tiles;
      try {
        // Another click or change came first: the new settings wait for the next click.
        if (redo && (last !== redo || redo.mask.version !== redo.version)) return;
        if (redo?.mode === 'replace') redrawReplacement(click.mask, result);
        else {
          if (redo) redo.mask.undo();
          const fresh = before && click.mask.version === before.version ? tiles : null;
          applySelection(click.mask, result, click.mode, WAND_LABEL, fresh);
        }
      } finally {
        result.paint?.close();
      }
      last = { ...click, version: click.mask.version, drawn: rectsLeft(click.mode, result) };
      announce(describe(result.count, click.mode));
      // User Timing, so the benchmark (and DevTools) see a click's time to the mask.
      performance.measure('easel:wand-select', {
        start: clickedAt,
        detail: `${click.mask.width}x${click.mask.height}: ${result.count} px, worker ${Math.round(result.workMs ?? 0)} ms`,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      useSelectionStore.setState({
        error: `The magic wand could not select (${reason}). Your mask is unchanged.`,
      });
    } finally {
      useSelectionStore.setState({ working: null });
    }
  };

  /** The rectangles that are the whole mask now, if the last replace left it untouched. */
  const drawn = (click: WandClick) =>
    last && last.mask === click.mask && last.version === click.mask.version
      ? last.drawn
      : undefined;

  return {
    click(click: WandClick): Promise<void> {
      const { x, y } = click.seed;
      if (!(x >= 0 && y >= 0 && x < click.mask.width && y < click.mask.height)) {
        announce(OUTSIDE_MESSAGE);
        return queue;
      }
      const clickedAt = performance.now();
      return (queue = queue.then(() => run(click, undefined, clickedAt)));
    },

    /** Tolerance or Contiguous changed: redo the last click if nothing came after it. */
    refresh(): Promise<void> {
      if (!last || refreshQueued) return queue;
      refreshQueued = true;
      return (queue = queue.then(() => {
        refreshQueued = false;
        // The click to redo is the last one applied by now (a refresh running meanwhile has
        // replaced it with its own), if nothing else has changed the mask since.
        const done = last;
        if (!done || done.mask.version !== done.version) return;
        return run(done, done);
      }));
    },
  };
}

/** After a replace, the whole mask as rectangles, if the selection came as rectangles. */
function rectsLeft(mode: SelectionMode, result: SelectionResult): SelectionRects | undefined {
  if (mode !== 'replace') return undefined;
  return result.bounds ? (result.rects ?? undefined) : new Int32Array(0);
}

function describe(count: number, mode: SelectionMode): string {
  const pixels = `${count.toLocaleString('en')} pixel${count === 1 ? '' : 's'}`;
  if (mode === 'add') return `Magic wand added ${pixels}`;
  if (mode === 'subtract') return `Magic wand took away ${pixels}`;
  return count ? `Magic wand selected ${pixels}` : 'Magic wand selected nothing';
}
