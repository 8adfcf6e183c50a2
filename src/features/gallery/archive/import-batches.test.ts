import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GalleryDb } from '../../gallery-store/gallery-db.ts';
import { probeRoom } from '../../gallery-store/room-probe.ts';
import { deps, seedGallery, zipFile } from './archive.test-support.ts';
import { exportArchive } from './export-archive.ts';
import { importArchive } from './import-archive.ts';
import { BATCH_BYTES, BATCH_SIZE, planBatches, type Placed } from './import-batches.ts';
import type { ManifestEntry, ManifestMask } from './manifest.ts';

// What each write asks of the room probe (there is no private file system in Node).
vi.mock('../../gallery-store/room-probe.ts', () => ({ probeRoom: vi.fn(async () => {}) }));

const MB = 1024 * 1024;
const placed = (i: number, byteLength: number, maskId?: string): Placed => ({
  entry: {
    id: `e${i}`,
    file: `images/e${i}.png`,
    byteLength,
    ...(maskId ? { maskId } : {}),
  } as ManifestEntry,
  place: i + 1,
});
const mask = (id: string, byteLength: number): ManifestMask => ({
  id,
  file: `masks/${id}.png`,
  sha256: 'x',
  byteLength,
});
const ids = (batches: Placed[][]) => batches.map((b) => b.map((p) => p.entry.id));

describe('planBatches', () => {
  it('cuts by count: 450 small entries are 200, 200 and 50, in order', () => {
    const entries = Array.from({ length: 450 }, (_, i) => placed(i, 1000));
    const batches = planBatches(entries, new Map(), new Set());
    expect(batches.map((b) => b.length)).toEqual([BATCH_SIZE, BATCH_SIZE, 50]);
    expect(batches.flat()).toEqual(entries);
  });

  it('cuts by bytes: no batch of large images stores more than the limit', () => {
    const entries = Array.from({ length: 40 }, (_, i) => placed(i, 12 * MB));
    const batches = planBatches(entries, new Map(), new Set());
    expect(batches.map((b) => b.length)).toEqual(Array(20).fill(2));
    for (const batch of batches) {
      expect(batch.reduce((n, p) => n + p.entry.byteLength, 0)).toBeLessThanOrEqual(BATCH_BYTES);
    }
  });

  it('puts an image larger than the limit alone, and counts a new mask once, with its first user', () => {
    const masks = new Map([
      ['m1', mask('m1', 3 * MB)],
      ['m2', mask('m2', 3 * MB)],
    ]);
    const entries = [
      placed(0, 2 * MB, 'm1'),
      placed(1, 2 * MB, 'm1'),
      placed(2, 40 * MB),
      placed(3, 2 * MB, 'm2'), // already stored: costs nothing
    ];
    const options = { maxBytes: 6 * MB };
    expect(ids(planBatches(entries, masks, new Set(['m2']), options))).toEqual([
      ['e0'], // 2 + 3 (its mask) = 5; a second 2 would make 7
      ['e1'],
      ['e2'],
      ['e3'],
    ]);
    expect(ids(planBatches(entries, masks, new Set(['m2']), { maxBytes: 7 * MB }))).toEqual([
      ['e0', 'e1'],
      ['e2'],
      ['e3'],
    ]);
  });

  it('keeps link-only entries (no bytes) with their neighbours', () => {
    const link = { entry: { id: 'link', byteLength: 0 } as ManifestEntry, place: 9 };
    expect(
      ids(planBatches([placed(0, 10 * MB), link], new Map(), new Set(), { maxBytes: 10 * MB })),
    ).toEqual([['e0', 'link']]);
  });
});

describe('an import asks the room probe for everything it writes', () => {
  let source: GalleryDb;
  let target: GalleryDb;
  beforeEach(async () => {
    source = new GalleryDb(`batches-source-${crypto.randomUUID()}`);
    target = new GalleryDb(`batches-target-${crypto.randomUUID()}`);
    vi.mocked(probeRoom).mockClear();
  });
  afterEach(async () => {
    await source.delete();
    await target.delete();
  });

  it('images, thumbnails and masks: a disk with room for the images alone is not let through', async () => {
    await seedGallery(source);
    const archive = await exportArchive(null, source);
    vi.mocked(probeRoom).mockClear();
    await importArchive(zipFile(new Uint8Array(await archive.blob.arrayBuffer())), deps(target));

    const stored = async (table: GalleryDb['images'] | GalleryDb['thumbnails']) =>
      (await table.toArray()).reduce((n, row) => n + row.blob.size, 0);
    const written =
      (await stored(target.images)) +
      (await stored(target.thumbnails)) +
      (await stored(target.masks));
    const probed = vi.mocked(probeRoom).mock.calls.map(([bytes]) => bytes);
    // The seeded gallery is one batch: one probe covers all of it.
    expect(Math.max(...probed)).toBe(written);
  });
});
