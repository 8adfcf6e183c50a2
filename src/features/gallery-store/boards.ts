/**
 * Boards: named collections of gallery images, like InvokeAI's. Contract: a board is a row in
 * `boards`; an image is on a board when the board's id is in its entry's `boardIds` (several
 * boards per image). Deleting a board takes it off its images and never deletes an image.
 * Every change is one transaction.
 */
import { cleanBoardName, nameClash, nameTakenMessage } from './board-names.ts';
import type { Board, GalleryEntry } from './gallery-entry.ts';
import { galleryDb, type GalleryDb } from './gallery-db.ts';
import { toGalleryStorageError } from './gallery-storage-error.ts';

class BoardNameTakenError extends Error {
  override readonly name = 'BoardNameTakenError';
  constructor(board: Board) {
    super(nameTakenMessage(board));
  }
}

/** The board was deleted (in another tab, say) while this one still showed it. */
class BoardGoneError extends Error {
  override readonly name = 'BoardGoneError';
  constructor() {
    super('This board is no longer in the gallery.');
  }
}

async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const ours = error instanceof BoardGoneError || error instanceof BoardNameTakenError;
    throw ours ? error : toGalleryStorageError(error);
  }
}

/** Every board, oldest first (the order they were made in). */
export async function listBoards(db: GalleryDb = galleryDb): Promise<Board[]> {
  return db.boards.orderBy('createdAt').toArray();
}

export function createBoard(name: string, db: GalleryDb = galleryDb): Promise<Board> {
  const board: Board = {
    id: crypto.randomUUID(),
    name: cleanBoardName(name) || 'Untitled board',
    createdAt: Date.now(),
  };
  return guarded(() =>
    // Checked and written in one transaction: another tab cannot take the name in between.
    db.transaction('rw', db.boards, async () => {
      const clash = nameClash(board.name, await db.boards.toArray());
      if (clash) throw new BoardNameTakenError(clash);
      await db.boards.add(board);
      return board;
    }),
  );
}

export function renameBoard(id: string, name: string, db: GalleryDb = galleryDb): Promise<void> {
  const clean = cleanBoardName(name);
  if (!clean) return Promise.reject(new Error('A board needs a name.'));
  return guarded(() =>
    db.transaction('rw', db.boards, async () => {
      const clash = nameClash(clean, await db.boards.toArray(), id);
      if (clash) throw new BoardNameTakenError(clash);
      const changed = await db.boards.update(id, { name: clean });
      if (!changed) throw new BoardGoneError();
    }),
  );
}

/** Removes the board and takes it off its images; the images stay in the gallery. */
export function deleteBoard(id: string, db: GalleryDb = galleryDb): Promise<void> {
  return guarded(() =>
    db.transaction('rw', [db.boards, db.entries], async () => {
      await db.entries
        .where('boardIds')
        .equals(id)
        .modify((entry) => takeOff(entry, id));
      await db.boards.delete(id);
    }),
  );
}

/** Puts the images on the board (those already on it stay as they are). */
export function addToBoard(
  ids: readonly string[],
  boardId: string,
  db: GalleryDb = galleryDb,
): Promise<void> {
  return guarded(async () => {
    const found = await db.transaction('rw', [db.boards, db.entries], async () => {
      if (!(await db.boards.get(boardId))) return false;
      await db.entries
        .where('id')
        .anyOf([...ids])
        .modify((entry) => {
          const boards = entry.boardIds ?? [];
          if (!boards.includes(boardId)) entry.boardIds = [...boards, boardId];
        });
      return true;
    });
    if (!found) throw new BoardGoneError();
  });
}

export function removeFromBoard(
  ids: readonly string[],
  boardId: string,
  db: GalleryDb = galleryDb,
): Promise<void> {
  return guarded(async () => {
    await db.entries
      .where('id')
      .anyOf([...ids])
      .modify((entry) => takeOff(entry, boardId));
  });
}

function takeOff(entry: GalleryEntry, boardId: string) {
  const rest = (entry.boardIds ?? []).filter((b) => b !== boardId);
  if (rest.length) entry.boardIds = rest;
  else delete entry.boardIds;
}
