import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImageJobResult } from '../../api/image-result.ts';
import type { Thumbnailer } from './thumbnail-protocol.ts';
import { GalleryDb } from './gallery-db.ts';
import {
  listEntries,
  listRecent,
  missingEntries,
  readImage,
  readLineage,
} from './gallery-reads.ts';
import { deleteEntries, restoreEntries } from './gallery-writes.ts';
import { saveResults } from './save-results.ts';
import { thumbnailNotInStore } from './thumbnails/later-thumbnails.ts';

const bytes = (text: string, type = 'image/png') => new Blob([text], { type });
const thumbnailer: Thumbnailer = async () => ({
  blob: bytes('thumb', 'image/webp'),
  width: 1,
  height: 1,
});

function job(prompt: string, createdAt: number, extra: Partial<ImageJobResult> = {}) {
  const result: ImageJobResult = {
    operation: 'generate',
    model: 'gpt-image-1',
    prompt,
    params: { model: 'gpt-image-1', prompt },
    provider: { name: 'Local engine', kind: 'local' },
    images: [{ bytes: bytes(`${prompt} #0`), width: 64, height: 64 }],
    createdAt,
    durationMs: 10,
    ...extra,
  };
  return result;
}

let db: GalleryDb;
afterEach(async () => {
  await db?.delete();
});

describe('gallery store', () => {
  it('lists newest first, and the images of one request in their returned order', async () => {
    db = new GalleryDb('store-list');
    await saveResults(job('old', 1000), db, thumbnailer);
    const pair = job('pair', 3000, {
      images: [0, 1, 2].map((i) => ({ bytes: bytes(`pair #${i}`), width: 8, height: 8 })),
    });
    await saveResults(pair, db, thumbnailer);
    await saveResults(job('middle', 2000), db, thumbnailer);
    const listed = await listEntries(db);
    expect(listed.map((e) => `${e.prompt}${e.index}`)).toEqual([
      'pair0',
      'pair1',
      'pair2',
      'middle0',
      'old0',
    ]);
    expect((await listRecent(4, db)).map((e) => `${e.prompt}${e.index}`)).toEqual([
      'pair0',
      'pair1',
      'pair2',
      'middle0',
    ]);
  });

  it('follows lineage both ways: an edit names its parent, the parent lists its children', async () => {
    db = new GalleryDb('store-lineage');
    const [parent] = await saveResults(job('a harbour', 1000), db, thumbnailer);
    const [edit] = await saveResults(
      job('a harbour with boats', 2000, {
        operation: 'edit',
        parentId: parent!.id,
        mask: bytes('m'),
      }),
      db,
      thumbnailer,
    );
    const [variation] = await saveResults(
      job('', 3000, { operation: 'variation', model: 'dall-e-2', parentId: parent!.id }),
      db,
      thumbnailer,
    );
    const ofParent = await readLineage(parent!.id, db);
    expect(ofParent.parent).toBeNull();
    expect(ofParent.children.map((c) => c.id)).toEqual([edit!.id, variation!.id]);
    const ofEdit = await readLineage(edit!.id, db);
    expect(ofEdit.parent?.id).toBe(parent!.id);
    expect(ofEdit.children).toEqual([]);
  });

  it('deletes an entry with its bytes, and undo restores identical bytes and lineage', async () => {
    db = new GalleryDb('store-delete');
    const [parent] = await saveResults(job('parent', 1000), db, thumbnailer);
    const [child] = await saveResults(
      job('child', 2000, { operation: 'edit', parentId: parent!.id }),
      db,
      thumbnailer,
    );
    // Thumbnails are made a moment after the save (once the picture was shown).
    await Promise.all([parent, child].map((entry) => thumbnailNotInStore(entry!.id)));
    const deleted = await deleteEntries([parent!.id], db);
    expect(await db.entries.get(parent!.id)).toBeUndefined();
    expect(await db.images.get(parent!.id)).toBeUndefined();
    expect(await db.thumbnails.get(parent!.id)).toBeUndefined();
    const orphan = await readLineage(child!.id, db);
    expect(orphan.parent).toBeNull();
    expect(orphan.missingParentId).toBe(parent!.id);

    await restoreEntries(deleted, db);
    expect(await (await readImage(parent!.id, db)).text()).toBe('parent #0');
    expect((await readLineage(child!.id, db)).parent?.id).toBe(parent!.id);
    expect(await db.thumbnails.count()).toBe(2);
  });

  it('names the entries deleted since they were saved, in the order asked, until undone', async () => {
    db = new GalleryDb('store-missing');
    const [a] = await saveResults(job('a', 1000), db, thumbnailer);
    const [b] = await saveResults(job('b', 2000), db, thumbnailer);
    const [c] = await saveResults(job('c', 3000), db, thumbnailer);
    const ids = [c!.id, a!.id, b!.id];
    expect(await missingEntries(ids, db)).toEqual([]);
    const deleted = await deleteEntries([a!.id, c!.id], db);
    expect(await missingEntries(ids, db)).toEqual([c!.id, a!.id]);
    await restoreEntries(deleted, db);
    expect(await missingEntries(ids, db)).toEqual([]);
  });

  it('keeps a shared edit mask until the last image that used it is deleted', async () => {
    db = new GalleryDb('store-mask');
    const [a, b] = await saveResults(
      job('two edits', 1000, {
        operation: 'edit',
        mask: bytes('mask'),
        images: [0, 1].map((i) => ({ bytes: bytes(`e${i}`), width: 8, height: 8 })),
      }),
      db,
      thumbnailer,
    );
    const first = await deleteEntries([a!.id], db);
    expect(first.masks).toEqual([]);
    expect(await db.masks.count()).toBe(1);
    const second = await deleteEntries([b!.id], db);
    expect(second.masks).toHaveLength(1);
    expect(await db.masks.count()).toBe(0);
    await restoreEntries(second, db);
    expect(await db.masks.get(b!.maskId!)).toBeDefined();
  });
});
