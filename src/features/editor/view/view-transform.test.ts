import { describe, expect, it } from 'vitest';
import {
  fitToScreen,
  imageToScreen,
  MAX_ZOOM,
  pinch,
  screenToImage,
  wheelZoomFactor,
  zoomAt,
} from './view-transform.ts';

describe('view transform', () => {
  it('screen and image coordinates round-trip', () => {
    const view = { scale: 0.40234375, x: 37.5, y: -12 };
    const p = { x: 517.25, y: 88.5 };
    const back = imageToScreen(view, screenToImage(view, p));
    expect(back.x).toBeCloseTo(p.x, 9);
    expect(back.y).toBeCloseTo(p.y, 9);
  });

  it('zooming keeps the image point under the cursor in place', () => {
    const view = { scale: 0.5, x: 10, y: 20 };
    const cursor = { x: 300, y: 200 };
    const before = screenToImage(view, cursor);
    const zoomed = zoomAt(view, cursor, 3);
    const after = screenToImage(zoomed, cursor);
    expect(after.x).toBeCloseTo(before.x, 9);
    expect(after.y).toBeCloseTo(before.y, 9);
    expect(zoomAt(view, cursor, 1000).scale).toBe(MAX_ZOOM);
  });

  it('fit to screen centres the whole image inside the margin', () => {
    const view = fitToScreen({ width: 1024, height: 512 }, { width: 800, height: 600 }, 20);
    expect(view.scale).toBeCloseTo(760 / 1024, 9);
    const topLeft = imageToScreen(view, { x: 0, y: 0 });
    const bottomRight = imageToScreen(view, { x: 1024, y: 512 });
    expect(topLeft.x).toBeCloseTo(20, 9);
    expect(bottomRight.x).toBeCloseTo(780, 9);
    expect(topLeft.y + bottomRight.y).toBeCloseTo(600, 9);
  });

  it('wheel up zooms in, wheel down zooms out, symmetrically', () => {
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100) * wheelZoomFactor(-100)).toBeCloseTo(1, 9);
  });

  it('a pinch that spreads the fingers zooms in about their midpoint and follows them', () => {
    const view = { scale: 1, x: 0, y: 0 };
    const next = pinch(
      view,
      [
        { x: 100, y: 100 },
        { x: 200, y: 100 },
      ],
      [
        { x: 60, y: 110 },
        { x: 260, y: 110 },
      ],
    );
    expect(next.scale).toBeCloseTo(2, 9);
    // The image point between the fingers (150, 100) is now between them again (160, 110).
    const mid = imageToScreen(next, { x: 150, y: 100 });
    expect(mid.x).toBeCloseTo(160, 9);
    expect(mid.y).toBeCloseTo(110, 9);
  });
});
