/**
 * What an extend that stopped part-way says, pure: why it stopped, what it kept and where,
 * which frames are missing (by where they lie) and what Extend does about them; and the note
 * an extend brought back after a reload shows.
 */
import type { Rect } from '../mask/paint-canvas.ts';
import { describeFrames } from './frame-places.ts';

export const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Ends a message with a full stop unless it already ends a sentence (a hint usually does). */
export const sentence = (text: string) =>
  /[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;

/**
 * What is missing of a stopped extend that made its first `made` frames, and what Extend
 * will do about it, in words: "the frames on the left and on the right are missing".
 */
export function missingWords(frames: readonly Rect[], made: number, original: Rect) {
  const left = frames.slice(made);
  const one = left.length === 1;
  return {
    missing: `${describeFrames(left, original)} ${one ? 'is' : 'are'} missing`,
    only: `Press Extend to make only ${one ? 'that frame' : 'those frames'}, or Start over from the original.`,
  };
}

/** What a stopped extend brought back after a reload says: what is kept, what Extend makes. */
export function resumedNote(frames: readonly Rect[], made: number, original: Rect): string {
  const kept = frames.slice(0, made);
  const { missing, only } = missingWords(frames, made, original);
  return `An extend of this picture stopped part-way: ${describeFrames(kept, original)} ${kept.length === 1 ? 'is' : 'are'} kept in the gallery; ${missing} (left transparent). ${only}`;
}

/**
 * Why an extend in frames stopped, what it kept (`partial`: the canvas so far saved as one
 * picture, or why it could not be; null when it was not kept) and what Extend does now.
 */
export function stoppedMessage(
  why: string,
  frames: readonly Rect[],
  made: number,
  original: Rect,
  partial: { unsaved: string | null } | null,
): string {
  if (made === 0) return why;
  const { missing, only } = missingWords(frames, made, original);
  if (!partial) return `${why} The frames made so far are kept in the gallery; ${missing}. ${only}`;
  const kept = frames.slice(0, made);
  const where = partial.unsaved
    ? `kept on the canvas and in the Edit results, but could not be saved to the gallery as one picture (${sentence(partial.unsaved).replace(/\.$/, '')}): download it to keep it; each frame is in the gallery`
    : 'kept on the canvas and in the gallery as one picture';
  const keptWords = `${capital(describeFrames(kept, original))} ${kept.length === 1 ? 'is' : 'are'} ${where}`;
  return `${why} ${keptWords}; ${missing} (left transparent). ${only}`;
}
