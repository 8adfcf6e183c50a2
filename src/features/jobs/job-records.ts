/**
 * Durable records of the requests in flight (issue 16, item 2). A job is recorded in the
 * gallery database when it is sent — what it asked, on which provider, with its input images
 * and mask — and the record goes when the job ends: in the very transaction that saves its
 * images (save-results.ts, so after a reload there is either the result or the record, never
 * both), or when it fails, is cancelled or dismissed. A record still there after a reload is
 * a job the page was closed on: shown as interrupted, with Try again.
 *
 * A job running in another tab holds a Web Lock named after it, so that tab's jobs are not
 * taken for interrupted ones.
 */
import { galleryDb } from '../gallery-store/gallery-db.ts';
import { guardedWrite } from '../gallery-store/guarded-write.ts';
import type { ImageJob } from './job-store.ts';

export type JobRecord = Pick<
  ImageJob,
  | 'id'
  | 'operation'
  | 'view'
  | 'prompt'
  | 'params'
  | 'inputs'
  | 'servedModel'
  | 'providerName'
  | 'providerOrigin'
  | 'startedAt'
  | 'parentId'
>;

const LOCK_PREFIX = 'easel-job:';

export function recordOf(job: ImageJob): JobRecord {
  const { id, operation, view, prompt, params, inputs, servedModel } = job;
  const { providerName, providerOrigin, startedAt, parentId } = job;
  const record: JobRecord = {
    id,
    operation,
    prompt,
    params,
    providerName,
    providerOrigin,
    startedAt,
  };
  if (view) record.view = view;
  if (inputs) record.inputs = inputs;
  if (servedModel) record.servedModel = servedModel;
  if (parentId) record.parentId = parentId;
  return record;
}

/** Writes the record (never after a full disk stopped saving: the request goes anyway). */
export async function recordJob(record: JobRecord): Promise<void> {
  // No IndexedDB at all (a test runner, a very old browser): nothing to record into.
  if (!globalThis.indexedDB) return;
  return guardedWrite(galleryDb, async () => {
    await galleryDb.jobs.put(record);
  });
}

export async function forgetJob(id: string): Promise<void> {
  if (!globalThis.indexedDB) return;
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
  const records = (await galleryDb.jobs.toArray()) as Partial<JobRecord>[];
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

function isRecord(row: Partial<JobRecord>): row is JobRecord {
  return (
    typeof row.id === 'string' &&
    (row.operation === 'generate' || row.operation === 'edit' || row.operation === 'variation') &&
    typeof row.startedAt === 'number' &&
    typeof row.params === 'object' &&
    row.params !== null
  );
}
