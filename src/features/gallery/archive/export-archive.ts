/**
 * Exports gallery entries as a zip archive: each image in its original format and bytes
 * (stored, not recompressed), every edit mask used, and manifest.json (manifest.ts) holding
 * all metadata with each file's SHA-256, so import can prove it restores identical bytes.
 *
 * The zip streams out one image at a time and its chunks are folded into Blobs as it grows,
 * so the page's JS heap holds one image at a time, not the whole gallery. fflate writes
 * plain zip (no Zip64): a single archive must stay under 4 GB.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { GalleryEntry } from '../gallery-entry.ts';
import { galleryDb, type GalleryDb } from '../store/gallery-db.ts';
import { listEntries, newestFirst } from '../store/gallery-reads.ts';
import { sha256Hex } from './bytes.ts';
import {
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  MANIFEST_VERSION,
  toManifestEntry,
  type GalleryManifest,
  type ManifestMask,
} from './manifest.ts';

const FOLD_EVERY = 16 * 1024 * 1024;
const ZIP_LIMIT = 4 * 1024 ** 3 - 64 * 1024 * 1024;

class ZipCollector {
  private parts: BlobPart[] = [];
  private pending: Uint8Array<ArrayBuffer>[] = [];
  private pendingBytes = 0;
  total = 0;
  readonly done: Promise<Blob>;
  private finish!: (blob: Blob) => void;
  private fail!: (error: Error) => void;

  constructor() {
    this.done = new Promise((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
    });
  }

  readonly onData = (error: Error | null, chunk: Uint8Array, final: boolean) => {
    if (error) return this.fail(error);
    this.pending.push(chunk as Uint8Array<ArrayBuffer>);
    this.pendingBytes += chunk.length;
    this.total += chunk.length;
    // Fold into a Blob: the browser may keep it out of the JS heap (on disk if large).
    if (this.pendingBytes >= FOLD_EVERY || final) {
      this.parts.push(new Blob(this.pending));
      this.pending = [];
      this.pendingBytes = 0;
    }
    if (final) this.finish(new Blob(this.parts, { type: 'application/zip' }));
  };
}

function addStored(zip: Zip, name: string, bytes: Uint8Array, mtime: number) {
  const file = new ZipPassThrough(name);
  file.mtime = mtime;
  zip.add(file);
  file.push(bytes, true);
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
  const collector = new ZipCollector();
  const zip = new Zip(collector.onData);
  const manifest: GalleryManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    exportedAt: Date.now(),
    entries: [],
    masks: [],
  };
  for (const [i, entry] of entries.entries()) {
    const image = await db.images.get(entry.id);
    let sha256: string | null = null;
    if (image) {
      const bytes = new Uint8Array(await image.blob.arrayBuffer());
      sha256 = await sha256Hex(bytes);
      const manifestEntry = toManifestEntry(entry, sha256);
      addStored(zip, manifestEntry.file!, bytes, entry.createdAt);
      manifest.entries.push(manifestEntry);
    } else {
      manifest.entries.push(toManifestEntry(entry, null));
    }
    if (collector.total > ZIP_LIMIT) {
      zip.terminate();
      throw new Error(
        'The selection is larger than 4 GB, the most one zip archive can hold. Export it in smaller selections.',
      );
    }
    onProgress?.(i + 1, entries.length);
  }
  const maskIds = [...new Set(entries.flatMap((e) => (e.maskId ? [e.maskId] : [])))];
  for (const maskId of maskIds) {
    const mask = await db.masks.get(maskId);
    if (!mask) continue;
    const bytes = new Uint8Array(await mask.blob.arrayBuffer());
    const record: ManifestMask = {
      id: maskId,
      file: `masks/${maskId}.png`,
      sha256: await sha256Hex(bytes),
      byteLength: bytes.length,
    };
    addStored(zip, record.file, bytes, manifest.exportedAt);
    manifest.masks.push(record);
  }
  // A mask that is gone cannot be referenced: the manifest must stay importable.
  const exportedMasks = new Set(manifest.masks.map((m) => m.id));
  for (const entry of manifest.entries) {
    if (entry.maskId && !exportedMasks.has(entry.maskId)) delete entry.maskId;
  }
  const manifestFile = new ZipDeflate(MANIFEST_NAME, { level: 6 });
  zip.add(manifestFile);
  manifestFile.push(new TextEncoder().encode(JSON.stringify(manifest, null, 2)), true);
  zip.end();
  return { blob: await collector.done, count: entries.length };
}
