/**
 * Reading a zip without trusting it and without holding it: zip.js finds the central
 * directory at the end of the File and lists the files (names and declared sizes) from it,
 * then each file is read on demand from its own byte range. Memory holds the listing and
 * the files being checked, never the archive, so a multi-GB archive reads like a small one.
 * A file is read into exactly its declared size and refused the moment it inflates past it,
 * so a zip bomb cannot grow beyond what the manifest (and the space check) allowed.
 */
import { BlobReader, ZipReader, type FileEntry } from './zip-library.ts';

export interface ZipArchive {
  /** Declared (uncompressed) size of every file in the zip, by name. */
  readonly sizes: ReadonlyMap<string, number>;
  /** The file's bytes; throws if it is damaged or not its declared size. */
  read(name: string): Promise<Uint8Array<ArrayBuffer>>;
  close(): Promise<void>;
}

/** Throws when the central directory cannot be read (a damaged or truncated zip). */
export async function openZip(file: Blob): Promise<ZipArchive> {
  const reader = new ZipReader(new BlobReader(file));
  const files = new Map<string, FileEntry>();
  try {
    for (const entry of await reader.getEntries()) {
      if (entry.directory) continue;
      // Two files of one name: which one is meant cannot be told, so the zip is not read.
      if (files.has(entry.filename)) throw new Error(`${entry.filename} appears twice`);
      files.set(entry.filename, entry);
    }
  } catch (error) {
    await reader.close();
    throw error;
  }
  return {
    sizes: new Map([...files].map(([name, entry]) => [name, entry.uncompressedSize])),
    read: (name) => {
      const entry = files.get(name);
      if (!entry) return Promise.reject(new Error(`${name} is not in the zip`));
      return readExactly(entry, entry.uncompressedSize);
    },
    close: () => reader.close(),
  };
}

async function readExactly(entry: FileEntry, size: number): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(size);
  let filled = 0;
  await entry.getData(
    new WritableStream<Uint8Array>({
      write(chunk) {
        if (filled + chunk.length > size)
          throw new Error(`${entry.filename} is larger than declared`);
        bytes.set(chunk, filled);
        filled += chunk.length;
      },
    }),
  );
  if (filled !== size) throw new Error(`${entry.filename} is shorter than declared`);
  return bytes;
}
