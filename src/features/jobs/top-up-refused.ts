/**
 * Try again on a job some of whose images were refused at arrival (api/image-check.ts):
 * the others are saved and paid for, so only the missing ones are asked for, once more, and
 * they join the same card. The request is recorded like any job (a reload while it runs
 * shows it as interrupted) and waits for a provider slot like any other.
 */
import { isAbortError } from '../../api/errors.ts';
import { getActiveProvider } from '../providers/provider-store.ts';
import { reachabilityKey } from '../providers/reachability-store.ts';
import { failureOf } from './job-failure.ts';
import { recordOf } from './job-record.ts';
import { jobById, useJobStore } from './job-store.ts';
import { takeSlot } from './provider-slots.ts';

export async function topUpRefused(id: string): Promise<void> {
  const store = useJobStore.getState();
  const job = jobById(id);
  const handle = store.handles[id];
  const missing = job?.result?.refused?.length ?? 0;
  if (!job?.result || !handle || missing === 0 || job.topUp?.running) return;
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
  try {
    await recorded;
    const asking = handle.spec.request(provider, {
      signal: controller.signal,
      ...(servedModel ? { servedModel } : {}),
      ...(handle.spec.parentId ? { parentId: handle.spec.parentId } : {}),
      count: missing,
    });
    void records.then((r) => r.holdJobLock(recordId, asking));
    const more = await asking.finally(release);
    // Saved before shown, its record deleted in the same transaction.
    const entries = await handle.save(more, { jobId: recordId });
    const now = jobById(id);
    if (!now?.result) return;
    store.patch(id, {
      result: {
        ...now.result,
        images: [...now.result.images, ...more.images],
        ...(more.refused?.length ? { refused: more.refused } : { refused: undefined }),
      },
      entryIds: [...(now.entryIds ?? []), ...entries.map((e) => e.id)],
      topUp: undefined,
    });
  } catch (error) {
    release();
    void records.then((r) => r.forgetJob(recordId)).catch(() => undefined);
    const { title, hint } = failureOf(error);
    store.patch(id, {
      topUp: isAbortError(error) ? undefined : { running: false, error: `${title} ${hint}` },
    });
  }
}
