import 'fake-indexeddb/auto';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { GalleryDb } from '../../gallery-store/gallery-db.ts';
import { seedGallery, zipFile } from './archive.test-support.ts';
import { createArchiveReader } from './archive-reader.ts';
import { exportArchive } from './export-archive.ts';
import type { GalleryManifest } from './manifest.ts';

// An export stores its images, and an import of 50,000 of them reads each stored image from
// one read of the archive's byte range: every copy of an image made on the way is memory the
// archive worker allocates and drops per entry.

let source: GalleryDb;
afterEach(() => source.delete());

/** Copies of at least `min` bytes made while `run` runs: slices and Blobs built from bytes. */
async function countCopies<T>(
  min: number,
  run: () => Promise<T>,
): Promise<{ copies: number; result: T }> {
  let copies = 0;
  const slice = Uint8Array.prototype.slice;
  const RealBlob = globalThis.Blob;
  Uint8Array.prototype.slice = function (this: Uint8Array, ...args: [number?, number?]) {
    const copy = slice.apply(this, args);
    if (copy.length >= min) copies++;
    return copy;
  } as typeof slice;
  globalThis.Blob = class extends RealBlob {
    constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
      super(parts, options);
      if (this.size >= min && parts?.some((p) => ArrayBuffer.isView(p))) copies++;
    }
  };
  try {
    const result = await run();
    return { copies, result };
  } finally {
    Uint8Array.prototype.slice = slice;
    globalThis.Blob = RealBlob;
  }
}

describe('the archive reader', () => {
  it('copies each stored image once, into its Blob, on the way from the archive', async () => {
    source = new GalleryDb(`reader-source-${crypto.randomUUID()}`);
    await seedGallery(source);
    const archive = new Uint8Array(await (await exportArchive(null, source)).blob.arrayBuffer());
    const manifest = JSON.parse(
      new TextDecoder().decode(unzipSync(archive)['manifest.json']),
    ) as GalleryManifest;
    const requests = manifest.entries.map((e) => ({
      name: e.file!,
      sha256: e.sha256!,
      mime: e.mime,
      size: e,
    }));
    const smallest = Math.min(...manifest.entries.map((e) => e.byteLength));

    const reader = createArchiveReader();
    expect((await reader.open(zipFile(archive))).ok).toBe(true);
    const { copies, result: reads } = await countCopies(smallest, () =>
      reader.readImages(requests),
    );
    await reader.close();

    const files = unzipSync(archive);
    expect(reads).toHaveLength(3);
    for (const [i, read] of reads.entries()) {
      expect(read.ok).toBe(true);
      if (!read.ok) continue;
      expect(read.blob.type).toBe(requests[i]!.mime);
      expect(new Uint8Array(await read.blob.arrayBuffer())).toEqual(files[requests[i]!.name]);
    }
    expect(copies).toBe(requests.length);
  });
});
