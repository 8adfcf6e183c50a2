import { zipSync } from 'fflate';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { openZip, type ZipArchive } from './read-zip.ts';
import { ZipReader } from './zip-library.ts';

// The listing of an open zip lives as long as its import (50,000 files for a large gallery):
// what it keeps per file is what the archive worker holds for the whole import.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const bytes = (n: number, seed: number) =>
  Uint8Array.from({ length: n }, (_, i) => (i * seed) & 255);
const files = {
  'images/a.png': bytes(300, 7),
  'images/b.png': bytes(5000, 13),
  'images/c.png': bytes(70, 3),
};

async function readWhole(zip: ZipArchive, name: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await zip.read(name, 1 << 20, (chunk) => chunks.push(chunk.slice()));
  const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (whole.set(c, at), at + c.length), 0);
  return whole;
}

/** Opens `zip`, keeping a weak reference to every entry zip.js listed. */
async function openWatched(zip: Uint8Array<ArrayBuffer>) {
  const listed: WeakRef<object>[] = [];
  const getEntries = ZipReader.prototype.getEntries;
  // Not a vi.spyOn: a spy keeps what it returned, the entries themselves.
  ZipReader.prototype.getEntries = async function (this: ZipReader<unknown>, ...args) {
    const entries = await getEntries.apply(this, args);
    for (const entry of entries) listed.push(new WeakRef(entry));
    return entries;
  };
  try {
    return { archive: await openZip(new Blob([zip])), listed };
  } finally {
    ZipReader.prototype.getEntries = getEntries;
  }
}

async function collected(listed: WeakRef<object>[]): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 0)); // WeakRefs hold until the job ends
  gc();
  return listed.filter((ref) => ref.deref() === undefined).length;
}

describe('an open zip', () => {
  it('keeps no zip.js entry for a stored file, and still reads it (a 50,000-file listing held 115 MB of them)', async () => {
    const { archive, listed } = await openWatched(zipSync(files, { level: 0 }));
    expect(listed).toHaveLength(3);
    expect(await collected(listed)).toBe(3);

    for (const [name, content] of Object.entries(files)) {
      expect(await readWhole(archive, name)).toEqual(content);
    }
    const stored = await archive.readStored(Object.keys(files), 1 << 20);
    expect([...stored.keys()].sort()).toEqual(Object.keys(files).sort());
    expect(stored.get('images/b.png')).toEqual(files['images/b.png']);
    await archive.close();
  });

  it('keeps what it needs to inflate a compressed file', async () => {
    const { archive, listed } = await openWatched(
      zipSync(
        {
          'images/a.png': [files['images/a.png'], { level: 0 }],
          'images/b.png': files['images/b.png'],
        },
        { level: 9 },
      ),
    );
    expect(await collected(listed)).toBe(1);
    expect(await readWhole(archive, 'images/b.png')).toEqual(files['images/b.png']);
    expect(await readWhole(archive, 'images/a.png')).toEqual(files['images/a.png']);
    await archive.close();
  });

  it('reads a stored file as damaged when its local header is not where the directory says', async () => {
    const zip = zipSync(files, { level: 0 });
    const local = zip.findIndex(
      (_, i) => zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 3 && zip[i + 3] === 4,
    );
    zip[local] = 0; // the first file's local header signature
    const archive = await openZip(new Blob([zip]));
    await expect(readWhole(archive, 'images/a.png')).rejects.toThrow();
    expect(await readWhole(archive, 'images/b.png')).toEqual(files['images/b.png']);
    await archive.close();
  });
});
