/**
 * The gallery notice's side of an archive import: progress, the outcome in words (what came
 * in, what was already there, what was left out and why), Cancel, and the offer to finish or
 * undo an import a closed tab cut short. The import itself is gallery/archive/import-archive.ts.
 */
import { queryClient } from '../../../lib/query-client.ts';
import { galleryDb } from '../../gallery-store/gallery-db.ts';
import { makeThumbnails } from '../../gallery-store/make-thumbnail.ts';
import { galleryCaughtUp } from '../../gallery-store/use-gallery-live-updates.ts';
import { readStorageReport } from '../../gallery-store/storage-estimate.ts';
import type { ArchiveStatus } from './archive-status.ts';

type SetStatus = (status: ArchiveStatus) => void;

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Imports `file`, reporting through `setStatus`; throws what the notice should show. */
export async function runImport(file: File, setStatus: SetStatus): Promise<void> {
  const controller = new AbortController();
  const cancel = () => controller.abort();
  setStatus({ state: 'working', message: `Reading ${file.name}…`, cancel });
  // The zip library and the reader load with the first import, not with the gallery.
  const { importArchive } = await import('../archive/import-archive.ts');
  const { imported, skipped, leftOut, boardsPlaced } = await importArchive(file, {
    db: galleryDb,
    thumbnails: makeThumbnails,
    storage: readStorageReport,
    signal: controller.signal,
    onProgress: (written, total) =>
      setStatus({
        state: 'working',
        message: `Importing ${written.toLocaleString('en')} of ${plural(total, 'image')}…`,
        cancel,
      }),
  });
  const already = skipped
    ? ` ${plural(skipped, 'image')} already in the gallery ${skipped === 1 ? 'was' : 'were'} skipped.`
    : '';
  const placed = boardsPlaced
    ? ` Put ${plural(boardsPlaced.images, 'image')} already here on ${plural(boardsPlaced.boards, 'board')} of the archive.`
    : '';
  const left = leftOut.length
    ? ` ${plural(leftOut.length, 'entry', 'entries')} could not be imported and ${leftOut.length === 1 ? 'was' : 'were'} left out:`
    : '';
  // "Imported" only once the grid's list has the images: the write events update it at
  // most once a second during a burst, and in that gap an import into an empty gallery
  // showed "Nothing here yet" beside its own "Imported" notice. Caught up, not read again
  // whole: the listing gains the last batch's entries only.
  await galleryCaughtUp(queryClient);
  setStatus({
    state: 'done',
    message: `Imported ${plural(imported, 'image')} from ${file.name}.${already}${placed}${left}`,
    problems: leftOut
      .slice(0, 8)
      .concat(leftOut.length > 8 ? [`…and ${plural(leftOut.length - 8, 'more entry')}`] : []),
  });
}

/** The offer for an import a closed tab cut short, or null when there is none. */
export async function interruptedImport(): Promise<ArchiveStatus | null> {
  const { readImportNote, importRunning } = await import('../archive/import-journal.ts');
  const note = readImportNote();
  if (!note || (await importRunning())) return null;
  return {
    state: 'interrupted',
    importId: note.importId,
    message:
      `The import of ${note.fileName} stopped after ${note.written.toLocaleString('en')} of ` +
      `${plural(note.total, 'image')} (the tab was closed). Import ${note.fileName} again to ` +
      'finish it, or undo it to remove what it added.',
  };
}

export async function undoImport(importId: string, setStatus: SetStatus): Promise<void> {
  setStatus({ state: 'working', message: 'Removing what the import added…' });
  const { rollBackImport, writeImportNote } = await import('../archive/import-journal.ts');
  const removed = await rollBackImport(galleryDb, importId);
  writeImportNote(null);
  setStatus({
    state: 'done',
    message: `Undid the import: removed ${plural(removed, 'image')} it had added.`,
  });
}
