/**
 * Imports a gallery archive (export-archive.ts, manifest.ts). Contract: everything is checked
 * before anything is written — it is a zip, its manifest is valid, every file it names is
 * there with the declared size and SHA-256, every image is really the format it claims and
 * decodes at its recorded size, and it fits in the space left — and then all new entries are
 * written in one transaction. Any refusal throws ArchiveImportError and changes nothing.
 * Entries whose id is already in the gallery are skipped, so importing twice is harmless.
 *
 * Memory stays bounded whatever the archive's size (thousands of images, several GB, Zip64):
 * the zip is read from the File with random access (read-zip.ts), one file at a time per
 * check in flight; each image is hashed and sniffed as it is read, then kept only as a Blob
 * (which the browser may page to disk) until the single transaction at the end writes them.
 */
import type { GalleryEntry, StoredBlob } from '../../gallery-store/gallery-entry.ts';
import { toGalleryStorageError } from '../../gallery-store/gallery-storage-error.ts';
import type { Thumbnailer } from '../../gallery-store/thumbnail-protocol.ts';
import type { GalleryDb } from '../../gallery-store/gallery-db.ts';
import { spaceLeft, type StorageReport } from '../../gallery-store/storage-estimate.ts';
import { ArchiveImportError } from './archive-import-error.ts';
import { formatBytes, looksLikeZip, sha256Hex, sniffImageType } from './bytes.ts';
import { MANIFEST_NAME, fromManifestEntry, type GalleryManifest } from './manifest.ts';
import { openZip, type ZipArchive } from './read-zip.ts';
import { validateManifest } from './validate-manifest.ts';

export interface ImportDeps {
  db: GalleryDb;
  thumbnailer: Thumbnailer;
  storage: () => Promise<StorageReport>;
  onProgress?: (checked: number, total: number) => void;
}

export interface ImportSummary {
  imported: number;
  skipped: number;
}

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** Decodes in flight at once: enough to keep the worker busy, few enough to bound memory. */
const DECODE_CONCURRENCY = 3;

const refuse = (message: string, problems: string[] = []) =>
  new ArchiveImportError(message, problems);

async function readManifest(zip: ZipArchive): Promise<GalleryManifest> {
  const size = zip.sizes.get(MANIFEST_NAME);
  if (size === undefined)
    throw refuse('This zip is not an Easel gallery archive: it has no manifest.json.');
  if (size > MAX_MANIFEST_BYTES)
    throw refuse('The archive’s manifest.json is too large to be real.');
  let file: Uint8Array;
  try {
    file = await zip.read(MANIFEST_NAME);
  } catch {
    throw refuse('This zip archive is damaged: its manifest.json cannot be unpacked.');
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file));
  } catch {
    throw refuse('The archive’s manifest.json is not valid JSON.');
  }
  const check = validateManifest(json);
  if (!check.ok)
    throw refuse('The archive’s manifest does not describe a valid gallery.', check.problems);
  return check.manifest;
}

/** Files named by the manifest must be in the zip at exactly the size the manifest says. */
function checkListing(manifest: GalleryManifest, sizes: ZipArchive['sizes']) {
  const problems: string[] = [];
  const expect = (name: string, size: number, what: string) => {
    const declared = sizes.get(name);
    if (declared === undefined) problems.push(`${what}: ${name} is missing from the zip`);
    else if (declared !== size) problems.push(`${what}: ${name} is not the size the manifest says`);
  };
  manifest.entries.forEach((e, i) => e.file && expect(e.file, e.byteLength, `entry ${i + 1}`));
  manifest.masks.forEach((m, i) => expect(m.file, m.byteLength, `mask ${i + 1}`));
  if (problems.length) throw refuse('The archive is incomplete or damaged.', problems.slice(0, 8));
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function importArchive(file: Blob, deps: ImportDeps): Promise<ImportSummary> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (!looksLikeZip(head))
    throw refuse('This file is not a zip archive. Choose a gallery archive exported from Easel.');
  let zip: ZipArchive;
  try {
    zip = await openZip(file);
  } catch {
    throw refuse('This zip archive is damaged and cannot be read.');
  }
  try {
    return await importFrom(zip, deps);
  } finally {
    await zip.close();
  }
}

