import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GalleryDb } from './gallery-db.ts';
import { resumeSaving, savingStop } from './gallery-health.ts';
import { adoptMarker } from './gallery-marker.ts';

/** A page's localStorage, as far as the marker uses it. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

let db: GalleryDb;
beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(async () => {
  resumeSaving();
  await db?.delete();
  vi.unstubAllGlobals();
});

describe('the gallery database marker', () => {
  it('is adopted on a first visit and found again on every later open', async () => {
    db = new GalleryDb('marker-first');
    await db.open();
    db.close();
    db = new GalleryDb('marker-first');
    await db.open();
    expect(savingStop()).toBeNull();
  });

  it('stops saving when the browser recreated the database, until a new gallery is started', async () => {
    db = new GalleryDb('marker-lost');
    await db.open();
    // What Chromium does after failed writes on a full disk: delete, then a fresh database.
    await db.delete();
    db = new GalleryDb('marker-lost');
    await db.open();
    expect(savingStop()?.cause).toBe('lost');

    await adoptMarker(db.name, db.meta);
    resumeSaving();
    db.close();
    db = new GalleryDb('marker-lost');
    await db.open();
    expect(savingStop()).toBeNull();
  });

  it('notices a recreation while the studio holds the database open (Dexie reopens it)', async () => {
    db = new GalleryDb('marker-reopen');
    await db.open();
    await db.meta.clear();
    db.close({ disableAutoOpen: false });
    await db.entries.count();
    expect(savingStop()?.cause).toBe('lost');
  });
});
