import type { PromptSubmission } from '../prompt/prompt-panel.tsx';

// The job runner and the request code (transport, streaming, response checks) load with the
// first generation, or as the designer starts composing one (preloadGeneration), not with
// the first screen.
const loadRunner = () => import('../jobs/run-image-job.ts');
const loadRequest = () => import('../../api/generate-images.ts');

/** Sends the generate draft as a new job in the queue. */
export async function startGeneration({
  provider,
  params,
  servedModel,
}: PromptSubmission): Promise<string> {
  const { runImageJob } = await loadRunner();
  return runImageJob({
    operation: 'generate',
    provider,
    params,
    servedModel,
    request: async (to, options) => (await loadRequest()).generateImages(to, params, options),
  }).id;
}

/** Fetches what a generation runs on, ahead of the click that starts one. */
export function preloadGeneration(): void {
  void loadRequest();
  void loadRunner();
}
