import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImageJobResult } from '../../../api/image-result.ts';
import { GalleryDb } from '../../gallery-store/gallery-db.ts';
import { listEntries } from '../../gallery-store/gallery-reads.ts';
import { setFavourite } from '../../gallery-store/gallery-writes.ts';
import { saveResults } from '../../gallery-store/save-results.ts';
import type { Thumbnailer } from '../../gallery-store/thumbnail-protocol.ts';
import { filterEntries, NO_FILTER } from './entry-filter.ts';

// The favourite flag as the store keeps it (an indexable 0/1) and as the filter reads it.
const bytes = (text: string, type = 'image/png') => new Blob([text], { type });
const thumbnailer: Thumbnailer = async () => ({
  blob: bytes('thumb', 'image/webp'),
  width: 1,
  height: 1,
});

function job(prompt: string, createdAt: number): ImageJobResult {
  return {
    operation: 'generate',
    model: 'gpt-image-1',
    prompt,
    params: { model: 'gpt-image-1', prompt },
    provider: { name: 'Local engine', kind: 'local' },
    images: [{ bytes: bytes(`${prompt} #0`), width: 64, height: 64 }],
    createdAt,
    durationMs: 10,
  };
}

let db: GalleryDb;
afterEach(async () => {
  await db?.delete();
});

describe('favourites in the stored gallery', () => {
  it('marks favourites, which the favourite filter then finds', async () => {
    db = new GalleryDb('store-favourite');
    const [keep] = await saveResults(job('keep me', 1000), db, thumbnailer);
    await saveResults(job('not this', 2000), db, thumbnailer);
    await setFavourite([keep!.id], true, db);
    const shown = filterEntries(await listEntries(db), { ...NO_FILTER, favouritesOnly: true });
    expect(shown.map((e) => e.prompt)).toEqual(['keep me']);
    await setFavourite([keep!.id], false, db);
    expect(filterEntries(await listEntries(db), { ...NO_FILTER, favouritesOnly: true })).toEqual(
      [],
    );
  });
});
