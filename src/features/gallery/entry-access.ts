/**
 * What other features may read from the gallery, by entry id. Everything else in this
 * folder is the gallery's own business.
 */
import type { GalleryEntry } from '../gallery-store/gallery-entry.ts';
import { getEntry as readEntry, readImage, readMask } from '../gallery-store/gallery-reads.ts';
import { useGalleryUi } from './stores/gallery-ui-store.ts';
import { useViewStore } from '../../lib/studio-view.ts';

export type { GalleryEntry };

/** The entry's metadata; rejects when it is not (or no longer) in the gallery. */
export function getEntry(id: string): Promise<GalleryEntry> {
  return readEntry(id);
}

/** The full image bytes as the provider returned them (PNG, JPEG or WebP). */
export function getEntryImage(id: string): Promise<Blob> {
  return readImage(id);
}

/** The PNG mask an edit entry was made with, or null when it used none. */
export async function getEntryMask(id: string): Promise<Blob | null> {
  const entry = await readEntry(id);
  return entry.maskId ? readMask(entry.maskId) : null;
}

/** Shows the Gallery with this entry's detail view open (e.g. from a result card). */
export function openGalleryEntry(id: string): void {
  useGalleryUi.getState().openEntry(id);
  useViewStore.getState().showView('gallery');
}
