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
 * - with the stage focused, the keyboard pen (tools/keyboard-pen.ts): arrows move a
 *   crosshair, Enter puts the tool down and lifts it, Escape cancels
 */
import { useEffect, type RefObject } from 'react';
import type { MaskModel, Point } from '../mask/mask-model.ts';
import { createTool } from '../tools/create-tool.ts';
import type { MaskTool, ToolPreview } from '../tools/mask-tool.ts';
import { PointerBatcher } from '../tools/pointer-batcher.ts';
import { keepPenInView, movePen, penIntentFor, penStart } from '../tools/keyboard-pen.ts';
import { useKeyboardPenStore } from '../stores/keyboard-pen-store.ts';
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

/** The pointer gestures above, as the keyboard shortcuts panel lists them. */
export const STAGE_GESTURES = [
  { keys: 'Space+drag', label: 'Pan (or drag with the middle button)' },
  { keys: 'Wheel', label: 'Zoom about the pointer (pinch on a touch screen)' },
  { keys: 'Ctrl+wheel', label: 'Brush size' },
  { keys: 'Alt+drag', label: 'Rectangle or lasso that clears instead of fills' },
] as const;

export interface StageOutput {
  /** Repaint the mask layer (the paint canvas changed). */
  redrawMask: () => void;
  /**
   * Move the brush ring (image coordinates, null = hidden), draw the tool's preview, and the
   * keyboard pen's crosshair (null = the keyboard is not driving).
   */
  drawOverlay: (cursor: Point | null, preview: ToolPreview | null, pen: Point | null) => void;
}

type Gesture =
  | { kind: 'none' }
  | { kind: 'tool'; pointerId: number }
  | { kind: 'pan'; pointerId: number; last: Point }
  | { kind: 'pinch'; pair: [Point, Point] }
  /** The keyboard pen has the tool down (Enter … Enter). */
  | { kind: 'keys' };

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) &&
  !(target instanceof HTMLInputElement && target.type === 'range');

