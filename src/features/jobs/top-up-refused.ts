/**
 * Try again on a job some of whose images were refused at arrival (api/image-check.ts):
 * the others are saved and paid for, so only the missing ones are asked for, once more, and
 * they join the same card. The request is recorded like any job (a reload while it runs
 * shows it as interrupted) and waits for a provider slot like any other.
 */
import { isAbortError } from '../../api/errors.ts';
import type { ImageJobResult } from '../../api/image-result.ts';
import { getActiveProvider } from '../providers/provider-store.ts';
import { reachabilityKey } from '../providers/reachability-store.ts';
import { failureOf } from './job-failure.ts';
import { recordOf } from './job-record.ts';
import { saveFailure } from './save-failure.ts';
import { jobById, useJobStore, type TopUpAnswer } from './job-store.ts';
import { takeSlot } from './provider-slots.ts';

export async function topUpRefused(id: string): Promise<void> {
  const store = useJobStore.getState();
  const job = jobById(id);
  const handle = store.handles[id];
  const missing = job?.result?.refused?.length ?? 0;
  if (!job?.result || !handle || missing === 0 || job.topUp?.running || job.topUp?.unsaved) return;
  store.patch(id, { topUp: { running: true } });

  const provider = getActiveProvider();
  const servedModel = provider.models?.some((m) => m.id === handle.spec.servedModel)
    ? handle.spec.servedModel
    : undefined;
  // Its own record: after a reload it comes back as an interrupted job of `missing` images.
  const recordId = crypto.randomUUID();
  const records = import('./job-records.ts');
  const record = {
    ...recordOf(job),
    id: recordId,
    params: { ...job.params, n: missing },
    startedAt: Date.now(),
  };
  const recorded = records.then((r) => r.recordJob(record)).catch(() => undefined);
  const controller = new AbortController();
  const release = await takeSlot(reachabilityKey(provider), controller.signal);
  let more: ImageJobResult;
  try {
    await recorded;
    const asking = handle.spec.request(provider, {
      signal: controller.signal,
      ...(servedModel ? { servedModel } : {}),
      ...(handle.spec.parentId ? { parentId: handle.spec.parentId } : {}),
      count: missing,
    });
    void records.then((r) => r.holdJobLock(recordId, asking));
    more = await asking.finally(release);
  } catch (error) {
    release();
    void records.then((r) => r.forgetJob(recordId)).catch(() => undefined);
    const { title, hint } = failureOf(error, job);
    store.patch(id, {
      topUp: isAbortError(error) ? undefined : { running: false, error: `${title} ${hint}` },
    });
    return;
  }
  await saveTopUp(id, { result: more, recordId });
}

/**
 * Saves images asked again, then adds them to the card. Saved before shown; but an answer
 * the gallery cannot store (a full disk) is paid for, so it joins the card anyway, said to
 * be unsaved, with Try saving again — as a job whose own save failed keeps its images.
 */
export async function saveTopUp(
  id: string,
  answer: TopUpAnswer | undefined = jobById(id)?.topUp?.unsaved,
): Promise<void> {
  const store = useJobStore.getState();
  const handle = store.handles[id];
  if (!answer || !handle) return;
  const pending = jobById(id)?.topUp?.unsaved;
  const shown = pending !== undefined && pending === answer; // a retry: its images are shown
  store.patch(id, { topUp: { running: true, ...(shown ? { unsaved: pending } : {}) } });
  let entryIds: string[] = [];
  let failed: unknown = null;
  try {
    // Its record is deleted in the transaction that saves its images.
    entryIds = (await handle.save(answer.result, { jobId: answer.recordId })).map((e) => e.id);
  } catch (error) {
    failed = error;
  }
  const now = jobById(id);
  if (!now?.result) return;
  const refused = answer.result.refused?.length ? answer.result.refused : undefined;
  store.patch(id, {
    result: shown
      ? now.result
      : { ...now.result, images: [...now.result.images, ...answer.result.images], refused },
    entryIds: [...(now.entryIds ?? []), ...entryIds],
    topUp: failed ? { running: false, unsaved: { ...answer, ...saveFailure(failed) } } : undefined,
  });
}
