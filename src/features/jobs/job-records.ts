/**
 * Durable records of the requests in flight (issue 16, item 2). A job is recorded in the
 * gallery database when it is sent — what it asked, on which provider, with its input images
 * and mask — and the record goes when the job ends: in the very transaction that saves its
 * images (save-results.ts, so after a reload there is either the result or the record, never
 * both), or when it fails, is cancelled or dismissed. A record still there after a reload is
 * a job the page was closed on: shown as interrupted, with Try again.
 *
 * A job sent before its record committed is kept by unrecorded-jobs.ts should the page leave
 * first; both kinds come back alike.
 *
 * A job running in another tab holds a Web Lock named after it, so that tab's jobs are not
 * taken for interrupted ones.
 */
import { galleryDb } from '../gallery-store/gallery-db.ts';
import { guardedWrite } from '../gallery-store/guarded-write.ts';
import { isRecord, type JobRecord } from './job-record.ts';
import { forgetUnrecorded, unrecordedJobs } from './unrecorded-jobs.ts';

const LOCK_PREFIX = 'easel-job:';

/** Writes the record (never after a full disk stopped saving: the request goes anyway). */
export async function recordJob(record: JobRecord): Promise<void> {
  // No IndexedDB at all (a test runner, a very old browser): nothing to record into.
  if (!globalThis.indexedDB) return;
  return guardedWrite(galleryDb, async () => {
    await galleryDb.jobs.put(record);
  });
}

export async function forgetJob(id: string): Promise<void> {
  forgetUnrecorded(id);
  if (!globalThis.indexedDB) return;
  // A saved job's record went with its images' transaction: a read then costs far less than
  // a write and its room probe, which would land in the frame that shows the picture.
  if ((await galleryDb.jobs.get(id)) === undefined) return;
  await guardedWrite(galleryDb, () => galleryDb.jobs.delete(id), { explicit: true });
}

/** Holds this job's lock until it ends, telling other tabs it is not interrupted. */
export function holdJobLock(id: string, until: Promise<unknown>): void {
  void globalThis.navigator?.locks
    ?.request(`${LOCK_PREFIX}${id}`, () => until.catch(() => undefined))
    .catch(() => undefined);
}

/** Records left by a page closed while they ran (not those running in another tab). */
export async function interruptedRecords(): Promise<JobRecord[]> {
  const stored = (await galleryDb.jobs.toArray()) as Partial<JobRecord>[];
  // Kept by a page that left before their record reached the database (unrecorded-jobs.ts).
  const ids = new Set(stored.map((row) => row.id));
  const records = [...stored, ...unrecordedJobs().filter((record) => !ids.has(record.id))];
  const held = new Set(
    ((await globalThis.navigator?.locks?.query().catch(() => null))?.held ?? []).map(
      (lock) => lock.name,
    ),
  );
  return records
    .filter(isRecord)
    .filter((record) => !held.has(`${LOCK_PREFIX}${record.id}`))
    .sort((a, b) => b.startedAt - a.startedAt);
}
