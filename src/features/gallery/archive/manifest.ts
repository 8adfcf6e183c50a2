/**
 * The gallery archive's manifest (`manifest.json` at the root of an exported zip).
 *
 * Contract, version 1: `entries` lists every exported image with all of its gallery
 * metadata, `file` (the image's path in the zip, its bytes exactly as the provider returned
 * them) and their `sha256`; link-only entries (a `url` result that could not be fetched)
 * carry `remote` and no file. `masks` lists the edit masks entries point to by `maskId`.
 * Ids are kept, so lineage (`parentId`) survives a round trip and re-importing an archive
 * skips what is already there. Import accepts exactly this shape and nothing more.
 */
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_FORMAT = 'easel-gallery';
export const MANIFEST_VERSION = 1;

export interface ManifestEntry extends Omit<GalleryEntry, 'favourite'> {
  favourite: boolean;
  /** Path of the image in the zip; absent for link-only entries. */
  file?: string;
  sha256?: string;
}

export interface ManifestMask {
  id: string;
  file: string;
  sha256: string;
  byteLength: number;
}

export interface GalleryManifest {
  format: typeof MANIFEST_FORMAT;
  version: typeof MANIFEST_VERSION;
  exportedAt: number;
  entries: ManifestEntry[];
  masks: ManifestMask[];
}

export const IMAGE_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

export function toManifestEntry(entry: GalleryEntry, sha256: string | null): ManifestEntry {
  const { favourite, ...rest } = entry;
  const file = sha256 ? `images/${entry.id}.${IMAGE_EXTENSIONS[entry.mime] ?? 'bin'}` : undefined;
  return { ...rest, favourite: favourite === 1, ...(file && sha256 ? { file, sha256 } : {}) };
}

export function fromManifestEntry(entry: ManifestEntry): GalleryEntry {
  const { favourite, file: _file, sha256: _sha256, ...rest } = entry;
  return { ...rest, favourite: favourite ? 1 : 0 };
}
