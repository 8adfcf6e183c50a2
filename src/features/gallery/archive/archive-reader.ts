/**
 * Everything import does with the zip's bytes, meant to run in a worker (archive-worker.ts):
 * open the zip and check its names, read and validate manifest.json, and read each image —
 * inflated in chunks, hashed as the chunks come (SHA-256, incrementally), its format sniffed
 * from its first bytes — into a Blob. The page never holds an inflated image or waits on a
 * hash; it gets Blobs and verdicts. Declared sizes are capped before anything inflates.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { MAX_IMAGE_BYTES, MAX_MANIFEST_BYTES } from './archive-limits.ts';
import { formatBytes, sniffImageType } from './bytes.ts';
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
  mime: string;
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

/** Hash and format checked, then the bytes as a Blob (copied: the range they came from is shared). */
function verify(bytes: Uint8Array, { sha256: expected, mime }: ImageRequest): ImageRead {
  if (bytesToHex(sha256(bytes)) !== expected)
    return { ok: false, problem: 'its image bytes do not match the manifest' };
  const found = sniffImageType(bytes.subarray(0, 16));
  if (found !== mime)
    return { ok: false, problem: `its image is ${found ?? 'not an image'}, not ${mime}` };
  return { ok: true, blob: new Blob([bytes.slice()], { type: mime }) };
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
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const head = new Uint8Array(16);
  let filled = 0;
  try {
    await zip.read(request.name, MAX_IMAGE_BYTES, (chunk) => {
      hash.update(chunk);
      if (filled < head.length) head.set(chunk.subarray(0, head.length - filled), filled);
      filled += chunk.length;
      chunks.push(chunk.slice());
    });
  } catch {
    return { ok: false, problem: 'its image cannot be unpacked (the zip is damaged)' };
  }
  if (bytesToHex(hash.digest()) !== request.sha256)
    return { ok: false, problem: 'its image bytes do not match the manifest' };
  const found = sniffImageType(head.subarray(0, Math.min(filled, head.length)));
  if (found !== request.mime)
    return { ok: false, problem: `its image is ${found ?? 'not an image'}, not ${request.mime}` };
  return { ok: true, blob: new Blob(chunks, { type: request.mime }) };
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
        return refused('This zip archive is damaged and cannot be read.');
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
        .catch(() => new Map<string, Uint8Array>());
      const results: ImageRead[] = [];
      for (const request of requests) {
        const bytes = stored.get(request.name);
        results.push(bytes ? verify(bytes, request) : await readOne(open, request));
      }
      return results;
    },

    async close() {
      await zip?.close();
      zip = null;
    },
  };
}
