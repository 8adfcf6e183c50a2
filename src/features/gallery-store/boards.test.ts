import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addToBoard,
  createBoard,
  deleteBoard,
  listBoards,
  removeFromBoard,
  renameBoard,
} from './boards.ts';
import { cleanBoardName, freeBoardName, nameClash } from './board-names.ts';
import { GalleryDb } from './gallery-db.ts';
import type { GalleryEntry } from './gallery-entry.ts';

let db: GalleryDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

const entry = (id: string): GalleryEntry => ({
  id,
  kind: 'generation',
  batchId: `batch-${id}`,
  index: 0,
  createdAt: 1,
  durationMs: 1,
  prompt: id,
  model: 'gpt-image-1',
  params: { model: 'gpt-image-1' },
  provider: { name: 'Local engine', kind: 'local' },
  mime: 'image/png',
  width: 8,
  height: 8,
  byteLength: 8,
  favourite: 0,
});

async function withImages(...ids: string[]) {
  db = new GalleryDb(`test-boards-${Math.random()}`);
  await db.entries.bulkAdd(ids.map(entry));
}
const boardsOf = async (id: string) => (await db.entries.get(id))?.boardIds;

describe('boards', () => {
  it('holds several images, and an image may be on several boards', async () => {
    await withImages('a', 'b', 'c');
    const moodboard = await createBoard('  Mood   board ', db);
    const print = await createBoard('Print', db);
    await addToBoard(['a', 'b'], moodboard.id, db);
    await addToBoard(['b', 'b'], print.id, db);
    expect(moodboard.name).toBe('Mood board');
    expect(await boardsOf('b')).toEqual([moodboard.id, print.id]);
    expect((await db.entries.where('boardIds').equals(moodboard.id).primaryKeys()).sort()).toEqual([
      'a',
      'b',
    ]);
    expect(await boardsOf('c')).toBeUndefined();
  });

  it('removing images from a board or deleting the board keeps every image', async () => {
    await withImages('a', 'b');
    const board = await createBoard('Keep', db);
    const other = await createBoard('Other', db);
    await addToBoard(['a', 'b'], board.id, db);
    await addToBoard(['a'], other.id, db);
    await removeFromBoard(['b'], board.id, db);
    expect(await boardsOf('b')).toBeUndefined();
    await deleteBoard(board.id, db);
    expect(await boardsOf('a')).toEqual([other.id]);
    expect(await db.entries.count()).toBe(2);
    expect((await listBoards(db)).map((b) => b.name)).toEqual(['Other']);
  });

  it('renames, refusing an empty name', async () => {
    await withImages();
    const board = await createBoard('Draft', db);
    await renameBoard(board.id, 'Final picks', db);
    await expect(renameBoard(board.id, '   ', db)).rejects.toThrow('A board needs a name.');
    expect((await listBoards(db))[0]?.name).toBe('Final picks');
  });

  it('refuses a name another board has, whatever its case and spaces, naming that board', async () => {
    await withImages();
    const harbours = await createBoard('Harbours', db);
    const draft = await createBoard('Draft', db);
    await expect(createBoard('  harbours ', db)).rejects.toThrow(
      'There is already a board named “Harbours”.',
    );
    await expect(renameBoard(draft.id, 'HARBOURS', db)).rejects.toThrow(
      'There is already a board named “Harbours”.',
    );
    // A board may take its own name in another case.
    await renameBoard(harbours.id, 'harbours', db);
    expect((await listBoards(db)).map((b) => b.name).sort()).toEqual(['Draft', 'harbours']);
  });

  it('finds a clash as the name field does, and a free "Board N" for a quick new board', () => {
    const boards = [
      { id: '1', name: 'Board 2', createdAt: 1 },
      { id: '2', name: 'Mood  board', createdAt: 2 },
    ];
    expect(nameClash(' mood board', boards)?.id).toBe('2');
    expect(nameClash('Mood board', boards, '2')).toBeUndefined();
    expect(nameClash('Moods', boards)).toBeUndefined();
    expect(freeBoardName(boards)).toBe('Board 3');
    expect(freeBoardName([{ id: '1', name: 'board 4', createdAt: 1 }, ...boards])).toBe('Board 5');
    expect(freeBoardName([{ id: '1', name: 'Board 3', createdAt: 1 }])).toBe('Board 2');
  });

  it('refuses to add images to a board that is gone', async () => {
    await withImages('a');
    await expect(addToBoard(['a'], 'missing', db)).rejects.toThrow(/no longer in the gallery/);
  });

  it('cleans names: trimmed, spaces folded, at most 80 characters', () => {
    expect(cleanBoardName(` a\n\tb ${'x'.repeat(100)}`)).toHaveLength(80);
  });
});
