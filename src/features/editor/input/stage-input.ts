/**
 * The stage's input as a plain state machine, outside React and the DOM (tldraw's tool
 * states in spirit): it takes pointer, wheel and key events as plain data in stage pixels,
 * and drives the current mask tool, the view, the brush size and the keyboard pen.
 * hooks/use-stage-input.ts wires it to the stage element; tests drive it directly.
 *
 *   idle ──primary down──► painting ──up──► idle     (cancel: a second finger, pointercancel)
 *   idle ──middle down, or Space + primary──► panning ──up──► idle
 *   any ──second finger──► pinching ──all fingers up──► idle
 *   painting (finger) ──pen down──► painting (pen)   (the palm's stroke is undone)
 *   idle ──Enter (keyboard pen)──► keyPainting ──Enter / Escape / blur──► idle
 *
 * Pointer samples reach the tool once per frame (PointerBatcher); pan and pinch change the
 * view once per frame too (ViewQueue). Wheel zooms about the pointer; Ctrl + wheel sizes the
 * brush. Each event handler returns true when the browser's default must be prevented.
 * The shortcuts panel lists these gestures from stage-gestures.ts.
 */
import type { MaskModel, Point } from '../mask/mask-model.ts';
import { stepBrushSize } from '../commands/brush-size.ts';
import { useStageViewStore } from '../stores/stage-view-store.ts';
import { useToolStore } from '../stores/tool-store.ts';
import { createTool } from '../tools/create-tool.ts';
import type { MaskTool } from '../tools/mask-tool.ts';
import { animationFrames, PointerBatcher, type FrameScheduler } from '../tools/pointer-batcher.ts';
import { panBy, pinch, screenToImage, wheelZoomFactor, zoomAt } from '../view/view-transform.ts';
import { KeyboardPenInput } from './keyboard-pen-input.ts';
import type { StageOutput } from './stage-output.ts';
import type { PenStage, StageState } from './stage-state.ts';
import { ViewQueue } from './view-queue.ts';

export interface StagePointer {
  pointerId: number;
  pointerType: string;
  button: number;
  /** Where, in stage pixels (from the stage's top-left corner). */
  x: number;
  y: number;
  altKey: boolean;
  shiftKey?: boolean;
  /** Every sample since the last event (coalesced events), in stage pixels. */
  samples?: () => Point[];
}

export interface StageWheel {
  x: number;
  y: number;
  deltaY: number;
  /** Ctrl or ⌘ held: the wheel sizes the brush instead of zooming. */
  sizesBrush: boolean;
}

