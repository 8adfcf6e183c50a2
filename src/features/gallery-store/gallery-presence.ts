/**
 * Whether this browser has a gallery at all, asked without loading Dexie (gallery-db.ts
 * opens the database with it): on a first visit there is none, and the studio's first
 * screen then loads no database code.
 */
export const GALLERY_DB_NAME = 'easel-gallery';

/** False only when the browser says the gallery's database does not exist. */
export async function galleryExists(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  // Browsers without databases() cannot tell: the gallery may exist.
  if (typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((db) => db.name === GALLERY_DB_NAME);
  } catch {
    return true;
  }
}
