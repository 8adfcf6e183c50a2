import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GalleryDb } from './gallery-db.ts';
import { resumeSaving, savingStop, stopSaving } from './gallery-health.ts';
import { saveResults } from './save-results.ts';
import type { ComposeRecord, ImageJobResult } from '../../api/image-result.ts';
import { GalleryStorageError } from './gallery-storage-error.ts';
import type { Thumbnailer } from './thumbnail-protocol.ts';
import { repairThumbnails } from './repair-thumbnails.ts';
import { thumbnailNotInStore } from './thumbnails/later-thumbnails.ts';
import { replaceComposedImage } from './recompose-entry.ts';

const png = (n: number) => new Blob([new Uint8Array(n).fill(7)], { type: 'image/png' });

function result(overrides: Partial<ImageJobResult> = {}): ImageJobResult {
  return {
    operation: 'generate',
    model: 'gpt-image-1',
    prompt: 'a lighthouse at dusk',
    params: { model: 'gpt-image-1', prompt: 'a lighthouse at dusk', n: 2, size: '1024x1024' },
    provider: { name: 'Local engine', kind: 'local' },
    images: [
      { bytes: png(10), width: 1024, height: 1024 },
      { bytes: png(20), width: 1024, height: 1024 },
    ],
    createdAt: 1_700_000_000_000,
    durationMs: 1234,
    ...overrides,
  };
}

// The real thumbnailer is a browser worker (covered by e2e); here a stand-in (tests that
// check what it was asked wrap it: thumbnails come a moment after each save, across tests).
const thumbnailer: Thumbnailer = async (image) => {
  return {
    blob: new Blob([`thumb of ${image.size}`], { type: 'image/webp' }),
    width: 8,
    height: 8,
  };
};

let db: GalleryDb;
afterEach(async () => {
  resumeSaving();
  await db?.delete();
});

