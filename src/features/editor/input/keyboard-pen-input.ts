/**
 * The keyboard pen's part of the stage input: with the stage focused, the arrows move a
 * crosshair, Enter puts the tool down and lifts it, Escape cancels (tools/keyboard-pen.ts
 * holds the keys and the geometry). Its state for the hint bar is the keyboard pen store.
 */
import type { KeyLike } from '../../../lib/shortcuts.ts';
import type { MaskModel } from '../mask/mask-model.ts';
import { useKeyboardPenStore } from '../stores/keyboard-pen-store.ts';
import { useStageViewStore } from '../stores/stage-view-store.ts';
import { useToolStore } from '../stores/tool-store.ts';
import { keepPenInView, movePen, penIntentFor, penStart } from '../tools/keyboard-pen.ts';
import type { StageOutput } from './stage-output.ts';
import type { PenStage } from './stage-state.ts';

const pen = useKeyboardPenStore;

export class KeyboardPenInput {
  private readonly unsubscribe: () => void;

  constructor(
    private readonly stage: PenStage,
    private readonly mask: MaskModel,
    private readonly output: StageOutput,
  ) {
    pen.setState({ active: false, cursor: null, down: false });
    // Switched on from outside ("Paint with the keyboard"): put the crosshair on the image.
    this.unsubscribe = pen.subscribe((s, prev) => {
      if (s.active && !s.cursor) pen.setState({ cursor: penStart(mask) });
      else if (s.active !== prev.active || s.cursor !== prev.cursor) stage.overlay();
    });
  }

  /** Handles one of the pen's keys; false for any other key (or while a pointer drives). */
  key(e: KeyLike): boolean {
    const { stage, mask } = this;
    const intent = penIntentFor(e);
    const state = stage.state.name;
    if (!intent || (state !== 'idle' && state !== 'keyPainting')) return false;
    if (intent.action === 'cancel' && state !== 'keyPainting') return false; // Escape as usual
    const image = { width: mask.width, height: mask.height };
    let cursor = pen.getState().cursor ?? penStart(image);
    const at = () => `${Math.round(cursor.x)}, ${Math.round(cursor.y)}`;
    const announce = (text: string) => useToolStore.getState().announce(text);
    const { tool } = stage;
    if (intent.action === 'move') {
      cursor = movePen(cursor, intent, stage.view().scale, image);
      if (state === 'keyPainting') {
        tool.pointerMove([cursor]);
        this.output.redrawMask();
      }
      const { view, viewport, setView } = useStageViewStore.getState();
      const kept = keepPenInView(view, viewport, cursor);
      if (kept !== view) setView(kept);
    } else if (intent.action === 'toggle' && state === 'keyPainting') {
      tool.pointerUp();
      stage.state = { name: 'idle' };
      announce(`${tool.label} finished at ${at()}`);
    } else if (intent.action === 'toggle' && tool.gesture === 'click') {
      // A press is the whole use (the magic wand): Enter clicks at the crosshair.
      tool.pointerDown(cursor, { brushSize: 1, subtract: intent.subtract });
      tool.pointerUp();
      announce(`${tool.label} at ${at()}`);
    } else if (intent.action === 'toggle') {
      const { brushSize } = useToolStore.getState();
      tool.pointerDown(cursor, { brushSize, subtract: intent.subtract });
      stage.state = { name: 'keyPainting' };
      announce(`${tool.label} started at ${at()}: move with the arrow keys, Enter to finish`);
    } else {
      tool.cancel();
      stage.state = { name: 'idle' };
      announce(`${tool.label} cancelled`);
    }
    this.output.redrawMask();
    stage.hover = null;
    pen.setState({ active: true, cursor, down: stage.state.name === 'keyPainting' });
    stage.updateCursor();
    stage.overlay();
    return true;
  }

  /** Focus from the keyboard shows the crosshair and the hint; a click does not. */
  focus(fromKeyboard: boolean): void {
    if (fromKeyboard) pen.setState({ active: true });
  }

  blur(): void {
    const { stage } = this;
    if (stage.state.name === 'keyPainting') {
      // Leaving mid-way keeps a painted stroke; a shape not yet placed is dropped.
      if (stage.tool.whenInterrupted === 'drop') stage.tool.cancel();
      else stage.tool.pointerUp();
      stage.state = { name: 'idle' };
      this.output.redrawMask();
    }
    pen.setState({ active: false, down: false });
    stage.overlay();
  }

  /** The pointer takes over from the keyboard pen (unless the pen has the tool down). */
  pointerTookOver(): void {
    if (pen.getState().active && this.stage.state.name !== 'keyPainting')
      pen.setState({ active: false });
  }

  toolSwitched(): void {
    if (pen.getState().down) pen.setState({ down: false });
  }

  /** The crosshair to draw, or null when the keyboard is not driving. */
  crosshair() {
    const { active, cursor } = pen.getState();
    return active ? cursor : null;
  }

  dispose(): void {
    this.unsubscribe();
  }
}
