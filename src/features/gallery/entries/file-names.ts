/** The names Easel gives the files it saves from the gallery: one image, or an archive. */
import { IMAGE_EXTENSIONS } from '../archive/manifest.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';

const localDate = (ms: number) => {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** "easel-2026-03-01-a-lighthouse-at-dusk-1a2b3c4d.png": sortable, readable, unique. */
export function entryFileName(entry: GalleryEntry): string {
  const words = entry.prompt
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  const name = [`easel-${localDate(entry.createdAt)}`, words || entry.kind, entry.id.slice(0, 8)];
  return `${name.join('-')}.${IMAGE_EXTENSIONS[entry.mime] ?? 'img'}`;
}

export function archiveFileName(kind: 'gallery' | 'selection', now = Date.now()): string {
  return `easel-${kind}-${localDate(now)}.zip`;
}
