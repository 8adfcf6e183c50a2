/**
 * Jobs the page was closed or reloaded on (issue 16, item 2): their records (job-records.ts)
 * come back at start-up as interrupted jobs — prompt, settings, input images and mask kept.
 * Try again (try-interrupted-again.ts) loads the request code only when pressed: this runs
 * on every start with a gallery, and fetching the job runner with it put ~20 chunks ahead of
 * whatever view the designer opens first (measured on the Gallery tab).
 */
import { useJobStore } from './job-store.ts';

let restored = false;

/** Shows the jobs an earlier page left running, once per page. */
export function restoreInterruptedJobs(): void {
  if (restored) return;
  restored = true;
  void import('./job-records.ts')
    .then(({ interruptedRecords }) => interruptedRecords())
    .then((records) =>
      useJobStore.getState().restore(
        records.map((record) => ({
          ...record,
          status: 'interrupted' as const,
          retries: 0,
          partials: [],
          partialCount: 0,
        })),
      ),
    )
    .catch((error: unknown) => console.warn('Easel: interrupted jobs were not read', error));
}
