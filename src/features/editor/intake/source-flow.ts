/**
 * Bringing an image into the editor and preparing it for the chosen model.
 *
 * Contract: a refused or unreadable file leaves the current image, mask and prompt as they
 * were and sets `intakeError`. A model that takes only squares (its `images.square` rule)
 * stops at the crop-or-pad step for a non-square image. The prepared PNG is what the edit
 * uploads, byte for byte: under the model's `images.maxBytes`, at the size the mask has.
 * When the framing changes (crop ↔ pad, another model, a result sent back) the painted
 * mask is carried over to the same place in the picture.
 */
import { getModel, rulesFor } from '../../../api/model-lookup.ts';
import type { ModelId } from '../../../api/model-types.ts';
import { cropToSquare, padToSquare, wholeImage } from '../../../lib/image-geometry.ts';
import {
  refuseBeforeDecode,
  SNIFF_BYTES,
  unreadableImage,
} from '../../../lib/image-intake-check.ts';
import { isAnimated } from '../../../lib/animated-image.ts';
import { MaskModel } from '../mask/mask-model.ts';
import { applyCarry, carryFor, type MaskCarry } from './mask-carry.ts';
import { browserCanvas } from '../mask/paint-canvas.ts';
import {
  useSessionStore,
  type EditorSource,
  type SessionState,
  type SquareChoice,
} from '../stores/session-store.ts';
import { runImageTask } from './image-tasks.ts';
import type { OpenOptions } from './open-options.ts';
import { sourceNotes } from './source-notes.ts';

/** The editor's own ceiling: a 4096 px mask is 64 MB of canvas; larger images are scaled. */
export const WORKING_MAX_EDGE = 4096;
/** How much of a file is read to tell an animated one (a GIF's first frame can be long). */
const ANIMATION_SNIFF_BYTES = 1024 * 1024;

const get = () => useSessionStore.getState();
const set = (patch: Partial<SessionState>) => useSessionStore.setState(patch);

let openToken = 0;
let prepareToken = 0;
/** A mask waiting for the crop step to finish. */
let pendingCarry: MaskCarry | null = null;
/**
 * The image a newly opened one is replacing, kept until the new one is prepared: cancelling
 * the crop step of a new image goes back to it, with its mask, as if nothing happened.
 */
let replaced: Pick<SessionState, 'source' | 'squareChoice' | 'notes'> | null = null;

function release(source: EditorSource | null): void {
  if (!source) return;
  void runImageTask('close', source.key);
  source.preview.close();
}

/** Opens an image as the editor's source. Resolves false (with intakeError set) when refused. */
export async function openSource(image: Blob, options: OpenOptions = {}): Promise<boolean> {
  const name = options.name ?? (image instanceof File ? image.name : '') ?? '';
  const head = new Uint8Array(await image.slice(0, SNIFF_BYTES).arrayBuffer());
  const refusal = refuseBeforeDecode({ name, size: image.size, type: image.type }, head);
  if (refusal) {
    set({ intakeError: refusal.message });
    return false;
  }
  const token = ++openToken;
  const before = get();
  set({ status: 'opening', intakeError: null });
  const key = crypto.randomUUID();
  let opened;
  try {
    opened = await runImageTask('open', key, image, WORKING_MAX_EDGE);
  } catch {
    if (token === openToken)
      set({ status: before.status, intakeError: unreadableImage(name).message });
    return false;
  }
  if (token !== openToken) {
    void runImageTask('close', key);
    opened.preview.close();
    return false;
  }

  const carry = carryFor(before, options);
  // Only the image actually on screen (prepared and shown) is worth going back to; one that
  // was still waiting for its crop step is dropped.
  const onScreen = before.source && before.prepared?.sourceKey === before.source.key;
  if (onScreen) {
    if (replaced) release(replaced.source);
    replaced = { source: before.source, squareChoice: before.squareChoice, notes: before.notes };
  } else {
    release(before.source);
  }
  const source: EditorSource = {
    key,
    name: name || 'Untitled image',
    file: image,
    ...(options.parentId ? { parentId: options.parentId } : {}),
    width: opened.width,
    height: opened.height,
    naturalWidth: opened.naturalWidth,
    naturalHeight: opened.naturalHeight,
    hasAlpha: opened.hasAlpha,
    animated: isAnimated(new Uint8Array(await image.slice(0, ANIMATION_SNIFF_BYTES).arrayBuffer())),
    preview: opened.preview,
  };
  set({ source, squareChoice: options.restore?.squareChoice ?? null, notes: [] });
  await prepareSource(carry);
  return true;
}

