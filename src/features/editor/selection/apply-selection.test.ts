import { ImageData as NodeImageData } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { MaskModel } from '../mask/mask-model.ts';
import { exportMask } from '../mask/export-mask.ts';
import type { RgbaImage } from '../mask/paint-canvas.ts';
import {
  alphaAt,
  decodePng,
  nodeCanvas,
  nodeExportDeps,
} from '../testing/node-canvas.test-support.ts';
import { applySelection, selectionMode, type SelectionPaint } from './apply-selection.ts';
import { selectByColour } from './magic-wand.ts';
import { selectionPixels } from './selection-pixels.ts';

/** Columns 0..9 one colour, 10..19 another, 20..29 the first again; 10 rows. */
function stripes(): RgbaImage {
  const width = 30;
  const height = 10;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const band = Math.floor((i % width) / 10) % 2;
    data.set(band ? [10, 200, 10, 255] : [250, 250, 250, 255], i * 4);
  }
  return { width, height, data };
}

/** The wand's click turned into paint, as the selection worker does it. */
function wand(image: RgbaImage, x: number, contiguous = true): SelectionPaint {
  const s = selectByColour(image, { x, y: 5 }, { tolerance: 0, contiguous });
  if (!s.bounds) return { bounds: null, paint: null, count: 0 };
  const canvas = nodeCanvas(s.bounds.width, s.bounds.height);
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  const pixels = selectionPixels(s.data, s.width, s.bounds);
  ctx.putImageData(
    new NodeImageData(pixels, s.bounds.width, s.bounds.height) as unknown as ImageData,
    0,
    0,
  );
  return { bounds: s.bounds, paint: canvas as unknown as CanvasImageSource, count: s.count };
}

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
