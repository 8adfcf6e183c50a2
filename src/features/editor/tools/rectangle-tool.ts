import type { MaskModel, PaintMode, Point } from '../mask/mask-model.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import type { MaskTool } from './mask-tool.ts';

type RectangleState =
  { name: 'idle' } | { name: 'drawing'; start: Point; current: Point; mode: PaintMode };

/** The rectangle between two corners, whatever the drag direction. */
function rectBetween(a: Point, b: Point): Rect {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(b.x - a.x),
    height: Math.abs(b.y - a.y),
  };
}

/** Drag a box; on release it is filled (or, with Alt, cleared). */
export function createRectangleTool(
  mask: MaskModel,
  /** Clear (the mode chosen in the toolbar) takes away with no Alt held: a phone has none. */
  clears: () => boolean = () => false,
): MaskTool {
  let state: RectangleState = { name: 'idle' };
  return {
    id: 'rectangle',
    label: 'Rectangle',
    cursor: 'crosshair',
    whenInterrupted: 'drop',
    get state() {
      return state.name;
    },
    pointerDown(point, { subtract }) {
      state = {
        name: 'drawing',
        start: point,
        current: point,
        mode: subtract || clears() ? 'erase' : 'paint',
      };
    },
    pointerMove(points) {
      const last = points[points.length - 1];
      if (state.name === 'drawing' && last) state.current = last;
    },
    pointerUp() {
      if (state.name !== 'drawing') return;
      const rect = rectBetween(state.start, state.current);
      const mode = state.mode;
      state = { name: 'idle' };
      // A click without a drag is not a rectangle.
      if (rect.width >= 1 && rect.height >= 1) mask.fillRect(rect, mode);
    },
    cancel() {
      state = { name: 'idle' };
    },
    preview() {
      if (state.name !== 'drawing') return null;
      return { kind: 'rect', rect: rectBetween(state.start, state.current), mode: state.mode };
    },
  };
}
