/**
 * Where an extend's frames lie, in a designer's words: "the frame on the right", "the
 * frames on the left and on the right". A frame's place is where its centre lies from the
 * picture's centre; a frame centred on the picture (the first of a wide extend, which adds
 * to both sides) is "around the picture". Pure.
 */
import type { Rect } from '../mask/paint-canvas.ts';

/** Off-centre by less than this share of the frame's own size counts as centred. */
const CENTRED_SHARE = 1 / 8;

export function framePlace(frame: Rect, original: Rect): string {
  const dx = frame.x + frame.width / 2 - (original.x + original.width / 2);
  const dy = frame.y + frame.height / 2 - (original.y + original.height / 2);
  const across = Math.abs(dx) > frame.width * CENTRED_SHARE ? (dx < 0 ? 'left' : 'right') : '';
  const down = Math.abs(dy) > frame.height * CENTRED_SHARE ? (dy < 0 ? 'top' : 'bottom') : '';
  if (across && down) return `at the ${down} ${across}`;
  if (across) return `on the ${across}`;
  if (down) return `at the ${down}`;
  return 'around the picture';
}

const COUNTS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** "the frame on the right", "the two frames on the left and the frame at the top". */
export function describeFrames(frames: readonly Rect[], original: Rect): string {
  const groups = new Map<string, number>();
  for (const frame of frames) {
    const place = framePlace(frame, original);
    groups.set(place, (groups.get(place) ?? 0) + 1);
  }
  const places = [...groups];
  if (places.length > 1 && places.every(([, n]) => n === 1)) {
    return `the frames ${joinWords(places.map(([place]) => place))}`;
  }
  return joinWords(
    places.map(([place, n]) =>
      n === 1 ? `the frame ${place}` : `the ${COUNTS[n] ?? n} frames ${place}`,
    ),
  );
}

function joinWords(parts: readonly string[]): string {
  return parts.length < 2
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
