/**
 * The stage input driven with synthetic pointer, wheel and key events, no DOM: a real mask
 * (Skia canvas in Node), the editor's real stores, and frames that run when the test says.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MaskModel, type Point } from '../mask/mask-model.ts';
import { useKeyboardPenStore } from '../stores/keyboard-pen-store.ts';
import { useStageViewStore } from '../stores/stage-view-store.ts';
import { useToolStore } from '../stores/tool-store.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';
import type { ToolPreview } from '../tools/mask-tool.ts';
import type { FrameScheduler } from '../tools/pointer-batcher.ts';
import { StageInput, type StagePointer } from './stage-input.ts';
import type { StageCursor } from './stage-output.ts';

/** Animation frames that run only when the test calls `frame()`. */
function manualFrames() {
  const queued = new Map<number, () => void>();
  let next = 1;
  const frames: FrameScheduler = {
    request: (callback) => {
      queued.set(next, callback);
      return next++;
    },
    cancel: (handle) => void queued.delete(handle),
  };
  const frame = () => {
    const due = [...queued.values()];
    queued.clear();
    for (const callback of due) callback();
  };
  return { frames, frame, pending: () => queued.size };
}

interface Screen {
  cursor: StageCursor | null;
  ring: Point | null;
  preview: ToolPreview | null;
  crosshair: Point | null;
  captured: number[];
  maskDraws: number;
}

let mask: MaskModel;
let input: StageInput;
let screen: Screen;
let frame: () => void;
let pendingFrames: () => number;

const alphaAt = (x: number, y: number) => mask.readAlpha({ x, y, width: 1, height: 1 })[0];
const painted = () => mask.readAlpha({ x: 0, y: 0, width: 200, height: 100 }).some((a) => a > 0);
const mouse = (x: number, y: number, more: Partial<StagePointer> = {}): StagePointer => ({
  pointerId: 1,
  pointerType: 'mouse',
  button: 0,
  x,
  y,
  altKey: false,
  ...more,
});
const finger = (pointerId: number, x: number, y: number): StagePointer =>
  mouse(x, y, { pointerId, pointerType: 'touch' });
const key = (k: string, shiftKey = false) => ({
  key: k,
  shiftKey,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
});

beforeEach(() => {
  useToolStore.setState({ tool: 'brush', brushSize: 10, announcement: null });
  // Zoomed to 2x, the image's origin 10 px right and down of the stage's.
  useStageViewStore.setState({
    view: { scale: 2, x: 10, y: 10 },
    viewport: { width: 420, height: 220 },
  });
  mask = new MaskModel(200, 100, nodeCanvas);
  screen = { cursor: null, ring: null, preview: null, crosshair: null, captured: [], maskDraws: 0 };
  const manual = manualFrames();
  frame = manual.frame;
  pendingFrames = manual.pending;
  input = new StageInput(
    mask,
    {
      redrawMask: () => screen.maskDraws++,
      drawOverlay: (ring, preview, crosshair) =>
        Object.assign(screen, { ring, preview, crosshair }),
      setCursor: (cursor) => (screen.cursor = cursor),
      capturePointer: (id) => screen.captured.push(id),
    },
    manual.frames,
  );
});

afterEach(() => input.dispose());

