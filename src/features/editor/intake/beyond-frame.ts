/**
 * Paint a re-framing cut off (the square crop DALL·E 2 asks for), kept so that it comes back
 * when the same picture is framed whole again: a designer who tries a square-only model and
 * returns finds every stroke where it was, not only those inside the square. What was
 * painted or erased on the crop wins inside it. Kept in memory only, for one source.
 */
import { placementBetween, type SourceGeometry } from '../../../lib/image-geometry.ts';
import { context2d, type CanvasFactory } from '../mask/paint-canvas.ts';

/** Paint, and the framing of the source it was painted on. */
export interface FramedPaint {
  canvas: CanvasImageSource;
  geometry: SourceGeometry;
}

/** The widest paint known for a source, while some framing shows only part of it. */
export interface BeyondFrame extends FramedPaint {
  sourceKey: string;
}

/** Whether the framing `to` shows every pixel of the framing `from`. */
function shows(to: SourceGeometry, from: SourceGeometry): boolean {
  const box = placementBetween(from, to);
  const slack = 0.5; // crops are whole source pixels; only rounding is forgiven
  return (
    box.x >= -slack &&
    box.y >= -slack &&
    box.x + box.width <= to.width + slack &&
    box.y + box.height <= to.height + slack
  );
}

/**
 * The paint to carry onto the framing `to`: the current paint over what an earlier framing
 * cut off; and what to keep for later (null once `to` shows all of it).
 */
export function reframePaint(
  current: FramedPaint,
  kept: BeyondFrame | null,
  sourceKey: string,
  to: SourceGeometry,
  createCanvas: CanvasFactory,
): { paint: FramedPaint; kept: BeyondFrame | null } {
  const wider = kept?.sourceKey === sourceKey && !shows(current.geometry, kept.geometry);
  let paint = current;
  if (wider || !shows(to, current.geometry)) {
    // A copy either way: the current canvas belongs to a mask that is about to be replaced.
    const geometry = wider ? kept.geometry : current.geometry;
    const canvas = createCanvas(geometry.width, geometry.height);
    const ctx = context2d(canvas);
    const box = placementBetween(current.geometry, geometry);
    if (wider) {
      ctx.drawImage(kept.canvas, 0, 0, geometry.width, geometry.height);
      ctx.clearRect(box.x, box.y, box.width, box.height);
    }
    ctx.drawImage(current.canvas, box.x, box.y, box.width, box.height);
    paint = { canvas, geometry };
  }
  return { paint, kept: shows(to, paint.geometry) ? null : { ...paint, sourceKey } };
}
