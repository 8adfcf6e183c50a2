/**
 * What an extend that stopped part-way says, pure: why it stopped, what it kept and where,
 * which frames are missing (by where they lie), whether it survives a reload, and what Extend
 * does about them; and the note an extend brought back after a reload shows.
 */
import type { Rect } from '../mask/paint-canvas.ts';
import { describeFrames } from './frame-places.ts';

export const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Ends a message with a full stop unless it already ends a sentence (a hint usually does). */
export const sentence = (text: string) =>
  /[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;

/**
 * What is missing of a stopped extend that made its first `made` frames, in words: "the
 * frames on the left and on the right are missing".
 */
export function missingWords(frames: readonly Rect[], made: number, original: Rect): string {
  const left = frames.slice(made);
  return `${describeFrames(left, original)} ${left.length === 1 ? 'is' : 'are'} missing`;
}

/** What Extend does while the frames planned are the stopped extend's: the `left` missing. */
export const goOnWords = (left: number) =>
  `Press Extend to make only ${left === 1 ? 'that frame' : 'those frames'}, or Start over from the original.`;

/**
 * What Extend does once other frames are planned (another model, the picture prepared another
 * way): all of them, `planned` (one: the canvas in one request or one frame), from the original.
 */
export const startAgainWords = (planned: number) =>
  `The frames made do not fit the frames planned now (another model, or the picture prepared another way): Extend makes ${planned === 1 ? 'the whole canvas' : `all ${planned} frames`} again, from the original; the frames made stay in the gallery.`;

/** A stopped extend this browser could not keep for a reload (`why`: its storage's error). */
export const notKeptWords = (why: string) =>
  `Extend can go on from them in this page, but not after a reload: this browser could not keep them (${sentence(why).replace(/\.$/, '')}).`;

/**
 * What a stopped extend brought back after a reload says: what is kept, what is missing.
 * What Extend does about it is said beside it (goOnWords, startAgainWords).
 */
export function resumedNote(frames: readonly Rect[], made: number, original: Rect): string {
  const kept = frames.slice(0, made);
  return `An extend of this picture stopped part-way: ${describeFrames(kept, original)} ${kept.length === 1 ? 'is' : 'are'} kept in the gallery; ${missingWords(frames, made, original)} (left transparent).`;
}

/**
 * Why an extend in frames stopped, what it kept (`partial`: the canvas so far saved as one
 * picture, or why it could not be; null when it was not kept) and, `unkept`, why it could
 * not be kept for a reload. What Extend does about it is said beside it.
 */
export function stoppedMessage(
  why: string,
  frames: readonly Rect[],
  made: number,
  original: Rect,
  partial: { unsaved: string | null } | null,
  unkept: string | null = null,
): string {
  if (made === 0) return why;
  const missing = missingWords(frames, made, original);
  const reload = unkept ? ` ${notKeptWords(unkept)}` : '';
  if (!partial)
    return `${why} The frames made so far are kept in the gallery; ${missing}.${reload}`;
  const kept = frames.slice(0, made);
  const where = partial.unsaved
    ? `kept on the canvas and in the Edit results, but could not be saved to the gallery as one picture (${sentence(partial.unsaved).replace(/\.$/, '')}): download it to keep it; each frame is in the gallery`
    : 'kept on the canvas and in the gallery as one picture';
  const keptWords = `${capital(describeFrames(kept, original))} ${kept.length === 1 ? 'is' : 'are'} ${where}`;
  return `${why} ${keptWords}; ${missing} (left transparent).${reload}`;
}
