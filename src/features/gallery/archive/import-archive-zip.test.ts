import 'fake-indexeddb/auto';
import { BlobWriter, Uint8ArrayReader } from '@zip.js/zip.js/lib/zip-core-custom.js';
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GalleryDb } from '../../gallery-store/gallery-db.ts';
import { listEntries, readImage } from '../../gallery-store/gallery-reads.ts';
import { deps, expectUntouched, seedGallery, zipFile } from './archive.test-support.ts';
import { exportArchive } from './export-archive.ts';
import { ArchiveImportError } from './archive-import-error.ts';
import { importArchive } from './import-archive.ts';
import type { GalleryManifest } from './manifest.ts';
import { ZipReader, ZipWriter, BlobReader } from './zip-library.ts';

// The zip container itself: Zip64, random access, and files that lie about their size.

let source: GalleryDb;
let target: GalleryDb;
let files: Unzipped;
let manifest: GalleryManifest;

beforeEach(async () => {
  source = new GalleryDb(`zip-source-${crypto.randomUUID()}`);
  target = new GalleryDb(`zip-target-${crypto.randomUUID()}`);
  await seedGallery(source);
  const archive = await exportArchive(null, source);
  files = unzipSync(new Uint8Array(await archive.blob.arrayBuffer()));
  manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as GalleryManifest;
});
afterEach(async () => {
  await source.delete();
  await target.delete();
});

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const has = (bytes: Uint8Array, signature: number[]) =>
  bytes.some((_, i) => signature.every((b, j) => bytes[i + j] === b));
const ZIP64_END = [0x50, 0x4b, 0x06, 0x06];
const ZIP64_LOCATOR = [0x50, 0x4b, 0x06, 0x07];

/** Every local (signature PK\3\4) and central (PK\1\2) header of the file `name`. */
function headersOf(zip: Uint8Array, name: string) {
  const encoded = new TextEncoder().encode(name);
  const view = new DataView(zip.buffer, zip.byteOffset);
  const found: { at: number; local: boolean }[] = [];
  for (let at = 0; at < zip.length - 46; at++) {
    const signature = view.getUint32(at, true);
    const local = signature === 0x04034b50;
    if (!local && signature !== 0x02014b50) continue;
    const nameAt = at + (local ? 30 : 46);
    if (encoded.every((b, i) => zip[nameAt + i] === b)) found.push({ at, local });
  }
  return found;
}

async function refusal(file: Blob): Promise<ArchiveImportError> {
  const error = await importArchive(file, deps(target)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ArchiveImportError);
  await expectUntouched(target);
  return error as ArchiveImportError;
}

describe('the zip container', () => {
  it('imports a Zip64 archive with identical bytes', async () => {
    const writer = new ZipWriter(new BlobWriter('application/zip'), { zip64: true });
    for (const [name, bytes] of Object.entries(files)) {
      await writer.add(name, new Uint8ArrayReader(bytes), {
        level: name.endsWith('.json') ? 6 : 0,
      });
    }
    const zip64 = await writer.close();
    const raw = await bytesOf(zip64);
    expect(has(raw, ZIP64_END) && has(raw, ZIP64_LOCATOR)).toBe(true);

    expect(await importArchive(zip64, deps(target))).toEqual({
      imported: 3,
      skipped: 0,
      leftOut: [],
    });
    for (const entry of await listEntries(source)) {
      expect(await bytesOf(await readImage(entry.id, target))).toEqual(
        await bytesOf(await readImage(entry.id, source)),
      );
    }
  });

  it('exports images stored as is, readable with random access', async () => {
    const exported = await exportArchive(null, source);
    const reader = new ZipReader(new BlobReader(exported.blob));
    const entries = await reader.getEntries();
    await reader.close();
    const images = entries.filter((e) => e.filename.startsWith('images/'));
    expect(images).toHaveLength(3);
    expect(images.every((e) => e.compressionMethod === 0)).toBe(true);
    // A small export stays plain zip; zip.js turns to Zip64 only past 4 GB or 65,535 files.
    expect(has(await bytesOf(exported.blob), ZIP64_END)).toBe(false);
  });

  it('leaves out a file that inflates past the size its headers declare, importing the rest', async () => {
    const entry = manifest.entries.find((e) => e.mime === 'image/png' && !e.maskId)!;
    // A megabyte of zeros deflates to about a kilobyte: a small zip bomb.
    const bomb = new Uint8Array(1024 * 1024);
    const zip = zipSync({ ...files, [entry.file!]: bomb });
    const view = new DataView(zip.buffer);
    for (const { at, local } of headersOf(zip, entry.file!)) {
      view.setUint32(at + (local ? 22 : 24), entry.byteLength, true);
    }
    const summary = await importArchive(zipFile(zip), deps(target));
    expect(summary.imported).toBe(2);
    expect(summary.leftOut).toEqual([
      expect.stringMatching(/^entry \d .*its image cannot be unpacked \(the zip is damaged\)$/),
    ]);
  });

  it('refuses, before inflating anything, a zip that declares an image larger than any Easel stores', async () => {
    const entry = manifest.entries.find((e) => e.mime === 'image/png' && !e.maskId)!;
    const zip = zipSync(files);
    const view = new DataView(zip.buffer);
    for (const { at, local } of headersOf(zip, entry.file!)) {
      view.setUint32(at + (local ? 22 : 24), 2047 * 1024 * 1024, true);
    }
    const error = await refusal(zipFile(zip));
    expect(error.message).toMatch(/far larger than any Easel makes, so it was not unpacked/);
    expect(error.problems[0]).toMatch(/declares 2\.0 GB, more than any image Easel stores \(64 MB/);
  });

  it('leaves out damaged compressed data', async () => {
    const entry = manifest.entries.find((e) => e.mime === 'image/webp')!;
    const zip = zipSync(files, { level: 9 });
    const [local] = headersOf(zip, entry.file!).filter((h) => h.local);
    const dataAt = local!.at + 30 + entry.file!.length;
    for (let i = 8; i < 40; i++) zip[dataAt + i]! ^= 0x5a;
    const summary = await importArchive(zipFile(zip), deps(target));
    expect(summary.imported).toBe(2);
    expect(summary.leftOut[0]).toMatch(/cannot be unpacked|do not match/);
  });

  it('refuses a zip that holds two files of one name, naming it', async () => {
    const zip = zipSync({
      ...files,
      'images/twin-1.png': new Uint8Array([1]),
      'images/twin-2.png': new Uint8Array([2]),
    });
    for (const { at, local } of headersOf(zip, 'images/twin-2.png'))
      zip.set(new TextEncoder().encode('images/twin-1.png'), at + (local ? 30 : 46));
    const error = await refusal(zipFile(zip));
    expect(error.message).toMatch(/file names Easel will not read/);
    expect(error.problems).toEqual(['"images/twin-1.png" appears twice']);
  });

  it('refuses a zip with a name that climbs out of the archive, naming it', async () => {
    // Written under a harmless name of the same length, then renamed in every header.
    const zip = zipSync({ ...files, 'xx/outside.png': new Uint8Array([1, 2, 3]) });
    for (const { at, local } of headersOf(zip, 'xx/outside.png'))
      zip.set(new TextEncoder().encode('../outside.png'), at + (local ? 30 : 46));
    const error = await refusal(zipFile(zip));
    expect(error.problems).toEqual(['"../outside.png" climbs out of the archive (..)']);
  });
});
