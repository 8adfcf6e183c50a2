/**
 * The database's marker: a random id written into the `meta` table when the database is
 * created, and remembered in localStorage. On every open the two are compared; a database
 * that opens with another marker than the one remembered was emptied and recreated by the
 * browser (what Chromium does after failed writes on a full disk), and saving stops.
 * A first visit, or site data cleared by the user (both stores go together), simply adopts
 * the database's marker.
 */
import type { EntityTable } from 'dexie';
import { stopSaving } from './gallery-health.ts';

export interface MetaRow {
  key: string;
  id: string;
  createdAt: number;
}

type MetaTable = EntityTable<MetaRow, 'key'>;
type Marker = Pick<MetaRow, 'id' | 'createdAt'>;

export const newMarker = (): MetaRow => ({
  key: 'marker',
  id: crypto.randomUUID(),
  createdAt: Date.now(),
});

const storageKey = (dbName: string) => `easel.gallery-marker.${dbName}`;

function readKnown(dbName: string): Marker | null {
  try {
    const text = globalThis.localStorage?.getItem(storageKey(dbName));
    const value: unknown = text ? JSON.parse(text) : null;
    if (value && typeof value === 'object' && 'id' in value && 'createdAt' in value) {
      return value as Marker;
    }
  } catch {
    // Unreadable or blocked storage: nothing to compare against.
  }
  return null;
}

function remember(dbName: string, marker: Marker): void {
  try {
    const { id, createdAt } = marker;
    globalThis.localStorage?.setItem(storageKey(dbName), JSON.stringify({ id, createdAt }));
  } catch (error) {
    // A full disk can refuse this too; the next open tries again.
    console.warn('Easel: could not remember the gallery marker', error);
  }
}

/** Compares the open database's marker with the remembered one (run on every open). */
export async function checkMarker(dbName: string, meta: MetaTable): Promise<void> {
  let current = await meta.get('marker');
  if (!current) {
    current = newMarker();
    await meta.put(current);
  }
  const known = readKnown(dbName);
  if (!known) remember(dbName, current);
  else if (known.id !== current.id) {
    stopSaving({ cause: 'lost', at: Date.now(), lostSince: known.createdAt });
  }
}

/** The user accepts the recreated database as the gallery from now on. */
export async function adoptMarker(dbName: string, meta: MetaTable): Promise<void> {
  const current = await meta.get('marker');
  if (current) remember(dbName, current);
}
