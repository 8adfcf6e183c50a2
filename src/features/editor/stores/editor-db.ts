/**
 * The editor's own IndexedDB database (`easel-editor`) on the browser's API, without Dexie:
 * the Edit view reads it at mount, and Dexie (~31 KB gzip) would then load with the view's
 * first open. The gallery's database keeps Dexie; it loads when the editor first touches it.
 *
 * Contract: the schema Dexie made until now, read and written as it was. Dexie numbers its
 * versions ×10 (its version 3 is IndexedDB's 30); each store's key is `id`, and `results`
 * has an `addedAt` index. A database an older Easel made opens here unchanged, and one made
 * here opens in an older Easel still running in another tab.
 */
const NAME = 'easel-editor';
const VERSION = 30;

export type EditorStoreName = 'sessions' | 'journal' | 'results';

/** Creates what a database at `oldVersion` lacks, in Dexie's order (v1, v2, v3). */
function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 10) db.createObjectStore('sessions', { keyPath: 'id' });
  // v2: the stroke journal, written the moment a stroke ends.
  if (oldVersion < 20) db.createObjectStore('journal', { keyPath: 'id' });
  // v3: the edit results strip of each tab, for a reload of that tab.
  if (oldVersion < 30)
    db.createObjectStore('results', { keyPath: 'id' }).createIndex('addedAt', 'addedAt');
}

/** The request's result once it succeeds. */
export function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when the transaction has committed (its writes are on disk). */
export function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    const fail = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    transaction.onerror = fail;
    transaction.onabort = fail;
  });
}

let opening: Promise<IDBDatabase> | null = null;
let connection: IDBDatabase | null = null;

function openDb(): Promise<IDBDatabase> {
  const request = indexedDB.open(NAME, VERSION);
  request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
  return settled(request).then((db) => {
    connection = db;
    const forget = () => {
      db.close();
      if (connection === db) [connection, opening] = [null, null];
    };
    // Another tab upgrading, or the browser closing the connection (site data cleared):
    // let go, and open anew at the next use.
    db.onversionchange = forget;
    db.onclose = forget;
    return db;
  });
}

/** The open database, opening it at the first call. */
export function editorDb(): Promise<IDBDatabase> {
  opening ??= openDb().catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** The connection if it is already open, so a write can be issued in the calling task. */
export const openEditorDb = (): IDBDatabase | null => connection;
