/**
 * Helpers for the compose and extend specs: what an edit sent to the engine (read back
 * through its test hooks), the gallery's stored version of the newest edit (read from
 * IndexedDB as it is), and pixel comparisons over regions of a mask.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './generate-helpers.ts';
import { decode, type DecodedImage } from './editor-helpers.ts';

interface LoggedRequest {
  id: string;
  operation: string;
  status: number | null;
  fields: Record<string, unknown>;
  files: { field: string }[];
}

/** Every edit the engine answered for `prompt`, oldest first, with its image and mask. */
export async function sentEdits(request: APIRequestContext, url: string, prompt: string) {
  const all = (await (
    await request.get(`${url}/__engine/requests`, { maxRetries: 2 })
  ).json()) as LoggedRequest[];
  const edits = all.filter((r) => r.operation === 'edit' && r.fields.prompt === prompt);
  return Promise.all(
    edits.map(async (edit) => {
      const file = async (field: string) => {
        const index = edit.files.findIndex((f) => f.field === field);
        const res = await request.get(`${url}/__engine/requests/${edit.id}/files/${index}`, {
          maxRetries: 2, // a reused keep-alive socket the engine closed resets under load
        });
        return decode(Buffer.from(await res.body()));
      };
      return { edit, image: await file('image'), mask: await file('mask') };
    }),
  );
}

export interface StoredEdit {
  id: string;
  compose?: { mode: string; grow: number; feather: number; colourMatch: boolean };
  image: DecodedImage;
  width: number;
  height: number;
}

/** The gallery's newest edit entry and its stored image bytes, decoded. */
export async function newestStoredEdit(page: Page): Promise<StoredEdit | null> {
  const found = await page.evaluate(
    () =>
      new Promise<{ entry: Record<string, unknown>; b64: string } | null>((resolve, reject) => {
        const open = indexedDB.open('easel-gallery');
        // Not created by the studio yet: opening must not create an empty one in its place.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () =>
          open.error?.name === 'AbortError' ? resolve(null) : reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['entries', 'images']);
          const all = tx.objectStore('entries').getAll();
          all.onsuccess = () => {
            const edits = (all.result as { kind: string; createdAt: number; id: string }[])
              .filter((e) => e.kind === 'edit')
              .sort((a, b) => b.createdAt - a.createdAt);
            const entry = edits[0];
            if (!entry) return resolve(null);
            const image = tx.objectStore('images').get(entry.id);
            image.onsuccess = async () => {
              const bytes = new Uint8Array(
                await (image.result as { blob: Blob }).blob.arrayBuffer(),
              );
              let s = '';
              for (let i = 0; i < bytes.length; i += 0x8000)
                s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
              resolve({ entry, b64: btoa(s) });
            };
          };
        };
      }),
  );
  if (!found) return null;
  const image = await decode(Buffer.from(found.b64, 'base64'));
  return { ...(found.entry as unknown as StoredEdit), image };
}

/** Waits until the newest stored edit was made with `mode` (the compare view stores it). */
export async function storedAs(page: Page, mode: string): Promise<StoredEdit> {
  let stored: StoredEdit | null = null;
  await expect
    .poll(
      async () => {
        stored = await newestStoredEdit(page);
        return stored?.compose?.mode;
      },
      { timeout: 30_000 },
    )
    .toBe(mode);
  return stored!;
}

/** Per-pixel masks of an API mask: sent (alpha 0) or not. */
export const isSent = (mask: DecodedImage, p: number) => mask.data[p * 4 + 3] === 0;

/** How many of the pixels `which(p)` selects differ between a and b (RGBA compared). */
export function differing(a: DecodedImage, b: DecodedImage, which: (p: number) => boolean) {
  let differ = 0;
  let count = 0;
  for (let p = 0; p < a.width * a.height; p++) {
    if (!which(p)) continue;
    count++;
    if (a.data.readUInt32LE(p * 4) !== b.data.readUInt32LE(p * 4)) differ++;
  }
  return { differ, count };
}
