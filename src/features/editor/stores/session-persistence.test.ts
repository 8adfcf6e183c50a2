import 'fake-indexeddb/auto';
import { Dexie, type EntityTable } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredEditBatch, StoredSession } from './session-persistence.ts';
import { journalEntries, type JournalRow, type LegacyJournal } from './stroke-journal.ts';

/** The session store as Easel kept it until now: Dexie, three schema versions. */
class OldEditorDb extends Dexie {
  sessions!: EntityTable<StoredSession, 'id'>;
  journal!: EntityTable<LegacyJournal, 'id'>;
  results!: EntityTable<StoredEditBatch, 'id'>;

  constructor() {
    super('easel-editor');
    this.version(1).stores({ sessions: 'id' });
    this.version(2).stores({ journal: 'id' });
    this.version(3).stores({ results: 'id, addedAt' });
  }
}

const session: StoredSession = {
  id: 'current',
  file: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }),
  name: 'harbour.png',
  squareChoice: null,
  geometry: { width: 1536, height: 1024, crop: null } as unknown as StoredSession['geometry'],
  paint: null,
  references: [],
  savedAt: 1,
  sessionKey: 'harbour',
  journalSeq: 2,
};

/** The journal as an older Easel kept it: one row, every entry in it. */
const journal: LegacyJournal = {
  id: 'current',
  sessionKey: 'harbour',
  entries: [
    {
      seq: 3,
      tiles: [{ rect: { x: 0, y: 0, width: 2, height: 1 }, alpha: new Uint8Array([9, 255]) }],
    },
  ],
};

/** An entry as Easel keeps it now: a row of its own. */
const entryRow = (seq: number, value: number): JournalRow => ({
  id: `harbour/${seq}`,
  sessionKey: 'harbour',
  seq,
  tiles: [{ rect: { x: 0, y: 0, width: 2, height: 1 }, alpha: new Uint8Array([value, 255]) }],
});

const batch = (id: string, tabId: string, addedAt: number): StoredEditBatch => ({
  id,
  tabId,
  addedAt,
  batch: { id } as unknown as StoredEditBatch['batch'],
});

/** The store under test, fresh: its module keeps one connection per page. */
async function newStore() {
  vi.resetModules();
  return import('./session-persistence.ts');
}

afterEach(async () => {
  const { editorDb } = await import('./editor-db.ts');
  (await editorDb()).close();
  await Dexie.delete('easel-editor');
});

/** The journal's rows as stored, read after every write issued before. */
async function journalRows(): Promise<(JournalRow | LegacyJournal)[]> {
  const { editorDb } = await import('./editor-db.ts');
  const db = await editorDb();
  return new Promise((resolve) => {
    const request = db.transaction('journal').objectStore('journal').getAll();
    request.onsuccess = () => resolve(request.result as (JournalRow | LegacyJournal)[]);
  });
}

describe('the editor session store', () => {
  it('reads the session, journal and results an older Easel saved with Dexie', async () => {
    const old = new OldEditorDb();
    await old.sessions.put(session);
    await old.journal.put(journal);
    await old.results.bulkPut([
      batch('b1', 'tab-a', 1),
      batch('b2', 'tab-b', 2),
      batch('b3', 'tab-a', 3),
    ]);
    old.close();

    const store = await newStore();
    const loaded = await store.loadSession();
    expect(loaded?.session).toMatchObject({
      name: 'harbour.png',
      sessionKey: 'harbour',
      journalSeq: 2,
    });
    expect(new Uint8Array(await loaded!.session.file.arrayBuffer())).toEqual(
      new Uint8Array([137, 80, 78, 71]),
    );
    expect(journalEntries(loaded!.journal, 'harbour')).toEqual(journal.entries);
    expect((await store.loadEditBatches('tab-a')).map((row) => row.id)).toEqual(['b3', 'b1']);
  });

  it('writes results an older Easel, still open in another tab, reads with Dexie', async () => {
    const store = await newStore();
    await store.putEditBatch(batch('b1', 'tab-a', 1));
    const { editorDb } = await import('./editor-db.ts');
    (await editorDb()).close();

    const old = new OldEditorDb();
    expect(await old.results.orderBy('addedAt').primaryKeys()).toEqual(['b1']);
    old.close();
  });

  it('journals a stroke issued before the database has opened', async () => {
    const store = await newStore();
    store.writeJournal({ put: [entryRow(3, 9)] });
    // Transactions run in the order they were made: this read comes after the journal's put.
    expect((await journalRows())[0]).toEqual(entryRow(3, 9));
  });

  it('keeps each entry a row: a write adds its own, removes what it names, or starts afresh', async () => {
    const old = new OldEditorDb();
    await old.journal.put(journal);
    old.close();
    const store = await newStore();
    store.writeJournal({ put: [entryRow(4, 1)] });
    store.writeJournal({ put: [entryRow(5, 2), entryRow(6, 3)] });
    store.writeJournal({ remove: ['harbour/4', 'harbour/5'] });
    const rows = await journalRows();
    expect(rows.map((row) => row.id).sort()).toEqual(['current', 'harbour/6']);
    expect(journalEntries(rows, 'harbour').map((e) => e.seq)).toEqual([3, 6]);

    store.writeJournal({ clear: true, put: [entryRow(1, 4)] });
    expect(await journalRows()).toEqual([entryRow(1, 4)]);
  });

  it('keeps the newest 24 result rows over all tabs, and gives a tab its own, newest first', async () => {
    const store = await newStore();
    for (let i = 1; i <= 26; i++)
      await store.putEditBatch(batch(`b${i}`, i % 2 ? 'odd' : 'even', i));
    const odd = (await store.loadEditBatches('odd')).map((row) => row.addedAt);
    const even = (await store.loadEditBatches('even')).map((row) => row.addedAt);
    expect(odd).toEqual([25, 23, 21, 19, 17, 15, 13, 11, 9, 7, 5, 3]);
    expect(even).toEqual([26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4]);
    await store.deleteEditBatches(['b26', 'b24']);
    expect((await store.loadEditBatches('even')).map((row) => row.addedAt).slice(0, 2)).toEqual([
      22, 20,
    ]);
  });
});
