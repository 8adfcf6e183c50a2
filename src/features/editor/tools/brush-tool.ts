import type { MaskModel, PaintMode } from '../mask/mask-model.ts';
import { HARD } from '../mask/soft-stamp.ts';
import type { MaskTool } from './mask-tool.ts';
import { StrokeSmoother, stepFor } from './stroke-path.ts';

type BrushState =
  | { name: 'idle' }
  | {
      name: 'drawing';
      size: number;
      hardness: number;
      smoother: StrokeSmoother;
      last: { x: number; y: number };
    };

/** Brush and eraser: a smoothed round stroke of the brush size, one undo step per stroke. */
export function createBrushTool(mask: MaskModel, mode: PaintMode): MaskTool {
  let state: BrushState = { name: 'idle' };
  const label = mode === 'paint' ? 'Brush stroke' : 'Eraser stroke';

  const draw = (points: { x: number; y: number }[]) => {
    if (state.name !== 'drawing' || points.length === 0) return;
    const piece = [state.last, ...points];
    if (state.hardness < HARD) mask.softStroke(piece, state.size, state.hardness, mode);
    else mask.polyline(piece, state.size, mode);
    state.last = points[points.length - 1]!;
  };

  return {
    id: mode === 'paint' ? 'brush' : 'eraser',
    label,
    cursor: 'ring',
    whenInterrupted: 'keep',
    get state() {
      return state.name;
    },
    pointerDown(point, { brushSize, hardness = HARD }) {
      if (state.name === 'drawing') this.pointerUp();
      const smoother = new StrokeSmoother(stepFor(brushSize));
      smoother.start(point);
      state = { name: 'drawing', size: brushSize, hardness, smoother, last: point };
      mask.beginChange(label);
      if (hardness < HARD) mask.softStroke([point], brushSize, hardness, mode);
      else mask.dot(point, brushSize, mode);
    },
    pointerMove(points) {
      if (state.name !== 'drawing') return;
      const smoother = state.smoother;
      draw(points.flatMap((p) => smoother.add(p)));
    },
    pointerUp() {
      if (state.name !== 'drawing') return;
      draw(state.smoother.finish());
      state = { name: 'idle' };
      mask.commitChange();
    },
    cancel() {
      if (state.name !== 'drawing') return;
      state = { name: 'idle' };
      mask.abortChange();
    },
    preview: () => null,
  };
}
