/**
 * Bringing an image into the editor and preparing it for the chosen model.
 *
 * Contract: a refused or unreadable file leaves the current image, mask and prompt as they
 * were and sets `intakeError`. A model that takes only squares (its `images.square` rule)
 * stops at the crop-or-pad step for a non-square image. The prepared PNG is what the edit
 * uploads, byte for byte: under the model's `images.maxBytes`, at the size the mask has. The
 * picture is shown before that PNG is made, and the edit waits for it.
 * When the framing changes (crop ↔ pad, another model, a result sent back) the painted
 * mask is carried over to the same place in the picture.
 *
 * A plain class, no module state: its bookkeeping (which open is the newest, the mask
 * waiting for the crop step, the image a new one replaces) lives in the instance, and its
 * worker, canvas and session store are handed in, so tests drive it with fakes.
 * editor-source.ts holds the studio's one instance.
 */
import { getModel, rulesFor } from '../../../api/model-lookup.ts';
import type { ModelId, OperationRules } from '../../../api/model-types.ts';
import { refuseBeforeDecode, unreadableImage } from '../../../lib/image-intake-check.ts';
import { SNIFF_BYTES } from '../../../lib/image-kind.ts';
import { MaskModel } from '../mask/mask-model.ts';
import { applyCarry, carryFor, type MaskCarry } from './mask-carry.ts';
import { reframePaint, type BeyondFrame } from './beyond-frame.ts';
import type { CanvasFactory } from '../mask/paint-canvas.ts';
import type { EditorSource, SessionState, SquareChoice } from '../stores/session-store.ts';
import type { ImageTaskHandlers } from './image-task-handlers.ts';
import type { OpenOptions } from './open-options.ts';
import { framingFor, WORKING_MAX_EDGE } from './framing.ts';
import { openedSource } from './opened-source.ts';
import { sourceNotes } from './source-notes.ts';
import { needsSquarePicture } from './square-rule.ts';
import type { ViewRoom } from '../view/view-copy.ts';
import type { SourceGeometry } from '../../../lib/image-geometry.ts';

export interface SourceFlowDeps {
  /** The editor session it writes (status, source, prepared image, mask, notes, errors). */
  session: {
    getState: () => SessionState;
    setState: (patch: Partial<SessionState>) => void;
  };
  /** Decoding and preparing, in the image worker. */
  tasks: Pick<ImageTaskHandlers, 'open' | 'render' | 'encodeUpload' | 'close'>;
  /** Where masks paint (OffscreenCanvas in the browser). */
  canvas: CanvasFactory;
  /** The model the edit goes to, read where it is stored (the edit draft). */
  model: () => ModelId;
  /**
   * Whether the editor is in Extend canvas, whose square frames let a square-only model take
   * a picture of any shape (square-rule.ts). Without it, never.
   */
  extending?: () => boolean;
  /**
   * Asked before a new image would discard a painted mask (it has no undo): resolves true to
   * go ahead. Without it the new image replaces the old one unasked.
   */
  confirmDiscardMask?: () => Promise<boolean>;
  /**
   * Awaited before each open the designer asks for: the last session's restore, so an image
   * brought in right after a reload meets the restored mask (and the question above) instead
   * of racing the restore and being dropped by it.
   */
  beforeOpen?: () => Promise<void>;
  /** The most room the stage can have, in device pixels: the worker sizes a view copy to it. */
  viewRoom?: () => ViewRoom;
}

/** The image a new one replaces, kept until the new one is prepared. */
type Replaced = Pick<SessionState, 'source' | 'squareChoice' | 'notes'>;

export class SourceFlow {
  /** Bumped by every open and prepare: an answer for an older one is dropped. */
  private openToken = 0;
  private prepareToken = 0;
  /** A mask waiting for the crop step to finish. */
  private pendingCarry: MaskCarry | null = null;
  /** Paint the current framing cut off, to put back when the picture is framed whole again. */
  private paintBeyond: BeyondFrame | null = null;
  /** Cancelling the crop step of a new image goes back to this one, mask and all. */
  private replaced: Replaced | null = null;

  constructor(private readonly deps: SourceFlowDeps) {}

  private get state() {
    return this.deps.session.getState();
  }

  private set(patch: Partial<SessionState>) {
    this.deps.session.setState(patch);
  }

  private release(source: EditorSource | null): void {
    if (!source) return;
    void this.deps.tasks.close(source.key);
  }

