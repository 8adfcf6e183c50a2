import { describe, expect, it } from 'vitest';

// Real canvases and deflate: give these room on a busy CI machine.
const SLOW = 20_000;
import { MaskModel } from './mask-model.ts';
import { TILE_SIZE } from './mask-history.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';

const snapshot = (m: MaskModel) => m.readAlpha({ x: 0, y: 0, width: m.width, height: m.height });
/** How many pixels differ (a count is a readable failure; a deep diff of 240K bytes is not). */
const differing = (a: Uint8Array, b: Uint8Array | undefined) => {
  if (!b || a.length !== b.length) return Infinity;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
};

function scribble(mask: MaskModel, seed: number) {
  mask.beginChange('Brush stroke');
  for (let i = 0; i < 12; i++) {
    const x = (seed * 97 + i * 53) % mask.width;
    const y = (seed * 31 + i * 71) % mask.height;
    mask.polyline(
      [
        { x, y },
        { x: (x + 90) % mask.width, y: (y + 40) % mask.height },
      ],
      7 + (i % 5),
      i % 4 === 3 ? 'erase' : 'paint',
    );
  }
  mask.commitChange();
}

describe('undo and redo', () => {
  it('walks back and forth through every state exactly', { timeout: SLOW }, () => {
    const mask = new MaskModel(600, 400, nodeCanvas);
    const states = [snapshot(mask)];
    scribble(mask, 1);
    states.push(snapshot(mask));
    mask.fillRect({ x: 100, y: 50, width: 300, height: 200 }, 'paint');
    states.push(snapshot(mask));
    mask.invert();
    states.push(snapshot(mask));
    scribble(mask, 2);
    states.push(snapshot(mask));
    mask.clear();
    states.push(snapshot(mask));

    for (let i = states.length - 2; i >= 0; i--) {
      expect(mask.undo()).not.toBeNull();
      expect(differing(snapshot(mask), states[i]), `undo to state ${i}`).toBe(0);
    }
    expect(mask.undo()).toBeNull();
    for (let i = 1; i < states.length; i++) {
      expect(mask.redo()).not.toBeNull();
      expect(differing(snapshot(mask), states[i]), `redo to state ${i}`).toBe(0);
    }
    expect(mask.redo()).toBeNull();
  });

  it('a new change after undo drops the redo steps', () => {
    const mask = new MaskModel(100, 100, nodeCanvas);
    mask.fillRect({ x: 0, y: 0, width: 10, height: 10 }, 'paint');
    mask.fillRect({ x: 50, y: 50, width: 10, height: 10 }, 'paint');
    mask.undo();
    expect(mask.history.canRedo).toBe(true);
    mask.fillRect({ x: 80, y: 0, width: 10, height: 10 }, 'paint');
    expect(mask.history.canRedo).toBe(false);
    expect(mask.redo()).toBeNull();
  });

  it('a stroke records only the tiles it touched', () => {
    const mask = new MaskModel(8 * TILE_SIZE, 8 * TILE_SIZE, nodeCanvas);
    mask.beginChange('Brush stroke');
    mask.dot({ x: 10, y: 10 }, 8, 'paint');
    mask.commitChange();
    // One untouched-before tile is uniform (all 0): stored as a single value, not 64K bytes.
    expect(mask.history.bytes).toBeLessThan(16);
  });

  it('history is capped by entry count', () => {
    const mask = new MaskModel(64, 64, nodeCanvas, { maxEntries: 5 });
    for (let i = 0; i < 12; i++) mask.fillRect({ x: i * 5, y: 0, width: 3, height: 3 }, 'paint');
    expect(mask.history.entryCount).toBe(5);
    let undos = 0;
    while (mask.undo()) undos++;
    expect(undos).toBe(5);
    // The seven oldest rectangles are beyond history and stay painted.
    expect(mask.readAlpha({ x: 30, y: 1, width: 1, height: 1 })[0]).toBe(255);
    expect(mask.readAlpha({ x: 35, y: 1, width: 1, height: 1 })[0]).toBe(0);
  });

  it('history is capped by bytes, keeping the newest steps', { timeout: SLOW }, () => {
    const probe = new MaskModel(512, 512, nodeCanvas);
    for (let seed = 0; seed < 16; seed++) scribble(probe, seed);
    const budget = Math.round(probe.history.bytes / 3); // room for roughly the last third
    expect(budget).toBeGreaterThan(1000);
    const mask = new MaskModel(512, 512, nodeCanvas, { maxBytes: budget });
    for (let seed = 0; seed < 16; seed++) scribble(mask, seed);
    expect(mask.history.bytes).toBeLessThanOrEqual(budget);
    expect(mask.history.entryCount).toBeGreaterThan(1);
    expect(mask.history.entryCount).toBeLessThan(16);
    const latest = snapshot(mask);
    mask.undo();
    mask.redo();
    expect(differing(snapshot(mask), latest)).toBe(0);
  });
});
