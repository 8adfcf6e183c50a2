/**
 * Pointer, wheel and gesture input on the stage, outside React state: samples are held in
 * a PointerBatcher and handed to the current tool once per animation frame; view changes
 * (pan, pinch) are applied once per frame too. Mouse, pen and touch all arrive as pointer
 * events (the stage has touch-action: none).
 *
 * - primary button / pen / one finger: the current tool
 * - middle button, or Space + drag: pan
 * - two fingers: pinch to zoom and pan (cancels a stroke the first finger started)
 * - wheel: zoom about the cursor; Ctrl + wheel: brush size
 */
import { useEffect, type RefObject } from 'react';
import type { MaskModel, Point } from '../mask/mask-model.ts';
import { createTool, type MaskTool, type ToolPreview } from '../tools/mask-tool.ts';
import { PointerBatcher } from '../tools/pointer-batcher.ts';
import { stepBrushSize } from '../commands/brush-size.ts';
import { useStageViewStore } from '../stores/stage-view-store.ts';
import { useToolStore } from '../stores/tool-store.ts';
import {
  panBy,
  pinch,
  screenToImage,
  wheelZoomFactor,
  zoomAt,
  type ViewTransform,
} from '../view/view-transform.ts';

export interface StageOutput {
  /** Repaint the mask layer (the paint canvas changed). */
  redrawMask: () => void;
  /** Move the brush ring (image coordinates, null = hidden) and draw the tool's preview. */
  drawOverlay: (cursor: Point | null, preview: ToolPreview | null) => void;
}

type Gesture =
  | { kind: 'none' }
  | { kind: 'tool'; pointerId: number }
  | { kind: 'pan'; pointerId: number; last: Point }
  | { kind: 'pinch'; pair: [Point, Point] };

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) &&
  !(target instanceof HTMLInputElement && target.type === 'range');

