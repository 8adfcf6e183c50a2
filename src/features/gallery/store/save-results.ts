/**
 * The one function every finished request goes through: it turns an ImageJobResult into
 * gallery entries and writes them, images and mask included, in a single transaction.
 * It resolves only after IndexedDB has committed, so the studio calls a job done after it.
 * On failure nothing is written and the error (quota, blocked database…) is rethrown for the
 * caller to show, while the result stays on screen.
 */
import type { ImageJobResult } from '../../../api/image-result.ts';
import type { EntryKind, GalleryEntry } from '../gallery-entry.ts';
import { galleryDb, type GalleryDb } from './gallery-db.ts';

const KIND: Record<ImageJobResult['operation'], EntryKind> = {
  generate: 'generation',
  edit: 'edit',
  variation: 'variation',
};

export async function saveResults(
  result: ImageJobResult,
  db: GalleryDb = galleryDb,
): Promise<GalleryEntry[]> {
  const batchId = crypto.randomUUID();
  const maskId = result.mask ? crypto.randomUUID() : undefined;
  const entries: GalleryEntry[] = result.images.map((image, index) => ({
    id: crypto.randomUUID(),
    kind: KIND[result.operation],
    batchId,
    index,
    createdAt: result.createdAt,
    durationMs: result.durationMs,
    prompt: result.prompt,
    ...(image.revisedPrompt ? { revisedPrompt: image.revisedPrompt } : {}),
    model: result.model,
    params: result.params,
    provider: result.provider,
    ...(result.parentId ? { parentId: result.parentId } : {}),
    ...(maskId ? { maskId } : {}),
    ...(result.usage ? { usage: result.usage } : {}),
    mime: image.bytes?.type ?? '',
    width: image.width,
    height: image.height,
    byteLength: image.bytes?.size ?? 0,
    favourite: 0,
    ...(image.remote ? { remote: image.remote } : {}),
  }));

  await db.transaction('rw', db.entries, db.images, db.masks, async () => {
    if (maskId && result.mask) await db.masks.add({ id: maskId, blob: result.mask });
    await db.entries.bulkAdd(entries);
    const images = entries.flatMap((entry, i) => {
      const bytes = result.images[i]?.bytes;
      return bytes ? [{ id: entry.id, blob: bytes }] : [];
    });
    await db.images.bulkAdd(images);
  });
  return entries;
}
