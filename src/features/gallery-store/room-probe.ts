/**
 * Whether there is room for a gallery write, asked of the site's private file system first.
 * On a full disk a failed IndexedDB write makes Chromium close the whole database, and
 * reopening it needs room too: the gallery could then not even be listed, though reading
 * needs none (and a reopen with a little room has been seen to make the browser discard the
 * database). A write the probe refuses never reaches IndexedDB, so the open connection stays
 * healthy and the gallery stays readable while saving is stopped.
 *
 * The probe writes as many bytes as the write will store (up to PROBE_CAP), plus a margin for the database's
 * own records, into a scratch file and throws it away unflushed (the file system reserves
 * the room as it is written, so a full disk or quota refuses it at once). The browser does
 * not say which of the two is full: both answer QuotaExceededError.
 */
export const PROBE_MARGIN = 64 * 1024;
/**
 * The most a probe writes: an archive import's batch of hundreds of images is not written
 * twice. A disk with less room left than this is caught; one between this and a larger
 * batch is left to the database's own refusal.
 */
export const PROBE_CAP = 16 * 1024 * 1024;
const PROBE_NAME = 'easel-room-probe';
const CHUNK = new Uint8Array(1024 * 1024);

/** Resolves when there is room (or no way to ask); rejects with QuotaExceededError if not. */
export async function probeRoom(bytes: number): Promise<void> {
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
    for (let left = Math.min(bytes, PROBE_CAP) + PROBE_MARGIN; left > 0; left -= CHUNK.length) {
      await writable.write(left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left));
    }
  } catch (error) {
    if (isNoRoom(error)) throw error;
  } finally {
    await writable.abort().catch(() => undefined);
    await root.removeEntry(PROBE_NAME).catch(() => undefined);
  }
}

const isNoRoom = (error: unknown) =>
  error instanceof DOMException && error.name === 'QuotaExceededError';
