/**
 * The room probe's worker (room-probe.ts). It keeps a synchronous access handle on a scratch
 * file in the site's private file system and answers "is there room for N bytes?" by writing N
 * zero bytes into it and cutting it back to nothing. On a profile on disk that costs about a
 * millisecond for a 1.4 MB result — the page's own writable-stream probe took 10–45 ms, as
 * every chunk crossed to the browser process and back — and the answer is the same: the disk
 * or the site's quota refuses the write at once (QuotaExceededError), before IndexedDB is
 * asked for anything.
 */
import { exposeApi } from '../../lib/worker-expose.ts';

/** What a probe found. 'unknown': no sync access here, the page probes another way. */
export type RoomVerdict = 'room' | 'full' | 'unknown';

/** Not in TypeScript's DOM lib (workers only). */
interface SyncAccessHandle {
  write(buffer: Uint8Array<ArrayBuffer>, options: { at: number }): number;
  truncate(size: number): void;
  close(): void;
}
type SyncFileHandle = FileSystemFileHandle & {
  createSyncAccessHandle(): Promise<SyncAccessHandle>;
};

/**
 * One scratch file per open tab: a sync handle locks its file, so a second tab takes the next
 * name. A few names, reused, so no file is ever left behind per visit.
 */
const NAMES = Array.from({ length: 8 }, (_, i) => `easel-room-probe-${i}`);
const ZEROS = new Uint8Array(1024 * 1024);

let handle: Promise<SyncAccessHandle | null> | null = null;

async function openHandle(): Promise<SyncAccessHandle | null> {
  const root = await navigator.storage.getDirectory();
  for (const name of NAMES) {
    const file = (await root.getFileHandle(name, { create: true })) as SyncFileHandle;
    if (typeof file.createSyncAccessHandle !== 'function') return null;
    try {
      const sync = await file.createSyncAccessHandle();
      sync.truncate(0); // A crashed tab may have left bytes behind.
      return sync;
    } catch (error) {
      if (isNoRoom(error)) throw error;
      // Locked by another tab: try the next name.
    }
  }
  return null;
}

const api = {
  async probe(bytes: number): Promise<RoomVerdict> {
    let sync: SyncAccessHandle | null;
    try {
      sync = await (handle ??= openHandle());
    } catch (error) {
      handle = null;
      return isNoRoom(error) ? 'full' : 'unknown';
    }
    if (!sync) return 'unknown';
    try {
      for (let at = 0; at < bytes;) {
        const size = Math.min(ZEROS.length, bytes - at);
        const wrote = sync.write(size === ZEROS.length ? ZEROS : ZEROS.subarray(0, size), { at });
        if (wrote <= 0) return 'full';
        at += wrote;
      }
      return 'room';
    } catch (error) {
      if (isNoRoom(error)) return 'full';
      handle = null; // A handle that failed otherwise is not trusted again.
      sync.close();
      return 'unknown';
    } finally {
      try {
        sync.truncate(0);
      } catch {
        // Closed above, or the file is gone: the next probe opens it afresh.
      }
    }
  },
};

const isNoRoom = (error: unknown) =>
  error instanceof DOMException && error.name === 'QuotaExceededError';

exposeApi(api);

export type RoomProbeApi = typeof api;
