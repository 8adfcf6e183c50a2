import 'fake-indexeddb/auto';
import { createCanvas } from '@napi-rs/canvas';
import { strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GalleryDb } from '../../gallery-store/gallery-db.ts';
import { listEntries, readImage, readLineage } from '../../gallery-store/gallery-reads.ts';
import { addToBoard, createBoard, listBoards } from '../../gallery-store/boards.ts';
import type { StorageReport } from '../../gallery-store/storage-estimate.ts';
import { deps, expectUntouched, plenty, seedGallery, zipFile } from './archive.test-support.ts';
import { exportArchive } from './export-archive.ts';
import { ArchiveImportError } from './archive-import-error.ts';
import { importArchive } from './import-archive.ts';
import type { GalleryManifest } from './manifest.ts';
import { PNGSUITE_DIR as PNGSUITE } from '../../../../fixtures/pngsuite.ts';
import { crc32 } from '../../../api/crc32.ts';

let source: GalleryDb;
let target: GalleryDb;
let archive: Uint8Array;

beforeEach(async () => {
  source = new GalleryDb(`import-source-${crypto.randomUUID()}`);
  target = new GalleryDb(`import-target-${crypto.randomUUID()}`);
  await seedGallery(source);
  archive = new Uint8Array(await (await exportArchive(null, source)).blob.arrayBuffer());
});
afterEach(async () => {
  await source.delete();
  await target.delete();
});

/** Rewrites the archive: `change` edits its files and manifest in place. */
function tamper(change: (files: Unzipped, manifest: GalleryManifest) => void): Blob {
  const files = unzipSync(archive);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as GalleryManifest;
  change(files, manifest);
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipFile(zipSync(files));
}

async function refusal(file: Blob, db = target, storage = plenty): Promise<ArchiveImportError> {
  const error = await importArchive(file, deps(db, storage)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ArchiveImportError);
  await expectUntouched(db);
  return error as ArchiveImportError;
}

describe('export then import', () => {
  it('restores every entry with identical bytes, metadata, masks and lineage', async () => {
    const summary = await importArchive(zipFile(archive), deps(target));
    expect(summary).toEqual({ imported: 3, skipped: 0, leftOut: [] });
    const before = await listEntries(source);
    const after = await listEntries(target);
    // Each imported entry notes which import wrote it (so an interrupted one can be undone).
    const importIds = new Set(after.map((e) => e.importId));
    expect(importIds.size).toBe(1);
    expect(after.map(({ importId: _, ...e }) => e)).toEqual(before);
    for (const entry of before) {
      const original = new Uint8Array(await (await readImage(entry.id, source)).arrayBuffer());
      const restored = await readImage(entry.id, target);
      expect(new Uint8Array(await restored.arrayBuffer())).toEqual(original);
      expect(restored.type).toBe(entry.mime);
    }
    const edit = after.find((e) => e.kind === 'edit')!;
    expect((await readLineage(edit.id, target)).parent?.prompt).toBe('a <b>harbour</b> at dawn');
    const mask = await target.masks.get(edit.maskId!);
    const originalMask = await source.masks.get(edit.maskId!);
    expect(new Uint8Array(await mask!.blob.arrayBuffer())).toEqual(
      new Uint8Array(await originalMask!.blob.arrayBuffer()),
    );
    expect(await target.thumbnails.count()).toBe(3);
  });

  it('skips entries already in the gallery, so importing twice changes nothing', async () => {
    await importArchive(zipFile(archive), deps(target));
    expect(await importArchive(zipFile(archive), deps(target))).toEqual({
      imported: 0,
      skipped: 3,
      leftOut: [],
    });
    expect(await target.entries.count()).toBe(3);
  });

  it('exports a selection only, and its import keeps the link to a parent left behind', async () => {
    const edit = (await listEntries(source)).find((e) => e.kind === 'edit')!;
    const partial = await exportArchive([edit.id], source);
    expect(partial.count).toBe(1);
    expect(await importArchive(partial.blob, deps(target))).toEqual({
      imported: 1,
      skipped: 0,
      leftOut: [],
    });
    const lineage = await readLineage(edit.id, target);
    expect(lineage.missingParentId).toBe(edit.parentId);
  });
});

