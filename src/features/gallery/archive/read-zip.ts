/**
 * Reading a zip without trusting it: list the files (names and declared sizes) without
 * inflating anything, then inflate only the files asked for. Inflating runs in fflate's
 * workers, off the page's main thread.
 */
import { unzip, unzipSync, type UnzipFileInfo } from 'fflate';

export type ZipListing = Map<string, UnzipFileInfo>;

/** Throws when the central directory cannot be read (a damaged or truncated zip). */
export function listZip(bytes: Uint8Array): ZipListing {
  const listing: ZipListing = new Map();
  unzipSync(bytes, {
    filter: (info) => {
      listing.set(info.name, info);
      return false;
    },
  });
  return listing;
}

export function extractFiles(
  bytes: Uint8Array,
  names: ReadonlySet<string>,
): Promise<Record<string, Uint8Array<ArrayBuffer>>> {
  return new Promise((resolve, reject) => {
    unzip(bytes, { filter: (info) => names.has(info.name) }, (error, files) => {
      if (error) reject(error);
      else resolve(files as Record<string, Uint8Array<ArrayBuffer>>);
    });
  });
}
