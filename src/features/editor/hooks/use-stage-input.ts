/**
 * Wires the stage element to its input state machine (input/stage-input.ts): DOM events in
 * as plain data in stage pixels, preventDefault where the machine says so. Mouse, pen and
 * touch all arrive as pointer events (the stage has touch-action: none).
 */
import { useEffect, type RefObject } from 'react';
import { StageInput, type StagePointer } from '../input/stage-input.ts';
import type { StageOutput } from '../input/stage-output.ts';
import type { MaskModel } from '../mask/mask-model.ts';

/** What the hook needs of the stage component: the drawing side of StageOutput. */
export type StageDrawing = Pick<StageOutput, 'redrawMask' | 'drawOverlay'>;

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) &&
  !(target instanceof HTMLInputElement && target.type === 'range');

export function useStageInput(
  container: RefObject<HTMLDivElement | null>,
  mask: MaskModel | null,
  drawing: StageDrawing,
): void {
  useEffect(() => {
    const el = container.current;
    if (!el || !mask) return;
    let rect = el.getBoundingClientRect();
    const local = (e: { clientX: number; clientY: number }) => ({
      x: e.clientX - rect.left,
      y: e.clientY - rect.top,
    });
    const pointer = (e: PointerEvent): StagePointer => ({
      ...local(e),
      pointerId: e.pointerId,
      pointerType: e.pointerType,
      button: e.button,
      altKey: e.altKey,
      shiftKey: e.shiftKey,
      // Coalesced events carry every sample the hardware reported since the last event.
      samples: () => (e.getCoalescedEvents?.() ?? []).map(local),
    });
    const input = new StageInput(mask, {
      ...drawing,
      setCursor: (cursor) => el.setAttribute('data-cursor', cursor),
      capturePointer: (id) => el.setPointerCapture(id),
    });

    const onPointerDown = (e: PointerEvent) => {
      rect = el.getBoundingClientRect();
      if (input.pointerDown(pointer(e))) e.preventDefault();
    };
    const onPointerMove = (e: PointerEvent) => input.pointerMove(pointer(e));
    const onPointerUp = (e: PointerEvent) => input.pointerUp(e, e.type === 'pointercancel');
    const onLeave = () => input.pointerLeave();
    const onWheel = (e: WheelEvent) => {
      rect = el.getBoundingClientRect();
      const sizesBrush = e.ctrlKey || e.metaKey;
      if (input.wheel({ ...local(e), deltaY: e.deltaY, sizesBrush })) e.preventDefault();
    };
    const onSpace = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || isEditable(e.target)) return;
      // Space pans; it must not also press a focused button or scroll the page.
      if (input.spaceKey(e.type === 'keydown', document.activeElement === el)) e.preventDefault();
    };
    const onPenKey = (e: KeyboardEvent) => {
      if (input.penKey(e)) e.preventDefault();
    };
    const onFocus = () => input.focus(el.matches(':focus-visible'));
    const onBlur = () => input.blur();
    const onContextMenu = (e: Event) => e.preventDefault();

    // One signal removes every listener when the stage goes away.
    const listening = new AbortController();
    const on = { signal: listening.signal };
    el.addEventListener('pointerdown', onPointerDown, on);
    el.addEventListener('pointermove', onPointerMove, on);
    el.addEventListener('pointerup', onPointerUp, on);
    el.addEventListener('pointercancel', onPointerUp, on);
    el.addEventListener('pointerleave', onLeave, on);
    el.addEventListener('wheel', onWheel, { ...on, passive: false });
    el.addEventListener('contextmenu', onContextMenu, on);
    el.addEventListener('keydown', onPenKey, on);
    el.addEventListener('focus', onFocus, on);
    el.addEventListener('blur', onBlur, on);
    window.addEventListener('keydown', onSpace, on);
    window.addEventListener('keyup', onSpace, on);
    return () => {
      input.dispose();
      listening.abort();
    };
  }, [container, mask, drawing]);
}
