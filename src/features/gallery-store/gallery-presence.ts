/**
 * Whether this browser has a gallery at all, asked without loading Dexie (gallery-db.ts
 * opens the database with it): on a first visit there is none, and the studio's first
 * screen then loads no database code.
 */
export const GALLERY_DB_NAME = 'easel-gallery';

const loadWaiters: (() => void)[] = [];
let dbLoaded = false;

/** Runs `then` once this page loads the gallery's database code (at once if it has). */
export function whenGalleryDbLoads(then: () => void): void {
  if (dbLoaded) then();
  else loadWaiters.push(then);
}

/** Called by gallery-db.ts as it loads: whoever waits for a database may now listen to it. */
export function galleryDbLoaded(): void {
  dbLoaded = true;
  for (const then of loadWaiters.splice(0)) then();
}

let known = false;
let asking: Promise<boolean> | undefined;

/**
 * False only when the browser says the gallery's database does not exist. Once it does, it
 * stays (the studio never deletes it), and the answer is kept: `indexedDB.databases()` goes
 * through the browser process and took 35-60 ms while a page loads, several times over on
 * the way to the gallery's first thumbnails (measured).
 */
export function galleryExists(): Promise<boolean> {
  if (known) return Promise.resolve(true);
  asking ??= askBrowser().then((exists) => {
    asking = undefined;
    known ||= exists;
    return exists;
  });
  return asking;
}

/** Whether the gallery is already known to exist, without asking (a render cannot wait). */
export function galleryKnownToExist(): boolean {
  return known;
}

async function askBrowser(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  // Browsers without databases() cannot tell: the gallery may exist.
  if (typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((db) => db.name === GALLERY_DB_NAME);
  } catch {
    return true;
  }
}
