/**
 * Jobs sent before their record reached the database. A job without files is sent at once,
 * while its record is written (issue 17: the write — opening, even creating, the database —
 * no longer delays every generation). Should the page go away in that moment, `pagehide`
 * keeps the record in localStorage, written synchronously as the page leaves, and the next
 * page shows it as interrupted like any other (job-records.ts reads both).
 * No database code here: the first screen asks hasUnrecordedJobs() to know whether to look.
 */
import { isRecord, type JobRecord } from './job-record.ts';

const KEY = 'easel.unrecorded-jobs';
const pending = new Map<string, JobRecord>();
let listening = false;

/** This job is in flight with no record in the database yet. */
export function holdUnrecorded(record: JobRecord): void {
  pending.set(record.id, record);
  if (listening || typeof addEventListener !== 'function') return;
  listening = true;
  addEventListener('pagehide', keepPending);
  // Back from the back/forward cache: the jobs are this page's again, not interrupted ones.
  addEventListener('pageshow', (event) => {
    if (event.persisted) for (const id of pending.keys()) forgetUnrecorded(id);
  });
}

/** Its record is in the database now, or the job ended: nothing to keep for it. */
export function releaseUnrecorded(id: string): void {
  pending.delete(id);
}

export function hasUnrecordedJobs(): boolean {
  return read().length > 0;
}

/** The records earlier pages kept as they left. */
export function unrecordedJobs(): JobRecord[] {
  return read();
}

export function forgetUnrecorded(id: string): void {
  const left = read().filter((record) => record.id !== id);
  write(left);
}

function keepPending(): void {
  if (pending.size === 0) return;
  const kept = read().filter((record) => !pending.has(record.id));
  write([...kept, ...pending.values()]);
}

function read(): JobRecord[] {
  try {
    const rows: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    return Array.isArray(rows) ? (rows as Partial<JobRecord>[]).filter(isRecord) : [];
  } catch {
    return [];
  }
}

function write(records: JobRecord[]): void {
  try {
    if (records.length > 0) globalThis.localStorage?.setItem(KEY, JSON.stringify(records));
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Storage refused (private mode, full): the database's record is all there is.
  }
}
