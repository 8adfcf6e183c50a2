import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImageJobResult } from '../../api/image-result.ts';
import { GalleryDb } from './gallery-db.ts';
import type { ComposeRecord } from '../../api/image-result.ts';
import { readImage } from './gallery-reads.ts';
import { replaceComposedImage } from './recompose-entry.ts';
import { saveResults } from './save-results.ts';
import type { Thumbnailer } from './thumbnail-protocol.ts';

const bytes = (text: string) => new Blob([text], { type: 'image/png' });
const thumbnailer: Thumbnailer = async (image) => ({
  blob: new Blob([`thumb of ${await image.text()}`], { type: 'image/webp' }),
  width: 1,
  height: 1,
});
const edit: ImageJobResult = {
  operation: 'edit',
  model: 'gpt-image-2',
  prompt: 'a kite',
  params: { model: 'gpt-image-2', prompt: 'a kite' },
  provider: { name: 'Local engine', kind: 'local' },
  images: [{ bytes: bytes('soft composite'), width: 64, height: 64 }],
  createdAt: 1,
  durationMs: 1,
};

let db: GalleryDb;
afterEach(() => db?.delete());

describe('replaceComposedImage', () => {
  it('replaces the image, its thumbnail and the settings that made it, together', async () => {
    db = new GalleryDb('recompose');
    const [entry] = await saveResults(edit, db, thumbnailer);
    const hard: ComposeRecord = {
      mode: 'hard',
      grow: 12,
      feather: 0,
      colourMatch: false,
      keepUnchanged: false,
    };
    await replaceComposedImage(entry!.id, bytes('hard paste!'), hard, db, thumbnailer);
    expect(await (await readImage(entry!.id, db))!.text()).toBe('hard paste!');
    expect(await (await db.thumbnails.get(entry!.id))!.blob.text()).toBe('thumb of hard paste!');
    expect(await db.entries.get(entry!.id)).toMatchObject({ compose: hard, byteLength: 11 });
  });

  it('does nothing for an entry deleted meanwhile', async () => {
    db = new GalleryDb('recompose-gone');
    await replaceComposedImage(
      'gone',
      bytes('x'),
      { mode: 'raw', grow: 0, feather: 0, colourMatch: false, keepUnchanged: false },
      db,
      thumbnailer,
    );
    expect(await db.images.count()).toBe(0);
  });
});
