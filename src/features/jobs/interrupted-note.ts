import { jobKeptNote, keepsNoPrompt } from './job-kept.ts';
import type { ImageJob } from './job-store.ts';

/**
 * What an interrupted job lost and kept, in words. The local engine charges nothing, so only
 * a paid provider's request is said to have been perhaps charged. A variation (or More like
 * this) has no prompt of the designer's: it keeps the picture and settings (job-kept.ts).
 */
export function interruptedNote(
  job: Pick<ImageJob, 'operation' | 'view' | 'inputs' | 'providerKind'>,
): string {
  const kept = keepsNoPrompt(job)
    ? `${upperFirst(jobKeptNote(job))}.`
    : job.inputs?.mask
      ? 'Its prompt, settings, image and mask are kept.'
      : job.inputs
        ? 'Its prompt, settings and image are kept.'
        : 'Its prompt and settings are kept.';
  const sent =
    job.providerKind === 'local'
      ? 'It had been sent to the local engine, which charges nothing;'
      : 'It had been sent, so the provider may have charged this request;';
  return `${sent} its images did not reach Easel. ${kept}`;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