export class StageInput implements PenStage {
  state: StageState = { name: 'idle' };
  tool: MaskTool;
  /** Where the pointer is over the image (image pixels), or null when it is elsewhere. */
  hover: Point | null = null;
  private spaceHeld = false;
  private readonly touches = new Map<number, Point>();
  private readonly batcher: PointerBatcher<Point>;
  private readonly views: ViewQueue;
  private readonly pen: KeyboardPenInput;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly mask: MaskModel,
    private readonly output: StageOutput,
    frames: FrameScheduler = animationFrames,
  ) {
    this.tool = createTool(useToolStore.getState().tool, mask);
    this.batcher = new PointerBatcher<Point>((samples) => {
      this.tool.pointerMove(samples);
      output.redrawMask();
      this.overlay();
    }, frames);
    this.views = new ViewQueue(frames);
    this.pen = new KeyboardPenInput(this, mask, output);
    const offTool = useToolStore.subscribe((s, prev) => {
      if (s.tool !== prev.tool) this.switchTool(s.tool);
      if (s.brushSize !== prev.brushSize || s.tool !== prev.tool) this.overlay();
    });
    const offView = useStageViewStore.subscribe((s, prev) => {
      if (s.view !== prev.view) this.overlay();
    });
    this.unsubscribe = () => {
      offTool();
      offView();
      this.pen.dispose();
    };
    this.updateCursor();
  }

  pointerDown(e: StagePointer): boolean {
    const p = { x: e.x, y: e.y };
    if (e.pointerType === 'touch') {
      this.touches.set(e.pointerId, p);
      // The hand holding a pen rests on the screen: while the pen paints, touches are not
      // gestures (a palm's second contact must not turn the stroke into a pinch).
      if (this.state.name === 'painting' && this.state.pointerType === 'pen') return false;
      if (this.touches.size === 2) {
        if (this.state.name === 'painting') this.endStroke(true);
        const [a, b] = [...this.touches.values()] as [Point, Point];
        this.state = { name: 'pinching', pair: [a, b] };
        return false;
      }
      if (this.touches.size > 2) return false;
    }
    // The palm landed before the pen: its stroke is undone and the pen paints.
    if (
      e.pointerType === 'pen' &&
      this.state.name === 'painting' &&
      this.state.pointerType === 'touch'
    ) {
      this.endStroke(true);
      this.state = { name: 'idle' };
    }
    if (this.state.name !== 'idle') return false;
    this.output.capturePointer(e.pointerId);
    let prevent = false;
    if (e.button === 1 || (this.spaceHeld && e.button === 0)) {
      prevent = true;
      this.state = { name: 'panning', pointerId: e.pointerId, last: p };
    } else if (e.button === 0) {
      this.state = { name: 'painting', pointerId: e.pointerId, pointerType: e.pointerType };
      const { brushSize, hardness } = useToolStore.getState();
      this.tool.pointerDown(screenToImage(this.view(), p), {
        brushSize,
        hardness,
        subtract: e.altKey,
        add: e.shiftKey ?? false,
      });
      this.output.redrawMask();
    }
    this.updateCursor();
    this.overlay();
    return prevent;
  }

  pointerMove(e: StagePointer): void {
    const p = { x: e.x, y: e.y };
    const state = this.state;
    if (e.pointerType === 'touch' && this.touches.has(e.pointerId)) {
      this.touches.set(e.pointerId, p);
      // A resting hand moves under a painting pen: the ring stays with the pen.
      if (state.name === 'painting' && state.pointerType === 'pen') return;
      if (state.name === 'pinching' && this.touches.size >= 2) {
        const [a, b] = [...this.touches.values()] as [Point, Point];
        this.views.queue(pinch(this.views.current(), state.pair, [a, b]));
        state.pair = [a, b];
        return;
      }
    }
    if (state.name === 'panning' && state.pointerId === e.pointerId) {
      this.views.queue(panBy(this.views.current(), p.x - state.last.x, p.y - state.last.y));
      state.last = p;
      return;
    }
    const view = this.view();
    this.hover = screenToImage(view, p);
    this.pen.pointerTookOver();
    if (state.name === 'painting' && state.pointerId === e.pointerId) {
      const samples = e.samples?.() ?? [];
      this.batcher.push(...(samples.length ? samples : [p]).map((s) => screenToImage(view, s)));
    } else {
      this.overlay();
    }
  }

  /** Pointer up, or (cancelled) pointercancel: the gesture that pointer drove ends. */
  pointerUp(e: Pick<StagePointer, 'pointerId'>, cancelled = false): void {
    this.touches.delete(e.pointerId);
    const state = this.state;
    if (state.name === 'pinching') {
      if (this.touches.size === 0) this.state = { name: 'idle' };
      return;
    }
    if (state.name === 'idle' || state.name === 'keyPainting') return;
    if (state.pointerId !== e.pointerId) return;
    if (state.name === 'painting') this.endStroke(cancelled);
    this.state = { name: 'idle' };
    this.updateCursor();
  }

  pointerLeave(): void {
    this.hover = null;
    this.overlay();
  }

  wheel(e: StageWheel): boolean {
    if (e.sizesBrush) {
      const { brushSize, setBrushSize } = useToolStore.getState();
      if (e.deltaY !== 0) setBrushSize(stepBrushSize(brushSize, e.deltaY < 0 ? 1 : -1));
      this.overlay();
      return true;
    }
    const view = this.views.current();
    this.views.queue(zoomAt(view, e, view.scale * wheelZoomFactor(e.deltaY)));
    return true;
  }

  /**
   * Space held pans with the primary button. It is taken only over the stage (or with it
   * focused): elsewhere Space presses buttons as usual.
   */
  spaceKey(down: boolean, stageFocused: boolean): boolean {
    if (down && this.hover === null && !stageFocused) return false;
    this.spaceHeld = down;
    this.updateCursor();
    return down;
  }

  /** A key pressed with the stage focused: the keyboard pen's, if it is one of its keys. */
  penKey(e: Parameters<KeyboardPenInput['key']>[0]): boolean {
    return this.pen.key(e);
  }

  /** The stage got focus; `fromKeyboard`: by Tab, not a click (shows the crosshair). */
  focus(fromKeyboard: boolean): void {
    this.pen.focus(fromKeyboard);
  }

  blur(): void {
    this.pen.blur();
  }

  /** Ends whatever is under way (the stage goes away) and lets go of the stores. */
  dispose(): void {
    if (this.state.name === 'painting' || this.state.name === 'keyPainting') this.endStroke(false);
    this.batcher.discard();
    this.views.dispose();
    this.unsubscribe();
  }

  /** Finishes (or cancels) the tool's gesture and shows the result. */
  endStroke(cancelled: boolean): void {
    if (cancelled) {
      this.batcher.discard();
      this.tool.cancel();
    } else {
      this.batcher.flush();
      this.tool.pointerUp();
    }
    this.output.redrawMask();
    this.overlay();
  }

  overlay(): void {
    const showsRing = this.tool.cursor === 'ring' && this.state.name !== 'panning';
    this.output.drawOverlay(
      showsRing ? this.hover : null,
      this.tool.preview(),
      this.pen.crosshair(),
    );
  }

  updateCursor(): void {
    this.output.setCursor(
      this.state.name === 'panning'
        ? 'grabbing'
        : this.spaceHeld
          ? 'grab'
          : this.tool.cursor === 'ring'
            ? 'none'
            : 'crosshair',
    );
  }

  view() {
    return useStageViewStore.getState().view;
  }

  private switchTool(id: MaskTool['id']): void {
    const drawing = this.state.name === 'painting' || this.state.name === 'keyPainting';
    if (drawing) {
      this.endStroke(false);
      this.state = { name: 'idle' };
    }
    this.pen.toolSwitched();
    this.tool = createTool(id, this.mask);
    this.updateCursor();
  }
}
