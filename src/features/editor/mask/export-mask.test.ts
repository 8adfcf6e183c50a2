import { describe, expect, it } from 'vitest';
import { exportMask, forceBinaryAlpha, KEPT_ALPHA_THRESHOLD } from './export-mask.ts';
import { MaskModel } from './mask-model.ts';
import { createTool } from '../tools/create-tool.ts';
import { screenToImage, type ViewTransform } from '../view/view-transform.ts';
import {
  alphaAt,
  decodePng,
  nodeCanvas,
  nodeExportDeps,
} from '../testing/node-canvas.test-support.ts';

const exportAndDecode = async (mask: MaskModel) => {
  const exported = await exportMask(mask, nodeExportDeps);
  return { exported, image: await decodePng(exported.png) };
};

describe('exportMask', () => {
  it('mask size: a 1024 image shown at 412 px still exports exactly 1024x1024', async () => {
    const mask = new MaskModel(1024, 1024, nodeCanvas);
    // The stage shows the image 412 px wide: a scale (0.40234375) whose products truncate.
    const view: ViewTransform = { scale: 412 / 1024, x: 37.5, y: 11.25 };
    const brush = createTool('brush', mask);
    const screen = [
      { x: 37.5 + 100, y: 11.25 + 200 },
      { x: 37.5 + 150, y: 11.25 + 200 },
      { x: 37.5 + 200, y: 11.25 + 200 },
    ];
    const [first, ...rest] = screen.map((p) => screenToImage(view, p));
    brush.pointerDown(first!, { brushSize: 40, subtract: false });
    brush.pointerMove(rest);
    brush.pointerUp();

    const { exported, image } = await exportAndDecode(mask);
    expect([exported.width, exported.height]).toEqual([1024, 1024]);
    expect([image.width, image.height]).toEqual([1024, 1024]);
    // Screen x 100..200 at that scale is image x 248.5..497; y 200 is image 497.1.
    const y = 200 / (412 / 1024);
    expect(alphaAt(image, 260, y)).toBe(0);
    expect(alphaAt(image, 400, y)).toBe(0);
    expect(alphaAt(image, 400, y + 15)).toBe(0);
    expect(alphaAt(image, 400, y + 25)).toBe(255);
    expect(alphaAt(image, 200, y)).toBe(255);
    expect(alphaAt(image, 560, y)).toBe(255);
  });

  it('keeps a non-square image size and sends an RGBA PNG', async () => {
    const mask = new MaskModel(301, 157, nodeCanvas);
    mask.fillRect({ x: 10, y: 10, width: 20, height: 20 }, 'paint');
    const { exported, image } = await exportAndDecode(mask);
    expect(exported.png.type).toBe('image/png');
    expect([image.width, image.height, image.channels]).toEqual([301, 157, 4]);
    expect(exported.paintedPixels).toBe(400);
  });

  it('alpha threshold: every alpha is 0 or 255, and a pixel is painted when at least half covered', async () => {
    const mask = new MaskModel(64, 64, nodeCanvas);
    // Pixel column 10 is 75% covered, column 30 only 25%: anti-aliasing makes partial alpha.
    mask.fillRect({ x: 10.25, y: 0, width: 20, height: 64 }, 'paint');
    mask.dot({ x: 48, y: 40 }, 11.3, 'paint');
    const { image, exported } = await exportAndDecode(mask);
    const alphas = new Set<number>();
    for (let i = 3; i < image.data.length; i += 4) alphas.add(image.data[i]!);
    expect([...alphas].sort((a, b) => a - b)).toEqual([0, 255]);
    expect(alphaAt(image, 9, 5)).toBe(255);
    expect(alphaAt(image, 10, 5)).toBe(0);
    expect(alphaAt(image, 29, 5)).toBe(0);
    expect(alphaAt(image, 30, 5)).toBe(255);
    expect(exported.paintedPixels).toBe(countZero(image.data));
  });

  it('an empty mask is all opaque (nothing to edit)', async () => {
    const { image, exported } = await exportAndDecode(new MaskModel(40, 30, nodeCanvas));
    expect(exported.paintedPixels).toBe(0);
    expect(countZero(image.data)).toBe(0);
  });

  it('forceBinaryAlpha cuts at KEPT_ALPHA_THRESHOLD and blanks the colour', () => {
    const data = new Uint8ClampedArray([
      9,
      9,
      9,
      KEPT_ALPHA_THRESHOLD - 1,
      9,
      9,
      9,
      KEPT_ALPHA_THRESHOLD,
      9,
      9,
      9,
      255,
      9,
      9,
      9,
      0,
    ]);
    expect(forceBinaryAlpha(data)).toBe(2);
    expect([...data]).toEqual([0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 0]);
  });
});

function countZero(data: Uint8ClampedArray): number {
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] === 0) n++;
  return n;
}

describe('a mask that goes round trip (sent, then loaded back for the next edit)', () => {
  it('exports the same pixels after being loaded back from the PNG it produced', async () => {
    const { Image } = await import('@napi-rs/canvas');
    const first = new MaskModel(200, 120, nodeCanvas);
    first.dot({ x: 50, y: 60 }, 31, 'paint');
    first.fillRect({ x: 120, y: 10, width: 60, height: 90 }, 'paint');
    const sent = await exportMask(first, nodeExportDeps);

    const png = new Image();
    png.src = Buffer.from(await sent.png.arrayBuffer());
    const next = new MaskModel(200, 120, nodeCanvas);
    next.loadApiMask(png as unknown as CanvasImageSource);
    const again = await exportMask(next, nodeExportDeps);

    const a = await decodePng(sent.png);
    const b = await decodePng(again.png);
    expect(again.paintedPixels).toBe(sent.paintedPixels);
    expect(Buffer.compare(Buffer.from(a.data), Buffer.from(b.data))).toBe(0);
    expect(next.history.canUndo).toBe(false);
  });
});
