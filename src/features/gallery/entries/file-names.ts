/** The names Easel gives the files it saves from the gallery: one image, or an archive. */
import { IMAGE_EXTENSIONS } from '../archive/manifest.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';

const localDate = (ms: number) => {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** Lower-case words joined by "-", at most `max` characters: "a-lighthouse-at-dusk". */
function slug(text: string, max: number): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

const extension = (entry: GalleryEntry) => IMAGE_EXTENSIONS[entry.mime] ?? 'img';

/** "easel-2026-03-01-a-lighthouse-at-dusk-1a2b3c4d.png": sortable, readable, unique. */
export function entryFileName(entry: GalleryEntry): string {
  const name = [
    `easel-${localDate(entry.createdAt)}`,
    slug(entry.prompt, 48) || entry.kind,
    entry.id.slice(0, 8),
  ];
  return `${name.join('-')}.${extension(entry)}`;
}

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
