import { create } from 'zustand';
import { ArchiveImportError } from '../archive/archive-import-error.ts';
import { downloadBlob } from '../../../lib/download-blob.ts';
import { archiveFileName } from '../entries/file-names.ts';
import { GALLERY_ADVICE, GalleryStorageError } from '../../gallery-store/gallery-storage-error.ts';
import { galleryExists } from '../../gallery-store/gallery-presence.ts';
import type { ArchiveStatus } from './archive-status.ts';

interface ArchiveState {
  status: ArchiveStatus;
  dismiss: () => void;
  /** Shows a failed gallery action (delete, favourite, copy…) in the same notice. */
  reportFailure: (what: string, error: unknown) => void;
  /** Says a finished gallery action (a board made, images added…) in the same notice. */
  reportDone: (message: string) => void;
  /** All entries (ids null), a selection, or a board's images (named by `boardName`). */
  exportEntries: (ids: readonly string[] | null, boardName?: string) => Promise<void>;
  importFile: (file: File) => Promise<void>;
  /** Shows the offer for an interrupted import, if there is one and nothing else is shown. */
  checkInterrupted: () => Promise<void>;
  undoInterrupted: () => Promise<void>;
}

type Failure = Extract<ArchiveStatus, { state: 'failed' }>;

// The gallery's database code (Dexie) loads with the first import, export or undo, not with
// the gallery view: an empty gallery never needs it.
const archiveImport = () => import('./archive-import.ts');

function failure(error: unknown, nothingDone = ''): Failure {
  if (error instanceof ArchiveImportError) {
    return {
      state: 'failed',
      message: `${error.message} Nothing was imported.`,
      problems: error.problems,
    };
  }
  if (error instanceof GalleryStorageError) {
    const message = `${error.message}${nothingDone} ${GALLERY_ADVICE[error.kind]}`;
    return { state: 'failed', message, problems: [] };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { state: 'failed', message: detail, problems: [] };
}

/** Why a gallery action failed and what to do, in words (as the gallery's notice says it). */
export function failureReason(error: unknown): string {
  return failure(error).message;
}

export const useArchiveStore = create<ArchiveState>((set, get) => ({
  status: { state: 'idle' },
  dismiss: () => set({ status: { state: 'idle' } }),
  reportDone: (message) => {
    if (get().status.state !== 'working') set({ status: { state: 'done', message } });
  },
  reportFailure: (what, error) => {
    const status = failure(error);
    set({ status: { ...status, message: `${what} failed: ${status.message}` } });
  },

  exportEntries: async (ids, boardName) => {
    if (get().status.state === 'working') return;
    const kind = boardName !== undefined ? 'board' : ids ? 'selection' : 'gallery';
    set({ status: { state: 'working', message: 'Preparing the archive…' } });
    try {
      // The zip library loads with the first export or import, not with the gallery.
      const [{ exportArchive }, { galleryDb }, { plural }] = await Promise.all([
        import('../archive/export-archive.ts'),
        import('../../gallery-store/gallery-db.ts'),
        archiveImport(),
      ]);
      const { blob, count } = await exportArchive(ids, galleryDb, (done, total) =>
        set({ status: { state: 'working', message: `Packing ${done} of ${total} images…` } }),
      );
      const name = archiveFileName(kind, Date.now(), boardName);
      downloadBlob(blob, name);
      set({ status: { state: 'done', message: `Exported ${plural(count, 'image')} to ${name}.` } });
    } catch (error) {
      get().reportFailure('The export', error);
    }
  },

  importFile: async (file) => {
    if (get().status.state === 'working') return;
    try {
      const { runImport } = await archiveImport();
      await runImport(file, (status) => set({ status }));
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      set({
        status: cancelled
          ? { state: 'done', message: 'Import cancelled: nothing was imported.' }
          : failure(error, ' Nothing was imported.'),
      });
    }
  },

  checkInterrupted: async () => {
    // No gallery, no import to offer to finish (and no database code to load for it).
    if (!(await galleryExists())) return;
    const offer = await archiveImport()
      .then(({ interruptedImport }) => interruptedImport())
      .catch(() => null);
    if (offer && get().status.state === 'idle') set({ status: offer });
  },

  undoInterrupted: async () => {
    const status = get().status;
    if (status.state !== 'interrupted') return;
    try {
      const { undoImport } = await archiveImport();
      await undoImport(status.importId, (next) => set({ status: next }));
    } catch (error) {
      get().reportFailure('Undoing the import', error);
    }
  },
}));
