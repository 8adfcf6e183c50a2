/**
 * Imports a gallery archive (export-archive.ts, manifest.ts), of any size, in bounded batches.
 *
 * Before anything is written the archive as a whole is checked: it is a zip with safe names,
 * its manifest has the right frame, every file it names is there at the declared size (none
 * over the cap: a zip bomb is refused by its directory, before anything inflates), and the new
 * images fit in the space left. Then new entries are imported ~200 at a time, each batch in
 * its own transaction (one transaction for everything failed past a few thousand images: the
 * browser holds every blob of a transaction open at once: 500 already fail under a
 * 1,024-file limit). Each image is read in the archive worker (archive-reader.ts: inflated in
 * chunks, hashed, sniffed), decoded by the thumbnail worker at its recorded size, a batch per
 * call (prepare-batch.ts), and only then written.
 *
 * One bad entry never costs the rest: an entry whose metadata breaks the contract, whose bytes
 * do not match, or that does not decode is left out and named; everything else imports.
 * All-or-nothing for the user: a failed or cancelled import removes what it wrote, and one cut
 * short by a closed tab is offered for finishing or undoing next time (import-journal.ts).
 * Entries already in the gallery are skipped, so importing twice (or finishing) is harmless.
 * One import runs at a time across tabs.
 */
import { guardedWrite } from '../../gallery-store/guarded-write.ts';
import {
  GalleryStorageError,
  toGalleryStorageError,
} from '../../gallery-store/gallery-storage-error.ts';
import type { BatchThumbnailer } from '../../gallery-store/thumbnail-protocol.ts';
import type { GalleryDb } from '../../gallery-store/gallery-db.ts';
import { spaceLeft, type StorageReport } from '../../gallery-store/storage-estimate.ts';
import { ArchiveImportError } from './archive-import-error.ts';
import { MAX_IMAGE_BYTES } from './archive-limits.ts';
import type { ArchiveReader } from './archive-reader.ts';
import { formatBytes, looksLikeZip } from './bytes.ts';
import { planBatches } from './import-batches.ts';
import { rollBackImport, withImportLock, writeImportNote } from './import-journal.ts';
import { MANIFEST_NAME } from './manifest.ts';
import { placePresentOnBoards } from './place-on-boards.ts';
import { startArchiveReader } from './start-archive-reader.ts';
import {
  checkBatch,
  readBatch,
  type BatchContext,
  type ImportSummary,
  type PreparedBatch,
} from './prepare-batch.ts';
import { entryLabel, type ManifestCheck } from './validate-manifest.ts';

export interface ImportDeps {
  db: GalleryDb;
  /** Decodes a batch's images into thumbnails (make-thumbnail.ts makeThumbnails). */
  thumbnails: BatchThumbnailer;
  storage: () => Promise<StorageReport>;
  /** Entries written so far, and how many the archive brings that are new. */
  onProgress?: (written: number, total: number) => void;
  /** Aborting stops the import after the image in hand and removes what it wrote. */
  signal?: AbortSignal;
}

export type { ImportSummary } from './prepare-batch.ts';

const refuse = (message: string, problems: string[] = []) =>
  new ArchiveImportError(message, problems);

export const importAlreadyRunning = () =>
  refuse(
    'An import is already running in another Easel tab. Wait for it to finish there, then import this archive.',
  );

export async function importArchive(file: Blob, deps: ImportDeps): Promise<ImportSummary> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (!looksLikeZip(head))
    throw refuse('This file is not a zip archive. Choose a gallery archive exported from Easel.');
  const result = await withImportLock(async () => {
    const { reader, stop } = startArchiveReader();
    try {
      return await importFrom(file, reader, deps);
    } finally {
      stop();
    }
  });
  if (!result) throw importAlreadyRunning();
  return result;
}

/**
 * A file the zip itself declares past the cap, whatever the manifest says of it: the archive
 * is refused before anything inflates (a zip bomb declares gigabytes in a few megabytes).
 */
function oversized(sizes: ReadonlyMap<string, number>): string[] {
  return [...sizes]
    .filter(([name, size]) => name !== MANIFEST_NAME && size > MAX_IMAGE_BYTES)
    .map(
      ([name, size]) =>
        `${name} declares ${formatBytes(size)}, more than any image Easel stores (${formatBytes(MAX_IMAGE_BYTES)} at most)`,
    );
}

/** Files named by the manifest must be in the zip at exactly the size the manifest says. */
function listingProblems(manifest: ManifestCheck, sizes: ReadonlyMap<string, number>): string[] {
  const problems: string[] = [];
  const expect = (name: string, size: number, what: string) => {
    const declared = sizes.get(name);
    if (declared === undefined) problems.push(`${what}: ${name} is missing from the zip`);
    else if (declared !== size) problems.push(`${what}: ${name} is not the size the manifest says`);
  };
  for (const { entry, place } of manifest.entries)
    if (entry.file) expect(entry.file, entry.byteLength, entryLabel(entry, place));
  manifest.masks.forEach((m, i) => expect(m.file, m.byteLength, `mask ${i + 1}`));
  return problems;
}

