/**
 * The mask being painted: one offscreen canvas at exactly the image's natural size (Konva's
 * advice for free drawing: paint with the 2D API, show the canvas through one Konva.Image).
 * A pixel's alpha is how much of it the designer painted; the colour is only for display.
 * The view's zoom never reaches this module: every coordinate here is in image pixels.
 */
import { DirtyTiles } from './dirty-tiles.ts';
import { stampSoft } from './soft-stamp.ts';
import { MaskHistory, type HistoryLimits } from './mask-history.ts';
import {
  clipRect,
  context2d,
  type CanvasFactory,
  type PaintCanvas,
  type PaintContext,
  type Rect,
} from './paint-canvas.ts';

export interface Point {
  x: number;
  y: number;
}

/** Paint adds to the region to edit; erase takes away from it. */
export type PaintMode = 'paint' | 'erase';

/** The overlay colour (a vivid pink that reads on most photos); export ignores it. */
export const MASK_RGB = [255, 45, 120] as const;
const MASK_COLOR = `rgb(${MASK_RGB.join(' ')})`;

type Listener = () => void;

export class MaskModel {
  readonly canvas: PaintCanvas;
  readonly history: MaskHistory;
  private readonly ctx: PaintContext;
  private listeners = new Set<Listener>();
  private readonly dirty: DirtyTiles;
  /** Bumps on every change, so views and caches (the exported PNG) know when to refresh. */
  version = 0;