  /** Opens an image as the editor's source. Resolves false (with intakeError set) when refused. */
  async open(image: Blob, options: OpenOptions = {}): Promise<boolean> {
    if (!options.restore) await this.deps.beforeOpen?.();
    const name = options.name ?? (image instanceof File ? image.name : '') ?? '';
    const head = new Uint8Array(await image.slice(0, SNIFF_BYTES).arrayBuffer());
    const refusal = refuseBeforeDecode({ name, size: image.size, type: image.type }, head);
    if (refusal) {
      this.set({ intakeError: refusal.message });
      return false;
    }
    const token = ++this.openToken;
    const before = this.state;
    this.set({ status: 'opening', intakeError: null });
    const key = crypto.randomUUID();
    let opened;
    try {
      opened = await this.deps.tasks.open(key, image, WORKING_MAX_EDGE);
    } catch {
      if (token === this.openToken)
        this.set({ status: before.status, intakeError: unreadableImage(name).message });
      return false;
    }
    if (token !== this.openToken) {
      void this.deps.tasks.close(key);
      return false;
    }
    // Asked only once the new image is known to open: a file Easel refuses never costs the mask.
    if (!(await this.mayDiscardMask(options)) || token !== this.openToken) {
      void this.deps.tasks.close(key);
      if (token === this.openToken) this.set({ status: before.status });
      return false;
    }

    const carry = carryFor(before, options);
    // Only the image actually on screen (prepared and shown) is worth going back to; one that
    // was still waiting for its crop step is dropped.
    const onScreen = before.source && before.prepared?.sourceKey === before.source.key;
    if (onScreen) {
      if (this.replaced) this.release(this.replaced.source);
      this.replaced = {
        source: before.source,
        squareChoice: before.squareChoice,
        notes: before.notes,
      };
    } else {
      this.release(before.source);
    }
    const source = await openedSource(image, opened, { key, name, parentId: options.parentId });
    this.set({ source, squareChoice: options.restore?.squareChoice ?? null, notes: [] });
    await this.prepare(carry);
    return true;
  }

  /** False when the designer keeps the painted mask the new image would discard. */
  private async mayDiscardMask(options: OpenOptions): Promise<boolean> {
    const confirm = this.deps.confirmDiscardMask;
    if (!confirm || options.keepMask || options.restore) return true;
    const mask = this.state.mask;
    if (!mask || !mask.hasPaint()) return true;
    return confirm();
  }

  /**
   * A result goes back in as the next source, keeping the painted mask (carried over to the
   * result's size) so the designer can refine the same region again.
   */
  continueFromResult(image: Blob, options: { name: string; parentId?: string }) {
    return this.open(image, { ...options, keepMask: true });
  }

  /**
   * The edit's model (or Paint / Extend canvas) changed: prepares the image again when the
   * input rules (square only, byte limit) differ from those it was prepared for.
   */
  async modelChanged(): Promise<void> {
    const state = this.state;
    const rules = rulesFor(this.deps.model(), 'edit');
    const images = rules?.images;
    const prepared = state.prepared;
    if (!state.source || !images) return;
    const square = this.squareNeeded(rules);
    // A crop step Extend canvas does not need is left: the picture is prepared whole.
    if (state.status === 'cropping' && !square) {
      const carry = this.pendingCarry;
      this.pendingCarry = null;
      await this.prepare(carry);
      return;
    }
    if (prepared && prepared.square === square && prepared.maxBytes === images.maxBytes) return;
    await this.prepare(this.currentPaint(state));
  }

  /** The crop-or-pad step's answer. */
  async chooseSquare(choice: SquareChoice): Promise<void> {
    this.set({ squareChoice: choice });
    const carry = this.pendingCarry;
    this.pendingCarry = null;
    await this.prepare(carry);
  }

  /** Leaves the crop step without a choice: back to the previous image, or to an empty editor. */
  cancelSquare(): void {
    this.pendingCarry = null;
    const state = this.state;
    if (this.replaced && this.replaced.source !== state.source) {
      // A new image was being squared: drop it, the previous image and its mask come back.
      this.release(state.source);
      this.set({ ...this.replaced, status: 'ready' });
      this.replaced = null;
    } else if (state.prepared && state.prepared.sourceKey === state.source?.key) {
      this.set({ status: 'ready' });
    } else {
      this.release(state.source);
      this.set({ status: 'empty', source: null, notes: [] });
    }
  }

  /** Asks for a new crop (the designer wants to change it). */
  reopenSquareStep(): void {
    const state = this.state;
    if (!state.source) return;
    this.pendingCarry = this.currentPaint(state);
    this.set({ status: 'cropping' });
  }

  private squareNeeded(rules: OperationRules | undefined): boolean {
    return needsSquarePicture(rules, this.deps.extending?.() ?? false);
  }

  /**
   * The same picture re-framed: its paint, with what an earlier framing cut off put back
   * around it; what this framing cuts off is kept for the next (beyond-frame.ts).
   */
  private withPaintBeyond(
    carry: MaskCarry | null,
    source: EditorSource,
    to: SourceGeometry,
  ): MaskCarry | null {
    if (carry?.kind !== 'paint' || !carry.sameSource) {
      this.paintBeyond = null;
      return carry;
    }
    const { paint, kept } = reframePaint(carry, this.paintBeyond, source.key, to, this.deps.canvas);
    this.paintBeyond = kept;
    return { ...carry, ...paint };
  }

