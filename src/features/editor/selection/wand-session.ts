/**
 * The magic wand's clicks, from the stage to the mask. Clicks are answered in order (a
 * Shift-click sequence builds up as clicked). While the wand's last change is still the
 * mask's latest, a new Tolerance or Contiguous redoes that click in its place — the live
 * preview — as one undo step; once anything else changed the mask, new settings wait for the
 * next click. A failure leaves the mask as it was and says why.
 */
import type { MaskModel, Point } from '../mask/mask-model.ts';
import { applySelection, redrawSelection, type SelectionMode } from './apply-selection.ts';
import type { WandOptions } from './magic-wand.ts';
import type { SelectionResult } from './selection-result.ts';
import type { SelectionRects } from './selection-rects.ts';
import type { CaptureOptions, UndoCapture } from './undo-capture.ts';
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

/** Starts reading all the mask's tiles before a change, off the main thread (undo-capture.ts). */
export type CaptureUndo = (mask: MaskModel, options?: CaptureOptions) => UndoCapture;

export function createWandSession(
  select: WandSelect,
  announce: (text: string) => void,
  captureUndo?: CaptureUndo,
) {
  /**
   * `drawn`: what a replace left as the whole mask, when it was rectangles. `underneath`: the
   * mask before a Shift/Alt-click whose undo step holds every tile, so the click can be
   * redone in place over it.
   */
  type Done = WandClick & {
    version: number;
    drawn?: SelectionRects;
    underneath?: CanvasImageSource | null;
  };
  /** The last click applied, and the mask's version right after it. */
  let last: Done | null = null;
  let queue: Promise<void> = Promise.resolve();
  let refreshQueued = false;

  /** Selects for `click`; when `redo` is given, in place of that earlier click. */
  const run = async (click: WandClick, redo?: Done, clickedAt = performance.now()) => {
    const { tolerance, contiguous } = useSelectionStore.getState();
    useSelectionStore.setState({ working: 'wand', error: null });
    // Redone in place, a click draws over what was under it and needs no new undo step, so
    // nothing to capture. Otherwise the undo step will hold every tile (captured off the main
    // thread), and for a Shift/Alt-click the mask under it is kept to redraw over.
    const inPlace = redo && (redo.mode === 'replace' || redo.underneath);
    const before = inPlace
      ? undefined
      : captureUndo?.(click.mask, {
          drawn: drawn(click),
          keepUnderneath: !redo && click.mode !== 'replace',
        });
    let underneath = inPlace ? redo.underneath : undefined;
    try {
      const result = await select(click.picture, click.seed, { tolerance, contiguous });
      const tiles = await before?.tiles;
      const under = await before?.underneath;
      try {
        // Another click or change came first: the new settings wait for the next click.
        if (redo && (last !== redo || redo.mask.version !== redo.version)) return;
        if (inPlace) redrawSelection(click.mask, result, click.mode, underneath);
        else {
          if (redo) redo.mask.undo();
          const fresh = before && click.mask.version === before.version ? tiles : null;
          applySelection(click.mask, result, click.mode, WAND_LABEL, fresh);
          if (fresh) underneath = under;
          else release(under); // the step holds only what it touched: redo it the long way
        }
      } finally {
        result.paint?.close();
      }
      if (last?.underneath !== underneath) release(last?.underneath);
      last = {
        ...click,
        version: click.mask.version,
        drawn: rectsLeft(click.mode, result),
        underneath,
      };
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

  /**
   * The rectangles that are the whole mask now: none on a mask never changed (a new mask is
   * blank and every change bumps its version), or the last replace's if nothing came after.
   */
  const drawn = (click: WandClick) => {
    if (click.mask.version === 0) return new Int32Array(0);
    return last && last.mask === click.mask && last.version === click.mask.version
      ? last.drawn
      : undefined;
  };

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

/** Lets a kept snapshot's memory go (64 MB at 4096x4096). */
function release(image: CanvasImageSource | null | undefined): void {
  if (image && 'close' in image) image.close();
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
