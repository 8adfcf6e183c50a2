import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MaskModel } from '../mask/mask-model.ts';
import type { RgbaImage } from '../mask/paint-canvas.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';
import { DEFAULT_TOLERANCE, useSelectionStore } from './selection-store.ts';
import { stripes, wandResult } from './selection.test-support.ts';
import { createWandSession, OUTSIDE_MESSAGE, type WandSelect } from './wand-session.ts';

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

function setup(image: RgbaImage, select?: WandSelect) {
  const mask = new MaskModel(image.width, image.height, nodeCanvas);
  const announce = vi.fn<(text: string) => void>();
  const worker = vi.fn<WandSelect>(
    select ?? (async (_picture, seed, options) => wandResult(image, seed, options)),
  );
  const session = createWandSession(worker, announce);
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
    expect(mask.history.canUndo).toBe(false);
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
