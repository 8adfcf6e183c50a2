import { useCallback, useEffect, useRef, useState } from 'react';
import {
  centred,
  clampView,
  compose,
  fitView,
  panBy,
  stepScale,
  zoomAt,
  type Point,
  type Size,
  type View,
} from './view-math.ts';

export interface ZoomControls {
  /** The current zoom (1 = 100%) and the zoom at which the picture fits. */
  scale: number;
  fitScale: number;
  /** Whether the view follows the stage's size (the picture always fits). */
  fitted: boolean;
  zoomIn: () => void;
  zoomOut: () => void;
  fit: () => void;
  /** 100%: one image pixel per CSS pixel, centred on the stage's middle. */
  actualSize: () => void;
  pan: (dx: number, dy: number) => void;
}

interface Options {
  /** The box every layer is drawn in (a picture's size, or the frame two share). */
  image: Size;
  /** Side by side: the stage holds two panes of this gap, each showing the same view. */
  panes: 1 | 2;
  gap: number;
}

/** Wheel notches: one notch (100 px of deltaY) zooms by this factor. */
const WHEEL_ZOOM = 1.0025;

/** A picture that is the whole frame. */
const WHOLE: View = { scale: 1, x: 0, y: 0 };

function place(layer: HTMLElement, view: View, placement: View) {
  const v = compose(view, placement);
  layer.style.transform = `translate(${v.x}px, ${v.y}px) scale(${v.scale})`;
}

/**
 * Zoom and pan for the viewer's stage: wheel and pinch zoom about the pointer, drag pans,
 * double-click toggles fit ↔ 100%. The view lives in a ref and is written straight to the
 * layers' transforms (pointer moves never re-render React); only the zoom readout is state.
 */
