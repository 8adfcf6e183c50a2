import { describe, expect, it } from 'vitest';
import { nextGridIndex } from './grid-navigation.ts';

// 10 images in 4 columns:  0 1 2 3 / 4 5 6 7 / 8 9
const shape = { count: 10, columns: 4, pageRows: 2 };
const go = (key: string, from: number, ctrl = false) => nextGridIndex(key, from, shape, ctrl);

describe('nextGridIndex', () => {
  it('moves by one tile with left/right, stopping at the ends', () => {
    expect(go('ArrowRight', 3)).toBe(4);
    expect(go('ArrowLeft', 4)).toBe(3);
    expect(go('ArrowLeft', 0)).toBe(0);
    expect(go('ArrowRight', 9)).toBe(9);
  });

  it('moves by a row with up/down, landing on the last tile of a short final row', () => {
    expect(go('ArrowDown', 1)).toBe(5);
    expect(go('ArrowDown', 5)).toBe(9);
    expect(go('ArrowDown', 7)).toBe(9);
    expect(go('ArrowDown', 9)).toBe(9);
    expect(go('ArrowUp', 9)).toBe(5);
    expect(go('ArrowUp', 2)).toBe(2);
  });

  it('jumps to row ends with Home/End, and to the first/last image with Ctrl', () => {
    expect(go('Home', 6)).toBe(4);
    expect(go('End', 5)).toBe(7);
    expect(go('End', 8)).toBe(9);
    expect(go('Home', 6, true)).toBe(0);
    expect(go('End', 1, true)).toBe(9);
  });

  it('pages by a screenful of rows', () => {
    expect(go('PageDown', 1)).toBe(9);
    expect(go('PageUp', 9)).toBe(1);
    expect(go('PageUp', 2)).toBe(0);
  });

  it('ignores other keys and empty grids', () => {
    expect(go('a', 1)).toBeNull();
    expect(nextGridIndex('ArrowRight', 0, { count: 0, columns: 4, pageRows: 1 })).toBeNull();
  });
});
