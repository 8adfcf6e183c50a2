import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MaskModel } from '../mask/mask-model.ts';
import { context2d, type RgbaImage } from '../mask/paint-canvas.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';
import { DEFAULT_TOLERANCE, useSelectionStore } from './selection-store.ts';
import { stripes, wandResult } from './selection.test-support.ts';
import { packAlpha, tilesOf } from '../mask/mask-history.ts';
import { tilesOfRects } from './rect-tiles.ts';
import {
  createWandSession,
  OUTSIDE_MESSAGE,
  type CaptureUndo,
  type WandSelect,
} from './wand-session.ts';

/** Column x is grey 10x (0, 10, … 290): the tolerance decides how many columns are alike. */
function greys(): RgbaImage {
  const width = 30;
  const data = new Uint8ClampedArray(width * 4 * 4);
  for (let i = 0; i < width * 4; i++) data.set([(i % width) * 10, (i % width) * 10, 0, 255], i * 4);
  return { width, height: 4, data };
}

const picture = {} as ImageBitmap; // the fake worker below holds the pixels itself
const painted = (mask: MaskModel) =>
  Array.from(mask.readAlpha({ x: 0, y: 0, width: mask.width, height: mask.height })).filter(
    (a) => a === 255,
  ).length;

/** The capture worker's work, done here: the tiles as they are when the click starts. */
const captureHere: CaptureUndo = (mask) => {
  const ctx = context2d(mask.canvas);
  const whole = { x: 0, y: 0, width: mask.width, height: mask.height };
  const tiles = tilesOf(whole, mask.width, mask.height).map(({ key, rect }) => {
    const { data } = ctx.getImageData(rect.x, rect.y, rect.width, rect.height);
    const alpha = Uint8Array.from({ length: rect.width * rect.height }, (_, i) => data[i * 4 + 3]!);
    return { key, rect, alpha: packAlpha(alpha) };
  });
  return { version: mask.version, tiles: Promise.resolve(tiles) };
};

/** captureHere, and when asked the mask under the click kept as a copy (the snapshot). */
const captureKeeping: CaptureUndo = (mask, options) => {
  const capture = captureHere(mask);
  if (!options?.keepUnderneath) return capture;
  const copy = nodeCanvas(mask.width, mask.height);
  context2d(copy).drawImage(mask.canvas, 0, 0);
  return { ...capture, underneath: Promise.resolve(copy) };
};

function setup(image: RgbaImage, select?: WandSelect, capture?: CaptureUndo) {
  const mask = new MaskModel(image.width, image.height, nodeCanvas);
  const announce = vi.fn<(text: string) => void>();
  const worker = vi.fn<WandSelect>(
    select ?? (async (_picture, seed, options) => wandResult(image, seed, options)),
  );
  const session = createWandSession(worker, announce, capture);
  const click = (x: number, y: number, mode: 'replace' | 'add' | 'subtract' = 'replace') =>
    session.click({ mask, picture, seed: { x, y }, mode });
  return { mask, announce, worker, session, click };
}

beforeEach(() => {
  useSelectionStore.setState({ tolerance: DEFAULT_TOLERANCE, contiguous: true, error: null });
});

