/**
 * The designer's own image, stored once as a gallery entry of kind 'upload' when an edit is
 * made from it, so the edit's lineage, the gallery and a later re-edit can show where it
 * started. Stored by content: the same photo edited ten times (or reopened after a reload)
 * is one entry, found again by the SHA-256 of its bytes.
 */
import { IMAGE_EXTENSIONS } from './entry-file.ts';
import { UPLOAD_MODEL, type GalleryEntry } from './gallery-entry.ts';
import { galleryDb, type GalleryDb } from './gallery-db.ts';
import { guardedWrite } from './guarded-write.ts';
import { makeThumbnail } from './make-thumbnail.ts';
import type { Thumbnailer } from './thumbnail-protocol.ts';
import { makeThumbnailsLater } from './thumbnails/later-thumbnails.ts';

export interface UploadedImage {
  /** The bytes to store: the file as brought, or a PNG of it where the gallery cannot keep its type. */
  bytes: Blob;
  /** The file as brought in, hashed so the same photo is found again whatever was stored. */
  file: Blob;
  fileName: string;
  width: number;
  height: number;
}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The largest image an archive takes back (gallery/archive/archive-limits.ts MAX_IMAGE_BYTES). */
const MAX_AS_IS = 64 * 1024 * 1024;

/** Whether the gallery keeps these bytes as they are (a type it shows and exports, a size it imports). */
export const storableAsIs = (blob: Blob) => blob.type in IMAGE_EXTENSIONS && blob.size <= MAX_AS_IS;

const findUpload = (db: GalleryDb, contentHash: string) =>
  db.entries
    .where('kind')
    .equals('upload')
    .filter((entry) => entry.contentHash === contentHash)
    .first();

/** The id of the upload entry holding this image, written now unless it is already there. */
export async function storeUpload(
  upload: UploadedImage,
  db: GalleryDb = galleryDb,
  thumbnailer: Thumbnailer = makeThumbnail,
): Promise<string> {
  const contentHash = await sha256Hex(upload.file);
  const known = await findUpload(db, contentHash);
  if (known) return known.id;

  const id = crypto.randomUUID();
  const entry: GalleryEntry = {
    id,
    kind: 'upload',
    batchId: id,
    index: 0,
    createdAt: Date.now(),
    durationMs: 0,
    prompt: '',
    model: UPLOAD_MODEL,
    params: { model: UPLOAD_MODEL },
    provider: { name: 'Your file', kind: 'local' },
    mime: upload.bytes.type,
    width: upload.width,
    height: upload.height,
    byteLength: upload.bytes.size,
    favourite: 0,
    fileName: upload.fileName,
    contentHash,
  };
  const saved = guardedWrite(
    db,
    () =>
      db.transaction('rw', [db.entries, db.images], async () => {
        // Another edit of the same photo may have stored it since the look above.
        const raced = await findUpload(db, contentHash);
        if (raced) return raced.id;
        await db.entries.add(entry);
        await db.images.add({ id, blob: upload.bytes });
        return id;
      }),
    { bytes: upload.bytes.size },
  );
  void makeThumbnailsLater(
    db,
    thumbnailer,
    [{ id, blob: upload.bytes }],
    saved.then((stored) => (stored === id ? undefined : Promise.reject(new Error('raced')))),
  );
  return saved;
}