/**
 * A result goes back in as the next source, keeping the painted mask (carried over to the
 * result's size) so the designer can refine the same region again.
 */
export function continueFromResult(
  image: Blob,
  options: { name: string; parentId?: string },
): Promise<boolean> {
  return openSource(image, { ...options, keepMask: true });
}

/** Switches the model the image is prepared for; re-prepares when its input rules differ. */
export async function setEditModel(model: ModelId): Promise<void> {
  const state = get();
  if (state.model === model) return;
  set({ model });
  const images = rulesFor(model, 'edit')?.images;
  const prepared = state.prepared;
  if (!state.source || !images) return;
  if (prepared && prepared.square === images.square && prepared.maxBytes === images.maxBytes)
    return;
  await prepareSource(currentPaint(state));
}

function currentPaint(state: SessionState): MaskCarry | null {
  if (!state.mask || !state.prepared) return pendingCarry;
  return {
    kind: 'paint',
    canvas: state.mask.canvas,
    geometry: state.prepared.geometry,
    sameSource: true,
  };
}

/** The crop-or-pad step's answer. */
export async function chooseSquare(choice: SquareChoice): Promise<void> {
  set({ squareChoice: choice });
  const carry = pendingCarry;
  pendingCarry = null;
  await prepareSource(carry);
}

/** Leaves the crop step without a choice: back to the previous image, or to an empty editor. */
export function cancelSquare(): void {
  pendingCarry = null;
  const state = get();
  if (replaced && replaced.source !== state.source) {
    // A new image was being squared: drop it, the previous image and its mask come back.
    release(state.source);
    set({ ...replaced, status: 'ready' });
    replaced = null;
  } else if (state.prepared && state.prepared.sourceKey === state.source?.key) {
    set({ status: 'ready' });
  } else {
    release(state.source);
    set({ status: 'empty', source: null, notes: [] });
  }
}

/** Asks for a new crop (the designer wants to change it). */
export function reopenSquareStep(): void {
  const state = get();
  if (!state.source) return;
  pendingCarry = currentPaint(state);
  set({ status: 'cropping' });
}

async function prepareSource(carry: MaskCarry | null): Promise<void> {
  const state = get();
  const source = state.source;
  const rules = rulesFor(state.model, 'edit');
  if (!source || !rules?.images) return;
  const square = rules.images.square;
  if (square && source.width !== source.height && !state.squareChoice) {
    pendingCarry = carry;
    set({ status: 'cropping' });
    return;
  }
  // A square-only model (dall-e-2) has square sizes; its largest is as large as it takes.
  const maxEdge = square
    ? Math.max(...rules.sizes.map((s) => parseInt(s, 10) || 0))
    : WORKING_MAX_EDGE;
  const geometry = !square
    ? wholeImage(source.width, source.height, maxEdge)
    : state.squareChoice?.kind === 'crop'
      ? cropToSquare(state.squareChoice.crop, maxEdge)
      : state.squareChoice?.kind === 'pad'
        ? padToSquare(source.width, source.height, maxEdge)
        : wholeImage(source.width, source.height, maxEdge);

  const token = ++prepareToken;
  set({ status: 'preparing' });
  let prepared;
  try {
    prepared = await runImageTask('prepare', source.key, geometry, rules.images.maxBytes);
  } catch (error) {
    set({
      status: state.prepared ? 'ready' : 'empty',
      intakeError: `Easel couldn't prepare “${source.name}” for upload: ${(error as Error).message}`,
    });
    return;
  }
  if (token !== prepareToken || get().source !== source) {
    prepared.bitmap.close();
    return;
  }
  if (replaced && replaced.source !== source) release(replaced.source);
  replaced = null;
  const mask = new MaskModel(prepared.geometry.width, prepared.geometry.height, browserCanvas);
  await applyCarry(mask, carry, prepared.geometry);
  state.prepared?.bitmap.close();
  set({
    status: 'ready',
    prepared: {
      sourceKey: source.key,
      bitmap: prepared.bitmap,
      png: prepared.png,
      geometry: prepared.geometry,
      square,
      maxBytes: rules.images.maxBytes,
    },
    mask,
    notes: sourceNotes({
      modelLabel: getModel(state.model).label,
      animated: source.animated,
      natural: { width: source.naturalWidth, height: source.naturalHeight },
      working: { width: source.width, height: source.height },
      workingMaxEdge: WORKING_MAX_EDGE,
      square,
      squareChoice: square && source.width !== source.height ? get().squareChoice : null,
      requested: geometry,
      final: prepared.geometry,
      pngBytes: prepared.png.size,
      maxBytes: rules.images.maxBytes,
    }),
  });
}