describe('the magic wand session', () => {
  it('turns a click into one undo step and says how much it took', async () => {
    const { mask, announce, click } = setup(stripes());
    await click(14.5, 3.2);
    expect(painted(mask)).toBe(100);
    expect(announce).toHaveBeenLastCalledWith('Magic wand selected 100 pixels');
    expect(mask.undo()).toBe('Magic wand');
    expect(painted(mask)).toBe(0);
  });

  it('takes the undo history\'s "before" from the capture, and reads it here only if the mask changed meanwhile', async () => {
    const image = stripes();
    let paintMeanwhile = false;
    const { mask, click } = setup(
      image,
      async (_p, seed, options) => {
        if (paintMeanwhile) mask.fillRect({ x: 0, y: 0, width: 3, height: 3 }, 'paint');
        return wandResult(image, seed, options);
      },
      captureHere,
    );
    mask.fillRect({ x: 25, y: 0, width: 5, height: 10 }, 'paint');
    const reads = vi.spyOn(mask, 'readAlpha');
    await click(14, 4);
    expect(reads).not.toHaveBeenCalled();
    paintMeanwhile = true;
    await click(4, 4);
    expect(reads).toHaveBeenCalled(); // the capture was stale: read here, and undo stays right
    reads.mockRestore();
    expect(mask.undo()).toBe('Magic wand');
    expect(painted(mask)).toBe(100 + 9); // the middle band and the square painted meanwhile
    expect(mask.undo()).toBe('Rectangle');
    expect(painted(mask)).toBe(100);
    expect(mask.undo()).toBe('Magic wand');
    expect(painted(mask)).toBe(50); // the first brushwork
  });

  it('a click replacing the last one packs its "before" from the rectangles drawn, unless the mask changed since', async () => {
    const image = stripes();
    const fromRects: boolean[] = [];
    const capture: CaptureUndo = (mask, options) => {
      const drawn = options?.drawn;
      fromRects.push(drawn !== undefined);
      if (!drawn) return captureHere(mask);
      return { version: mask.version, tiles: Promise.resolve(tilesOfRects(drawn, 30, 10)) };
    };
    const { mask, click } = setup(image, undefined, capture);
    await click(14, 4); // the middle band, on a mask never changed: blank, nothing to read
    await click(4, 4); // the left band, replacing it: from the rectangles
    mask.fillRect({ x: 25, y: 0, width: 5, height: 10 }, 'paint');
    await click(14, 4); // after brushwork: read from the mask
    await click(14, 4, 'add'); // the last replace cleared the brushwork: from the rectangles
    await click(4, 4); // after an add the mask is more than the rectangles: read
    expect(fromRects).toEqual([true, true, false, true, false]);
    const band = (from: number, to: number) =>
      Array.from(mask.readAlpha({ x: 0, y: 5, width: 30, height: 1 })).map((a, x) =>
        a === 255 ? x >= from && x < to : !(x >= from && x < to),
      );
    mask.undo();
    mask.undo();
    mask.undo();
    mask.undo(); // back to the left band alone
    expect(band(0, 10).every(Boolean)).toBe(true);
    mask.undo(); // back to the middle band: the tiles packed from its rectangles
    expect(band(10, 20).every(Boolean)).toBe(true);
  });

  it('a click outside the picture says so and changes nothing', async () => {
    const { mask, announce, worker, click } = setup(stripes());
    await click(30, 5);
    await click(4, -1);
    expect(worker).not.toHaveBeenCalled();
    expect(announce).toHaveBeenLastCalledWith(OUTSIDE_MESSAGE);
    expect(mask.history.canUndo).toBe(false);
  });

  it('a new tolerance redoes the last click in its place: live, and still one undo step', async () => {
    const { mask, session, click } = setup(greys());
    useSelectionStore.getState().setTolerance(0);
    await click(15, 1); // grey 120 only: one column
    expect(painted(mask)).toBe(4);
    useSelectionStore.getState().setTolerance(16); // 104 .. 136: three columns
    await session.refresh();
    expect(painted(mask)).toBe(12);
    useSelectionStore.getState().setContiguous(false);
    useSelectionStore.getState().setTolerance(40);
    await session.refresh();
    expect(painted(mask)).toBe(36);
    expect(mask.undo()).toBe('Magic wand');
    expect(painted(mask)).toBe(0);
    expect(mask.history.canUndo).toBe(false);
    mask.redo();
    expect(painted(mask)).toBe(36);
  });

  it('a Shift-click redone with a new tolerance replaces what it added, keeping what was there', async () => {
    const { mask, session, click } = setup(greys());
    useSelectionStore.getState().setTolerance(0);
    mask.fillRect({ x: 0, y: 0, width: 2, height: 4 }, 'paint');
    await click(15, 1, 'add');
    expect(painted(mask)).toBe(8 + 4);
    useSelectionStore.getState().setTolerance(16);
    await session.refresh();
    expect(painted(mask)).toBe(8 + 12);
    useSelectionStore.getState().setTolerance(0);
    await session.refresh();
    expect(painted(mask)).toBe(8 + 4);
    expect(mask.undo()).toBe('Magic wand');
    expect(painted(mask)).toBe(8);
  });

  it('a Shift- or Alt-click redone with a new tolerance is drawn over the mask under it: no undo, nothing read back', async () => {
    const { mask, session, click } = setup(greys(), undefined, captureKeeping);
    useSelectionStore.getState().setTolerance(0);
    mask.fillRect({ x: 0, y: 0, width: 2, height: 4 }, 'paint');
    await click(15, 1, 'add');
    expect(painted(mask)).toBe(8 + 4);
    const undo = vi.spyOn(mask, 'undo');
    const reads = vi.spyOn(mask, 'readAlpha');
    const refreshAt = async (tolerance: number) => {
      useSelectionStore.getState().setTolerance(tolerance);
      reads.mockClear();
      await session.refresh();
      expect(reads).not.toHaveBeenCalled(); // a 4096x4096 read is a long task
    };
    await refreshAt(16);
    expect(painted(mask)).toBe(8 + 12);
    await refreshAt(0);
    expect(painted(mask)).toBe(8 + 4);
    expect(undo).not.toHaveBeenCalled();
    undo.mockRestore();
    reads.mockRestore();
    expect(mask.undo()).toBe('Magic wand');
    expect(painted(mask)).toBe(8);
    expect(mask.history.canUndo).toBe(true); // the brushwork
    mask.redo();
    expect(painted(mask)).toBe(8 + 4);

    // Alt takes away: from a full mask, one column, then three, then back to the full mask.
    mask.fillRect({ x: 0, y: 0, width: 30, height: 4 }, 'paint');
    await click(15, 1, 'subtract');
    expect(painted(mask)).toBe(120 - 4);
    await refreshAt(16);
    expect(painted(mask)).toBe(120 - 12);
    expect(mask.undo()).toBe('Magic wand');
    expect(painted(mask)).toBe(120);
  });

  it('settings changed faster than the worker answers all land: the last one wins', async () => {
    const image = greys();
    let release = () => {};
    let slow: Promise<void> = Promise.resolve();
    const { mask, session, click } = setup(image, async (_p, seed, options) => {
      await slow;
      return wandResult(image, seed, options);
    });
    useSelectionStore.getState().setTolerance(0);
    await click(15, 1);
    slow = new Promise<void>((resolve) => (release = resolve));
    const done: Promise<void>[] = [];
    for (const tolerance of [4, 8, 16]) {
      useSelectionStore.getState().setTolerance(tolerance);
      done.push(session.refresh());
      await Promise.resolve(); // the first refresh starts and waits for the worker
    }
    release();
    await Promise.all(done);
    expect(painted(mask)).toBe(12); // tolerance 16: three columns
    expect(mask.undo()).toBe('Magic wand');
    expect(painted(mask)).toBe(0);
  });

  it('once something else changed the mask, new settings wait for the next click', async () => {
    const { mask, worker, session, click } = setup(greys());
    useSelectionStore.getState().setTolerance(0);
    await click(15, 1);
    mask.fillRect({ x: 0, y: 0, width: 2, height: 4 }, 'paint');
    useSelectionStore.getState().setTolerance(16);
    await session.refresh();
    expect(worker).toHaveBeenCalledTimes(1);
    expect(painted(mask)).toBe(4 + 8);
  });

  it('answers clicks in the order they were made, even when the first is slower', async () => {
    const image = stripes();
    let release = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { mask, click } = setup(image, async (_p, seed, options) => {
      if (seed.x < 10) await slow;
      return wandResult(image, seed, options);
    });
    const first = click(2, 2); // replace with the left band …
    const second = click(25, 2, 'add'); // … then add the right band
    release();
    await Promise.all([first, second]);
    expect(painted(mask)).toBe(200);
    expect(mask.readAlpha({ x: 12, y: 2, width: 1, height: 1 })[0]).toBe(0);
  });

  it('when the worker fails, the mask is untouched and the designer is told', async () => {
    const { mask, click } = setup(stripes(), async () => {
      throw new Error('The magic wand stopped');
    });
    mask.fillRect({ x: 0, y: 0, width: 3, height: 3 }, 'paint');
    await click(14, 4);
    expect(painted(mask)).toBe(9);
    expect(useSelectionStore.getState().error).toBe(
      'The magic wand could not select (The magic wand stopped). Your mask is unchanged.',
    );
    expect(useSelectionStore.getState().working).toBeNull();
  });
});