const TOOL_NAMES: Record<MaskTool['id'], string> = {
  brush: 'Brush stroke',
  eraser: 'Eraser stroke',
  rectangle: 'Rectangle',
  lasso: 'Lasso',
};

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
    const pen = useKeyboardPenStore;
    pen.setState({ active: false, cursor: null, down: false });

    const local = (e: { clientX: number; clientY: number }): Point => ({
      x: e.clientX - rect.left,
      y: e.clientY - rect.top,
    });
    const showsRing = () => ['brush', 'eraser'].includes(tool.id) && gesture.kind !== 'pan';
    const overlay = () => {
      const { active, cursor } = pen.getState();
      output.drawOverlay(showsRing() ? hover : null, tool.preview(), active ? cursor : null);
    };

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
      // The pointer takes over from the keyboard pen (unless the pen has the tool down).
      if (pen.getState().active && gesture.kind !== 'keys') pen.setState({ active: false });
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

    const announce = (text: string) => useToolStore.getState().announce(text);
    const onPenKey = (e: KeyboardEvent) => {
      const intent = penIntentFor(e);
      if (!intent || (gesture.kind !== 'none' && gesture.kind !== 'keys')) return;
      if (intent.action === 'cancel' && gesture.kind !== 'keys') return; // Escape as usual
      e.preventDefault();
      const image = { width: mask.width, height: mask.height };
      const state = pen.getState();
      let cursor = state.cursor ?? penStart(image);
      const at = () => `${Math.round(cursor.x)}, ${Math.round(cursor.y)}`;
      if (intent.action === 'move') {
        cursor = movePen(cursor, intent, view().scale, image);
        if (gesture.kind === 'keys') {
          tool.pointerMove([cursor]);
          output.redrawMask();
        }
        const { view: current, viewport } = useStageViewStore.getState();
        const kept = keepPenInView(current, viewport, cursor);
        if (kept !== current) useStageViewStore.getState().setView(kept);
      } else if (intent.action === 'toggle' && gesture.kind === 'keys') {
        tool.pointerUp();
        gesture = { kind: 'none' };
        announce(`${TOOL_NAMES[tool.id]} finished at ${at()}`);
      } else if (intent.action === 'toggle') {
        const { brushSize } = useToolStore.getState();
        tool.pointerDown(cursor, { brushSize, subtract: intent.subtract });
        gesture = { kind: 'keys' };
        announce(
          `${TOOL_NAMES[tool.id]} started at ${at()}: move with the arrow keys, Enter to finish`,
        );
      } else {
        tool.cancel();
        gesture = { kind: 'none' };
        announce(`${TOOL_NAMES[tool.id]} cancelled`);
      }
      output.redrawMask();
      hover = null;
      pen.setState({ active: true, cursor, down: gesture.kind === 'keys' });
      setCursor();
      overlay();
    };
    // Focus from the keyboard shows the crosshair and the hint; a click does not.
    const onFocus = () => {
      if (el.matches(':focus-visible')) pen.setState({ active: true });
    };
    const onBlur = () => {
      if (gesture.kind === 'keys') {
        // Leaving mid-way keeps a painted stroke; a shape not yet placed is dropped.
        if (tool.id === 'rectangle' || tool.id === 'lasso') tool.cancel();
        else tool.pointerUp();
        gesture = { kind: 'none' };
        output.redrawMask();
      }
      pen.setState({ active: false, down: false });
      overlay();
    };

    const onContextMenu = (e: Event) => e.preventDefault();

    const unsubscribeTool = useToolStore.subscribe((s, prev) => {
      if (s.tool !== prev.tool) {
        if (gesture.kind === 'tool' || gesture.kind === 'keys') endTool(false);
        gesture = gesture.kind === 'tool' || gesture.kind === 'keys' ? { kind: 'none' } : gesture;
        if (pen.getState().down) pen.setState({ down: false });
        tool = createTool(s.tool, mask);
        setCursor();
      }
      if (s.brushSize !== prev.brushSize || s.tool !== prev.tool) overlay();
    });
    const unsubscribeView = useStageViewStore.subscribe((s, prev) => {
      if (s.view !== prev.view) overlay();
    });
    // Switched on from outside ("Paint with the keyboard"): put the crosshair on the image.
    const unsubscribePen = pen.subscribe((s, prev) => {
      if (s.active && !s.cursor) pen.setState({ cursor: penStart(mask) });
      else if (s.active !== prev.active || s.cursor !== prev.cursor) overlay();
    });

    el.addEventListener('pointerdown', onPointerDown);
    el.addEventListener('pointermove', onPointerMove);
    el.addEventListener('pointerup', onPointerUp);
    el.addEventListener('pointercancel', onPointerUp);
    el.addEventListener('pointerleave', onLeave);
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('contextmenu', onContextMenu);
    el.addEventListener('keydown', onPenKey);
    el.addEventListener('focus', onFocus);
    el.addEventListener('blur', onBlur);
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKey);
    setCursor();

    return () => {
      if (gesture.kind === 'tool' || gesture.kind === 'keys') endTool(false);
      batcher.discard();
      cancelAnimationFrame(viewFrame);
      unsubscribeTool();
      unsubscribeView();
      unsubscribePen();
      el.removeEventListener('pointerdown', onPointerDown);
      el.removeEventListener('pointermove', onPointerMove);
      el.removeEventListener('pointerup', onPointerUp);
      el.removeEventListener('pointercancel', onPointerUp);
      el.removeEventListener('pointerleave', onLeave);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('contextmenu', onContextMenu);
      el.removeEventListener('keydown', onPenKey);
      el.removeEventListener('focus', onFocus);
      el.removeEventListener('blur', onBlur);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKey);
    };
  }, [container, mask, output]);
}
