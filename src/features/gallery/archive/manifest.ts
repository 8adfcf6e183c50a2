/**
 * The gallery archive's manifest (`manifest.json` at the root of an exported zip).
 *
 * Contract, version 1: `entries` lists every exported image with all of its gallery
 * metadata, `file` (the image's path in the zip, its bytes exactly as the provider returned
 * them) and their `sha256`; link-only entries (a `url` result that could not be fetched)
 * carry `remote` and no file. `masks` lists the edit masks entries point to by `maskId`.
 * Ids are kept, so lineage (`parentId`) survives a round trip and re-importing an archive
 * skips what is already there. Import accepts exactly this shape and nothing more.
 * Optional `boards` lists the boards the exported images are on; an entry's `boardIds`
 * name boards of that list (archives made before boards have neither).
 */
import type { Board, GalleryEntry } from '../../gallery-store/gallery-entry.ts';

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_FORMAT = 'easel-gallery';
export const MANIFEST_VERSION = 1;

export interface ManifestEntry extends Omit<GalleryEntry, 'favourite' | 'importId'> {
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
  boards?: Board[];
}

/** `stored`: where the image's bytes are in the zip and their hash; null for a link-only entry. */
export function toManifestEntry(
  entry: GalleryEntry,
  stored: { file: string; sha256: string } | null,
): ManifestEntry {
  const { favourite, importId: _importId, ...rest } = entry;
  return { ...rest, favourite: favourite === 1, ...(stored ?? {}) };
}

export function fromManifestEntry(entry: ManifestEntry): GalleryEntry {
  const { favourite, file: _file, sha256: _sha256, ...rest } = entry;
  return { ...rest, favourite: favourite ? 1 : 0 };
}
