import type { PromptSubmission } from '../prompt/prompt-panel.tsx';

// The job runner and the request code (transport, streaming, response checks) load with the
// first generation, or as the designer starts composing one (preloadGeneration), not with
// the first screen.
type Modules = [
  typeof import('../jobs/run-image-job.ts'),
  typeof import('../../api/generate-images.ts'),
];
let loaded: Modules | undefined;
let loading: Promise<Modules> | undefined;
const load = () =>
  (loading ??= Promise.all([
    import('../jobs/run-image-job.ts'),
    import('../../api/generate-images.ts'),
  ]).then(
    (modules) => (loaded = modules),
    (error: unknown) => {
      loading = undefined; // a failed fetch (offline a moment) is tried again next time
      throw error;
    },
  ));

/**
 * Sends the generate draft as a new job in the queue. Once its code is loaded (it usually is:
 * composing the prompt preloads it), the request leaves within the click's own task.
 */
export async function startGeneration(submission: PromptSubmission): Promise<string> {
  const [{ runImageJob }, { generateImages }] = loaded ?? (await load());
  const { provider, params, servedModel } = submission;
  return runImageJob({
    operation: 'generate',
    provider,
    params,
    servedModel,
    request: (to, options) => generateImages(to, params, options),
  }).id;
}

/** Fetches what a generation runs on, ahead of the click that starts one. */
export function preloadGeneration(): void {
  void load().catch(() => undefined);
}
