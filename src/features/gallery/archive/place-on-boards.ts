/**
 * The boards an archive brings for images the gallery already holds. Import skips those
 * images (their bytes and metadata here win), but the boards the archive puts them on are
 * added to them: a board's zip imported back where its images still are (after the board was
 * deleted, or into a profile that had the images from an earlier export) restores the board.
 * Only ever adds: a board already here keeps its name, an image keeps its other boards, and
 * importing the same archive again changes nothing.
 */
import type { GalleryDb } from '../../gallery-store/gallery-db.ts';
import { guardedWrite } from '../../gallery-store/guarded-write.ts';
import type { ManifestCheck } from './validate-manifest.ts';

export interface BoardsPlaced {
  /** Images here that were put on at least one board. */
  images: number;
  /** Boards that received at least one of them. */
  boards: number;
}

export async function placePresentOnBoards(
  manifest: Pick<ManifestCheck, 'entries' | 'boards'>,
  present: ReadonlySet<string>,
  db: GalleryDb,
): Promise<BoardsPlaced> {
  const wanted = new Map<string, readonly string[]>();
  for (const { entry } of manifest.entries)
    if (present.has(entry.id) && entry.boardIds?.length) wanted.set(entry.id, entry.boardIds);
  if (wanted.size === 0) return { images: 0, boards: 0 };
  const named = new Set([...wanted.values()].flat());
  const boards = manifest.boards.filter((b) => named.has(b.id));
  return guardedWrite(
    db,
    () =>
      db.transaction('rw', [db.boards, db.entries], async () => {
        const stored = await db.boards.bulkGet(boards.map((b) => b.id));
        await db.boards.bulkAdd(boards.filter((_, i) => !stored[i]));
        let images = 0;
        const received = new Set<string>();
        await db.entries
          .where('id')
          .anyOf([...wanted.keys()])
          .modify((entry) => {
            const have = entry.boardIds ?? [];
            const added = wanted.get(entry.id)!.filter((b) => !have.includes(b));
            if (added.length === 0) return;
            entry.boardIds = [...have, ...added];
            images++;
            for (const b of added) received.add(b);
          });
        return { images, boards: received.size };
      }),
    { explicit: true },
  );
}
