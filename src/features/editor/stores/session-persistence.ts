/**
 * The editor session in IndexedDB, so a reload brings back the image and the painted mask.
 *
 * Contract: its own Dexie database (`easel-editor`, separate from the gallery's schema), one
 * row with id 'current' holding the file as brought in, how it was framed (square choice,
 * geometry), the paint as a PNG (alpha = coverage, at the prepared size) and the
 * reference images. Each save replaces the row whole, in one put, so a reload sees either
 * the previous session or the new one, never a mix. Strokes made since the last whole save
 * live in the `journal` table (see stroke-journal.ts).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { SourceGeometry } from '../../../lib/image-geometry.ts';
import { imageTasks } from '../intake/image-tasks.ts';
import type { ReferenceImage, SessionState, SquareChoice } from './session-store.ts';
import type { StoredJournal } from './stroke-journal.ts';
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

class EditorDb extends Dexie {
  sessions!: EntityTable<StoredSession, 'id'>;
  journal!: EntityTable<StoredJournal, 'id'>;
  results!: EntityTable<StoredEditBatch, 'id'>;

  constructor() {
    super('easel-editor');
    this.version(1).stores({ sessions: 'id' });
    // v2: the stroke journal, written the moment a stroke ends.
    this.version(2).stores({ journal: 'id' });
    // v3: the edit results strip of each tab, for a reload of that tab.
    this.version(3).stores({ results: 'id, addedAt' });
  }
}

let db: EditorDb | null = null;
const open = () => (db ??= new EditorDb());

/** Opens the database ahead of the first stroke, so a journal write is issued at once. */
export function openSessionStore(): void {
  void open()
    .open()
    .catch((error: unknown) => console.warn('Easel: the editor session store did not open', error));
}

export async function loadSession(): Promise<
  { session: StoredSession; journal: StoredJournal | undefined } | undefined
> {
  const [session, journal] = await Promise.all([
    open().sessions.get('current'),
    open().journal.get('current'),
  ]);
  return session ? { session, journal } : undefined;
}

/**
 * Issues the journal's write AND its commit in the calling task. IndexedDB commits a
 * transaction on its own only once its requests' success events have run, a round trip
 * later, and Dexie commits after its promise settles: a reload in that gap (one run in 25 on
 * a busy machine) discarded the transaction, and the stroke with it. An explicitly committed
 * transaction is completed by the browser even when the page goes right after.
 */
export function saveJournal(journal: StoredJournal): void {
  const warn = (error: unknown) => console.warn('Easel: a stroke could not be journalled', error);
  const store = open();
  if (!store.isOpen()) return void store.journal.put(journal).catch(warn);
  try {
    const transaction = store.backendDB().transaction('journal', 'readwrite');
    transaction.objectStore('journal').put(journal);
    transaction.onerror = (event) => warn((event.target as IDBRequest).error);
    transaction.commit();
  } catch (error) {
    warn(error);
  }
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
  const paint = withPaint ? await imageTasks.encodePng(await createImageBitmap(mask.canvas)) : null;
  await open().sessions.put({
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
  });
}

/** Rows kept over all tabs: a closed tab's results go as newer edits come. */
const KEEP_RESULT_ROWS = 24;

export async function putEditBatch(row: StoredEditBatch): Promise<void> {
  const results = open().results;
  await results.put(row);
  const old = await results.orderBy('addedAt').reverse().offset(KEEP_RESULT_ROWS).primaryKeys();
  if (old.length > 0) await results.bulkDelete(old);
}

export const deleteEditBatches = (ids: string[]) => open().results.bulkDelete(ids);

/** A tab's stored edit results, newest first. */
export async function loadEditBatches(tabId: string): Promise<StoredEditBatch[]> {
  const rows = await open().results.orderBy('addedAt').reverse().toArray();
  return rows.filter((row) => row.tabId === tabId);
}
