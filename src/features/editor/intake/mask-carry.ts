/**
 * Carrying a painted mask onto a newly prepared image: the same picture re-framed (crop ↔
 * pad, another model), a result sent back for another round, a restored session, or an
 * API-convention mask handed in with the image (openInEditor from the gallery).
 */
import { placementBetween, type SourceGeometry } from '../../../lib/image-geometry.ts';
import type { MaskModel } from '../mask/mask-model.ts';
import type { SessionState } from '../stores/session-store.ts';
import type { OpenOptions } from './open-options.ts';

/** A mask to put on the next prepared image. */
export type MaskCarry =
  | { kind: 'paint'; canvas: CanvasImageSource; geometry: SourceGeometry; sameSource: boolean }
  | { kind: 'api-mask'; blob: Blob }
  | { kind: 'paint-blob'; blob: Blob; geometry: SourceGeometry };

export function carryFor(before: SessionState, options: OpenOptions): MaskCarry | null {
  if (options.restore?.paint && options.restore.geometry) {
    return { kind: 'paint-blob', blob: options.restore.paint, geometry: options.restore.geometry };
  }
  if (options.mask) return { kind: 'api-mask', blob: options.mask };
  if (options.keepMask && before.mask && before.prepared) {
    return {
      kind: 'paint',
      canvas: before.mask.canvas,
      geometry: before.prepared.geometry,
      sameSource: false,
    };
  }
  return null;
}

export async function applyCarry(mask: MaskModel, carry: MaskCarry | null, to: SourceGeometry) {
  if (!carry) return;
  if (carry.kind === 'api-mask') {
    const bitmap = await createImageBitmap(carry.blob);
    mask.loadApiMask(bitmap);
    bitmap.close();
    return;
  }
  if (carry.kind === 'paint-blob') {
    const bitmap = await createImageBitmap(carry.blob);
    mask.loadPaint(bitmap, placementBetween(carry.geometry, to));
    bitmap.close();
    return;
  }
  // Same picture re-framed: put the paint where it was. A new picture (a result sent back):
  // the result shows the same framing, so the paint covers it whole.
  mask.loadPaint(carry.canvas, carry.sameSource ? placementBetween(carry.geometry, to) : undefined);
}
