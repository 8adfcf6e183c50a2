import { describe, expect, it } from 'vitest';
import { MaskModel } from '../mask-model.ts';
import { nodeCanvas } from '../../testing/node-canvas.test-support.ts';
import { growMask } from './refine-mask.ts';

const painted = (m: MaskModel) =>
  m.readAlpha({ x: 0, y: 0, width: m.width, height: m.height }).filter((a) => a >= 128).length;

describe('growMask', () => {
  it('grows and shrinks the painted area by N pixels, each one undo step', () => {
    const mask = new MaskModel(100, 80, nodeCanvas);
    mask.fillRect({ x: 30, y: 20, width: 20, height: 10 }, 'paint');
    expect(painted(mask)).toBe(200);
    expect(growMask(mask, 5)).toBe('Grow mask by 5 px');
    // The 30x20 box with round corners: of each 5x5 corner square only the 15 pixels within
    // 5 px of the painted corner join (1²+4², 2²+4², 3²+4², 4²+3²… ≤ 25).
    const grown = painted(mask);
    expect(grown).toBe(30 * 20 - 4 * 10);
    expect(growMask(mask, -8)).toBe('Shrink mask by 8 px');
    expect(painted(mask)).toBe(14 * 4);
    expect(mask.undo()).toBe('Shrink mask by 8 px');
    expect(painted(mask)).toBe(grown);
    expect(mask.undo()).toBe('Grow mask by 5 px');
    expect(painted(mask)).toBe(200);
  });

  it('does nothing for 0 px', () => {
    const mask = new MaskModel(10, 10, nodeCanvas);
    expect(growMask(mask, 0)).toBeNull();
    expect(mask.history.canUndo).toBe(false);
  });
});
