/**
 * The editor session in IndexedDB, so a reload brings back the image and the painted mask.
 *
 * Contract: its own database (`easel-editor`, editor-db.ts, separate from the gallery's), one
 * row with id 'current' holding the file as brought in, how it was framed (square choice,
 * geometry), the paint as a PNG (alpha = coverage, at the prepared size) and the
 * reference images. Each save replaces the row whole, in one put, so a reload sees either
 * the previous session or the new one, never a mix. Strokes made since the last whole save
 * live in the `journal` store, a row an entry (see stroke-journal.ts); an older Easel open in
 * another tab reads only its own single row, so after a reload there it reopens the last
 * whole save without them.
 */
import { committed, editorDb, openEditorDb, settled, type EditorStoreName } from './editor-db.ts';
import type { SourceGeometry } from '../../../lib/image-geometry.ts';
import { imageTasks } from '../intake/image-tasks.ts';
import type { ReferenceImage, SessionState, SquareChoice } from './session-store.ts';
import type { JournalWrite, StoredJournalRow } from './stroke-journal.ts';
import type { EditBatch } from '../edit/edit-results-store.ts';

export interface StoredSession {
  id: 'current';
  file: Blob;
  name: string;
  parentId?: string;
  squareChoice: SquareChoice | null;
  geometry: SourceGeometry;
  paint: Blob | null;
  references: Omit<ReferenceImage, 'id'>[];
  savedAt: number;
  /** The opened image's journal key, and the newest journal entry `paint` holds. */
  sessionKey?: string;
  journalSeq?: number;
}

/** Which journal a save belongs to, and how far into it the saved paint reaches. */
export interface JournalMark {
  sessionKey: string;
  journalSeq: number;
}

/** An edit's results as a tab showed them (edit/edit-results-memory.ts). */
export interface StoredEditBatch {
  id: string;
  tabId: string;
  addedAt: number;
  batch: EditBatch;
}

/** Reads or writes in one transaction on `stores`; resolves once it has committed. */
async function inStores<T>(
  stores: EditorStoreName[],
  mode: IDBTransactionMode,
  work: (transaction: IDBTransaction) => T | Promise<T>,
): Promise<T> {
  const transaction = (await editorDb()).transaction(stores, mode);
  const [result] = await Promise.all([work(transaction), committed(transaction)]);
  return result;
}

/** Opens the database ahead of the first stroke, so a journal write is issued at once. */
export function openSessionStore(): void {
  editorDb().catch((error: unknown) =>
    console.warn('Easel: the editor session store did not open', error),
  );
}

export async function loadSession(): Promise<
  { session: StoredSession; journal: StoredJournalRow[] } | undefined
> {
  const [session, journal] = await inStores(['sessions', 'journal'], 'readonly', (t) =>
    Promise.all([
      settled<StoredSession | undefined>(t.objectStore('sessions').get('current')),
      settled<StoredJournalRow[]>(t.objectStore('journal').getAll()),
    ]),
  );
  return session ? { session, journal } : undefined;
}

/** Issues the write and the commit in the calling task, in one transaction. */
function applyJournalWrite(db: IDBDatabase, write: JournalWrite, warn: (error: unknown) => void) {
  try {
    const transaction = db.transaction('journal', 'readwrite');
    const rows = transaction.objectStore('journal');
    if (write.clear) rows.clear();
    for (const id of write.remove ?? []) rows.delete(id);
    for (const row of write.put ?? []) rows.put(row);
    transaction.onerror = (event) => warn((event.target as IDBRequest).error);
    transaction.commit();
  } catch (error) {
    warn(error);
  }
}

/**
 * Issues the journal's write AND its commit in the calling task. IndexedDB commits a
 * transaction on its own only once its requests' success events have run, a round trip
 * later (Dexie, used here before, committed after its promise settled): a reload in that gap
 * (one run in 25 on a busy machine) discarded the transaction, and the stroke with it. An
 * explicitly committed transaction is completed by the browser even when the page goes
 * right after. Before the database has opened, the write waits for it.
 */
export function writeJournal(write: JournalWrite): void {
  const warn = (error: unknown) => console.warn('Easel: a stroke could not be journalled', error);
  const db = openEditorDb();
  if (db) return applyJournalWrite(db, write, warn);
  editorDb().then((opened) => applyJournalWrite(opened, write, warn), warn);
}

/**
 * Saves the session whole. `withPaint: false` saves the image without encoding the mask
 * (the journal carries it): the quick first save of a newly opened image.
 */
export async function saveSession(
  state: SessionState,
  mark: JournalMark,
  { withPaint = true }: { withPaint?: boolean } = {},
): Promise<void> {
  const { source, prepared, mask } = state;
  if (!source || !prepared || !mask || state.status !== 'ready') return;
  // Snapshot now, encode in the image worker: a 4K mask's PNG would otherwise stall a frame.
  const paint = withPaint ? await imageTasks.encodePng(await mask.snapshot()) : null;
  const session: StoredSession = {
    id: 'current',
    file: source.file,
    name: source.name,
    ...(source.parentId ? { parentId: source.parentId } : {}),
    squareChoice: state.squareChoice,
    geometry: prepared.geometry,
    paint,
    references: state.references.map(({ id: _id, ...rest }) => rest),
    savedAt: Date.now(),
    ...mark,
  };
  await inStores(['sessions'], 'readwrite', (t) => settled(t.objectStore('sessions').put(session)));
}

/** Rows kept over all tabs: a closed tab's results go as newer edits come. */
const KEEP_RESULT_ROWS = 24;

export async function putEditBatch(row: StoredEditBatch): Promise<void> {
  await inStores(['results'], 'readwrite', (t) => {
    const results = t.objectStore('results');
    results.put(row);
    // Read after the put, in the same transaction: oldest first, all but the newest go.
    const keys = results.index('addedAt').getAllKeys();
    keys.onsuccess = () => {
      for (const key of keys.result.slice(0, Math.max(0, keys.result.length - KEEP_RESULT_ROWS)))
        results.delete(key);
    };
  });
}

export const deleteEditBatches = (ids: string[]) =>
  inStores(['results'], 'readwrite', (t) => {
    for (const id of ids) t.objectStore('results').delete(id);
  });

/** A tab's stored edit results, newest first. */
export async function loadEditBatches(tabId: string): Promise<StoredEditBatch[]> {
  const rows = await inStores(['results'], 'readonly', (t) =>
    settled<StoredEditBatch[]>(t.objectStore('results').index('addedAt').getAll()),
  );
  return rows.reverse().filter((row) => row.tabId === tabId);
}
