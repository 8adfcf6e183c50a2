/**
 * This tab's finished results survive a reload of the tab (issue 16, item 4). sessionStorage
 * holds which jobs were shown and their gallery entries (a few hundred bytes, no images);
 * after a reload the cards come back with their images read from the gallery, where they
 * were saved before they were shown. A new tab starts with an empty list.
 */
import { recallInTab, rememberInTab } from '../../lib/tab-memory.ts';
import { useJobStore, type ImageJob } from './job-store.ts';
import type { TabJob } from './rebuild-tab-jobs.ts';

const KEY = 'easel.tab-jobs';
/** The newest finished jobs brought back; older ones are in the gallery. */
const KEEP = 12;

/** A saved job the Generate view lists (the editor keeps its edits itself). */
const listed = (job: ImageJob): job is ImageJob & { entryIds: string[] } =>
  job.status === 'done' &&
  (job.entryIds?.length ?? 0) > 0 &&
  (job.operation !== 'edit' || job.view === 'generate');

const compact = (job: ImageJob & { entryIds: string[] }): TabJob => ({
  id: job.id,
  operation: job.operation,
  ...(job.view ? { view: job.view } : {}),
  entryIds: job.entryIds,
  providerOrigin: job.providerOrigin,
  ...(job.servedModel ? { servedModel: job.servedModel } : {}),
  startedAt: job.startedAt,
  ...(job.endedAt ? { endedAt: job.endedAt } : {}),
  retries: job.retries,
});

function remembered(): TabJob[] {
  try {
    const list: unknown = JSON.parse(recallInTab(KEY) ?? '[]');
    return Array.isArray(list) ? (list as TabJob[]) : [];
  } catch {
    return [];
  }
}

let keeping = false;

/** From now on the tab's memory follows the job list (started after any restore). */
function keepTabJobs(): void {
  if (keeping) return;
  keeping = true;
  let last = '';
  const write = (jobs: readonly ImageJob[]) => {
    const text = JSON.stringify(jobs.filter(listed).slice(0, KEEP).map(compact));
    if (text === last) return;
    last = text;
    rememberInTab(KEY, text);
  };
  write(useJobStore.getState().jobs);
  useJobStore.subscribe((state, before) => {
    if (state.jobs !== before.jobs) write(state.jobs);
  });
}

/** Brings back the results this tab showed before a reload, then keeps remembering. */
export function restoreTabJobs(): void {
  const saved = remembered();
  if (saved.length === 0) return keepTabJobs();
  void import('./rebuild-tab-jobs.ts')
    .then(({ rebuildTabJobs }) => rebuildTabJobs(saved))
    .then((jobs) => useJobStore.getState().restore(jobs))
    .catch((error: unknown) => console.warn('Easel: the results of this tab were not read', error))
    .finally(keepTabJobs);
}
