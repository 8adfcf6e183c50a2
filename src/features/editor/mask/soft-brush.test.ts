import { describe, expect, it } from 'vitest';
import { exportMask } from './export-mask.ts';
import { MaskModel } from './mask-model.ts';
import { createTool } from '../tools/create-tool.ts';
import {
  alphaAt,
  decodePng,
  nodeCanvas,
  nodeExportDeps,
} from '../testing/node-canvas.test-support.ts';

/** A horizontal stroke at y = 100 from x = 40 to 260, fed in 3-px pointer moves (many joins). */
function softStroke(mask: MaskModel, tool: 'brush' | 'eraser', size: number, hardness: number) {
  const t = createTool(tool, mask);
  t.pointerDown({ x: 40, y: 100 }, { brushSize: size, hardness, subtract: false });
  for (let x = 43; x <= 260; x += 3) t.pointerMove([{ x, y: 100 }]);
  t.pointerUp();
}

/** Rows of column x whose alpha in the sent mask is 0 (to be edited). */
function paintedRows(image: Awaited<ReturnType<typeof decodePng>>, x: number): number {
  let rows = 0;
  for (let y = 0; y < image.height; y++) if (alphaAt(image, x, y) === 0) rows++;
  return rows;
}

describe('soft brush (hardness)', () => {
  it('paints a soft fringe but sends a strictly 0/255 mask cut at the 50 % contour', async () => {
    const mask = new MaskModel(300, 200, nodeCanvas);
    softStroke(mask, 'brush', 60, 0.2);

    const column = mask.readAlpha({ x: 150, y: 0, width: 1, height: 200 });
    expect(column[100]).toBe(255);
    const fringe = [...column].filter((a) => a > 0 && a < 255);
    expect(fringe.length).toBeGreaterThan(20); // a hard brush has ~2 anti-aliased pixels

    const image = await decodePng((await exportMask(mask, nodeExportDeps)).png);
    let partial = 0;
    for (let i = 3; i < image.data.length; i += 4)
      if (image.data[i] !== 0 && image.data[i] !== 255) partial++;
    expect(partial).toBe(0);
    // Radius 30, hardness 0.2: 50 % coverage at 30 x (1 + 0.2) / 2 = 18 px each side.
    expect(Math.abs(paintedRows(image, 150) - 36)).toBeLessThanOrEqual(1);
    // The same width all along: no beads where the pieces of the stroke join.
    for (let x = 70; x <= 230; x += 1) expect(paintedRows(image, x)).toBe(paintedRows(image, 150));
  });

  it('hardness 1 is the hard brush, and a soft eraser takes paint away by its coverage', () => {
    const hard = new MaskModel(300, 200, nodeCanvas);
    softStroke(hard, 'brush', 60, 1);
    const hardColumn = hard.readAlpha({ x: 150, y: 0, width: 1, height: 200 });
    expect([...hardColumn].filter((a) => a > 0 && a < 255).length).toBeLessThanOrEqual(4);

    const mask = new MaskModel(300, 200, nodeCanvas);
    mask.fillRect({ x: 0, y: 0, width: 300, height: 200 }, 'paint');
    softStroke(mask, 'eraser', 60, 0.5);
    const column = mask.readAlpha({ x: 150, y: 0, width: 1, height: 200 });
    expect(column[100]).toBe(0); // the core is erased
    expect(column[10]).toBe(255); // beyond the radius untouched
    // Between radius x hardness (15) and the radius (30): partly erased, more so nearer the line.
    expect(column[100 - 20]!).toBeGreaterThan(0);
    expect(column[100 - 20]!).toBeLessThan(column[100 - 27]!);
  });
});
