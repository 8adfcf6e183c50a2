/**
 * The view: how image pixels map onto the stage. screen = image * scale + offset, in CSS
 * pixels relative to the stage's top-left corner. Only the stage reads it; the mask, the
 * tools' output and the export live in image pixels and never see it.
 */
import type { Point } from '../mask/mask-model.ts';

export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 32;
/** Multiplier per zoom step (buttons, one wheel notch). */
export const ZOOM_STEP = 1.25;

export const IDENTITY_VIEW: ViewTransform = { scale: 1, x: 0, y: 0 };

export function screenToImage(view: ViewTransform, p: Point): Point {
  return { x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale };
}

export function imageToScreen(view: ViewTransform, p: Point): Point {
  return { x: p.x * view.scale + view.x, y: p.y * view.scale + view.y };
}

export function clampZoom(scale: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, scale));
}

/** Zooms to `scale` keeping the image point under `anchor` (a screen point) where it is. */
export function zoomAt(view: ViewTransform, anchor: Point, scale: number): ViewTransform {
  const next = clampZoom(scale);
  const under = screenToImage(view, anchor);
  return { scale: next, x: anchor.x - under.x * next, y: anchor.y - under.y * next };
}

/** One wheel event's zoom: deltaY < 0 zooms in; a trackpad's small deltas zoom a little. */
export function wheelZoomFactor(deltaY: number): number {
  return Math.exp(-Math.max(-100, Math.min(100, deltaY)) * (Math.log(ZOOM_STEP) / 100));
}

export function panBy(view: ViewTransform, dx: number, dy: number): ViewTransform {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** The whole image, centred, with `margin` CSS pixels around it. */
export function fitToScreen(image: Size, viewport: Size, margin = 24): ViewTransform {
  const availableW = Math.max(1, viewport.width - 2 * margin);
  const availableH = Math.max(1, viewport.height - 2 * margin);
  const scale = clampZoom(Math.min(availableW / image.width, availableH / image.height));
  return {
    scale,
    x: (viewport.width - image.width * scale) / 2,
    y: (viewport.height - image.height * scale) / 2,
  };
}

/** Two-finger gesture: the new view from the old pair of touch points to the new pair. */
export function pinch(
  view: ViewTransform,
  from: [Point, Point],
  to: [Point, Point],
): ViewTransform {
  const mid = (a: Point, b: Point) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y) || 1;
  const zoomed = zoomAt(view, mid(...from), (view.scale * dist(...to)) / dist(...from));
  const m0 = mid(...from);
  const m1 = mid(...to);
  return panBy(zoomed, m1.x - m0.x, m1.y - m0.y);
}
