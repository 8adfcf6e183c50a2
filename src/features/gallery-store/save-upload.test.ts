import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GalleryDb } from './gallery-db.ts';
import { storeUpload } from './save-upload.ts';
import type { Thumbnailer } from './thumbnail-protocol.ts';

const thumbnailer: Thumbnailer = async () => ({
  blob: new Blob(['thumb'], { type: 'image/webp' }),
  width: 8,
  height: 8,
});
const photo = (fill: number) => new Blob([new Uint8Array(64).fill(fill)], { type: 'image/jpeg' });
const upload = (file: Blob, fileName = 'holiday.jpg') => ({
  bytes: file,
  file,
  fileName,
  width: 4000,
  height: 3000,
});

let db: GalleryDb;
afterEach(async () => {
  await db?.delete();
});

describe('storeUpload', () => {
  it('stores the photo once as an upload entry with its bytes, however often it is edited', async () => {
    db = new GalleryDb('test-upload-1');
    const first = await storeUpload(upload(photo(1)), db, thumbnailer);
    // Ten edits of the same photo (another name, brought in again): still one entry.
    const again = await Promise.all(
      Array.from({ length: 10 }, () => storeUpload(upload(photo(1), 'copy.jpg'), db, thumbnailer)),
    );
    expect(again).toEqual(Array(10).fill(first));
    const entries = await db.entries.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      id: first,
      kind: 'upload',
      fileName: 'holiday.jpg',
      mime: 'image/jpeg',
      width: 4000,
      height: 3000,
      byteLength: 64,
    });
    expect(entries[0]?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await db.images.get(first))?.blob.size).toBe(64);
  });

  it('stores a different photo as an entry of its own', async () => {
    db = new GalleryDb('test-upload-2');
    const a = await storeUpload(upload(photo(1)), db, thumbnailer);
    const b = await storeUpload(upload(photo(2), 'other.jpg'), db, thumbnailer);
    expect(b).not.toBe(a);
    expect(await db.entries.where('kind').equals('upload').count()).toBe(2);
  });
});
