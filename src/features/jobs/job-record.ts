/**
 * What a job's durable record holds (issue 16, item 2): what it asked, on which provider,
 * with its input images and mask — enough to show it as interrupted after a reload and send
 * it again. Plain data, with no database code: the record is made as the job starts.
 */
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
  | 'providerKind'
  | 'providerOrigin'
  | 'startedAt'
  | 'parentId'
>;

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
  // Whether its request may have cost money, said when it comes back interrupted.
  if (job.providerKind) record.providerKind = job.providerKind;
  if (inputs) record.inputs = inputs;
  if (servedModel) record.servedModel = servedModel;
  if (parentId) record.parentId = parentId;
  return record;
}

/** A row read back (from the database or the page's storage) that is a whole record. */
export function isRecord(row: Partial<JobRecord>): row is JobRecord {
  return (
    typeof row.id === 'string' &&
    (row.operation === 'generate' || row.operation === 'edit' || row.operation === 'variation') &&
    typeof row.startedAt === 'number' &&
    typeof row.params === 'object' &&
    row.params !== null
  );
}
