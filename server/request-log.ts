/**
 * The test hooks' request log: what the engine received, newest last, so an e2e test can
 * assert what the studio actually sent (fields as received, each file analysed by content,
 * and its raw bytes). Kept only when test hooks are on; bounded in entries and bytes.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { UploadedFile } from './http/multipart.ts';
import type { Fault } from './faults.ts';

export interface LoggedFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: number;
  /** By content: png | jpeg | webp | gif | ... or null when it is not a readable image. */
  format: string | null;
  width: number | null;
  height: number | null;
  channels: number | null;
  hasAlpha: boolean | null;
  /** Pixels with alpha 0 (for a mask: the area to edit); null when not decodable. */
  transparentPixels: number | null;
  sha256: string;
}

export interface LoggedRequest {
  id: string;
  operation: string;
  method: string;
  path: string;
  /** The HTTP status sent; null while in flight. A dropped connection keeps the status it began with. */
  status: number | null;
  fields: Record<string, unknown>;
  files: LoggedFile[];
  fault: Fault | null;
  receivedAt: number;
  durationMs: number | null;
}

export const MAX_LOGGED_REQUESTS = 200;
const MAX_KEPT_FILE_BYTES = 256 * 1024 * 1024;

export async function analyseFile(file: UploadedFile): Promise<LoggedFile> {
  const base = {
    field: file.field,
    filename: file.filename,
    contentType: file.contentType,
    bytes: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
  };
  try {
    const meta = await sharp(file.bytes).metadata();
    let transparentPixels: number | null = null;
    try {
      const alpha = await sharp(file.bytes, { limitInputPixels: 40_000_000 })
        .ensureAlpha()
        .extractChannel(3)
        .raw({ depth: 'uchar' })
        .toBuffer();
      transparentPixels = 0;
      for (let i = 0; i < alpha.length; i++) if (alpha[i] === 0) transparentPixels++;
    } catch {
      transparentPixels = null; // header readable, pixels corrupt
    }
    return {
      ...base,
      format: meta.format ?? null,
      width: meta.width ?? null,
      height: meta.height ?? null,
      channels: meta.channels ?? null,
      hasAlpha: meta.hasAlpha ?? null,
      transparentPixels,
    };
  } catch {
    return {
      ...base,
      format: null,
      width: null,
      height: null,
      channels: null,
      hasAlpha: null,
      transparentPixels: null,
    };
  }
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private readonly files = new Map<string, Buffer[]>();
  private keptBytes = 0;

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    while (this.entries.length > MAX_LOGGED_REQUESTS) this.forget(this.entries.shift()!.id);
  }

  keepFiles(id: string, files: readonly UploadedFile[]): void {
    const buffers = files.map((f) => f.bytes);
    this.files.set(id, buffers);
    this.keptBytes += buffers.reduce((sum, b) => sum + b.length, 0);
    for (const oldId of this.files.keys()) {
      if (this.keptBytes <= MAX_KEPT_FILE_BYTES || oldId === id) break;
      this.forget(oldId, false);
    }
  }

  list(): LoggedRequest[] {
    return this.entries;
  }

  file(id: string, index: number): Buffer | undefined {
    return this.files.get(id)?.[index];
  }

  clear(): void {
    this.entries = [];
    this.files.clear();
    this.keptBytes = 0;
  }

  private forget(id: string, dropEntry = true): void {
    const buffers = this.files.get(id);
    if (buffers) this.keptBytes -= buffers.reduce((sum, b) => sum + b.length, 0);
    this.files.delete(id);
    if (dropEntry) this.entries = this.entries.filter((e) => e.id !== id);
  }
}
