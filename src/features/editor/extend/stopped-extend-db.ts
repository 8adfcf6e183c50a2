/**
 * Stopped extends on disk, so one that stopped part-way goes on after a reload (or tomorrow)
 * without paying for its frames again.
 *
 * Contract: rows of the editor database's `sessions` store (editor-db.ts; the session itself
 * is its row 'current'), with ids `stopped-extend:<file size>:<SHA-256 of the file>`: one per
 * picture, the newest MAX_KEPT kept. A row holds the layout and the gallery entry of each
 * frame made, never image bytes: those are the gallery's, read back when the extend resumes.
 * Each write is one put, committed before it resolves.
 */
import type { Dimensions } from '../../../api/model-types.ts';
import type { SourceGeometry } from '../../../lib/image-geometry.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import { committed, editorDb, settled } from '../stores/editor-db.ts';
import type { FrameCost } from './frames-cost.ts';

export interface StoredExtend {
  id: string;
  /** The picture's gallery entry: the extend is forgotten once it is deleted. */
  sourceId?: string;
  /** How the picture was prepared (scale, crop): the frames fit only the same. */
  geometry: SourceGeometry;
  canvas: Dimensions;
  at: { x: number; y: number };
  frames: Rect[];
  made: { frame: Rect; entryId: string; cost: FrameCost | null }[];
  savedAt: number;
}

const PREFIX = 'stopped-extend:';
/** Pictures whose stopped extend is kept; an older one is forgotten as newer ones stop. */
const MAX_KEPT = 8;

async function inSessions<T>(
  mode: IDBTransactionMode,
  work: (sessions: IDBObjectStore) => Promise<T>,
): Promise<T> {
  const transaction = (await editorDb()).transaction('sessions', mode);
  const [result] = await Promise.all([
    work(transaction.objectStore('sessions')),
    committed(transaction),
  ]);
  return result;
}

const range = () => IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`);

/** Keys worked out this page, by file (hashing a large photo again at each open is waste). */
const keys = new WeakMap<Blob, Promise<string>>();

/** The key a picture's stopped extend is kept under: its file's size and SHA-256. */
export function stoppedExtendKey(file: Blob): Promise<string> {
  let key = keys.get(file);
  if (!key) {
    key = file
      .arrayBuffer()
      .then((bytes) => crypto.subtle.digest('SHA-256', bytes))
      .then(
        (digest) =>
          sizePrefix(file) +
          Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''),
      );
    keys.set(file, key);
  }
  return key;
}

const sizePrefix = (file: Blob) => `${PREFIX}${file.size}:`;

/**
 * Whether a stopped extend may be kept for this file: one of its size is. Asked before the
 * file is hashed, so that opening a picture with no stopped extend (nearly always) reads no
 * bytes: hashing a large photo would take the cores its decode needs.
 */
export function mayHaveStoppedExtend(file: Blob): Promise<boolean> {
  const prefix = sizePrefix(file);
  return inSessions('readonly', (rows) =>
    settled<number>(rows.count(IDBKeyRange.bound(prefix, `${prefix}\uffff`))),
  ).then((count) => count > 0);
}

/**
 * Rows read in this page, by key: the look-up starts when a picture is opened and Extend's
 * open finds it done. This page's writes keep it current; another tab's are seen at a reload.
 */
const read = new Map<string, Promise<StoredExtend | undefined>>();

export function getStoppedExtend(key: string): Promise<StoredExtend | undefined> {
  let row = read.get(key);
  if (!row) {
    row = inSessions('readonly', (rows) => settled<StoredExtend | undefined>(rows.get(key)));
    read.set(key, row);
    // A failed read is not kept: the next look-up asks again (and says why if it fails).
    row.catch(() => read.delete(key));
  }
  return row;
}

export async function putStoppedExtend(row: StoredExtend): Promise<void> {
  read.delete(row.id);
  const forgotten = await inSessions('readwrite', async (rows) => {
    rows.put(row);
    const all = await settled<StoredExtend[]>(rows.getAll(range()));
    const old = all.sort((a, b) => b.savedAt - a.savedAt).slice(MAX_KEPT);
    for (const { id } of old) rows.delete(id);
    return old.map(({ id }) => id);
  });
  for (const id of forgotten) read.delete(id);
  read.set(row.id, Promise.resolve(row));
}

export async function deleteStoppedExtend(key: string): Promise<void> {
  read.delete(key);
  await inSessions('readwrite', (rows) => settled(rows.delete(key)));
  read.set(key, Promise.resolve(undefined));
}
