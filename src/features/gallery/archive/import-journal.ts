/**
 * The record of an import in progress, so one interrupted (tab closed, browser crashed) is
 * never left half-done and invisible: every entry an import writes carries its `importId`,
 * and this note (localStorage, written before the first batch, updated after each, removed
 * at the end) says which import that was. When the gallery opens and finds a note that no
 * running import holds, it offers to finish the import (importing the same file again skips
 * what is there) or to undo it (rollBackImport).
 */
import type { GalleryDb } from '../../gallery-store/gallery-db.ts';
import { guardedWrite } from '../../gallery-store/guarded-write.ts';

export interface ImportNote {
  importId: string;
  fileName: string;
  startedAt: number;
  total: number;
  written: number;
}

const NOTE_KEY = 'easel.import-in-progress';
/** Held for the whole import, across tabs: one import at a time per browser profile. */
export const IMPORT_LOCK = 'easel-gallery-import';

export function readImportNote(): ImportNote | null {
  try {
    const note = JSON.parse(globalThis.localStorage?.getItem(NOTE_KEY) ?? 'null') as unknown;
    if (!note || typeof note !== 'object') return null;
    const { importId, fileName, startedAt, total, written } = note as Record<string, unknown>;
    if (typeof importId !== 'string' || typeof fileName !== 'string') return null;
    const count = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : 0);
    return {
      importId,
      fileName,
      startedAt: count(startedAt),
      total: count(total),
      written: count(written),
    };
  } catch {
    return null;
  }
}

export function writeImportNote(note: ImportNote | null): void {
  try {
    if (note) globalThis.localStorage?.setItem(NOTE_KEY, JSON.stringify(note));
    else globalThis.localStorage?.removeItem(NOTE_KEY);
  } catch {
    // Storage blocked: the entries still carry their importId; only the offer is lost.
  }
}

/** Whether another tab (or this one) is importing right now. */
export async function importRunning(): Promise<boolean> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return false;
  const state = await locks.query();
  return (state.held ?? []).some((lock) => lock.name === IMPORT_LOCK);
}

/**
 * Runs `work` holding the import lock, or returns null at once when another tab holds it.
 * Without Web Locks (unit tests) it just runs.
 */
export async function withImportLock<T>(work: () => Promise<T>): Promise<T | null> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return work();
  let ran = false;
  const result = await locks.request(IMPORT_LOCK, { ifAvailable: true }, async (lock) => {
    if (!lock) return null;
    ran = true;
    return work();
  });
  return ran ? (result as T) : null;
}

const CHUNK = 500;

/** Deletes every entry an import wrote (with its image and thumbnail) and masks left unused. */
export async function rollBackImport(db: GalleryDb, importId: string): Promise<number> {
  const rows = await db.entries.filter((e) => e.importId === importId).toArray();
  const maskIds = new Set(rows.flatMap((e) => (e.maskId ? [e.maskId] : [])));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const ids = rows.slice(i, i + CHUNK).map((e) => e.id);
    await guardedWrite(
      db,
      () =>
        db.transaction('rw', [db.entries, db.images, db.thumbnails], async () => {
          await db.entries.bulkDelete(ids);
          await db.images.bulkDelete(ids);
          await db.thumbnails.bulkDelete(ids);
        }),
      { explicit: true },
    );
  }
  for (const maskId of maskIds) {
    await guardedWrite(
      db,
      () =>
        db.transaction('rw', [db.entries, db.masks], async () => {
          if ((await db.entries.where('maskId').equals(maskId).count()) === 0)
            await db.masks.delete(maskId);
        }),
      { explicit: true },
    );
  }
  return rows.length;
}
