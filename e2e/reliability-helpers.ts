/**
 * Shared steps of the reliability specs (soak, offline, uploads, key): reading the engine's
 * full request log (with files and faults), and reading the gallery's IndexedDB rows as
 * the page sees them.
 */
import type { APIRequestContext, Page } from '@playwright/test';

export interface LoggedFile {
  field: string;
  contentType: string;
  bytes: number;
  format: string | null;
  width: number | null;
  height: number | null;
  transparentPixels: number | null;
  sha256: string;
}

export interface LoggedRequest {
  id: string;
  operation: 'generate' | 'edit' | 'variation' | 'download';
  status: number | null;
  fields: Record<string, unknown>;
  files: LoggedFile[];
  fault: { type: string; status?: number; ms?: number } | null;
}

/** The engine's request log (newest last), url downloads left out. */
export async function engineLog(request: APIRequestContext, url: string) {
  const response = await request.get(`${url}/__engine/requests`);
  if (!response.ok()) throw new Error(`GET /__engine/requests: ${response.status()}`);
  const all = (await response.json()) as LoggedRequest[];
  return all.filter((r) => r.operation !== 'download');
}

/** Whether the engine answered this request in full (no error status, no dropped socket). */
export const answered = (r: LoggedRequest) => r.status === 200 && r.fault?.type !== 'drop';

/** A fault as a short label for the report: "429", "500", "latency", "drop"… */
export const faultLabel = (r: LoggedRequest) =>
  r.fault ? (r.fault.type === 'status' ? String(r.fault.status) : r.fault.type) : null;

export interface GalleryRows {
  entries: { id: string; prompt: string; kind: string; maskId?: string; byteLength: number }[];
  /** Entry id → stored image byte size. */
  images: Record<string, number>;
  thumbnails: string[];
  /** Mask id → SHA-256 of the stored mask PNG. */
  masks: Record<string, string>;
}

/** Every row of the gallery's IndexedDB database, read in the page. */
export function galleryRows(page: Page): Promise<GalleryRows> {
  return page.evaluate(async () => {
    // Opening a database that does not exist yet would create an empty one under the
    // studio's name (no stores, no marker): read nothing until the studio has made it.
    if (!(await indexedDB.databases()).some((d) => d.name === 'easel-gallery')) {
      return { entries: [], images: {}, thumbnails: [], masks: {} };
    }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('easel-gallery');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const names = Array.from(db.objectStoreNames);
        if (!names.includes(store)) return resolve([]);
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const hex = async (blob: Blob) =>
      Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())))
        .map((b) => b.toString(16).padStart(2, '0'))
        .join('');
    type Entry = { id: string; prompt: string; kind: string; maskId?: string; byteLength: number };
    const entries = await all<Entry>('entries');
    const images = await all<{ id: string; blob: Blob }>('images');
    const thumbnails = await all<{ id: string }>('thumbnails');
    const masks = await all<{ id: string; blob: Blob }>('masks');
    db.close();
    const maskHashes: Record<string, string> = {};
    for (const m of masks) maskHashes[m.id] = await hex(m.blob);
    return {
      entries: entries.map(({ id, prompt, kind, maskId, byteLength }) => ({
        id,
        prompt,
        kind,
        byteLength,
        ...(maskId ? { maskId } : {}),
      })),
      images: Object.fromEntries(images.map((i) => [i.id, i.blob.size])),
      thumbnails: thumbnails.map((t) => t.id),
      masks: maskHashes,
    };
  });
}
