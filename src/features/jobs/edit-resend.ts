/**
 * Try again on an interrupted edit made in the editor goes back through the editor — its
 * results composed back onto the image and shown in its results strip, like Apply edit.
 * Jobs cannot import the editor (it sits above them), so the editor hands its resend in
 * here when it loads; until then an edit is sent again as it was recorded.
 */
import type { Provider } from '../../api/provider.ts';
import type { ImageJob } from './job-store.ts';

/**
 * Sends an interrupted edit again to `provider` (as set now; `servedModel` if it still
 * serves the one used); resolves with the new job's id (null: not sent).
 */
export type EditResend = (
  job: ImageJob,
  to: { provider: Provider; servedModel?: string },
) => Promise<string | null>;

let resend: EditResend | null = null;

export function registerEditResend(fn: EditResend): void {
  resend = fn;
}

/** The editor's resend, when the editor has loaded. */
export function editResend(): EditResend | null {
  return resend;
}
