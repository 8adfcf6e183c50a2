import 'fake-indexeddb/auto';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { ImageJobResult } from '../../api/image-result.ts';
import { entriesQuery } from './gallery-queries.ts';
import { GALLERY_DB_NAME } from './gallery-presence.ts';
import { watchGalleryChanges } from './use-gallery-live-updates.ts';

const databases = async () => (await indexedDB.databases()).map((db) => db.name);

describe('a gallery on a first visit', () => {
  it('is shown empty without creating its database, and shows the first save once it is made', async () => {
    const client = new QueryClient();
    watchGalleryChanges(client);
    // The gallery view on screen: its listing is an active query.
    const listing = new QueryObserver(client, entriesQuery());
    const unsubscribe = listing.subscribe(() => undefined);
    await vi.waitFor(() => expect(listing.getCurrentResult().isSuccess).toBe(true));
    expect(listing.getCurrentResult().data).toEqual([]);
    // Reading an empty gallery opened nothing: the database (and Dexie) wait for a save.
    expect(await databases()).not.toContain(GALLERY_DB_NAME);

    const { saveResults } = await import('./save-results.ts');
    const { galleryDb } = await import('./gallery-db.ts');
    const result: ImageJobResult = {
      operation: 'generate',
      model: 'gpt-image-1',
      prompt: 'a lighthouse at dusk',
      params: { model: 'gpt-image-1', prompt: 'a lighthouse at dusk' },
      provider: { name: 'Local engine', kind: 'local' },
      images: [{ bytes: new Blob(['png'], { type: 'image/png' }), width: 64, height: 64 }],
      createdAt: 1000,
      durationMs: 10,
    };
    const thumbnailer = async () => ({ blob: new Blob(['t']), width: 1, height: 1 });
    await saveResults(result, galleryDb, thumbnailer);

    // A write within a second of the last re-read waits for the rest of that second.
    await vi.waitFor(
      () =>
        expect(listing.getCurrentResult().data?.map((e) => e.prompt)).toEqual([
          'a lighthouse at dusk',
        ]),
      { timeout: 5000 },
    );
    unsubscribe();
    galleryDb.close();
  });
});
