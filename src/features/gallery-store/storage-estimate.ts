/**
 * How much room the gallery has: `navigator.storage.estimate()` for this site (the gallery is
 * all this site stores, bar a few settings) and whether the browser promised to keep it.
 * Browsers without the Storage API report `null`s and the gallery says it cannot tell.
 */
export interface StorageReport {
  /** Bytes this site stores, as the browser counts them. */
  usage: number | null;
  /** Bytes the site may store in total. */
  quota: number | null;
  /** True when the browser will not evict the gallery under storage pressure. */
  persisted: boolean | null;
}

let persistRequest: Promise<boolean> | null = null;

/**
 * Asks once per page load for persistent storage (Chromium grants it silently by site
 * engagement, Firefox asks the user). A refusal is normal and only changes what the storage
 * meter says; it is not an error.
 */
export function requestPersistentStorage(): Promise<boolean> {
  if (!persistRequest) {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    persistRequest = storage?.persist
      ? storage.persist().catch((error: unknown) => {
          console.warn('Easel: persistent storage request failed', error);
          return false;
        })
      : Promise.resolve(false);
  }
  return persistRequest;
}

export async function readStorageReport(): Promise<StorageReport> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.estimate) return { usage: null, quota: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    storage.estimate(),
    storage.persisted ? storage.persisted() : Promise.resolve(null),
  ]);
  return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted };
}

/** Bytes still free for this site, or null when the browser cannot tell. */
export function spaceLeft(report: StorageReport): number | null {
  if (report.usage === null || report.quota === null) return null;
  return Math.max(0, report.quota - report.usage);
}