describe('boards and names in the archive', () => {
  it('a board exported as a zip comes back with its name and its images on it', async () => {
    const entries = await listEntries(source);
    const board = await createBoard('Harbour picks', source);
    const other = await createBoard('Not exported', source);
    await addToBoard([entries[0]!.id, entries[1]!.id], board.id, source);
    await addToBoard([entries[2]!.id], other.id, source);
    const exported = await exportArchive([entries[0]!.id, entries[1]!.id], source);
    expect(await importArchive(exported.blob, deps(target))).toEqual({
      imported: 2,
      skipped: 0,
      leftOut: [],
    });
    expect(await listBoards(target)).toEqual([board]);
    const onBoard = await target.entries.where('boardIds').equals(board.id).primaryKeys();
    expect(onBoard.sort()).toEqual([entries[0]!.id, entries[1]!.id].sort());
  });

  it('puts images already here on the archive’s boards, adding to theirs, once', async () => {
    const entries = await listEntries(source);
    const [first, second] = [entries[0]!.id, entries[1]!.id];
    // The target already holds the first image, on a board of its own.
    await importArchive(await exportArchive([first], source).then((e) => e.blob), deps(target));
    const mine = await createBoard('Mine', target);
    await addToBoard([first], mine.id, target);
    const board = await createBoard('Harbour picks', source);
    await addToBoard([first, second], board.id, source);
    const exported = (await exportArchive([first, second], source)).blob;

    expect(await importArchive(exported, deps(target))).toEqual({
      imported: 1,
      skipped: 1,
      leftOut: [],
      boardsPlaced: { images: 1, boards: 1 },
    });
    expect((await listBoards(target)).map((b) => b.name)).toEqual(['Mine', 'Harbour picks']);
    expect((await target.entries.get(first))!.boardIds).toEqual([mine.id, board.id]);
    expect((await target.entries.get(second))!.boardIds).toEqual([board.id]);
    // Again: nothing new, nothing placed.
    expect(await importArchive(exported, deps(target))).toEqual({
      imported: 0,
      skipped: 2,
      leftOut: [],
    });
  });

  it('names images in the zip by date, prompt words and a short id', async () => {
    const files = Object.keys(unzipSync(archive)).filter((f) => f.startsWith('images/'));
    expect(files).toHaveLength(3);
    for (const file of files)
      expect(file).toMatch(/^images\/\d{4}-\d\d-\d\d-[a-z0-9-]+-[0-9a-f]{8}\.(png|webp)$/);
    expect(files.some((f) => f.includes('-a-b-harbour-b-at-dawn-'))).toBe(true);
  });

  it('leaves out an entry that names a board the archive does not list', async () => {
    const summary = await importArchive(
      tamper((_, manifest) => {
        manifest.entries[0]!.boardIds = ['nowhere'];
      }),
      deps(target),
    );
    expect(summary.imported).toBe(2);
    expect(summary.leftOut.join('\n')).toMatch(
      /^entry 1 .*names a board the archive does not list/,
    );
  });
});

describe('import refuses a bad archive and changes nothing', () => {
  it('refuses a file that is not a zip', async () => {
    const png = new Blob([readFileSync(`${PNGSUITE}basn2c08.png`)]);
    expect((await refusal(png)).message).toMatch(/not a zip archive/);
  });

  it('refuses a truncated zip', async () => {
    expect((await refusal(zipFile(archive.slice(0, archive.length - 200)))).message).toMatch(
      /damaged/,
    );
  });

  it('loses nothing already in the gallery: a zip cut short or with a damaged directory', async () => {
    await importArchive(zipFile(archive), deps(target));
    const counts = () =>
      Promise.all(
        [target.entries, target.images, target.thumbnails, target.masks].map((t) => t.count()),
      );
    const before = { entries: await listEntries(target), counts: await counts() };
    const damaged = archive.slice();
    damaged.set(
      [0, 0, 0, 0],
      damaged.findLastIndex(
        (b, i) =>
          b === 0x50 && damaged[i + 1] === 0x4b && damaged[i + 2] === 5 && damaged[i + 3] === 6,
      ),
    );
    for (const bad of [archive.slice(0, archive.length - 200), damaged]) {
      const error = await importArchive(zipFile(bad), deps(target)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ArchiveImportError);
      expect((error as Error).message).toMatch(/damaged and cannot be read: .* Copy it again/);
    }
    expect(await listEntries(target)).toEqual(before.entries);
    expect(await counts()).toEqual(before.counts);
  });

  it('refuses a zip without a manifest', async () => {
    const files = unzipSync(archive);
    delete files['manifest.json'];
    expect((await refusal(zipFile(zipSync(files)))).message).toMatch(/has no manifest\.json/);
  });

  it('refuses a manifest that is not JSON', async () => {
    const files = unzipSync(archive);
    files['manifest.json'] = strToU8('{"format": "easel-gallery", ');
    expect((await refusal(zipFile(zipSync(files)))).message).toMatch(/not valid JSON/);
  });

  it('refuses an archive far larger than the space left, before unpacking it', async () => {
    const full = async (): Promise<StorageReport> => ({
      usage: 999_000,
      quota: 1_000_000,
      persisted: false,
    });
    expect((await refusal(zipFile(archive), target, full)).message).toMatch(
      /needs .* but only 1\.0 KB is left/,
    );
  });
});

/** Imports `file`, which must leave out exactly one entry; returns why. */
async function leftOutOne(file: Blob): Promise<string> {
  const summary = await importArchive(file, deps(target));
  expect(summary.imported).toBe(2);
  expect(summary.leftOut).toHaveLength(1);
  expect(await target.entries.count()).toBe(2);
  expect(await target.images.count()).toBe(await target.thumbnails.count());
  return summary.leftOut[0]!;
}

