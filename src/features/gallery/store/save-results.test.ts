import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GalleryDb } from './gallery-db.ts';
import { saveResults } from './save-results.ts';
import type { ImageJobResult } from '../../../api/image-result.ts';

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

let db: GalleryDb;
afterEach(async () => {
  await db?.delete();
});

describe('saveResults', () => {
  it('writes one entry per image with its bytes, in one batch', async () => {
    db = new GalleryDb('test-save-1');
    const entries = await saveResults(result(), db);
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
    );
    // Sabotage: an image row already holds the id the next entry would write, so bulkAdd fails.
    const clash = crypto.randomUUID();
    await db.images.add({ id: clash, blob: png(1) });
    const realUuid = crypto.randomUUID.bind(crypto);
    let calls = 0;
    crypto.randomUUID = () => (++calls === 2 ? (clash as ReturnType<typeof realUuid>) : realUuid());
    try {
      await expect(saveResults(result(), db)).rejects.toThrow();
    } finally {
      crypto.randomUUID = realUuid;
    }
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
    );
    expect(entry?.remote).toEqual(remote);
    expect(await db.images.get(entry!.id)).toBeUndefined();
  });
});
