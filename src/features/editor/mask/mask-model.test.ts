import { describe, expect, it } from 'vitest';
import { MaskModel } from './mask-model.ts';
import { createTool } from '../tools/create-tool.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';

const all = (m: MaskModel) => m.readAlpha({ x: 0, y: 0, width: m.width, height: m.height });
const at = (m: MaskModel, x: number, y: number) =>
  m.readAlpha({ x, y, width: 1, height: 1 })[0] ?? -1;
const brush = { brushSize: 20, subtract: false };

function stroke(mask: MaskModel, tool: 'brush' | 'eraser', points: [number, number][], size = 20) {
  const t = createTool(tool, mask);
  const [first, ...rest] = points.map(([x, y]) => ({ x, y }));
  t.pointerDown(first!, { brushSize: size, subtract: false });
  t.pointerMove(rest);
  t.pointerUp();
}

describe('brush and eraser', () => {
  it('paints a stroke of the brush size along the samples, in image pixels', () => {
    const mask = new MaskModel(400, 200, nodeCanvas);
    stroke(mask, 'brush', [
      [100, 100],
      [200, 100],
      [300, 100],
    ]);
    expect(at(mask, 100, 100)).toBe(255);
    expect(at(mask, 250, 100)).toBe(255);
    expect(at(mask, 250, 108)).toBe(255);
    expect(at(mask, 250, 112)).toBe(0); // radius 10: 12 px off the line is outside
    expect(at(mask, 85, 100)).toBe(0); // the round cap ends 10 px before the start
    expect(at(mask, 92, 100)).toBe(255);
  });

  it('a click without movement paints a dot', () => {
    const mask = new MaskModel(50, 50, nodeCanvas);
    stroke(mask, 'brush', [[25, 25]], 10);
    expect(at(mask, 25, 25)).toBe(255);
    expect(at(mask, 25, 28)).toBe(255);
    expect(at(mask, 25, 31)).toBe(0);
  });

  it('a fast stroke with far-apart samples leaves no gaps and curves through them', () => {
    const mask = new MaskModel(600, 600, nodeCanvas);
    stroke(
      mask,
      'brush',
      [
        [50, 300],
        [300, 50],
        [550, 300],
      ],
      6,
    );
    // The spline passes through the middle sample and is continuous along the arc.
    expect(at(mask, 300, 50)).toBe(255);
    for (let x = 60; x <= 540; x += 20) {
      const column = mask.readAlpha({ x, y: 0, width: 1, height: 600 });
      expect(
        column.some((a) => a === 255),
        `column ${x}`,
      ).toBe(true);
    }
  });

  it('the eraser takes paint away and nothing else', () => {
    const mask = new MaskModel(200, 100, nodeCanvas);
    mask.fillRect({ x: 0, y: 0, width: 200, height: 100 }, 'paint');
    stroke(mask, 'eraser', [
      [20, 50],
      [180, 50],
    ]);
    expect(at(mask, 100, 50)).toBe(0);
    expect(at(mask, 100, 20)).toBe(255);
  });

  it('a cancelled stroke (second finger down) restores every pixel it touched', () => {
    const mask = new MaskModel(300, 300, nodeCanvas);
    mask.fillRect({ x: 0, y: 0, width: 100, height: 100 }, 'paint');
    const before = all(mask);
    const t = createTool('brush', mask);
    t.pointerDown({ x: 50, y: 50 }, brush);
    t.pointerMove([
      { x: 150, y: 150 },
      { x: 250, y: 250 },
      { x: 260, y: 100 },
    ]);
    t.cancel();
    expect(all(mask)).toEqual(before);
    expect(mask.undo()).toBe('Rectangle');
  });
});