describe('one bad entry is left out, named, and the rest import', () => {
  it('an entry that fails the schema', async () => {
    const why = await leftOutOne(
      tamper((_, manifest) => {
        (manifest.entries[1] as unknown as Record<string, unknown>).createdAt = 'yesterday';
      }),
    );
    expect(why).toMatch(/^entry 2 .*createdAt must be a number/);
  });

  it('an image whose bytes do not match the manifest', async () => {
    const why = await leftOutOne(
      tamper((files, manifest) => {
        const name = manifest.entries[0]!.file!;
        const bytes = files[name]!.slice();
        bytes[bytes.length - 20]! ^= 0xff;
        files[name] = bytes;
      }),
    );
    expect(why).toMatch(/^entry 1 .*bytes do not match the manifest/);
  });

  /** The archive with its first PNG image's bytes replaced (hash and length made to match). */
  const withPngBytes = (bytes: Uint8Array<ArrayBuffer>) =>
    tamper((files, manifest) => {
      const entry = manifest.entries.find((e) => e.mime === 'image/png' && !e.maskId)!;
      files[entry.file!] = bytes;
      entry.byteLength = bytes.length;
      entry.sha256 = createHashHex(bytes);
    });

  it.each([
    ['xdtn0g01.png', 'it holds no pixel data (IDAT)'],
    ['xhdn0g08.png', 'its IHDR chunk fails its checksum'],
    ['xd0n2c08.png', 'bit depth 0 is not allowed for colour type 2'],
    ['xcsn0g01.png', 'its IDAT chunk fails its checksum'],
  ])('a corrupt PNG (PngSuite %s), named before anything decodes it', async (corrupt, why) => {
    const bytes = new Uint8Array(readFileSync(`${PNGSUITE}${corrupt}`));
    expect(await leftOutOne(withPngBytes(bytes))).toMatch(`its image is a damaged PNG: ${why}`);
  });

  it('a PNG cut short, and one whose header claims 50000×50000', async () => {
    const png = new Uint8Array(await createCanvas(64, 48).encode('png'));
    expect(await leftOutOne(withPngBytes(png.subarray(0, png.length - 30)))).toMatch(
      /its image is a damaged PNG: it is cut short/,
    );
    const huge = png.slice();
    const view = new DataView(huge.buffer);
    view.setUint32(16, 50_000);
    view.setUint32(20, 50_000);
    view.setUint32(29, crc32(huge, 12, 29));
    await target.delete();
    target = new GalleryDb(`import-target-${crypto.randomUUID()}`);
    expect(await leftOutOne(withPngBytes(huge))).toMatch(
      /its image is a PNG claiming 50000×50000 pixels, more than any image Easel opens/,
    );
  });

  it('an image that is another format than the manifest says (HTML in a PNG’s place too)', async () => {
    const canvas = createCanvas(64, 48);
    const jpeg = new Uint8Array(await canvas.encode('jpeg', 90));
    const html = strToU8('<!doctype html><script>alert(1)</script>');
    for (const [bytes, found] of [
      [jpeg, 'a JPEG, though a PNG was announced'],
      [html, 'a web page \\(HTML\\), not a picture'],
    ] as const) {
      await target.delete();
      target = new GalleryDb(`import-target-${crypto.randomUUID()}`);
      const why = await leftOutOne(withPngBytes(bytes));
      expect(why).toMatch(new RegExp(`its image is ${found}$`));
    }
  });

  it('a JPEG that ends properly but has a stray marker in its picture data', async () => {
    const canvas = createCanvas(64, 48);
    canvas.getContext('2d').fillRect(0, 0, 64, 48);
    const damaged = new Uint8Array(await canvas.encode('jpeg', 90));
    const sos = damaged.findIndex((b, i) => b === 0xff && damaged[i + 1] === 0xda);
    const data = sos + 2 + ((damaged[sos + 2]! << 8) | damaged[sos + 3]!);
    damaged.set([0xff, 0x08], data + 8);
    const why = await leftOutOne(
      tamper((files, manifest) => {
        const entry = manifest.entries.find((e) => e.mime === 'image/png' && !e.maskId)!;
        delete files[entry.file!];
        entry.file = entry.file!.replace(/\.png$/, '.jpg');
        files[entry.file] = damaged;
        entry.mime = 'image/jpeg';
        entry.byteLength = damaged.length;
        entry.sha256 = createHashHex(damaged);
      }),
    );
    expect(why).toMatch(
      /its image is a damaged JPEG: its picture data is damaged \(marker FF 08 in the middle of it\)$/,
    );
  });

  it('an image that decodes at another size than recorded', async () => {
    const why = await leftOutOne(
      tamper((_, manifest) => {
        manifest.entries[0]!.width = 640;
      }),
    );
    expect(why).toMatch(/is 64×48, not 640×48/);
  });
});

function createHashHex(bytes: Uint8Array) {
  return createHash('sha256').update(bytes).digest('hex');
}
