/**
 * How a job's result reaches the gallery (gallery-store/save-results.ts), for runImageJob.
 * The gallery's database code is not needed to draw the studio: it is loaded with the first
 * job and kept — an import() of a loaded module still waits for a task of its own, so a
 * result arriving on a busy page would wait behind whatever else is queued before it is saved.
 */
import type { SaveResult } from './job-store.ts';

type SaveModule = typeof import('../gallery-store/save-results.ts');
let saveModule: SaveModule | Promise<SaveModule> | undefined;

export function loadSaveModule(): SaveModule | Promise<SaveModule> {
  saveModule ??= import('../gallery-store/save-results.ts').then(
    (module) => (saveModule = module),
    (error: unknown) => {
      saveModule = undefined; // a chunk that failed to load is fetched again next time
      throw error;
    },
  );
  return saveModule;
}

export const saveToGallery: SaveResult = async (result, options) => {
  const loaded = loadSaveModule();
  const { saveResults } = 'saveResults' in loaded ? loaded : await loaded;
  return saveResults(result, undefined, undefined, options);
};

/** An answer's `bytes` are being checked: the gallery gets ready to store them (its probe). */
export function prepareGallerySave(bytes: number): void {
  if (saveModule && 'prepareSave' in saveModule) saveModule.prepareSave(bytes);
}