export function useStageInput(
  container: RefObject<HTMLDivElement | null>,
  mask: MaskModel | null,
  output: StageOutput,
): void {
  useEffect(() => {
    const el = container.current;
    if (!el || !mask) return;
    const view = () => useStageViewStore.getState().view;
    let tool: MaskTool = createTool(useToolStore.getState().tool, mask);
    let gesture: Gesture = { kind: 'none' };
    let spaceHeld = false;
    let hover: Point | null = null;
    let rect = el.getBoundingClientRect();
    const touches = new Map<number, Point>();

    const local = (e: { clientX: number; clientY: number }): Point => ({
      x: e.clientX - rect.left,
      y: e.clientY - rect.top,
    });
    const showsRing = () => ['brush', 'eraser'].includes(tool.id) && gesture.kind !== 'pan';
    const overlay = () => output.drawOverlay(showsRing() ? hover : null, tool.preview());

    const batcher = new PointerBatcher<Point>((samples) => {
      tool.pointerMove(samples);
      output.redrawMask();
      overlay();
    });

    // View changes from pan and pinch, applied at most once per frame.
    let nextView: ViewTransform | null = null;
    let viewFrame = 0;
    const queueView = (v: ViewTransform) => {
      nextView = v;
      viewFrame ||= requestAnimationFrame(() => {
        viewFrame = 0;
        if (nextView) useStageViewStore.getState().setView(nextView);
        nextView = null;
      });
    };
    const currentView = () => nextView ?? view();

    const setCursor = () => {
      el.setAttribute(
        'data-cursor',
        gesture.kind === 'pan'
          ? 'grabbing'
          : spaceHeld
            ? 'grab'
            : showsRing()
              ? 'none'
              : 'crosshair',
      );
    };

    const endTool = (cancelled: boolean) => {
      if (cancelled) {
        batcher.discard();
        tool.cancel();
      } else {
        batcher.flush();
        tool.pointerUp();
      }
      output.redrawMask();
      overlay();
    };

    const onPointerDown = (e: PointerEvent) => {
      rect = el.getBoundingClientRect();
      const p = local(e);
      if (e.pointerType === 'touch') {
        touches.set(e.pointerId, p);
        if (touches.size === 2) {
          if (gesture.kind === 'tool') endTool(true);
          const [a, b] = [...touches.values()] as [Point, Point];
          gesture = { kind: 'pinch', pair: [a, b] };
          return;
        }
        if (touches.size > 2) return;
      }
      if (gesture.kind !== 'none') return;
      el.setPointerCapture(e.pointerId);
      if (e.button === 1 || (spaceHeld && e.button === 0)) {
        e.preventDefault();
        gesture = { kind: 'pan', pointerId: e.pointerId, last: p };
      } else if (e.button === 0) {
        gesture = { kind: 'tool', pointerId: e.pointerId };
        const { brushSize } = useToolStore.getState();
        tool.pointerDown(screenToImage(view(), p), { brushSize, subtract: e.altKey });
        output.redrawMask();
      }
      setCursor();
      overlay();
    };

    const onPointerMove = (e: PointerEvent) => {
      const p = local(e);
      if (e.pointerType === 'touch' && touches.has(e.pointerId)) {
        touches.set(e.pointerId, p);
        if (gesture.kind === 'pinch' && touches.size >= 2) {
          const [a, b] = [...touches.values()] as [Point, Point];
          queueView(pinch(currentView(), gesture.pair, [a, b]));
          gesture.pair = [a, b];
          return;
        }
      }
      if (gesture.kind === 'pan' && gesture.pointerId === e.pointerId) {
        queueView(panBy(currentView(), p.x - gesture.last.x, p.y - gesture.last.y));
        gesture.last = p;
        return;
      }
      const v = view();
      hover = screenToImage(v, p);
      if (gesture.kind === 'tool' && gesture.pointerId === e.pointerId) {
        // Coalesced events carry every sample the hardware reported since the last event.
        const events = e.getCoalescedEvents?.() ?? [];
        batcher.push(...(events.length ? events : [e]).map((c) => screenToImage(v, local(c))));
      } else {
        overlay();
      }
    };

    const onPointerUp = (e: PointerEvent) => {
      touches.delete(e.pointerId);
      if (gesture.kind === 'pinch') {
        if (touches.size === 0) gesture = { kind: 'none' };
        return;
      }
      if ('pointerId' in gesture && gesture.pointerId !== e.pointerId) return;
      if (gesture.kind === 'tool') endTool(e.type === 'pointercancel');
      gesture = { kind: 'none' };
      setCursor();
    };

    const onLeave = () => {
      hover = null;
      overlay();
    };

    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      rect = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) {
        const { brushSize, setBrushSize } = useToolStore.getState();
        if (e.deltaY !== 0) setBrushSize(stepBrushSize(brushSize, e.deltaY < 0 ? 1 : -1));
        overlay();
        return;
      }
      const v = currentView();
      queueView(zoomAt(v, local(e), v.scale * wheelZoomFactor(e.deltaY)));
    };

    const onKey = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || isEditable(e.target)) return;
      if (e.type === 'keydown') {
        // Only over the stage (or with it focused): elsewhere Space presses buttons as usual.
        if (hover === null && document.activeElement !== el) return;
        // Space pans; it must not also press a focused button or scroll the page.
        e.preventDefault();
        spaceHeld = true;
      } else spaceHeld = false;
      setCursor();
    };

    const onContextMenu = (e: Event) => e.preventDefault();

    const unsubscribeTool = useToolStore.subscribe((s, prev) => {
      if (s.tool !== prev.tool) {
        if (gesture.kind === 'tool') endTool(false);
        gesture = gesture.kind === 'tool' ? { kind: 'none' } : gesture;
        tool = createTool(s.tool, mask);
        setCursor();
      }
      if (s.brushSize !== prev.brushSize || s.tool !== prev.tool) overlay();
    });
    const unsubscribeView = useStageViewStore.subscribe((s, prev) => {
      if (s.view !== prev.view) overlay();
    });

    el.addEventListener('pointerdown', onPointerDown);
    el.addEventListener('pointermove', onPointerMove);
    el.addEventListener('pointerup', onPointerUp);
    el.addEventListener('pointercancel', onPointerUp);
    el.addEventListener('pointerleave', onLeave);
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('contextmenu', onContextMenu);
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKey);
    setCursor();

    return () => {
      if (gesture.kind === 'tool') endTool(false);
      batcher.discard();
      cancelAnimationFrame(viewFrame);
      unsubscribeTool();
      unsubscribeView();
      el.removeEventListener('pointerdown', onPointerDown);
      el.removeEventListener('pointermove', onPointerMove);
      el.removeEventListener('pointerup', onPointerUp);
      el.removeEventListener('pointercancel', onPointerUp);
      el.removeEventListener('pointerleave', onLeave);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('contextmenu', onContextMenu);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKey);
    };
  }, [container, mask, output]);
}