describe('stage input: painting', () => {
  it('a primary drag paints in image pixels through the view, handing samples over once a frame', () => {
    expect(input.pointerDown(mouse(50, 50))).toBe(false);
    expect(input.state.name).toBe('painting');
    expect(screen.captured).toEqual([1]);
    // Stage (50, 50) is image (20, 20) at 2x with a 10 px offset.
    expect(alphaAt(20, 20)).toBe(255);
    input.pointerMove(mouse(150, 50, { samples: () => [mouse(100, 50), mouse(150, 50)] }));
    input.pointerMove(mouse(250, 50));
    expect(alphaAt(100, 20)).toBe(0); // not before the frame
    expect(pendingFrames()).toBe(1);
    frame();
    // The smoothed curve trails the newest sample by one; pointer up completes it.
    expect(alphaAt(60, 20)).toBe(255);
    expect(alphaAt(110, 20)).toBe(0);
    input.pointerUp(mouse(250, 50));
    expect(alphaAt(110, 20)).toBe(255);
    expect(input.state.name).toBe('idle');
    expect(mask.undo()).toBe('Brush stroke');
    expect(painted()).toBe(false);
  });

  it('pointer up delivers the samples still waiting for a frame', () => {
    input.pointerDown(mouse(50, 50));
    input.pointerMove(mouse(250, 50));
    input.pointerUp(mouse(250, 50));
    expect(alphaAt(110, 20)).toBe(255);
  });

  it('pointercancel undoes the stroke it interrupts', () => {
    input.pointerDown(mouse(50, 50));
    input.pointerMove(mouse(250, 50));
    input.pointerUp(mouse(250, 50), true);
    frame();
    expect(painted()).toBe(false);
    expect(mask.undo()).toBeNull();
  });

  it('shows the brush ring where the pointer hovers, and hides the system cursor for it', () => {
    expect(screen.cursor).toBe('none');
    input.pointerMove(mouse(30, 70));
    expect(screen.ring).toEqual({ x: 10, y: 30 });
    input.pointerLeave();
    expect(screen.ring).toBeNull();
  });

  it('switching tools mid-stroke finishes the stroke; the next drag uses the new tool', () => {
    input.pointerDown(mouse(50, 50));
    input.pointerMove(mouse(150, 50));
    useToolStore.getState().setTool('rectangle');
    expect(input.state.name).toBe('idle');
    expect(alphaAt(60, 20)).toBe(255);
    expect(screen.cursor).toBe('crosshair');
    input.pointerDown(mouse(210, 110));
    input.pointerMove(mouse(250, 150));
    frame();
    expect(screen.preview).toEqual({
      kind: 'rect',
      rect: { x: 100, y: 50, width: 20, height: 20 },
      mode: 'paint',
    });
    input.pointerUp(mouse(250, 150));
    expect(alphaAt(110, 60)).toBe(255);
  });
});

describe('stage input: view', () => {
  it('the middle button pans, changing the view once per frame, and blocks autoscroll', () => {
    expect(input.pointerDown(mouse(100, 100, { button: 1 }))).toBe(true);
    expect(screen.cursor).toBe('grabbing');
    input.pointerMove(mouse(110, 105, { button: 1 }));
    input.pointerMove(mouse(130, 115, { button: 1 }));
    expect(useStageViewStore.getState().view).toEqual({ scale: 2, x: 10, y: 10 });
    frame();
    expect(useStageViewStore.getState().view).toEqual({ scale: 2, x: 40, y: 25 });
    input.pointerUp(mouse(130, 115));
    expect(screen.cursor).toBe('none');
    expect(painted()).toBe(false);
  });

  it('Space pans with the primary button, but only while the pointer is over the stage', () => {
    expect(input.spaceKey(true, false)).toBe(false); // elsewhere: Space presses buttons
    input.pointerMove(mouse(100, 100));
    expect(input.spaceKey(true, false)).toBe(true);
    expect(screen.cursor).toBe('grab');
    input.pointerDown(mouse(100, 100));
    expect(input.state.name).toBe('panning');
    input.pointerMove(mouse(90, 100));
    input.pointerUp(mouse(90, 100));
    input.spaceKey(false, false);
    frame();
    expect(useStageViewStore.getState().view.x).toBe(0);
    expect(painted()).toBe(false);
  });

  it('the wheel zooms about the pointer; with Ctrl it sizes the brush instead', () => {
    const under = { x: 50, y: 50 };
    expect(input.wheel({ ...under, deltaY: -100, sizesBrush: false })).toBe(true);
    frame();
    const view = useStageViewStore.getState().view;
    expect(view.scale).toBeGreaterThan(2);
    // The image pixel under the pointer stays under it.
    expect((under.x - view.x) / view.scale).toBeCloseTo(20);
    expect((under.y - view.y) / view.scale).toBeCloseTo(20);
    input.wheel({ ...under, deltaY: -100, sizesBrush: true });
    expect(useToolStore.getState().brushSize).toBeGreaterThan(10);
    expect(useStageViewStore.getState().view).toBe(view);
  });

  it('a second finger cancels the stroke the first began, and the two pinch to zoom', () => {
    input.pointerDown(finger(1, 50, 50));
    input.pointerMove(finger(1, 80, 50));
    input.pointerDown(finger(2, 150, 50));
    expect(input.state.name).toBe('pinching');
    expect(painted()).toBe(false);
    input.pointerMove(finger(2, 250, 50)); // 70 px apart → 170 px apart
    frame();
    expect(useStageViewStore.getState().view.scale).toBeCloseTo((2 * 170) / 70);
    input.pointerUp(finger(1, 80, 50));
    expect(input.state.name).toBe('pinching');
    input.pointerUp(finger(2, 250, 50));
    expect(input.state.name).toBe('idle');
    expect(painted()).toBe(false);
  });
});