  constructor(
    readonly width: number,
    readonly height: number,
    createCanvas: CanvasFactory,
    limits?: Partial<HistoryLimits>,
  ) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
      throw new Error(`A mask needs a whole-pixel size, got ${width}x${height}`);
    }
    this.canvas = createCanvas(width, height);
    this.dirty = new DirtyTiles(width, height);
    this.ctx = context2d(this.canvas);
    this.ctx.fillStyle = MASK_COLOR;
    this.ctx.strokeStyle = MASK_COLOR;
    this.ctx.lineCap = 'round';
    this.ctx.lineJoin = 'round';
    this.history = new MaskHistory(
      {
        width,
        height,
        readAlpha: (rect) => this.readAlpha(rect),
        writeAlpha: (rect, alpha) => this.writeAlpha(rect, alpha),
        invert: () => this.invertPixels(),
      },
      limits,
    );
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- Changes (each is one undo step) ---------------------------------------------------

  /** Starts a change that spans several calls (a stroke); end it with commitChange. */
  beginChange(label: string): void {
    this.history.begin(label);
  }

  commitChange(): void {
    this.history.commit();
    this.changed();
  }

  /** Cancels the change in progress, restoring every pixel it touched. */
  abortChange(): void {
    this.history.abort();
    this.changed();
  }

  /** A round dot: where a stroke starts, and a click without movement. */
  dot(center: Point, size: number, mode: PaintMode): void {
    const r = size / 2;
    this.write({ x: center.x - r, y: center.y - r, width: size, height: size }, mode, (ctx) => {
      ctx.beginPath();
      ctx.arc(center.x, center.y, r, 0, Math.PI * 2);
      ctx.fill();
    });
  }

  /** A polyline of the given width (round caps and joins), the body of a brush stroke. */
  polyline(points: readonly Point[], size: number, mode: PaintMode): void {
    const [first, ...rest] = points;
    if (!first || rest.length === 0) return;
    this.write(boundsOf(points, size / 2), mode, (ctx) => {
      ctx.lineWidth = size;
      ctx.beginPath();
      ctx.moveTo(first.x, first.y);
      for (const p of rest) ctx.lineTo(p.x, p.y);
      ctx.stroke();
    });
  }

  /** A brush stroke piece (or a dot) with a soft edge; see soft-stamp.ts. */
  softStroke(points: readonly Point[], size: number, hardness: number, mode: PaintMode): void {
    if (points.length === 0) return;
    const area = clipRect(boundsOf(points, size / 2 + 1), this.width, this.height);
    if (!area) return;
    if (this.history.isChanging) this.history.touch(area);
    this.dirty.mark(area);
    const image = this.ctx.getImageData(area.x, area.y, area.width, area.height);
    stampSoft(image.data, area, points, size, hardness, mode === 'erase', MASK_RGB);
    this.ctx.putImageData(image, area.x, area.y);
    this.version++;
  }

  fillRect(rect: Rect, mode: PaintMode): void {
    this.change('Rectangle', () =>
      this.write(rect, mode, (ctx) => ctx.fillRect(rect.x, rect.y, rect.width, rect.height)),
    );
  }

  /**
   * Paints what `draw` draws inside `rect` (or, erasing, takes paint away there) with the
   * mask's colour as fill style: a selection made elsewhere (selection/apply-selection.ts),
   * as a picture of its bounds or as rectangles. One undo step unless nested.
   */
  paintShape(label: string, rect: Rect, mode: PaintMode, draw: (ctx: PaintContext) => void): void {
    this.change(label, () => this.write(rect, mode, draw));
  }

  /**
   * Makes the mask exactly what `draw` draws (nothing elsewhere) with no undo step of its
   * own: a selection redone in place with new settings, whose step already holds the mask
   * as it was before it.
   */
  redrawInPlace(draw: ((ctx: PaintContext) => void) | null): void {
    this.ctx.clearRect(0, 0, this.width, this.height);
    draw?.(this.ctx);
    this.dirty.markAll();
    this.changed();
  }

  fillPolygon(points: readonly Point[], mode: PaintMode): void {
    const [first, ...rest] = points;
    if (!first || rest.length < 2) return;
    this.change('Lasso', () =>
      this.write(boundsOf(points, 0), mode, (ctx) => {
        ctx.beginPath();
        ctx.moveTo(first.x, first.y);
        for (const p of rest) ctx.lineTo(p.x, p.y);
        ctx.closePath();
        ctx.fill();
      }),
    );
  }

  clear(): void {
    this.change('Clear mask', () => {
      const all = { x: 0, y: 0, width: this.width, height: this.height };
      this.history.touch(all);
      this.ctx.clearRect(0, 0, this.width, this.height);
      this.dirty.markAll();
    });
  }

  invert(): void {
    if (this.history.isChanging) this.history.commit();
    this.invertPixels();
    this.history.recordInvert();
    this.changed();
  }

  /**
   * "Use image transparency": the mask becomes the image's transparent areas, as the API
   * itself reads an image sent without a mask (alpha 0 = edit here). One undo step.
   */
  fromImageTransparency(image: CanvasImageSource): void {
    this.change('Use image transparency', () => {
      this.history.touch({ x: 0, y: 0, width: this.width, height: this.height });
      this.paintTransparency(image, { x: 0, y: 0, width: this.width, height: this.height });
    });
  }

  /**
   * Starts over from a mask in the API's convention (alpha 0 = edit here), e.g. the mask of
   * an earlier edit, drawn at `box` (default: stretched over the whole image). Clears history.
   */
  loadApiMask(mask: CanvasImageSource, box?: Rect): void {
    this.ctx.clearRect(0, 0, this.width, this.height);
    this.dirty.markAll();
    this.paintTransparency(mask, box ?? { x: 0, y: 0, width: this.width, height: this.height });
    this.history.clear();
    this.changed();
  }

  /** Starts over from paint (a saved or re-framed mask canvas) drawn at `box`. Clears history. */
  loadPaint(paint: CanvasImageSource, box?: Rect): void {
    const b = box ?? { x: 0, y: 0, width: this.width, height: this.height };
    this.ctx.clearRect(0, 0, this.width, this.height);
    this.ctx.drawImage(paint, b.x, b.y, b.width, b.height);
    this.dirty.markAll();
    this.history.clear();
    this.changed();
  }

  /**
   * The whole mask replaced by `alpha` (one byte per pixel, 255 = painted): the result of a
   * refinement such as grow, shrink or a loaded mask. One undo step named `label`.
   */
  replaceCoverage(label: string, alpha: Uint8Array): void {
    if (alpha.length !== this.width * this.height) {
      throw new Error(
        `A ${this.width}x${this.height} mask needs ${this.width * this.height} values`,
      );
    }
    this.change(label, () => {
      const all = { x: 0, y: 0, width: this.width, height: this.height };
      this.history.touch(all);
      this.writeAlpha(all, alpha);
      this.version++;
    });
  }

  undo(): string | null {
    const label = this.history.undo();
    if (label) this.changed();
    return label;
  }

  redo(): string | null {
    const label = this.history.redo();
    if (label) this.changed();
    return label;
  }

  /**
   * Puts back tiles a saved journal holds (after a reload), on top of the restored mask. Not
   * an undo step: the restored session starts with an empty history.
   */
  restoreTiles(tiles: readonly { rect: Rect; alpha: Uint8Array }[]): void {
    for (const tile of tiles) this.writeAlpha(tile.rect, tile.alpha);
    this.changed();
  }

  /** The tiles changed since the last call, forgotten as they are handed out. */
  takeChangedTiles(): Rect[] {
    return this.dirty.take();
  }

  // ---- Reading ------------------------------------------------------------------------------

  /** Nothing has been written since the mask was made: every pixel is still unpainted. */
  get untouched(): boolean {
    return this.version === 0;
  }

  /** Whether any pixel is painted at all (one full read: call it on a decision, not per frame). */
  hasPaint(): boolean {
    const { data } = this.ctx.getImageData(0, 0, this.width, this.height);
    for (let i = 3; i < data.length; i += 4) if (data[i]) return true;
    return false;
  }

  /** True from beginChange until commitChange or abortChange (while a stroke is drawn). */
  get changing(): boolean {
    return this.history.isChanging;
  }

  /**
   * A picture of the mask as it is now, for the saved session, which is taken after every
   * pause in painting. A snapshot shares the canvas's pixels until the canvas next changes, and
   * that change then copies them all: 33 MB at 3840x2160, 18-43 ms here, which would land in
   * the next brush dab's frame. Rewriting one pixel as it is takes that copy now, in the
   * caller's task, between strokes. (The mask export does not: a designer waits for it.)
   */
  snapshot(): Promise<ImageBitmap> {
    const bitmap = createImageBitmap(this.canvas);
    this.ctx.putImageData(this.ctx.getImageData(0, 0, 1, 1), 0, 0);
    return bitmap;
  }

  /** The painted coverage of each pixel in `rect`, row-major, 0..255. */
  readAlpha(rect: Rect): Uint8Array {
    const { data } = this.ctx.getImageData(rect.x, rect.y, rect.width, rect.height);
    const alpha = new Uint8Array(rect.width * rect.height);
    for (let i = 0; i < alpha.length; i++) alpha[i] = data[i * 4 + 3] ?? 0;
    return alpha;
  }

  // ---- Internals ----------------------------------------------------------------------------

  /** Paint everywhere inside `box` except where `image` is opaque. */
  private paintTransparency(image: CanvasImageSource, box: Rect): void {
    const ctx = this.ctx;
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.x, box.y, box.width, box.height);
    ctx.clip();
    ctx.clearRect(box.x, box.y, box.width, box.height);
    ctx.fillRect(box.x, box.y, box.width, box.height);
    ctx.globalCompositeOperation = 'destination-out';
    ctx.drawImage(image, box.x, box.y, box.width, box.height);
    ctx.restore();
    this.dirty.mark(box);
    this.version++;
  }

  private change(label: string, body: () => void): void {
    const nested = this.history.isChanging;
    if (!nested) this.history.begin(label);
    body();
    if (!nested) this.commitChange();
  }

  private write(area: Rect, mode: PaintMode, draw: (ctx: PaintContext) => void): void {
    // One pixel of margin: anti-aliased edges reach just outside the geometric shape.
    const padded = { x: area.x - 1, y: area.y - 1, width: area.width + 2, height: area.height + 2 };
    const clipped = clipRect(padded, this.width, this.height);
    if (!clipped) return;
    if (this.history.isChanging) this.history.touch(clipped);
    this.dirty.mark(clipped);
    const ctx = this.ctx;
    ctx.globalCompositeOperation = mode === 'erase' ? 'destination-out' : 'source-over';
    draw(ctx);
    ctx.globalCompositeOperation = 'source-over';
    this.version++;
  }

  private writeAlpha(rect: Rect, alpha: Uint8Array): void {
    const image = this.ctx.createImageData(rect.width, rect.height);
    const data = image.data;
    for (let i = 0; i < alpha.length; i++) {
      data[i * 4] = MASK_RGB[0];
      data[i * 4 + 1] = MASK_RGB[1];
      data[i * 4 + 2] = MASK_RGB[2];
      data[i * 4 + 3] = alpha[i] ?? 0;
    }
    this.ctx.putImageData(image, rect.x, rect.y);
    this.dirty.mark(rect);
  }

  /** alpha → 255 - alpha, exactly, so inverting twice restores every pixel. */
  private invertPixels(): void {
    const image = this.ctx.getImageData(0, 0, this.width, this.height);
    const data = image.data;
    for (let i = 0; i < data.length; i += 4) {
      data[i] = MASK_RGB[0];
      data[i + 1] = MASK_RGB[1];
      data[i + 2] = MASK_RGB[2];
      data[i + 3] = 255 - (data[i + 3] ?? 0);
    }
    this.ctx.putImageData(image, 0, 0);
    this.dirty.markAll();
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

function boundsOf(points: readonly Point[], margin: number): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return {
    x: x0 - margin,
    y: y0 - margin,
    width: x1 - x0 + 2 * margin,
    height: y1 - y0 + 2 * margin,
  };
}