async function importFrom(zip: ZipArchive, deps: ImportDeps): Promise<ImportSummary> {
  const { db } = deps;
  const manifest = await readManifest(zip);
  checkListing(manifest, zip.sizes);

  const present = new Set(
    (await db.entries.bulkGet(manifest.entries.map((e) => e.id))).flatMap((e) => (e ? [e.id] : [])),
  );
  const fresh = manifest.entries.filter((e) => !present.has(e.id));
  const neededMaskIds = new Set(fresh.flatMap((e) => (e.maskId ? [e.maskId] : [])));
  const storedMasks = new Set(
    (await db.masks.bulkGet([...neededMaskIds])).flatMap((m) => (m ? [m.id] : [])),
  );
  const masks = manifest.masks.filter((m) => neededMaskIds.has(m.id) && !storedMasks.has(m.id));
  const summary = { imported: fresh.length, skipped: manifest.entries.length - fresh.length };
  if (fresh.length === 0) return summary;

  // Checked before inflating a single image: a zip can claim (or hide) far more than it holds.
  const needed =
    fresh.reduce((n, e) => n + e.byteLength, 0) + masks.reduce((n, m) => n + m.byteLength, 0);
  const left = spaceLeft(await deps.storage());
  if (left !== null && needed > left) {
    throw refuse(
      `The archive needs ${formatBytes(needed)} but only ${formatBytes(left)} is left for the gallery. Free space or import a smaller archive.`,
    );
  }

  const problems: string[] = [];
  let checked = 0;
  const total = fresh.length + masks.length;
  const images: StoredBlob[] = [];
  const thumbnails: StoredBlob[] = [];
  const checkImage = async (
    name: string,
    sha256: string,
    mime: string,
    where: string,
    size?: { width: number; height: number },
  ): Promise<{ blob: Blob; thumbnail: Blob } | null> => {
    const problem = (text: string) => (problems.push(`${where}: ${text}`), null);
    try {
      // Read, hashed and sniffed one file at a time; only the Blob outlives this call.
      const data = await zip.read(name).catch(() => null);
      if (!data) return problem('its image cannot be unpacked (the zip is damaged)');
      if ((await sha256Hex(data)) !== sha256)
        return problem('its image bytes do not match the manifest');
      if (sniffImageType(data) !== mime) return problem(`its image is not ${mime}`);
      const blob = new Blob([data], { type: mime });
      const thumbnail = await deps.thumbnailer(blob).catch(() => null);
      if (!thumbnail) return problem('its image does not decode');
      if (size && (thumbnail.width !== size.width || thumbnail.height !== size.height)) {
        return problem(
          `its image is ${thumbnail.width}×${thumbnail.height}, not ${size.width}×${size.height}`,
        );
      }
      return { blob, thumbnail: thumbnail.blob };
    } finally {
      deps.onProgress?.(++checked, total);
    }
  };
  await mapLimited(fresh, DECODE_CONCURRENCY, async (entry) => {
    if (!entry.file || !entry.sha256) return deps.onProgress?.(++checked, total);
    const where = `entry ${manifest.entries.indexOf(entry) + 1} ("${entry.prompt.slice(0, 40)}")`;
    const checkedImage = await checkImage(entry.file, entry.sha256, entry.mime, where, entry);
    if (!checkedImage) return;
    images.push({ id: entry.id, blob: checkedImage.blob });
    thumbnails.push({ id: entry.id, blob: checkedImage.thumbnail });
  });
  const maskRows: StoredBlob[] = [];
  await mapLimited(masks, DECODE_CONCURRENCY, async (mask) => {
    const checkedMask = await checkImage(mask.file, mask.sha256, 'image/png', `mask ${mask.id}`);
    if (checkedMask) maskRows.push({ id: mask.id, blob: checkedMask.blob });
  });
  if (problems.length) {
    throw refuse(
      'Some images in the archive are damaged or are not what the manifest says.',
      problems.slice(0, 8),
    );
  }

  const entries: GalleryEntry[] = fresh.map(fromManifestEntry);
  try {
    const tables = [db.entries, db.images, db.thumbnails, db.masks, db.boards];
    await db.transaction('rw', tables, async () => {
      // Another tab may have imported the same archive meanwhile: all-or-nothing still holds.
      await db.masks.bulkPut(maskRows);
      // A board already here keeps its name here; a new one arrives as it was exported.
      const boards = manifest.boards ?? [];
      const present = await db.boards.bulkGet(boards.map((b) => b.id));
      await db.boards.bulkAdd(boards.filter((_, i) => !present[i]));
      await db.entries.bulkAdd(entries);
      await db.images.bulkAdd(images);
      await db.thumbnails.bulkAdd(thumbnails);
    });
  } catch (error) {
    throw toGalleryStorageError(error);
  }
  return summary;
}
