import { generateImages } from '../../api/generate-images.ts';
import type { PromptSubmission } from '../prompt/prompt-panel.tsx';
import { runImageJob } from '../jobs/run-image-job.ts';

/** Sends the generate draft as a new job in the queue. */
export function startGeneration({ provider, params, servedModel }: PromptSubmission): string {
  return runImageJob({
    operation: 'generate',
    provider,
    params,
    servedModel,
    request: (to, options) => generateImages(to, params, options),
  }).id;
}