describe('stage input: pen and palm', () => {
  const pen = (x: number, y: number) => mouse(x, y, { pointerId: 9, pointerType: 'pen' });

  it('a palm resting before the pen lands leaves no mark: the pen paints, the palm’s stroke is undone', () => {
    input.pointerDown(finger(1, 50, 150)); // the hand, below where the pen will write
    input.pointerMove(finger(1, 60, 150));
    frame();
    input.pointerDown(pen(50, 50));
    input.pointerMove(pen(150, 50));
    frame();
    input.pointerUp(pen(150, 50));
    input.pointerUp(finger(1, 60, 150));
    expect(alphaAt(20, 20)).toBe(255); // the pen's stroke
    expect(alphaAt(60, 20)).toBe(255);
    expect(alphaAt(20, 70)).toBe(0); // where the palm lay
    expect(mask.undo()).toBe('Brush stroke');
    expect(painted()).toBe(false);
  });

  it('touches while the pen paints neither paint nor pinch: the pen’s stroke goes on', () => {
    input.pointerDown(pen(50, 50));
    input.pointerDown(finger(1, 50, 150));
    input.pointerDown(finger(2, 150, 150)); // a second point of the same hand
    expect(input.state.name).toBe('painting');
    input.pointerMove(pen(150, 50));
    frame();
    input.pointerUp(finger(1, 50, 150));
    input.pointerUp(finger(2, 150, 150));
    input.pointerUp(pen(150, 50));
    expect(alphaAt(60, 20)).toBe(255);
    expect(alphaAt(20, 70)).toBe(0);
    expect(useStageViewStore.getState().view.scale).toBe(2);
  });
});

describe('stage input: keyboard pen', () => {
  it('Enter puts the tool down, the arrows paint, Enter lifts it; each step is announced', () => {
    input.focus(true);
    expect(useKeyboardPenStore.getState()).toMatchObject({
      active: true,
      cursor: { x: 100, y: 50 },
    });
    expect(input.penKey(key('Enter'))).toBe(true);
    expect(input.state.name).toBe('keyPainting');
    expect(useToolStore.getState().announcement?.text).toMatch(/^Brush stroke started at 100, 50/);
    input.penKey(key('ArrowRight', true));
    input.penKey(key('Enter'));
    expect(alphaAt(120, 50)).toBe(255);
    expect(input.state.name).toBe('idle');
    expect(useKeyboardPenStore.getState().down).toBe(false);
    expect(useToolStore.getState().announcement?.text).toMatch(/^Brush stroke finished at/);
    expect(mask.undo()).toBe('Brush stroke');
  });

  it('a click tool (the magic wand) is used by one Enter: it clicks at the crosshair, no second Enter', () => {
    useToolStore.setState({ tool: 'wand' });
    input.focus(true);
    expect(input.penKey(key('Enter'))).toBe(true);
    expect(input.state.name).toBe('idle');
    expect(useKeyboardPenStore.getState().down).toBe(false);
    expect(useToolStore.getState().announcement?.text).toBe('Magic wand at 100, 50');
  });

  it('Escape is left to the page unless the pen has the tool down', () => {
    expect(input.penKey(key('Escape'))).toBe(false);
    expect(input.penKey(key('a'))).toBe(false);
  });

  it('leaving the canvas keeps a stroke under way but drops a rectangle not yet placed', () => {
    input.penKey(key('Enter'));
    input.penKey(key('ArrowRight', true));
    input.blur();
    expect(input.state.name).toBe('idle');
    expect(mask.undo()).toBe('Brush stroke');
    useToolStore.getState().setTool('rectangle');
    input.penKey(key('Enter'));
    input.penKey(key('ArrowDown', true));
    input.blur();
    expect(painted()).toBe(false);
    expect(useKeyboardPenStore.getState()).toMatchObject({ active: false, down: false });
  });

  it('a mouse click while the pen has the tool down does not lift it', () => {
    input.penKey(key('Enter'));
    expect(input.pointerDown(mouse(50, 50))).toBe(false);
    input.pointerUp(mouse(50, 50));
    expect(input.state.name).toBe('keyPainting');
    input.penKey(key('ArrowRight'));
    expect(useKeyboardPenStore.getState().down).toBe(true);
  });

  it('moving the mouse hands the stage back to the pointer', () => {
    input.focus(true);
    input.pointerMove(mouse(30, 30));
    expect(useKeyboardPenStore.getState().active).toBe(false);
    expect(screen.crosshair).toBeNull();
  });
});
