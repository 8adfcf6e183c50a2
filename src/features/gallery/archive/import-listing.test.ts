import 'fake-indexeddb/auto';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { manyEntriesArchive } from '../../../../e2e/fixtures/gallery-archive.ts';
import { galleryDb } from '../../gallery-store/gallery-db.ts';
import { entriesQuery } from '../../gallery-store/gallery-queries.ts';
import {
  galleryCaughtUp,
  watchGalleryChanges,
} from '../../gallery-store/use-gallery-live-updates.ts';
import { deps, seedGallery, zipFile } from './archive.test-support.ts';
import { importArchive } from './import-archive.ts';

// The gallery on screen while an archive imports: its listing (every entry's metadata) shows
// each batch as it is written. Read again whole for every batch, 50,000 entries rebuilt each
// of their rows each time, the old listing still held (the page's heap reached 130-175 MB).

describe('the gallery listing during an import', () => {
  it('gains the imported entries, and reads none of those it already held again', async () => {
    await seedGallery(galleryDb);
    const client = new QueryClient();
    watchGalleryChanges(client);
    const listing = new QueryObserver(client, entriesQuery());
    const unsubscribe = listing.subscribe(() => undefined);
    await vi.waitFor(() => expect(listing.getCurrentResult().data).toHaveLength(3));
    await galleryCaughtUp(client); // the watcher's first read, of what was there before it
    const held = listing.getCurrentResult().data!;

    const count = 260; // two batches, each over the 50 rows Dexie names a write's keys for
    const summary = await importArchive(zipFile(await manyEntriesArchive(count)), deps(galleryDb));
    expect(summary.imported).toBe(count);

    await vi.waitFor(() => expect(listing.getCurrentResult().data).toHaveLength(3 + count), {
      timeout: 5000,
    });
    const shown = listing.getCurrentResult().data!;
    // Newest first, as a whole read gives it, and the entries held before are the same objects.
    expect(shown.map((e) => e.id)).toEqual(
      (await galleryDb.entries.toArray())
        .sort(
          (a, b) =>
            b.createdAt - a.createdAt || a.batchId.localeCompare(b.batchId) || a.index - b.index,
        )
        .map((e) => e.id),
    );
    for (const entry of held) expect(shown.find((e) => e.id === entry.id)).toBe(entry);
    unsubscribe();
    galleryDb.close();
  });
});
