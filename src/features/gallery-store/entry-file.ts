/**
 * A gallery image as a file: its readable name ("easel-2026-03-01-a-lighthouse-at-dusk-
 * 1a2b3c4d.png") and its bytes, for the gallery's downloads and for the editor when an image
 * is picked from or dragged out of the gallery.
 */
import type { GalleryEntry } from './gallery-entry.ts';

/** The file extension of each image type the gallery stores. */
export const IMAGE_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

export const localDate = (ms: number) => {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** Lower-case words joined by "-", at most `max` characters: "a-lighthouse-at-dusk". */
export function slug(text: string, max: number): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

export const extension = (entry: GalleryEntry) => IMAGE_EXTENSIONS[entry.mime] ?? 'img';

/** "easel-2026-03-01-a-lighthouse-at-dusk-1a2b3c4d.png": sortable, readable, unique. */
export function entryFileName(entry: GalleryEntry): string {
  const name = [
    `easel-${localDate(entry.createdAt)}`,
    slug(entry.prompt || (entry.fileName ?? '').replace(/\.[a-z0-9]+$/i, ''), 48) || entry.kind,
    entry.id.slice(0, 8),
  ];
  return `${name.join('-')}.${extension(entry)}`;
}

export interface EntryFile {
  image: Blob;
  name: string;
  /** The entry itself: an edit of it records it as its parent. */
  parentId: string;
  /** An edit's mask (the API's convention), so the editor goes on with it. */
  mask: Blob | null;
}

/** Reads a stored image with its name; rejects when it is gone or has no bytes here. */
export async function readEntryFile(id: string): Promise<EntryFile> {
  // The database code loads here, not with the names (file-names.ts, the gallery view).
  const { getEntry, readImage, readMask } = await import('./gallery-reads.ts');
  const [entry, image] = await Promise.all([getEntry(id), readImage(id)]);
  const mask = entry.maskId ? await readMask(entry.maskId) : null;
  return { image, name: entryFileName(entry), parentId: entry.id, mask };
}
