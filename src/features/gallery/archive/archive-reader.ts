/**
 * Everything import does with the zip's bytes, meant to run in a worker (archive-worker.ts):
 * open the zip and check its names, read and validate manifest.json, and read each image —
 * inflated in chunks, hashed as the chunks come (SHA-256, incrementally), then checked as an
 * image of its recorded type and size (api/image-check.ts: a web page, an SVG, a header
 * claiming 50000×50000 or a PNG cut short is left out before anything decodes it) — into a
 * Blob. The page never holds an inflated image or waits on a hash; it gets Blobs and
 * verdicts. Declared sizes are capped before anything inflates.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { MAX_IMAGE_BYTES, MAX_MANIFEST_BYTES } from './archive-limits.ts';
import { checkImageBytes } from '../../../api/image-check.ts';
import type { StoredImageType } from '../../../api/image-bytes.ts';
import { formatBytes } from './bytes.ts';
import { MANIFEST_NAME } from './manifest.ts';
import { openZip, ZipNamesError, type ZipArchive } from './read-zip.ts';
import { validateManifest, type ManifestCheck } from './validate-manifest.ts';

export type OpenedArchive =
  | { ok: true; sizes: Map<string, number>; manifest: ManifestCheck }
  | { ok: false; message: string; problems: string[] };

export type ImageRead = { ok: true; blob: Blob } | { ok: false; problem: string };

export interface ImageRequest {
  name: string;
  sha256: string;
  /** The manifest's type: image/png, image/jpeg or image/webp (validate-manifest.ts). */
  mime: string;
  /** The size the manifest records, when it does: the header must say the same. */
  size?: { width: number; height: number };
}

export interface ArchiveReader {
  open(file: Blob): Promise<OpenedArchive>;
  /** Each file's bytes as a Blob of its `mime`, once its hash and format match; in order. */
  readImages(requests: readonly ImageRequest[]): Promise<ImageRead[]>;
  close(): Promise<void>;
}

const refused = (
  message: string,
  problems: string[] = [],
): Extract<OpenedArchive, { ok: false }> => ({
  ok: false,
  message,
  problems,
});

async function readAll(zip: ZipArchive, name: string, maxBytes: number): Promise<Uint8Array> {
  const size = zip.sizes.get(name) ?? 0;
  const bytes = new Uint8Array(size);
  let filled = 0;
  await zip.read(name, maxBytes, (chunk) => {
    bytes.set(chunk, filled);
    filled += chunk.length;
  });
  return bytes;
}

type ManifestRead = { ok: true; check: ManifestCheck } | Extract<OpenedArchive, { ok: false }>;

async function readManifest(zip: ZipArchive): Promise<ManifestRead> {
  const size = zip.sizes.get(MANIFEST_NAME);
  if (size === undefined)
    return refused('This zip is not an Easel gallery archive: it has no manifest.json.');
  if (size > MAX_MANIFEST_BYTES) {
    return refused(
      `The archive’s manifest.json declares ${formatBytes(size)}, more than any gallery’s (${formatBytes(MAX_MANIFEST_BYTES)} at most), so Easel does not unpack it.`,
    );
  }
  let json: unknown;
  try {
    const file = await readAll(zip, MANIFEST_NAME, MAX_MANIFEST_BYTES);
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file));
  } catch (error) {
    return error instanceof SyntaxError || error instanceof TypeError
      ? refused('The archive’s manifest.json is not valid JSON.')
      : refused('This zip archive is damaged: its manifest.json cannot be unpacked.');
  }
  const check = validateManifest(json);
  return check.ok
    ? { ok: true, check }
    : refused('The archive’s manifest does not describe a valid gallery.', check.problems);
}

/** The bytes as a Blob once they are a sound image of the type and size the manifest says. */
async function asImage(bytes: Uint8Array<ArrayBuffer>, request: ImageRequest): Promise<ImageRead> {
  // No decode here: the thumbnailer decodes every image next ("its image does not decode").
  const check = await checkImageBytes(bytes, request.mime as StoredImageType, { decode: false });
  if (!check.ok) return { ok: false, problem: `its image is ${check.problem}` };
  const { size } = request;
  if (size && (check.width !== size.width || check.height !== size.height)) {
    return {
      ok: false,
      problem: `its image is ${check.width}×${check.height}, not ${size.width}×${size.height}`,
    };
  }
  return { ok: true, blob: new Blob([bytes], { type: request.mime }) };
}

/**
 * A stored (uncompressed) file, a view into the range read for its batch: hash, then the
 * image check. Its bytes are copied once, into its Blob (which takes the view's bytes only).
 */
function verify(
  bytes: Uint8Array<ArrayBuffer>,
  request: ImageRequest,
): Promise<ImageRead> | ImageRead {
  if (bytesToHex(sha256(bytes)) !== request.sha256)
    return { ok: false, problem: 'its image bytes do not match the manifest' };
  return asImage(bytes, request);
}

/** A compressed (or unusual) file: inflated in chunks, hashed as they come, never past the cap. */
async function readOne(zip: ZipArchive, request: ImageRequest): Promise<ImageRead> {
  const declared = zip.sizes.get(request.name) ?? 0;
  if (declared > MAX_IMAGE_BYTES) {
    return {
      ok: false,
      problem: `its image declares ${formatBytes(declared)}, more than any image Easel stores (${formatBytes(MAX_IMAGE_BYTES)} at most), so it was not unpacked`,
    };
  }
  const hash = sha256.create();
  const bytes = new Uint8Array(declared);
  let filled = 0;
  try {
    await zip.read(request.name, MAX_IMAGE_BYTES, (chunk) => {
      hash.update(chunk);
      bytes.set(chunk, filled); // throws past the declared size: a damaged zip
      filled += chunk.length;
    });
  } catch {
    return { ok: false, problem: 'its image cannot be unpacked (the zip is damaged)' };
  }
  if (filled !== declared || bytesToHex(hash.digest()) !== request.sha256)
    return { ok: false, problem: 'its image bytes do not match the manifest' };
  return asImage(bytes, request);
}

export function createArchiveReader(): ArchiveReader {
  let zip: ZipArchive | null = null;
  return {
    async open(file) {
      try {
        zip = await openZip(file);
      } catch (error) {
        if (error instanceof ZipNamesError) {
          return refused(
            'The zip holds file names Easel will not read: a name that climbs out of the archive or repeats cannot say which file is meant.',
            error.problems,
          );
        }
        return refused(
          'This zip archive is damaged and cannot be read: it may have been cut short while it was copied or downloaded. Copy it again from where it was saved, or export the gallery again.',
        );
      }
      const read = await readManifest(zip);
      if (!read.ok) return read;
      return { ok: true, sizes: new Map(zip.sizes), manifest: read.check };
    },

    async readImages(requests) {
      const open = zip;
      if (!open) throw new Error('No archive is open.');
      const stored = await open
        .readStored(
          requests.map((r) => r.name),
          MAX_IMAGE_BYTES,
        )
        .catch(() => new Map<string, Uint8Array<ArrayBuffer>>());
      const results: ImageRead[] = [];
      for (const request of requests) {
        const bytes = stored.get(request.name);
        results.push(await (bytes ? verify(bytes, request) : readOne(open, request)));
      }
      return results;
    },

    async close() {
      await zip?.close();
      zip = null;
    },
  };
}