  private currentPaint(state: SessionState): MaskCarry | null {
    if (!state.mask || !state.prepared) return this.pendingCarry;
    return {
      kind: 'paint',
      canvas: state.mask.canvas,
      geometry: state.prepared.geometry,
      sameSource: true,
    };
  }

  /**
   * Frames the source for the model, shows it and makes the upload's PNG. The picture goes on
   * the stage first (with its mask) and the PNG is encoded while the designer looks and
   * paints: it is an open's longest step (a third of a second for a 12-megapixel photo).
   * Until it is made, `prepared.png` is null and the edit waits for it. A PNG too large at
   * that size shrinks the picture and carries the paint along. Resolves once the picture is
   * shown, before the PNG is made.
   */
  private async prepare(carry: MaskCarry | null): Promise<void> {
    const state = this.state;
    const source = state.source;
    const model = this.deps.model();
    const rules = rulesFor(model, 'edit');
    if (!source || !rules?.images) return;
    const square = this.squareNeeded(rules);
    const geometry = framingFor(source, { square, sizes: rules.sizes }, state.squareChoice);
    if (geometry === 'square step') {
      this.pendingCarry = carry;
      this.set({ status: 'cropping' });
      return;
    }

    const token = ++this.prepareToken;
    const current = () => token === this.prepareToken && this.state.source === source;
    const upload = { square, maxBytes: rules.images.maxBytes };
    this.set({ status: 'preparing' });
    if (!(await this.show(source, geometry, carry, upload, current))) return;
    // Not awaited: an open is done once its picture is shown, so what follows it (a restored
    // session's last strokes, the designer's paint) is not held up by the encode.
    void this.makeUpload(source, geometry, upload, current);
  }

  /** The upload's PNG for what `show` put on the stage; a shrink shows the smaller picture. */
  private async makeUpload(
    source: EditorSource,
    geometry: SourceGeometry,
    upload: { square: boolean; maxBytes: number },
    current: () => boolean,
  ): Promise<void> {
    let encoded;
    try {
      encoded = await this.deps.tasks.encodeUpload(source.key, geometry, upload.maxBytes);
    } catch (error) {
      const message = cannotPrepare(source, error);
      const shown = this.state.prepared;
      if (current() && shown)
        this.set({ prepared: { ...shown, pngError: message }, intakeError: message });
      return;
    }
    if (!current()) return;
    if (encoded.shrunkFrom) {
      const paint = this.currentPaint(this.state);
      if (!(await this.show(source, encoded.geometry, paint, upload, current))) return;
    }
    const prepared = this.state.prepared!;
    this.set({
      prepared: { ...prepared, png: encoded.png },
      notes: this.notesFor(source, geometry, encoded.geometry, encoded.png.size, upload),
    });
  }

  /** Puts `geometry` of the source on the stage with a mask of its size; false if stale. */
  private async show(
    source: EditorSource,
    geometry: SourceGeometry,
    carry: MaskCarry | null,
    upload: { square: boolean; maxBytes: number },
    current: () => boolean,
  ): Promise<boolean> {
    const before = this.state;
    let rendered;
    try {
      rendered = await this.deps.tasks.render(source.key, geometry, this.deps.viewRoom?.());
    } catch (error) {
      if (current())
        this.set({
          status: before.prepared ? 'ready' : 'empty',
          intakeError: cannotPrepare(source, error),
        });
      return false;
    }
    if (!current()) {
      rendered.bitmap.close();
      rendered.viewCopy?.close();
      return false;
    }
    if (this.replaced && this.replaced.source !== source) this.release(this.replaced.source);
    this.replaced = null;
    const mask = new MaskModel(geometry.width, geometry.height, this.deps.canvas);
    await applyCarry(mask, this.withPaintBeyond(carry, source, geometry), geometry);
    this.state.prepared?.bitmap.close();
    this.state.prepared?.viewCopy?.close();
    this.set({
      status: 'ready',
      prepared: {
        sourceKey: source.key,
        bitmap: rendered.bitmap,
        ...(rendered.viewCopy ? { viewCopy: rendered.viewCopy } : {}),
        png: null,
        geometry,
        ...upload,
      },
      mask,
      notes: this.notesFor(source, geometry, geometry, null, upload),
    });
    return true;
  }

  private notesFor(
    source: EditorSource,
    requested: SourceGeometry,
    final: SourceGeometry,
    pngBytes: number | null,
    { square, maxBytes }: { square: boolean; maxBytes: number },
  ): string[] {
    return sourceNotes({
      modelLabel: getModel(this.deps.model()).label,
      animated: source.animated,
      natural: { width: source.naturalWidth, height: source.naturalHeight },
      working: { width: source.width, height: source.height },
      workingMaxEdge: WORKING_MAX_EDGE,
      square,
      squareChoice: square && source.width !== source.height ? this.state.squareChoice : null,
      requested,
      final,
      pngBytes,
      maxBytes,
    });
  }
}

function cannotPrepare(source: EditorSource, error: unknown): string {
  return `Easel couldn't prepare “${source.name}” for upload: ${(error as Error).message}`;
}
