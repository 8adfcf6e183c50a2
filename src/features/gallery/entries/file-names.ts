/** The names Easel gives the archives it saves from the gallery, and the images in them. */
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { extension, localDate, slug } from '../../gallery-store/entry-file.ts';

/**
 * An image's name inside an exported zip, "2026-03-01-a-lighthouse-at-dusk-1a2b3c4d": the
 * date, the prompt's first words and a short id, within the manifest's 64-character rule.
 */
export function zipImageName(entry: GalleryEntry): string {
  const words = slug(entry.prompt, 38) || entry.kind;
  return `${localDate(entry.createdAt)}-${words}-${entry.id.slice(0, 8)}.${extension(entry)}`;
}

/** "easel-gallery-2026-03-01.zip"; a board's carries its name: "easel-board-moods-2026-…". */
export function archiveFileName(
  kind: 'gallery' | 'selection' | 'board',
  now = Date.now(),
  name = '',
): string {
  const named = kind === 'board' && slug(name, 40) ? `board-${slug(name, 40)}` : kind;
  return `easel-${named}-${localDate(now)}.zip`;
}
