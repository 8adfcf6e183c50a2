/**
 * Turning one planned batch of an import (import-batches.ts) into the rows its transaction
 * writes, in two steps that run in two workers so that batches can overlap: `readBatch` has
 * the archive worker read every image (inflated, hashed, checked as an image of its recorded
 * type and size: archive-reader.ts), then `checkBatch` has the thumbnailer decode them all
 * in one call and checks each decoded size against the manifest. An entry that fails a check
 * is left out and named; its batch goes on.
 */
import type { Board, GalleryEntry, StoredBlob } from '../../gallery-store/gallery-entry.ts';
import type { BatchThumbnailer } from '../../gallery-store/thumbnail-protocol.ts';
import type { ArchiveReader, ImageRead } from './archive-reader.ts';
import type { Placed } from './import-batches.ts';
import type { BoardsPlaced } from './place-on-boards.ts';
import { fromManifestEntry, type ManifestMask } from './manifest.ts';
import { entryLabel } from './validate-manifest.ts';

export interface ImportSummary {
  imported: number;
  /** Already in the gallery. */
  skipped: number;
  /** Entries left out, one sentence each ("entry 3 ("…"): its image does not decode"). */
  leftOut: string[];
  /** Images already here that the archive put on boards (place-on-boards.ts), when any. */
  boardsPlaced?: BoardsPlaced;
}

export interface BatchContext {
  reader: ArchiveReader;
  thumbnails: BatchThumbnailer;
  masksById: ReadonlyMap<string, ManifestMask>;
  /** Masks in the gallery, or written by an earlier batch. */
  storedMasks: Set<string>;
  importId: string;
  summary: ImportSummary;
  boards: readonly Board[];
  /** Boards in the gallery, or written by an earlier batch. */
  storedBoards: Set<string>;
}

interface Wanted {
  name: string;
  sha256: string;
  mime: string;
  where: string;
  size?: { width: number; height: number };
}

/** A batch whose images the archive worker has read (each a Blob, or why not). */
export interface ReadBatch {
  batch: Placed[];
  /** New masks first, then the entries that have an image: `wanted` and `reads` align. */
  maskIds: string[];
  withFile: Placed[];
  wanted: Wanted[];
  reads: ImageRead[];
}

/** A batch's rows, read and checked, ready to be written. */
export interface PreparedBatch {
  masks: StoredBlob[];
  entries: GalleryEntry[];
  imageRows: StoredBlob[];
  thumbnails: StoredBlob[];
}

export async function readBatch(batch: Placed[], ctx: BatchContext): Promise<ReadBatch> {
  // A mask an earlier batch is still writing may be read twice: put twice, stored once.
  const maskIds = [...new Set(batch.flatMap(({ entry }) => entry.maskId ?? []))].filter(
    (id) => !ctx.storedMasks.has(id),
  );
  const withFile = batch.filter(({ entry }) => entry.file && entry.sha256);
  const wanted: Wanted[] = [
    ...maskIds.map((id) => {
      const mask = ctx.masksById.get(id)!;
      return { name: mask.file, sha256: mask.sha256, mime: 'image/png', where: `mask ${id}` };
    }),
    ...withFile.map(({ entry, place }) => ({
      name: entry.file!,
      sha256: entry.sha256!,
      mime: entry.mime,
      where: entryLabel(entry, place),
      size: entry,
    })),
  ];
  const reads = await ctx.reader.readImages(
    wanted.map(({ name, sha256, mime, size }) => ({ name, sha256, mime, size })),
  );
  return { batch, maskIds, withFile, wanted, reads };
}

type Checked = { blob: Blob; thumbnail: Blob } | null;

/** Decodes the batch's images (the thumbnailer): a failure is null and a named problem. */
async function decodeImages({ wanted, reads }: ReadBatch, ctx: BatchContext): Promise<Checked[]> {
  const sound = reads.flatMap((read, i) => (read.ok ? [{ i, blob: read.blob }] : []));
  const thumbnails = await ctx.thumbnails(sound.map(({ blob }) => blob));
  const decoded = new Map(sound.map(({ i }, k) => [i, thumbnails[k] ?? null]));
  return wanted.map(({ where, size }, i) => {
    const leftOut = (problem: string): Checked => {
      ctx.summary.leftOut.push(`${where}: ${problem}`);
      return null;
    };
    const read = reads[i]!;
    if (!read.ok) return leftOut(read.problem);
    const thumbnail = decoded.get(i);
    if (!thumbnail) return leftOut('its image does not decode');
    if (size && (thumbnail.width !== size.width || thumbnail.height !== size.height)) {
      return leftOut(
        `its image is ${thumbnail.width}×${thumbnail.height}, not ${size.width}×${size.height}`,
      );
    }
    return { blob: read.blob, thumbnail: thumbnail.blob };
  });
}

export async function checkBatch(read: ReadBatch, ctx: BatchContext): Promise<PreparedBatch> {
  const { batch, maskIds, withFile } = read;
  const checked = await decodeImages(read, ctx);
  const masks: StoredBlob[] = [];
  const badMasks = new Set<string>();
  maskIds.forEach((id, i) => {
    const mask = checked[i];
    if (mask) masks.push({ id, blob: mask.blob });
    else badMasks.add(id);
  });
  const images = new Map(withFile.map(({ entry }, i) => [entry.id, checked[maskIds.length + i]]));

  const entries: GalleryEntry[] = [];
  const imageRows: StoredBlob[] = [];
  const thumbnails: StoredBlob[] = [];
  for (const { entry, place } of batch) {
    if (entry.maskId && badMasks.has(entry.maskId)) {
      ctx.summary.leftOut.push(`${entryLabel(entry, place)}: its mask is damaged`);
      continue;
    }
    const image = images.get(entry.id);
    if (image === null) continue; // left out, with its problem named
    entries.push({ ...fromManifestEntry(entry), importId: ctx.importId });
    if (!image) continue; // a link-only entry: no bytes
    imageRows.push({ id: entry.id, blob: image.blob });
    thumbnails.push({ id: entry.id, blob: image.thumbnail });
  }
  return { masks, entries, imageRows, thumbnails };
}
