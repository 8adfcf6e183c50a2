/**
 * Holds `response_format: url` results. Each image gets an unguessable id (24 random bytes)
 * and lives for 60 minutes, like DALL·E's URLs; afterwards the URL answers a clear 404.
 *
 * The id (192 random bits) is unguessable, and with --api-key the URL also needs the bearer
 * token like every other route (app.ts): the studio downloads url results with fetch and
 * sends the key only to its provider's origin. Memory is bounded: past `maxBytes` the oldest
 * images are dropped early (their URLs then say so).
 */
import { randomBytes } from 'node:crypto';

export const URL_LIFETIME_MS = 60 * 60 * 1000;

interface StoredImage {
  bytes: Buffer;
  contentType: string;
  expiresAt: number;
}

export type Lookup =
  | { kind: 'found'; bytes: Buffer; contentType: string; expiresAt: number }
  | { kind: 'expired' | 'evicted' | 'unknown' };

export class UrlStore {
  private readonly images = new Map<string, StoredImage>();
  /** Ids whose image is gone, remembered (bounded) to say "expired" rather than "unknown". */
  private readonly gone = new Map<string, 'expired' | 'evicted'>();
  private bytes = 0;

  constructor(
    private readonly now: () => number,
    private readonly maxBytes = 512 * 1024 * 1024,
  ) {}

  put(bytes: Buffer, contentType: string): { id: string; expiresAt: number } {
    this.sweep();
    const id = randomBytes(24).toString('base64url');
    const expiresAt = this.now() + URL_LIFETIME_MS;
    this.images.set(id, { bytes, contentType, expiresAt });
    this.bytes += bytes.length;
    for (const [oldId, old] of this.images) {
      if (this.bytes <= this.maxBytes || oldId === id) break;
      this.drop(oldId, old, 'evicted');
    }
    return { id, expiresAt };
  }

  get(id: string): Lookup {
    const image = this.images.get(id);
    if (image && image.expiresAt <= this.now()) {
      this.drop(id, image, 'expired');
      return { kind: 'expired' };
    }
    if (image) return { kind: 'found', ...image };
    return { kind: this.gone.get(id) ?? 'unknown' };
  }

  /** Drops expired images; called on every put so memory never holds stale results. */
  sweep(): void {
    const now = this.now();
    for (const [id, image] of this.images) {
      if (image.expiresAt <= now) this.drop(id, image, 'expired');
    }
  }

  clear(): void {
    this.images.clear();
    this.gone.clear();
    this.bytes = 0;
  }

  private drop(id: string, image: StoredImage, why: 'expired' | 'evicted'): void {
    this.images.delete(id);
    this.bytes -= image.bytes.length;
    this.gone.set(id, why);
    if (this.gone.size > 10_000) {
      const oldest = this.gone.keys().next().value;
      if (oldest !== undefined) this.gone.delete(oldest);
    }
  }
}
