/**
 * Every write to the gallery database goes through here. Before writing it makes sure the
 * database is open (a reopen runs the marker check) and that saving has not been stopped;
 * after a write that failed in the database itself (full disk or quota, or no reason given)
 * it stops saving and checks the marker again through the open connection, so a database
 * the browser recreated is noticed at once. (A database another tab is upgrading, or one
 * the browser will not open at all, does not stop saving: nothing was at risk.)
 */
import { GalleryStorageError, toGalleryStorageError } from './gallery-storage-error.ts';
import type { GalleryDb } from './gallery-db.ts';
import { resumeSaving, savingStop, stopSaving } from './gallery-health.ts';
import { checkMarker } from './gallery-marker.ts';
import { probeRoom } from './room-probe.ts';

export interface WriteOptions {
  /**
   * The user asked for this write (Try saving again, delete, import): it is tried even
   * after a full disk stopped saving, and a success resumes saving. Never after a loss.
   */
  explicit?: boolean;
  /** Bytes the write stores, for the "free at least" advice. */
  bytes?: number;
}

export async function guardedWrite<T>(
  db: GalleryDb,
  write: () => Promise<T>,
  { explicit = false, bytes = 0 }: WriteOptions = {},
): Promise<T> {
  refuseIfStopped(explicit, bytes);
  try {
    await db.open();
  } catch (error) {
    throw failed(error, bytes);
  }
  // Opening may just have found the database recreated (the marker check runs on open).
  refuseIfStopped(explicit, bytes);
  const stop = savingStop();
  try {
    await probeRoom(bytes);
  } catch (error) {
    throw failed(error, bytes);
  }
  try {
    const written = await write();
    if (stop) resumeSaving();
    return written;
  } catch (error) {
    const problem = failed(error, bytes);
    if (db.isOpen()) await checkMarker(db.name, db.meta).catch(() => undefined);
    throw savingStop()?.cause === 'lost' ? new GalleryStorageError('lost', { bytes }) : problem;
  }
}

/** Writes nothing once saving stopped, unless the user asked and the cause allows it. */
function refuseIfStopped(explicit: boolean, bytes: number): void {
  const stop = savingStop();
  if (stop && (stop.cause === 'lost' || !explicit)) {
    throw new GalleryStorageError(stop.cause, { bytes, stopped: true });
  }
}

function failed(error: unknown, bytes: number): GalleryStorageError {
  const problem = toGalleryStorageError(error, bytes);
  // The browser's own words, for whoever reads the console: the message shown is ours.
  console.warn(`Easel: a gallery write failed (${problem.kind}): ${describe(error)}`, error);
  if (problem.kind === 'disk' || problem.kind === 'quota' || problem.kind === 'failed') {
    stopSaving({ cause: problem.kind, at: Date.now() });
  }
  return problem;
}

/** "AbortError: … ← QuotaExceededError: …": Dexie's error and the ones it wraps. */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { name, message, inner } = current as {
      name?: unknown;
      message?: unknown;
      inner?: unknown;
    };
    parts.push(`${String(name)}: ${String(message)}`);
    current = inner;
  }
  return parts.join(' ← ');
}
