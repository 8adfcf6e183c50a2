/**
 * Shared by the archive's unit tests: a small gallery (a generation of a PNG and a WebP, and
 * an edit of the first with its mask) saved through the real store, and a real decoder.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { expect } from 'vitest';
import type { ImageJobResult } from '../../../api/image-result.ts';
import { oneByOne, type Thumbnailer } from '../../gallery-store/thumbnail-protocol.ts';
import type { GalleryDb } from '../../gallery-store/gallery-db.ts';
import { saveResults } from '../../gallery-store/save-results.ts';
import type { StorageReport } from '../../gallery-store/storage-estimate.ts';

// A real decoder and WebP encoder (Skia via @napi-rs/canvas), standing in for the browser
// worker, so "does not decode" means what it means in the studio.
export const thumbnailer: Thumbnailer = async (blob) => {
  const image = await loadImage(new Uint8Array(await blob.arrayBuffer()));
  const canvas = createCanvas(16, 16);
  canvas.getContext('2d').drawImage(image, 0, 0, 16, 16);
  const webp = await canvas.encode('webp', 80);
  return {
    blob: new Blob([new Uint8Array(webp)], { type: 'image/webp' }),
    width: image.width,
    height: image.height,
  };
};

export async function picture(
  width: number,
  height: number,
  hue: number,
  format: 'png' | 'webp' = 'png',
) {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = `hsl(${hue} 70% 50%)`;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(width / 4, height / 4, width / 2, height / 3);
  const bytes = format === 'png' ? canvas.toBuffer('image/png') : await canvas.encode('webp', 90);
  return new Blob([new Uint8Array(bytes)], { type: `image/${format}` });
}

export const plenty: () => Promise<StorageReport> = async () => ({
  usage: 0,
  quota: 1e12,
  persisted: true,
});

function job(prompt: string, images: Blob[], extra: Partial<ImageJobResult> = {}): ImageJobResult {
  return {
    operation: 'generate',
    model: 'gpt-image-1',
    prompt,
    params: { model: 'gpt-image-1', prompt, n: images.length, size: '64x48' },
    provider: { name: 'Local engine', kind: 'local' },
    images: images.map((bytes) => ({ bytes, width: 64, height: 48 })),
    createdAt: Date.now(),
    durationMs: 900,
    usage: {
      input_tokens: 9,
      output_tokens: 100,
      total_tokens: 109,
      input_tokens_details: { text_tokens: 9, image_tokens: 0 },
    },
    ...extra,
  };
}

export async function seedGallery(db: GalleryDb) {
  const [parent] = await saveResults(
    job('a <b>harbour</b> at dawn', [
      await picture(64, 48, 200),
      await picture(64, 48, 20, 'webp'),
    ]),
    db,
    thumbnailer,
  );
  await saveResults(
    job('the harbour with boats', [await picture(64, 48, 120)], {
      operation: 'edit',
      parentId: parent!.id,
      mask: await picture(64, 48, 0),
    }),
    db,
    thumbnailer,
  );
}

export const deps = (db: GalleryDb, storage = plenty) => ({
  db,
  thumbnails: oneByOne(thumbnailer),
  storage,
});

export const zipFile = (bytes: Uint8Array) =>
  new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' });

/** Refused means nothing was written. */
export async function expectUntouched(db: GalleryDb) {
  expect(await db.entries.count()).toBe(0);
  expect(await db.images.count()).toBe(0);
  expect(await db.thumbnails.count()).toBe(0);
  expect(await db.masks.count()).toBe(0);
}
