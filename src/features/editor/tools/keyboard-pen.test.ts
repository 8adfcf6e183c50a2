import { describe, expect, it } from 'vitest';
import { MaskModel } from '../mask/mask-model.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';
import { commandForKey } from '../commands/editor-commands.ts';
import {
  KEYBOARD_PEN_KEYS,
  keepPenInView,
  movePen,
  penIntentFor,
  penStart,
  penStep,
  type PenIntent,
} from './keyboard-pen.ts';
import { createTool } from './create-tool.ts';

const key = (
  k: string,
  mods: Partial<Record<'shiftKey' | 'altKey' | 'ctrlKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const at = (m: MaskModel, x: number, y: number) =>
  m.readAlpha({ x, y, width: 1, height: 1 })[0] ?? -1;

/** Presses keys at a view scale, driving a real tool the way the stage input hook does. */
function drive(
  mask: MaskModel,
  toolId: 'brush' | 'rectangle' | 'lasso',
  keys: string[],
  scale = 1,
) {
  const tool = createTool(toolId, mask);
  const image = { width: mask.width, height: mask.height };
  let cursor = penStart(image);
  let down = false;
  for (const k of keys) {
    const [name, mod] = k.split(':');
    const intent = penIntentFor(key(name!, mod ? { [mod]: true } : {})) as PenIntent;
    if (intent.action === 'move') {
      cursor = movePen(cursor, intent, scale, image);
      if (down) tool.pointerMove([cursor]);
    } else if (intent.action === 'toggle') {
      if (down) tool.pointerUp();
      else tool.pointerDown(cursor, { brushSize: 10, subtract: intent.subtract });
      down = !down;
    } else {
      tool.cancel();
      down = false;
    }
  }
  return cursor;
}

describe('the keyboard pen', () => {
  it('reads arrows (Shift: further), Enter (Alt: a shape that clears) and Escape', () => {
    expect(penIntentFor(key('ArrowLeft'))).toEqual({ action: 'move', dx: -1, dy: 0, far: false });
    expect(penIntentFor(key('ArrowDown', { shiftKey: true }))).toEqual({
      action: 'move',
      dx: 0,
      dy: 1,
      far: true,
    });
    expect(penIntentFor(key('Enter'))).toEqual({ action: 'toggle', subtract: false });
    expect(penIntentFor(key('Enter', { altKey: true }))).toEqual({
      action: 'toggle',
      subtract: true,
    });
    expect(penIntentFor(key('Escape'))).toEqual({ action: 'cancel' });
    // Ctrl+arrows and Ctrl+Enter are someone else's (the browser, the prompt's send key).
    expect(penIntentFor(key('ArrowLeft', { ctrlKey: true }))).toBeNull();
    expect(penIntentFor(key('Enter', { ctrlKey: true }))).toBeNull();
    expect(penIntentFor(key('b'))).toBeNull();
  });

  it('uses no key an editor command already has', () => {
    for (const k of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Enter', 'Escape'])
      for (const mods of [{}, { shiftKey: true }, { altKey: true }])
        if (penIntentFor(key(k, mods))) expect(commandForKey(key(k, mods))).toBeUndefined();
    expect(KEYBOARD_PEN_KEYS.map((k) => k.keys)).toEqual([
      'Arrow keys',
      'Shift+Arrow keys',
      'Enter',
      'Alt+Enter',
      'Escape',
    ]);
  });

  it('steps the same screen distance at any zoom, never less than a pixel', () => {
    expect(penStep(1, false)).toBe(8);
    expect(penStep(0.5, false)).toBe(16); // zoomed out: more image pixels per press
    expect(penStep(0.5, true)).toBe(128);
    expect(penStep(4, false)).toBe(2);
    expect(penStep(32, false)).toBe(1);
  });

  it('starts at the centre and stays on the image, its far edges included', () => {
    const image = { width: 101, height: 40 };
    expect(penStart(image)).toEqual({ x: 51, y: 20 });
    const left = { action: 'move', dx: -1, dy: 0, far: true } as const;
    expect(movePen({ x: 3, y: 5 }, left, 1, image)).toEqual({ x: 0, y: 5 });
    const down = { action: 'move', dx: 0, dy: 1, far: true } as const;
    expect(movePen({ x: 3, y: 5 }, down, 1, image)).toEqual({ x: 3, y: 40 });
  });

  it('pans the view just enough to keep the crosshair in sight', () => {
    const view = { scale: 2, x: 0, y: 0 };
    const viewport = { width: 400, height: 300 };
    expect(keepPenInView(view, viewport, { x: 100, y: 100 })).toBe(view);
    // 190 image px → 380 screen px: 12 px past the 32 px margin on the right.
    expect(keepPenInView(view, viewport, { x: 190, y: 100 })).toEqual({ scale: 2, x: -12, y: 0 });
    expect(keepPenInView({ scale: 2, x: -100, y: 0 }, viewport, { x: 10, y: 100 })).toEqual({
      scale: 2,
      x: 12,
      y: 0,
    });
  });

  it('fills a rectangle from where Enter was pressed to where it is pressed again', () => {
    const mask = new MaskModel(200, 100, nodeCanvas);
    // From the centre (100, 50): 3 right, 2 down at scale 1 = (124, 66).
    const end = drive(mask, 'rectangle', [
      'Enter',
      'ArrowRight',
      'ArrowRight',
      'ArrowRight',
      'ArrowDown',
      'ArrowDown',
      'Enter',
    ]);
    expect(end).toEqual({ x: 124, y: 66 });
    expect(at(mask, 100, 50)).toBe(255);
    expect(at(mask, 123, 65)).toBe(255);
    expect(at(mask, 124, 66)).toBe(0);
    expect(at(mask, 99, 50)).toBe(0);
    expect(mask.history.canUndo).toBe(true);
  });

  it('paints the path the crosshair travels with the brush, as one undo step', () => {
    const mask = new MaskModel(200, 100, nodeCanvas);
    drive(mask, 'brush', ['Enter', 'ArrowRight:shiftKey', 'Enter']);
    // 64 px to the right of the centre, brush 10 px wide.
    for (const x of [100, 130, 164]) expect(at(mask, x, 50)).toBe(255);
    expect(at(mask, 100, 58)).toBe(0);
    mask.undo();
    expect(at(mask, 130, 50)).toBe(0);
  });

  it('traces and closes a lasso; Escape drops a shape without painting', () => {
    const mask = new MaskModel(200, 100, nodeCanvas);
    drive(mask, 'lasso', [
      'Enter',
      'ArrowRight:shiftKey',
      'ArrowDown',
      'ArrowDown',
      'ArrowDown',
      'Enter',
    ]);
    // Triangle (100,50) → (164,50) → (164,74): a point inside it is painted.
    expect(at(mask, 150, 55)).toBe(255);
    expect(at(mask, 110, 70)).toBe(0);

    const untouched = new MaskModel(200, 100, nodeCanvas);
    drive(untouched, 'rectangle', ['Enter', 'ArrowRight', 'ArrowDown', 'Escape']);
    expect(at(untouched, 102, 52)).toBe(0);
    expect(untouched.history.canUndo).toBe(false);
  });
});