async function importFrom(
  file: Blob,
  reader: ArchiveReader,
  deps: ImportDeps,
): Promise<ImportSummary> {
  const { db } = deps;
  const opened = await reader.open(file);
  if (!opened.ok) throw refuse(opened.message, opened.problems);
  const { manifest, sizes } = opened;
  const huge = oversized(sizes);
  if (huge.length) {
    throw refuse(
      'The archive declares images far larger than any Easel makes, so it was not unpacked (it may be a zip bomb).',
      huge.slice(0, 8),
    );
  }
  const listing = listingProblems(manifest, sizes);
  if (listing.length) throw refuse('The archive is incomplete or damaged.', listing.slice(0, 8));

  const ids = manifest.entries.map(({ entry }) => entry.id);
  const present = new Set((await db.entries.bulkGet(ids)).flatMap((e) => (e ? [e.id] : [])));
  const fresh = manifest.entries.filter(({ entry }) => !present.has(entry.id));
  const masksById = new Map(manifest.masks.map((m) => [m.id, m]));
  const neededMasks = [...new Set(fresh.flatMap(({ entry }) => entry.maskId ?? []))];
  const storedMasks = new Set(
    (await db.masks.bulkGet(neededMasks)).flatMap((m) => (m ? [m.id] : [])),
  );
  const summary: ImportSummary = {
    imported: 0,
    skipped: manifest.entries.length - fresh.length,
    leftOut: [...manifest.skipped],
  };
  // Images already here are not imported again, but the boards the archive puts them on are.
  const placeOnBoards = async () => {
    const placed = await placePresentOnBoards(manifest, present, db);
    if (placed.images) summary.boardsPlaced = placed;
  };
  if (fresh.length === 0) {
    await placeOnBoards();
    return summary;
  }

  // Checked before inflating a single image: a zip can claim (or hide) far more than it holds.
  const needed =
    fresh.reduce((n, { entry }) => n + entry.byteLength, 0) +
    neededMasks.reduce((n, id) => n + (masksById.get(id)?.byteLength ?? 0), 0);
  const left = spaceLeft(await deps.storage());
  if (left !== null && needed > left) {
    throw refuse(
      `The archive needs ${formatBytes(needed)} but only ${formatBytes(left)} is left for the gallery. Free space or import a smaller archive.`,
    );
  }

  const importId = crypto.randomUUID();
  const note = {
    importId,
    fileName: file instanceof File ? file.name : 'the archive',
    startedAt: Date.now(),
    total: fresh.length,
    written: 0,
  };
  writeImportNote(note);
  const context: BatchContext = {
    reader,
    thumbnails: deps.thumbnails,
    masksById,
    storedMasks,
    importId,
    summary,
    boards: manifest.boards,
    storedBoards: new Set(),
  };
  try {
    deps.onProgress?.(0, fresh.length);
    // A pipeline in three stages on three threads: while batch k is written (here), the
    // thumbnailer decodes batch k+1 and the archive worker reads batch k+2. At most three
    // batches are held at once (each ≤ 200 entries and 32 MB: import-batches.ts).
    const batches = planBatches(fresh, masksById, storedMasks);
    let reading: Promise<unknown> = Promise.resolve();
    const prepare = (i: number): Promise<PreparedBatch> | null => {
      if (i >= batches.length) return null;
      const read = reading.then(() => readBatch(batches[i]!, context));
      reading = read.catch(() => undefined);
      const prepared = read.then((batch) => checkBatch(batch, context));
      // Heard here, thrown where awaited: a write failing first must not leave it unhandled.
      prepared.catch(() => undefined);
      return prepared;
    };
    const ahead = [prepare(0), prepare(1)];
    for (let i = 0; ahead[0]; i++) {
      const prepared = await ahead.shift()!;
      deps.signal?.throwIfAborted();
      ahead.push(prepare(i + 2));
      await writeBatch(prepared, context, db);
      note.written += batches[i]!.length;
      writeImportNote(note);
      deps.onProgress?.(note.written, fresh.length);
    }
    await placeOnBoards();
  } catch (error) {
    // All or nothing: take back what the earlier batches wrote. If even that fails (the disk
    // is gone), the note stays and the gallery offers the undo next time.
    await rollBackImport(db, importId).then(
      () => writeImportNote(null),
      () => undefined,
    );
    if (error instanceof ArchiveImportError || deps.signal?.aborted) throw error;
    throw error instanceof GalleryStorageError ? error : toGalleryStorageError(error);
  }
  writeImportNote(null);
  return summary;
}

/** The most rows a Dexie put names its keys for (observability-middleware: fewer than 50). */
const NAMED_ROWS = 49;

async function writeBatch(
  { masks, entries, imageRows, thumbnails }: PreparedBatch,
  ctx: BatchContext,
  db: GalleryDb,
): Promise<void> {
  // All the batch stores, so that the room probe asks for all of it.
  const bytes = [...imageRows, ...thumbnails, ...masks].reduce((n, r) => n + r.blob.size, 0);
  const tables = [db.entries, db.images, db.thumbnails, db.masks, db.boards];
  await guardedWrite(
    db,
    () =>
      db.transaction('rw', tables, async () => {
        await db.masks.bulkPut(masks);
        // A board already here keeps its name here; a new one arrives as it was exported.
        const wanted = ctx.boards.filter((b) => !ctx.storedBoards.has(b.id));
        const present = await db.boards.bulkGet(wanted.map((b) => b.id));
        await db.boards.bulkAdd(wanted.filter((_, i) => !present[i]));
        // Another tab may have added some of these meanwhile (not by import: that is locked).
        // In puts Dexie names the rows of (under 50: it records a larger one as "the whole
        // table"), so that the gallery on screen reads these entries, not all of them again
        // (use-gallery-live-updates.ts).
        for (let i = 0; i < entries.length; i += NAMED_ROWS)
          await db.entries.bulkPut(entries.slice(i, i + NAMED_ROWS));
        await db.images.bulkPut(imageRows);
        await db.thumbnails.bulkPut(thumbnails);
      }),
    { explicit: true, bytes },
  );
  for (const board of ctx.boards) ctx.storedBoards.add(board.id);
  for (const mask of masks) ctx.storedMasks.add(mask.id);
  ctx.summary.imported += entries.length;
}
