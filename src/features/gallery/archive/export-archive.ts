/**
 * Exports gallery entries as a zip archive: each image in its original format and bytes
 * (stored, not recompressed), every edit mask used, and manifest.json (manifest.ts) holding
 * all metadata with each file's SHA-256, so import can prove it restores identical bytes.
 *
 * The zip streams out one image at a time (zip.js reads each stored Blob as a stream) and
 * its chunks are folded into Blobs as it grows, so the page's JS heap holds about one image
 * at a time, not the whole gallery. zip.js switches to Zip64 by itself once the archive
 * passes 4 GB or 65,535 files, so any selection fits in one archive; import reads both.
 */
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { galleryDb, type GalleryDb } from '../../gallery-store/gallery-db.ts';
import { listEntries, newestFirst } from '../../gallery-store/gallery-reads.ts';
import { sha256Hex } from './bytes.ts';
import { zipImageName } from '../entries/file-names.ts';
import { IMAGE_EXTENSIONS } from '../../gallery-store/entry-file.ts';
import {
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  MANIFEST_VERSION,
  toManifestEntry,
  type GalleryManifest,
  type ManifestMask,
} from './manifest.ts';
import { BlobReader, TextReader, ZipWriter } from './zip-library.ts';

const FOLD_EVERY = 16 * 1024 * 1024;

/** The zip's bytes as they are written, folded into Blobs every 16 MB. */
function blobSink() {
  const parts: BlobPart[] = [];
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingBytes = 0;
  // Fold into a Blob: the browser may keep it out of the JS heap (on disk if large).
  const fold = () => {
    parts.push(new Blob(pending));
    pending = [];
    pendingBytes = 0;
  };
  const writable = new WritableStream<Uint8Array>({
    write(chunk) {
      // A copy: the writer owns its chunk once write() returns.
      pending.push(chunk.slice());
      pendingBytes += chunk.length;
      if (pendingBytes >= FOLD_EVERY) fold();
    },
    close: fold,
  });
  return { writable, blob: () => new Blob(parts, { type: 'application/zip' }) };
}

/** Adds a file stored as is: images are already compressed, and stored bytes stay identical. */
async function addStored(zip: ZipWriter<unknown>, name: string, blob: Blob, mtime: number) {
  await zip.add(name, new BlobReader(blob), { level: 0, lastModDate: new Date(mtime) });
}

export interface ExportedArchive {
  blob: Blob;
  count: number;
}

/** Builds the archive of the given entries (all of them when `ids` is null). */
export async function exportArchive(
  ids: readonly string[] | null,
  db: GalleryDb = galleryDb,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportedArchive> {
  const entries: GalleryEntry[] = ids
    ? (await db.entries.bulkGet([...ids]))
        .filter((e): e is GalleryEntry => e !== undefined)
        .sort(newestFirst)
    : await listEntries(db);
  const sink = blobSink();
  const zip = new ZipWriter(sink.writable);
  const manifest: GalleryManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    exportedAt: Date.now(),
    entries: [],
    masks: [],
  };
  // Readable names in the zip (date, prompt words, short id); an entry's full id where two
  // would share a name, so every file stays unique.
  const taken = new Set<string>();
  const imagePath = (entry: GalleryEntry) => {
    const readable = `images/${zipImageName(entry)}`;
    const path = taken.has(readable)
      ? `images/${entry.id}.${IMAGE_EXTENSIONS[entry.mime] ?? 'bin'}`
      : readable;
    taken.add(path);
    return path;
  };
  for (const [i, entry] of entries.entries()) {
    const image = await db.images.get(entry.id);
    if (image) {
      const sha256 = await sha256Hex(new Uint8Array(await image.blob.arrayBuffer()));
      const file = imagePath(entry);
      await addStored(zip, file, image.blob, entry.createdAt);
      manifest.entries.push(toManifestEntry(entry, { file, sha256 }));
    } else {
      manifest.entries.push(toManifestEntry(entry, null));
    }
    onProgress?.(i + 1, entries.length);
  }
  // The boards the exported images are on travel with them.
  const boardIds = new Set(entries.flatMap((e) => e.boardIds ?? []));
  if (boardIds.size) {
    const boards = await db.boards.bulkGet([...boardIds]);
    manifest.boards = boards.filter((b) => b !== undefined);
    const kept = new Set(manifest.boards.map((b) => b.id));
    for (const entry of manifest.entries) {
      if (!entry.boardIds) continue;
      entry.boardIds = entry.boardIds.filter((id) => kept.has(id));
      if (!entry.boardIds.length) delete entry.boardIds;
    }
  }
  const maskIds = [...new Set(entries.flatMap((e) => (e.maskId ? [e.maskId] : [])))];
  for (const maskId of maskIds) {
    const mask = await db.masks.get(maskId);
    if (!mask) continue;
    const record: ManifestMask = {
      id: maskId,
      file: `masks/${maskId}.png`,
      sha256: await sha256Hex(new Uint8Array(await mask.blob.arrayBuffer())),
      byteLength: mask.blob.size,
    };
    await addStored(zip, record.file, mask.blob, manifest.exportedAt);
    manifest.masks.push(record);
  }
  // A mask that is gone cannot be referenced: the manifest must stay importable.
  const exportedMasks = new Set(manifest.masks.map((m) => m.id));
  for (const entry of manifest.entries) {
    if (entry.maskId && !exportedMasks.has(entry.maskId)) delete entry.maskId;
  }
  await zip.add(MANIFEST_NAME, new TextReader(JSON.stringify(manifest, null, 2)), {
    lastModDate: new Date(manifest.exportedAt),
  });
  await zip.close();
  return { blob: sink.blob(), count: entries.length };
}
