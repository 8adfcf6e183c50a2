/**
 * A per-request deadline: a provider that never answers, or drips its answer a byte a
 * second, would otherwise keep a job "Generating" for ever. Generous, because GPT Image at
 * 3840×2160 in high quality can take minutes. A plain timer (not AbortSignal.timeout) so a
 * test can move the page's clock past it.
 */
import { ImagesApiError, keptNote, type ErrorContext } from './errors.ts';

export const REQUEST_DEADLINE_MS = 10 * 60_000;

export interface Deadline {
  /** Aborts when the caller's signal does, or when the deadline passes. */
  signal: AbortSignal;
  expired: () => boolean;
  stop: () => void;
}

export function startDeadline(parent: AbortSignal, ms = REQUEST_DEADLINE_MS): Deadline {
  const controller = new AbortController();
  let expired = false;
  const onAbort = () => controller.abort(parent.reason);
  if (parent.aborted) onAbort();
  else parent.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException('The request took too long.', 'TimeoutError'));
  }, ms);
  return {
    signal: controller.signal,
    expired: () => expired,
    stop: () => {
      clearTimeout(timer);
      parent.removeEventListener('abort', onAbort);
    },
  };
}

export function deadlineError(ctx: ErrorContext, ms = REQUEST_DEADLINE_MS): ImagesApiError {
  const minutes = Math.round(ms / 60_000);
  return new ImagesApiError({
    kind: 'network',
    code: 'deadline_exceeded',
    title: `${ctx.provider.name} did not finish within ${minutes} minutes, so Easel stopped waiting.`,
    hint:
      `The server never answered, or sent its answer far too slowly. Try again, or choose a ` +
      `smaller size or lower quality; ${keptNote(ctx)}.`,
    forward: { action: 'try-again' },
  });
}
