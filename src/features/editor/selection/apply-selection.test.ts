import { describe, expect, it } from 'vitest';
import { MaskModel } from '../mask/mask-model.ts';
import { exportMask } from '../mask/export-mask.ts';
import { growMask } from '../mask/refine/refine-mask.ts';
import type { RgbaImage } from '../mask/paint-canvas.ts';
import {
  alphaAt,
  decodePng,
  nodeCanvas,
  nodeExportDeps,
} from '../testing/node-canvas.test-support.ts';
import { applySelection, selectionMode } from './apply-selection.ts';
import { stripes, wandResult } from './selection.test-support.ts';

/** The wand's click turned into paint, as the selection worker does it. */
const wand = (image: RgbaImage, x: number, contiguous = true) =>
  wandResult(image, { x, y: 5 }, { tolerance: 0, contiguous });

const row = (mask: MaskModel) => Array.from(mask.readAlpha({ x: 0, y: 5, width: 30, height: 1 }));
const columns = (from: number, to: number) =>
  Array.from({ length: 30 }, (_, x) => (x >= from && x < to ? 255 : 0));

describe('a selection becomes mask pixels', () => {
  it('replaces the mask, and Shift adds while Alt takes away', () => {
    const image = stripes();
    const mask = new MaskModel(30, 10, nodeCanvas);
    mask.fillRect({ x: 25, y: 0, width: 5, height: 10 }, 'paint'); // earlier brushwork

    applySelection(
      mask,
      wand(image, 12),
      selectionMode({ shiftKey: false, altKey: false }),
      'Magic wand',
    );
    expect(row(mask)).toEqual(columns(10, 20));

    applySelection(
      mask,
      wand(image, 2),
      selectionMode({ shiftKey: true, altKey: false }),
      'Magic wand',
    );
    expect(row(mask)).toEqual(columns(0, 20));

    applySelection(
      mask,
      wand(image, 15),
      selectionMode({ shiftKey: false, altKey: true }),
      'Magic wand',
    );
    expect(row(mask)).toEqual(columns(0, 10));
  });

  it('with no modifier held, takes the mode chosen in the toolbar; Shift and Alt override it', () => {
    const none = { shiftKey: false, altKey: false };
    expect(selectionMode(none, 'add')).toBe('add');
    expect(selectionMode(none, 'subtract')).toBe('subtract');
    expect(selectionMode({ shiftKey: true, altKey: false }, 'subtract')).toBe('add');
    expect(selectionMode({ shiftKey: false, altKey: true }, 'add')).toBe('subtract');
  });

  it('is one undo step each, and undo restores the brushwork it replaced', () => {
    const image = stripes();
    const mask = new MaskModel(30, 10, nodeCanvas);
    mask.fillRect({ x: 25, y: 0, width: 5, height: 10 }, 'paint');
    applySelection(mask, wand(image, 12), 'replace', 'Magic wand');
    applySelection(mask, wand(image, 3, false), 'add', 'Magic wand');
    expect(row(mask)).toEqual(columns(0, 30));
    expect(mask.undo()).toBe('Magic wand');
    expect(row(mask)).toEqual(columns(10, 20));
    expect(mask.undo()).toBe('Magic wand');
    expect(row(mask)).toEqual(columns(25, 30));
  });

  it('exports as the API mask: transparent exactly where selected, opaque elsewhere', async () => {
    const mask = new MaskModel(30, 10, nodeCanvas);
    applySelection(mask, wand(stripes(), 14), 'replace', 'Magic wand');
    const exported = await exportMask(mask, nodeExportDeps);
    expect(exported.paintedPixels).toBe(100);
    const png = await decodePng(exported.png);
    expect([
      alphaAt(png, 9, 0),
      alphaAt(png, 10, 0),
      alphaAt(png, 19, 9),
      alphaAt(png, 20, 9),
    ]).toEqual([255, 0, 0, 255]);
  });

  it('inverts like any painted region', () => {
    const mask = new MaskModel(30, 10, nodeCanvas);
    applySelection(mask, wand(stripes(), 14), 'replace', 'Magic wand');
    mask.invert();
    expect(row(mask)).toEqual(columns(0, 30).map((v, x) => (x >= 10 && x < 20 ? 0 : v)));
  });

  it('grows and shrinks like any painted region, each one undo step back to the selection', () => {
    const mask = new MaskModel(30, 10, nodeCanvas);
    applySelection(mask, wand(stripes(), 14), 'replace', 'Magic wand');
    expect(growMask(mask, 3)).toBe('Grow mask by 3 px');
    expect(row(mask)).toEqual(columns(7, 23));
    expect(mask.undo()).toBe('Grow mask by 3 px');
    expect(growMask(mask, -2)).toBe('Shrink mask by 2 px');
    expect(row(mask)).toEqual(columns(12, 18));
    expect(mask.undo()).toBe('Shrink mask by 2 px');
    expect(row(mask)).toEqual(columns(10, 20));
    expect(mask.undo()).toBe('Magic wand');
    expect(row(mask)).toEqual(columns(0, 0));
  });

  it('an empty selection clears the mask when replacing and changes nothing otherwise', () => {
    const mask = new MaskModel(30, 10, nodeCanvas);
    mask.fillRect({ x: 0, y: 0, width: 5, height: 10 }, 'paint');
    const nothing = { bounds: null, paint: null, count: 0 };
    applySelection(mask, nothing, 'add', 'Magic wand');
    expect(row(mask)).toEqual(columns(0, 5));
    expect(mask.undo()).toBe('Rectangle');
    mask.redo();
    applySelection(mask, nothing, 'replace', 'Select person');
    expect(row(mask)).toEqual(columns(0, 0));
  });
});