export function useZoomPan({ image, panes, gap }: Options) {
  // State, not a ref: the input listeners and the size observer follow the element.
  const [stage, setStage] = useState<HTMLDivElement | null>(null);
  // Each layer with where its picture sits inside the frame (letterboxed at its own shape).
  const layers = useRef(new Map<HTMLElement, View>());
  const view = useRef<View>({ scale: 1, x: 0, y: 0 });
  const fitted = useRef(true);
  const [readout, setReadout] = useState({ scale: 1, fitScale: 1, fitted: true });

  // Side by side on a stage taller than wide (a phone held upright), the panes are stacked,
  // A above B: side by side they would be two thin columns, each picture a strip.
  const stacked = useCallback(
    () => panes === 2 && !!stage && stage.clientHeight > stage.clientWidth,
    [stage, panes],
  );
  const paneSize = useCallback((): Size => {
    const el = stage;
    if (!el) return { width: 1, height: 1 };
    const split = (length: number) => (panes === 2 ? (length - gap) / 2 : length);
    const [width, height] = stacked()
      ? [el.clientWidth, split(el.clientHeight)]
      : [split(el.clientWidth), el.clientHeight];
    return { width: Math.max(1, width), height: Math.max(1, height) };
  }, [stage, panes, gap, stacked]);

  const apply = useCallback(
    (next: View, asFit = false) => {
      const box = paneSize();
      const v = asFit ? next : clampView(next, image, box);
      view.current = v;
      fitted.current = asFit;
      for (const [layer, placement] of layers.current) place(layer, v, placement);
      // Past 200% a designer is looking at pixels: show them square, not smoothed.
      stage?.toggleAttribute('data-pixels', v.scale >= 2);
      stage?.toggleAttribute('data-stacked', stacked());
      const fitScale = fitView(image, box).scale;
      setReadout((r) =>
        r.scale === v.scale && r.fitScale === fitScale && r.fitted === asFit
          ? r
          : { scale: v.scale, fitScale, fitted: asFit },
      );
    },
    [image, paneSize, stage, stacked],
  );

  const fit = useCallback(() => apply(fitView(image, paneSize()), true), [apply, image, paneSize]);
  const middle = useCallback((): Point => {
    const box = paneSize();
    return { x: box.width / 2, y: box.height / 2 };
  }, [paneSize]);
  const zoomTo = useCallback(
    (scale: number, anchor = middle()) => apply(zoomAt(view.current, scale, anchor)),
    [apply, middle],
  );

  // A new picture size or pane layout starts fitted; then the stage's size changes refit a
  // fitted picture and keep a zoomed one in bounds. The observer's first call does the fit.
  const layout = `${image.width}x${image.height}:${panes}`;
  const fittedLayout = useRef('');
  useEffect(() => {
    const el = stage;
    if (!el) return;
    if (fittedLayout.current !== layout) fitted.current = true;
    fittedLayout.current = layout;
    const observer = new ResizeObserver(() => (fitted.current ? fit() : apply(view.current)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [stage, fit, apply, layout]);

  // Pointer and wheel input, attached natively: the wheel must be cancelable (React's is passive).
  useEffect(() => {
    const el = stage;
    if (!el) return;
    const pointers = new Map<number, Point>();
    let pinch: { distance: number; scale: number } | null = null;

    const local = (e: { clientX: number; clientY: number }): Point => {
      const rect = el.getBoundingClientRect();
      let x = e.clientX - rect.left;
      let y = e.clientY - rect.top;
      // In the second pane: the point in its own box, as the first pane's.
      const { width, height } = paneSize();
      if (stacked() && y > height + gap / 2) y -= height + gap;
      else if (panes === 2 && !stacked() && x > width + gap / 2) x -= width + gap;
      return { x, y };
    };
    const spread = () => {
      const [a, b] = [...pointers.values()] as [Point, Point];
      return {
        distance: Math.hypot(a.x - b.x, a.y - b.y),
        centre: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
      };
    };

    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const lines = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      const factor = WHEEL_ZOOM ** (-e.deltaY * lines);
      apply(zoomAt(view.current, view.current.scale * factor, local(e)));
    };
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0 && e.pointerType === 'mouse') return;
      // A control on the picture (the compare divider) takes its own drags.
      if (e.target instanceof Element && e.target.closest('[data-own-drag]')) return;
      el.setPointerCapture(e.pointerId);
      pointers.set(e.pointerId, local(e));
      if (pointers.size === 2) pinch = { distance: spread().distance, scale: view.current.scale };
      el.toggleAttribute('data-panning', true);
    };
    const onMove = (e: PointerEvent) => {
      const last = pointers.get(e.pointerId);
      if (!last) return;
      const point = local(e);
      if (pointers.size === 2 && pinch) {
        const before = spread().centre;
        pointers.set(e.pointerId, point);
        const { distance, centre } = spread();
        const zoomed = zoomAt(view.current, (pinch.scale * distance) / pinch.distance, centre);
        apply(panBy(zoomed, centre.x - before.x, centre.y - before.y));
        return;
      }
      pointers.set(e.pointerId, point);
      apply(panBy(view.current, point.x - last.x, point.y - last.y));
    };
    const onUp = (e: PointerEvent) => {
      pointers.delete(e.pointerId);
      if (pointers.size < 2) pinch = null;
      if (pointers.size === 0) el.toggleAttribute('data-panning', false);
    };
    const onDoubleClick = (e: MouseEvent) => {
      if (view.current.scale === 1) fit();
      else apply(zoomAt(view.current, 1, local(e)));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    el.addEventListener('dblclick', onDoubleClick);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
      el.removeEventListener('dblclick', onDoubleClick);
    };
  }, [stage, apply, fit, paneSize, panes, gap, stacked]);

  // A ref callback with a cleanup (React 19): a layer is transformed for as long as it is shown.
  const registerLayer = useCallback((layer: HTMLElement | null, placement: View = WHOLE) => {
    if (!layer) return;
    const shown = layers.current;
    shown.set(layer, placement);
    place(layer, view.current, placement);
    return () => void shown.delete(layer);
  }, []);

  const controls: ZoomControls = {
    ...readout,
    zoomIn: () => zoomTo(stepScale(view.current.scale, readout.fitScale, 1)),
    zoomOut: () => zoomTo(stepScale(view.current.scale, readout.fitScale, -1)),
    fit,
    // 100% about the middle of what is shown, so the detail in view stays in view.
    actualSize: () => (fitted.current ? apply(centred(image, paneSize(), 1)) : zoomTo(1)),
    pan: (dx, dy) => apply(panBy(view.current, dx, dy)),
  };
  return { stageRef: setStage, registerLayer, controls };
}