describe('saveResults', () => {
  it('writes one entry per image with its bytes, in one batch, and ends the job’s record', async () => {
    db = new GalleryDb('test-save-1');
    await db.jobs.put({ id: 'job-1' });
    const entries = await saveResults(result(), db, thumbnailer, { jobId: 'job-1' });
    expect(await db.jobs.count()).toBe(0);
    expect(entries).toHaveLength(2);
    expect(new Set(entries.map((e) => e.batchId)).size).toBe(1);
    expect(entries.map((e) => e.index)).toEqual([0, 1]);
    const stored = await db.images.get(entries[1]!.id);
    expect(stored?.blob.size).toBe(20);
    expect((await db.entries.get(entries[0]!.id))?.params).toMatchObject({
      n: 2,
      size: '1024x1024',
    });
  });

  it('keeps the mask and parent of an edit', async () => {
    db = new GalleryDb('test-save-2');
    const mask = png(5);
    const [entry] = await saveResults(
      result({
        operation: 'edit',
        parentId: 'parent-1',
        mask,
        images: [{ bytes: png(3), width: 8, height: 8 }],
      }),
      db,
      thumbnailer,
    );
    expect(entry?.kind).toBe('edit');
    expect(entry?.parentId).toBe('parent-1');
    expect((await db.masks.get(entry!.maskId!))?.blob.size).toBe(5);
  });

  it('writes nothing when any part of the transaction fails (no half entry)', async () => {
    db = new GalleryDb('test-save-3');
    const [first] = await saveResults(
      result({ images: [{ bytes: png(1), width: 1, height: 1 }] }),
      db,
      thumbnailer,
    );
    // Sabotage: an image row already holds the id the next entry would write, so bulkAdd fails.
    const clash = crypto.randomUUID();
    await db.images.add({ id: clash, blob: png(1) });
    const realUuid = crypto.randomUUID.bind(crypto);
    let calls = 0;
    crypto.randomUUID = () => (++calls === 2 ? (clash as ReturnType<typeof realUuid>) : realUuid());
    await db.jobs.put({ id: 'job-1' });
    try {
      await expect(saveResults(result(), db, thumbnailer, { jobId: 'job-1' })).rejects.toThrow();
    } finally {
      crypto.randomUUID = realUuid;
    }
    // Not saved: the job's in-flight record stays, to show it interrupted after a reload.
    expect(await db.jobs.get('job-1')).toBeDefined();
    expect(await db.entries.count()).toBe(1);
    expect((await db.entries.toArray())[0]?.id).toBe(first?.id);
    expect(await db.images.count()).toBe(2);
  });

  it('stores a url result that could not be fetched without bytes, keeping the link and expiry', async () => {
    db = new GalleryDb('test-save-4');
    const remote = {
      url: 'https://example.test/img.png',
      expiresAt: 1_700_003_600_000,
      reason: 'CORS',
    };
    const [entry] = await saveResults(
      result({ images: [{ bytes: null, width: 256, height: 256, remote }] }),
      db,
      thumbnailer,
    );
    expect(entry?.remote).toEqual(remote);
    expect(await db.images.get(entry!.id)).toBeUndefined();
    expect(await db.thumbnails.count()).toBe(0);
  });

  it('stores a thumbnail made from each image once the picture had time to show, and a tile waits for it', async () => {
    db = new GalleryDb('test-save-5');
    const asked: Blob[] = [];
    const recording: Thumbnailer = (image) => (asked.push(image), thumbnailer(image));
    const entries = await saveResults(result(), db, recording);
    // Not made in the frame that shows the picture: its decode would compete with it.
    expect(asked).toEqual([]);
    const shown = await thumbnailNotInStore(entries[1]!.id);
    expect(asked.map((b) => b.size).sort()).toEqual([10, 20]);
    expect(await shown?.text()).toBe('thumb of 20');
    const thumbs = await db.thumbnails.bulkGet(entries.map((e) => e.id));
    expect(await Promise.all(thumbs.map((t) => t?.blob.text()))).toEqual([
      'thumb of 10',
      'thumb of 20',
    ]);
  });

  it('keeps the thumbnail of an edit composed again before its first thumbnail was stored', async () => {
    db = new GalleryDb('test-save-5e');
    const [entry] = await saveResults(result({ images: [result().images[0]!] }), db, thumbnailer);
    const settings: ComposeRecord = {
      mode: 'hard',
      grow: 0,
      feather: 0,
      colourMatch: false,
      keepUnchanged: true,
    };
    await replaceComposedImage(entry!.id, png(30), settings, db, async () => ({
      blob: new Blob(['thumb of the recomposed image'], { type: 'image/webp' }),
      width: 8,
      height: 8,
    }));
    await thumbnailNotInStore(entry!.id);
    const stored = await db.thumbnails.get(entry!.id);
    expect(await stored?.blob.text()).toBe('thumb of the recomposed image');
  });

  it('saves the bytes without waiting for thumbnails (a worker still starting)', async () => {
    db = new GalleryDb('test-save-5b');
    let finish: (() => void) | null = null;
    const slow: Thumbnailer = (image) =>
      new Promise((resolve) => {
        finish = () => void thumbnailer(image).then(resolve);
      });
    const entries = await saveResults(result({ images: [result().images[0]!] }), db, slow);
    expect(await db.images.get(entries[0]!.id)).toBeDefined();
    expect(await db.thumbnails.count()).toBe(0);
    await vi.waitFor(() => expect(finish).not.toBeNull());
    finish!();
    await thumbnailNotInStore(entries[0]!.id);
    expect(await db.thumbnails.count()).toBe(1);
  });

  it('keeps a thumbnail the full disk refused in memory, so the gallery still shows it', async () => {
    db = new GalleryDb('test-save-5d');
    let finish: (() => void) | null = null;
    const slow: Thumbnailer = (image) =>
      new Promise((resolve) => {
        finish = () => void thumbnailer(image).then(resolve);
      });
    const [entry] = await saveResults(result({ images: [result().images[0]!] }), db, slow);
    // The disk fills between the bytes and the thumbnail: saving stops, nothing more is written.
    stopSaving({ cause: 'disk', at: Date.now() });
    await vi.waitFor(() => expect(finish).not.toBeNull());
    finish!();
    expect(await (await thumbnailNotInStore(entry!.id))?.text()).toBe('thumb of 10');
    expect(await db.thumbnails.count()).toBe(0);
    expect(await (await thumbnailNotInStore(entry!.id))?.text()).toBe('thumb of 10');
  });

  it('makes at start-up the thumbnails a reload left missing, and only those', async () => {
    db = new GalleryDb('test-save-5c');
    const never: Thumbnailer = () => new Promise(() => {});
    const [first] = await saveResults(result({ images: [result().images[0]!] }), db, never);
    const others = await saveResults(result(), db, thumbnailer);
    await Promise.all(others.map((entry) => thumbnailNotInStore(entry.id)));
    expect(await db.thumbnails.count()).toBe(2);
    const asked: Blob[] = [];
    const recording: Thumbnailer = (image) => (asked.push(image), thumbnailer(image));
    expect(await repairThumbnails(db, recording)).toBe(1);
    expect(asked.map((b) => b.size)).toEqual([10]);
    expect(await (await db.thumbnails.get(first!.id))?.blob.text()).toBe('thumb of 10');
    expect(await repairThumbnails(db, thumbnailer)).toBe(0);
  });

  it('still saves the bytes when no thumbnail can be made (the grid shows "no preview")', async () => {
    db = new GalleryDb('test-save-6');
    const failing: Thumbnailer = () => Promise.reject(new Error('does not decode'));
    const warn = console.warn;
    console.warn = () => {};
    try {
      const entries = await saveResults(result(), db, failing);
      expect(await db.images.count()).toBe(2);
      expect(await db.thumbnails.count()).toBe(0);
      expect(entries).toHaveLength(2);
    } finally {
      console.warn = warn;
    }
  });

  it('turns a full quota into a GalleryStorageError of kind quota, writes nothing, and stops saving', async () => {
    db = new GalleryDb('test-save-7');
    let full = true;
    db.images.hook('creating', () => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await saveResults(result(), db, thumbnailer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GalleryStorageError);
    expect((error as GalleryStorageError).kind).toBe('quota');
    expect((error as GalleryStorageError).action).toMatch(/^Free at least 50 MB: .*Export/);
    expect(await db.entries.count()).toBe(0);
    expect(await db.thumbnails.count()).toBe(0);
    expect(savingStop()?.cause).toBe('quota');

    // Room again, but nothing is written until the user asks: then saving resumes.
    full = false;
    const refused = await saveResults(result(), db, thumbnailer).catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(/Easel has stopped saving/);
    expect(await db.entries.count()).toBe(0);
    await saveResults(result(), db, thumbnailer, { explicit: true });
    expect(await db.entries.count()).toBe(2);
    expect(savingStop()).toBeNull();
  });

  it('tells a full disk (Chromium’s IOError) from a full quota', async () => {
    db = new GalleryDb('test-save-io');
    db.images.hook('creating', () => {
      throw new DOMException('Failed to write blobs (IOError)', 'DataError');
    });
    const error = await saveResults(result(), db, thumbnailer).catch((e: unknown) => e);
    expect((error as GalleryStorageError).message).toMatch(/^The disk is full/);
    expect(savingStop()?.cause).toBe('disk');
  });

  it('reports a database that cannot be opened as unavailable', async () => {
    db = new GalleryDb('test-save-8');
    db.close();
    await db.delete();
    // A closed Dexie refuses every operation (as after a failed open or a blocked upgrade).
    const closed = new GalleryDb('test-save-8');
    closed.on('ready', () => {
      throw new DOMException('Storage is blocked for this site.', 'SecurityError');
    });
    const error = await saveResults(result(), closed, thumbnailer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GalleryStorageError);
    expect((error as GalleryStorageError).kind).toBe('unavailable');
    closed.close();
  });
});
