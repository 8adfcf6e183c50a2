import type { KeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';
import './compare-divider.css';

/**
 * The before/after divider of a compare: a line across the picture with a round handle,
 * a slider for assistive technology and the keyboard (arrows, Shift for big steps, Home/End).
 * `value` is the divider's place in percent of the surface's width, from its left edge.
 */
interface CompareDividerProps {
  value: number;
  onChange: (value: number) => void;
  label: string;
  /** What each side shows, for the slider's spoken value. */
  valueText: (value: number) => string;
}

export function CompareDivider({ value, onChange, label, valueText }: CompareDividerProps) {
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 10 : 1;
    const next =
      e.key === 'ArrowLeft' || e.key === 'ArrowDown'
        ? value - step
        : e.key === 'ArrowRight' || e.key === 'ArrowUp'
          ? value + step
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? 100
              : null;
    if (next === null) return;
    e.preventDefault();
    // Stop the viewer from also reading the arrow as "next image".
    e.stopPropagation();
    onChange(Math.min(100, Math.max(0, next)));
  };
  return (
    <div
      className="compare-divider"
      style={{ left: `${value}%` }}
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(value)}
      aria-valuetext={valueText(value)}
      aria-orientation="horizontal"
      // A zoomable picture under the divider leaves this drag to it.
      data-own-drag=""
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        const surface = e.currentTarget.parentElement;
        // The handle drags the divider, never the picture under it.
        e.stopPropagation();
        if (surface) followPointer(e, surface, onChange);
      }}
    >
      <span className="compare-divider__handle" aria-hidden="true" />
    </div>
  );
}

/**
 * Moves a divider with a pointer until it is released: the divider jumps to where the
 * pointer went down on `surface` and follows it. Used by the handle, and by a compare whose
 * whole picture is the place to drag.
 */
export function followPointer(
  down: ReactPointerEvent,
  surface: HTMLElement,
  onChange: (value: number) => void,
) {
  if (down.pointerType === 'mouse' && down.button !== 0) return;
  down.preventDefault();
  const at = (clientX: number) => {
    const rect = surface.getBoundingClientRect();
    onChange(Math.min(100, Math.max(0, ((clientX - rect.left) / rect.width) * 100)));
  };
  at(down.clientX);
  const target = down.currentTarget as HTMLElement;
  target.setPointerCapture(down.pointerId);
  const move = (e: PointerEvent) => e.pointerId === down.pointerId && at(e.clientX);
  const end = (e: PointerEvent) => {
    if (e.pointerId !== down.pointerId) return;
    target.removeEventListener('pointermove', move);
    target.removeEventListener('pointerup', end);
    target.removeEventListener('pointercancel', end);
  };
  target.addEventListener('pointermove', move);
  target.addEventListener('pointerup', end);
  target.addEventListener('pointercancel', end);
}