describe('rectangle and lasso', () => {
  it('the rectangle tool fills the dragged box, whichever way it is dragged', () => {
    const mask = new MaskModel(100, 100, nodeCanvas);
    const rect = createTool('rectangle', mask);
    rect.pointerDown({ x: 60, y: 80 }, brush);
    rect.pointerMove([{ x: 30, y: 50 }]);
    expect(rect.preview()).toEqual({
      kind: 'rect',
      rect: { x: 30, y: 50, width: 30, height: 30 },
      mode: 'paint',
    });
    expect(at(mask, 40, 60)).toBe(0); // nothing is painted until release
    rect.pointerMove([{ x: 10, y: 20 }]);
    rect.pointerUp();
    expect(at(mask, 10, 20)).toBe(255);
    expect(at(mask, 59, 79)).toBe(255);
    expect(at(mask, 60, 50)).toBe(0);
    expect(at(mask, 9, 50)).toBe(0);
    expect(rect.state).toBe('idle');
  });

  it('with Alt the rectangle clears instead of fills', () => {
    const mask = new MaskModel(100, 100, nodeCanvas);
    mask.fillRect({ x: 0, y: 0, width: 100, height: 100 }, 'paint');
    const rect = createTool('rectangle', mask);
    rect.pointerDown({ x: 10, y: 10 }, { brushSize: 1, subtract: true });
    rect.pointerMove([{ x: 20, y: 20 }]);
    rect.pointerUp();
    expect(at(mask, 15, 15)).toBe(0);
    expect(at(mask, 25, 15)).toBe(255);
  });

  it('the lasso fills the closed loop it drew', () => {
    const mask = new MaskModel(100, 100, nodeCanvas);
    const lasso = createTool('lasso', mask);
    lasso.pointerDown({ x: 10, y: 10 }, brush);
    lasso.pointerMove([
      { x: 90, y: 10 },
      { x: 10, y: 90 },
    ]);
    lasso.pointerUp();
    expect(at(mask, 20, 20)).toBe(255); // inside the triangle
    expect(at(mask, 80, 80)).toBe(0); // beyond its diagonal
    expect(at(mask, 55, 30)).toBe(255);
  });

  it('a lasso of fewer than three points and a zero-size rectangle change nothing', () => {
    const mask = new MaskModel(50, 50, nodeCanvas);
    const lasso = createTool('lasso', mask);
    lasso.pointerDown({ x: 10, y: 10 }, brush);
    lasso.pointerMove([{ x: 20, y: 20 }]);
    lasso.pointerUp();
    const rect = createTool('rectangle', mask);
    rect.pointerDown({ x: 5, y: 5 }, brush);
    rect.pointerUp();
    expect(all(mask).every((a) => a === 0)).toBe(true);
    expect(mask.history.canUndo).toBe(false);
  });
});

describe('invert, clear, image transparency', () => {
  it('invert swaps painted and unpainted, and inverting twice restores every pixel', () => {
    const mask = new MaskModel(80, 60, nodeCanvas);
    stroke(
      mask,
      'brush',
      [
        [10, 10],
        [70, 50],
      ],
      9,
    );
    const before = all(mask);
    mask.invert();
    const inverted = all(mask);
    expect(inverted.every((a, i) => a === 255 - before[i]!)).toBe(true);
    mask.invert();
    expect(all(mask)).toEqual(before);
  });

  it('clear empties the mask and undo brings it back', () => {
    const mask = new MaskModel(300, 300, nodeCanvas);
    stroke(mask, 'brush', [
      [0, 0],
      [299, 299],
    ]);
    const painted = all(mask);
    mask.clear();
    expect(all(mask).every((a) => a === 0)).toBe(true);
    mask.undo();
    expect(all(mask)).toEqual(painted);
  });

  it('"Use image transparency" paints where the image is transparent', () => {
    const image = nodeCanvas(40, 20);
    const ctx = image.getContext('2d') as OffscreenCanvasRenderingContext2D;
    ctx.fillStyle = '#0a0';
    ctx.fillRect(0, 0, 20, 20); // left half opaque, right half transparent
    const mask = new MaskModel(40, 20, nodeCanvas);
    mask.fromImageTransparency(image as unknown as CanvasImageSource);
    expect(at(mask, 5, 5)).toBe(0);
    expect(at(mask, 30, 5)).toBe(255);
  });
});

describe('untouched (the stage skips drawing a mask nothing was written to)', () => {
  it('holds only until the first pixel is written, by any way in', () => {
    const writes: [string, (m: MaskModel) => void][] = [
      [
        'a stroke, before it ends',
        (m) => {
          const t = createTool('brush', m);
          t.pointerDown({ x: 10, y: 10 }, brush);
          t.pointerMove([{ x: 30, y: 10 }]);
        },
      ],
      ['a soft stroke', (m) => m.softStroke([{ x: 10, y: 10 }], 20, 0.1, 'paint')],
      [
        'a journal tile',
        (m) =>
          m.restoreTiles([
            { rect: { x: 0, y: 0, width: 2, height: 2 }, alpha: new Uint8Array(4).fill(255) },
          ]),
      ],
      ['an invert', (m) => m.invert()],
      ['a rectangle', (m) => m.fillRect({ x: 1, y: 1, width: 5, height: 5 }, 'paint')],
    ];
    for (const [how, write] of writes) {
      const mask = new MaskModel(64, 48, nodeCanvas);
      expect(mask.untouched).toBe(true);
      write(mask);
      expect(mask.untouched, how).toBe(false);
    }
  });
});
