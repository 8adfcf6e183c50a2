import type { MaskModel, PaintMode, Point } from '../mask/mask-model.ts';
import type { MaskTool } from './mask-tool.ts';

type LassoState = { name: 'idle' } | { name: 'drawing'; points: Point[]; mode: PaintMode };

/** Draw a loop freehand; on release the closed shape is filled (or, with Alt, cleared). */
export function createLassoTool(
  mask: MaskModel,
  /** Clear (the mode chosen in the toolbar) takes away with no Alt held: a phone has none. */
  clears: () => boolean = () => false,
): MaskTool {
  let state: LassoState = { name: 'idle' };
  return {
    id: 'lasso',
    label: 'Lasso',
    cursor: 'crosshair',
    whenInterrupted: 'drop',
    get state() {
      return state.name;
    },
    pointerDown(point, { subtract }) {
      state = { name: 'drawing', points: [point], mode: subtract || clears() ? 'erase' : 'paint' };
    },
    pointerMove(points) {
      if (state.name !== 'drawing') return;
      for (const p of points) {
        const last = state.points[state.points.length - 1]!;
        // Half a pixel apart is as fine as a filled outline can show.
        if (Math.hypot(p.x - last.x, p.y - last.y) >= 0.5) state.points.push(p);
      }
    },
    pointerUp() {
      if (state.name !== 'drawing') return;
      const { points, mode } = state;
      state = { name: 'idle' };
      if (points.length >= 3) mask.fillPolygon(points, mode);
    },
    cancel() {
      state = { name: 'idle' };
    },
    preview() {
      if (state.name !== 'drawing') return null;
      return { kind: 'lasso', points: state.points, mode: state.mode };
    },
  };
}
