/**
 * Reading a zip without trusting it and without holding it: zip.js finds the central
 * directory at the end of the File and lists the files (names and declared sizes) from it,
 * then each file is read on demand from its own byte range, in chunks. Memory holds the
 * listing and the file being read, never the archive, so a multi-GB archive reads like a
 * small one.
 *
 * Nothing is inflated past what its entry declares, and nothing is inflated at all when the
 * declaration is over the caller's cap: a zip bomb is refused by its directory, before it
 * costs a byte. Names are checked too: a name that climbs out of the archive or repeats is
 * refused by name, because which file is meant cannot be told.
 *
 * The listing keeps a few numbers for each stored file (an export stores its images) and
 * zip.js's entry only for a compressed one: a zip.js entry is ~2.3 KB of JS objects, and a
 * listing of 50,000 of them held 115 MB in the archive worker for the whole import.
 */
import { BlobReader, ZipReader, type FileEntry } from './zip-library.ts';

export interface ZipArchive {
  /** Declared (uncompressed) size of every file in the zip, by name. */
  readonly sizes: ReadonlyMap<string, number>;
  /**
   * Streams the file's bytes to `onChunk` in the order they inflate; throws if it is damaged,
   * larger than declared or shorter. Refuses at once when it declares more than `maxBytes`.
   */
  read(name: string, maxBytes: number, onChunk: (chunk: Uint8Array) => void): Promise<void>;
  /**
   * The bytes of several stored (uncompressed) files at once, from one read of the byte range
   * that holds them: an export's images are stored, and one read for hundreds of small files
   * is far faster than one each. Files it cannot serve that way are absent from the result.
   */
  readStored(
    names: readonly string[],
    maxBytes: number,
  ): Promise<Map<string, Uint8Array<ArrayBuffer>>>;
  close(): Promise<void>;
}

/** One read covers at most this many bytes of the archive. */
const MAX_RANGE = 64 * 1024 * 1024;
const LOCAL_HEADER = 0x04034b50;

/** A zip whose names Easel will not read, each problem named. */
export class ZipNamesError extends Error {
  override readonly name = 'ZipNamesError';
  constructor(readonly problems: string[]) {
    super(problems[0]);
  }
}

/** Why a name cannot be trusted, or null: absolute, climbing, backslashes, controls. */
export function unsafeName(name: string): string | null {
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return 'holds control characters';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.includes('\\')) return 'uses backslashes';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the archive (..)';
  return null;
}

/** Throws when the central directory cannot be read (a damaged or truncated zip). */
export async function openZip(file: Blob): Promise<ZipArchive> {
  const reader = new ZipReader(new BlobReader(file));
  const files = new Map<string, Listed>();
  const problems: string[] = [];
  try {
    for (const entry of await reader.getEntries()) {
      const unsafe = unsafeName(entry.filename);
      if (unsafe) problems.push(`${JSON.stringify(entry.filename)} ${unsafe}`);
      if (entry.directory) continue;
      if (files.has(entry.filename))
        problems.push(`${JSON.stringify(entry.filename)} appears twice`);
      const stored = asStored(entry);
      files.set(entry.filename, stored ? { stored } : { entry });
    }
  } catch (error) {
    await reader.close();
    // zip.js refuses a climbing or absolute name itself, and says which.
    const name = (error as { filename?: unknown }).filename;
    if (typeof name === 'string')
      throw new ZipNamesError([
        `${JSON.stringify(name)} ${unsafeName(name) ?? 'is not a safe name'}`,
      ]);
    throw error;
  }
  if (problems.length) {
    await reader.close();
    throw new ZipNamesError(problems.slice(0, 8));
  }
  const sizeOf = (listed: Listed) =>
    'stored' in listed ? listed.stored.size : listed.entry.uncompressedSize;
  return {
    sizes: new Map([...files].map(([name, listed]) => [name, sizeOf(listed)])),
    read: async (name, maxBytes, onChunk) => {
      const listed = files.get(name);
      if (!listed) throw new Error(`${name} is not in the zip`);
      if (sizeOf(listed) > maxBytes) throw new Error(`${name} declares too many bytes`);
      if ('stored' in listed) await readStoredFile(file, name, listed.stored, onChunk);
      else await readExactly(listed.entry, listed.entry.uncompressedSize, onChunk);
    },
    readStored: (names, maxBytes) =>
      readStored(
        file,
        names.flatMap((name) => {
          const listed = files.get(name);
          return listed && 'stored' in listed && listed.stored.size <= maxBytes
            ? [{ name, ...listed.stored }]
            : [];
        }),
      ),
    close: () => reader.close(),
  };
}

type Located = FileEntry & { compressionMethod?: number };

/** Where a stored file's bytes are: its local header's offset, its name's length, its size. */
interface StoredFile {
  offset: number;
  nameLength: number;
  size: number;
}

/** A file as the listing keeps it: its place if stored plainly, zip.js's entry otherwise. */
type Listed = { stored: StoredFile } | { entry: FileEntry };

/** Stored as is, not encrypted: its bytes can be read straight from the archive. */
function asStored(entry: Located): StoredFile | null {
  return entry.compressionMethod === 0 &&
    !entry.encrypted &&
    entry.compressedSize === entry.uncompressedSize
    ? { offset: entry.offset, nameLength: entry.rawFilename.length, size: entry.uncompressedSize }
    : null;
}

/** Where the data of the stored file whose local header starts at `at` of `bytes` begins. */
function dataStart(bytes: Uint8Array, at: number): number | null {
  if (at + 30 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== LOCAL_HEADER) return null;
  return at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

async function readStored(
  file: Blob,
  stored: (StoredFile & { name: string })[],
): Promise<Map<string, Uint8Array<ArrayBuffer>>> {
  const found = new Map<string, Uint8Array<ArrayBuffer>>();
  if (stored.length === 0) return found;
  // Local headers may carry their own extra field: leave room for it past each file.
  const start = Math.min(...stored.map((e) => e.offset));
  const end = Math.max(...stored.map((e) => e.offset + 30 + e.nameLength + 1024 + e.size));
  if (end - start > MAX_RANGE) return found;
  const range = new Uint8Array(await file.slice(start, Math.min(end, file.size)).arrayBuffer());
  for (const entry of stored) {
    const dataAt = dataStart(range, entry.offset - start);
    if (dataAt === null || dataAt + entry.size > range.length) continue;
    found.set(entry.name, range.subarray(dataAt, dataAt + entry.size));
  }
  return found;
}

/** One stored file's bytes, in chunks as the File gives them; throws if it is damaged. */
async function readStoredFile(
  file: Blob,
  name: string,
  { offset, size }: StoredFile,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  const header = new Uint8Array(await file.slice(offset, offset + 30).arrayBuffer());
  const dataAt = dataStart(header, 0);
  if (dataAt === null) throw new Error(`${name} has no local header where the zip says`);
  const chunks = file
    .slice(offset + dataAt, offset + dataAt + size)
    .stream()
    .getReader();
  let filled = 0;
  for (;;) {
    const { value, done } = await chunks.read();
    if (done) break;
    filled += value.length;
    onChunk(value);
  }
  if (filled !== size) throw new Error(`${name} is shorter than declared`);
}

async function readExactly(
  entry: FileEntry,
  size: number,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  let filled = 0;
  await entry.getData(
    new WritableStream<Uint8Array>({
      write(chunk) {
        if (filled + chunk.length > size)
          throw new Error(`${entry.filename} is larger than declared`);
        filled += chunk.length;
        onChunk(chunk);
      },
    }),
  );
  if (filled !== size) throw new Error(`${entry.filename} is shorter than declared`);
}
