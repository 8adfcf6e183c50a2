/**
 * Whether there is room for a gallery write, asked of the site's private file system first.
 * On a full disk a failed IndexedDB write makes Chromium close the whole database, and
 * reopening it needs room too: the gallery could then not even be listed, though reading
 * needs none (and a reopen with a little room has been seen to make the browser discard the
 * database). A write the probe refuses never reaches IndexedDB, so the open connection stays
 * healthy and the gallery stays readable while saving is stopped.
 *
 * The probe writes as many bytes as the write will store, plus a margin for the database's
 * own records, into a scratch file and throws them away (the file system reserves the room as
 * it is written, so a full disk or quota refuses it at once). The browser does not say which
 * of the two is full: both answer QuotaExceededError. It runs at the moment of every write:
 * room seen earlier says nothing of what another program wrote since.
 *
 * The worker's synchronous file handle (room-probe-worker.ts) makes it cheap; where there is
 * none, the page writes through a writable stream (ten times slower, the same answer).
 */
import { workerApi } from '../../lib/worker-api.ts';
import type { RoomProbeApi, RoomVerdict } from './room-probe-worker.ts';

export const PROBE_MARGIN = 64 * 1024;
const PROBE_NAME = 'easel-room-probe';
const CHUNK = new Uint8Array(1024 * 1024);

const worker = workerApi<RoomProbeApi>({
  start: () =>
    new Worker(new URL('./room-probe-worker.ts', import.meta.url), {
      type: 'module',
      name: 'easel-room-probe',
    }),
  crashed: (reason) => new Error(`The room probe worker failed: ${reason}.`),
});
/** Set once the worker cannot probe here: the page's own probe answers from then on. */
let workerUnusable = false;

/**
 * A probe asked for just before its write is known (a result whose bytes are being checked):
 * the write's own probeRoom takes its answer, if it needs no more bytes and comes soon after.
 * It is used once; one not taken is forgotten (no write, nothing refused).
 */
let ahead: { wanted: number; at: number; answer: Promise<void> } | null = null;
/** How long a probe ahead stands for the write: the moment of the write, give or take a check. */
const AHEAD_VALID_MS = 1000;

/**
 * Starts the probe of a write about to come, so that the write does not wait for it. One
 * asked for at least as many bytes a moment ago stands: it is not asked again.
 */
export function probeRoomAhead(bytes: number): void {
  const wanted = Math.max(0, bytes) + PROBE_MARGIN;
  if (ahead && ahead.wanted >= wanted && performance.now() - ahead.at < AHEAD_VALID_MS) return;
  const answer = probe(wanted);
  answer.catch(() => undefined); // Answered to the write that takes it, if one does.
  ahead = { wanted, at: performance.now(), answer };
}

/** Resolves when there is room (or no way to ask); rejects with QuotaExceededError if not. */
export async function probeRoom(bytes: number): Promise<void> {
  const wanted = Math.max(0, bytes) + PROBE_MARGIN;
  const early = ahead;
  ahead = null;
  if (early && early.wanted >= wanted && performance.now() - early.at < AHEAD_VALID_MS) {
    return early.answer;
  }
  return probe(wanted);
}

async function probe(wanted: number): Promise<void> {
  const verdict = await probeInWorker(wanted);
  if (verdict === 'full') throw noRoom();
  if (verdict === 'unknown') await probeFromPage(wanted);
}

async function probeInWorker(bytes: number): Promise<RoomVerdict> {
  if (workerUnusable || typeof Worker === 'undefined') return 'unknown';
  const verdict = await worker.probe(bytes).catch((): RoomVerdict => 'unknown');
  if (verdict === 'unknown') workerUnusable = true;
  return verdict;
}

async function probeFromPage(bytes: number): Promise<void> {
  const root =
    typeof navigator !== 'undefined' && navigator.storage?.getDirectory
      ? await navigator.storage.getDirectory().catch(() => null)
      : null;
  if (!root) return; // No private file system here: the database answers for itself.
  let writable: FileSystemWritableFileStream;
  try {
    writable = await (await root.getFileHandle(PROBE_NAME, { create: true })).createWritable();
  } catch (error) {
    if (isNoRoom(error)) throw error;
    return;
  }
  try {
    for (let left = bytes; left > 0; left -= CHUNK.length) {
      await writable.write(left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left));
    }
  } catch (error) {
    if (isNoRoom(error)) throw error;
  } finally {
    await writable.abort().catch(() => undefined);
    await root.removeEntry(PROBE_NAME).catch(() => undefined);
  }
}

const noRoom = () =>
  new DOMException('There is no room left for this write.', 'QuotaExceededError');

const isNoRoom = (error: unknown) =>
  error instanceof DOMException && error.name === 'QuotaExceededError';
