/**
 * The canvas an extend builds, pure: the original placed on it, which pixels are known
 * (the original, then each finished frame), and for each frame what is sent: the frame's
 * pixels with the unknown part pre-filled, the new area (the "painted" region compose
 * keeps whole) and the mask (the new area grown `band` pixels into what is known, so the
 * seam lies inside the model's redraw and the blend has room).
 */
import type { Rect } from '../mask/paint-canvas.ts';
import { growRegion, type Region } from '../../../lib/regions/coverage-ops.ts';
import { fillUnknown } from './prefill.ts';

export interface FrameInputs {
  /** RGBA of the frame, unknown pixels pre-filled. */
  image: Uint8ClampedArray<ArrayBuffer>;
  /** 1 where the frame is new. */
  newArea: Region;
  /** 1 where the model is asked to paint: the new area plus the overlap band. */
  sent: Region;
}

export class ExtendCanvas {
  readonly rgba: Uint8ClampedArray<ArrayBuffer>;
  readonly known: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    original: { rgba: Uint8ClampedArray; width: number; height: number },
    at: { x: number; y: number },
  ) {
    this.rgba = new Uint8ClampedArray(width * height * 4);
    this.known = new Uint8Array(width * height);
    for (let y = 0; y < original.height; y++) {
      const row = (at.y + y) * width + at.x;
      this.rgba.set(
        original.rgba.subarray(y * original.width * 4, (y + 1) * original.width * 4),
        row * 4,
      );
      this.known.fill(1, row, row + original.width);
    }
  }

  get done(): boolean {
    return this.known.every((k) => k === 1);
  }

  frameInputs(frame: Rect, band: number): FrameInputs {
    const { width: fw, height: fh } = frame;
    const image = new Uint8ClampedArray(fw * fh * 4);
    const knownHere = new Uint8Array(fw * fh);
    for (let y = 0; y < fh; y++) {
      const from = (frame.y + y) * this.width + frame.x;
      image.set(this.rgba.subarray(from * 4, (from + fw) * 4), y * fw * 4);
      knownHere.set(this.known.subarray(from, from + fw), y * fw);
    }
    fillUnknown(image, knownHere, fw, fh);
    const newArea = new Uint8Array(fw * fh);
    for (let p = 0; p < newArea.length; p++) newArea[p] = knownHere[p] ? 0 : 1;
    return { image, newArea, sent: growRegion(newArea, fw, band) };
  }

  /** A finished frame (RGBA, the frame's size) becomes part of the picture. */
  paste(frame: Rect, rgba: Uint8ClampedArray): void {
    for (let y = 0; y < frame.height; y++) {
      const to = (frame.y + y) * this.width + frame.x;
      this.rgba.set(rgba.subarray(y * frame.width * 4, (y + 1) * frame.width * 4), to * 4);
      this.known.fill(1, to, to + frame.width);
    }
  }
}
