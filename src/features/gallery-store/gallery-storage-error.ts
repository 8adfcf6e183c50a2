import { formatBytes } from '../../lib/image-intake-check.ts';

/**
 * The one error type the gallery's writes throw. The job runner (generate feature) shows
 * `message` and `action` beside the result, which stays on screen and downloadable: a failed
 * save never loses the image. `kind` lets a caller pick an icon or wording without parsing.
 */
export type GalleryStorageErrorKind =
  'disk' | 'quota' | 'lost' | 'unavailable' | 'blocked' | 'failed';

const MB = 1024 * 1024; // as formatBytes counts

/**
 * How much to free: room for this result several times over, and never less than 50 MB, so
 * the next few results fit too and the disk is not full again at once.
 */
function freeHint(bytes: number): string {
  return `Free at least ${formatBytes(Math.ceil(Math.max(50 * MB, bytes * 4) / MB) * MB)}`;
}

const EXPORT_NOW = 'Export your gallery now (Gallery → Export all) to keep a copy elsewhere.';
const DOWNLOAD = 'Download this result to keep it meanwhile.';

const TEXT: Record<
  GalleryStorageErrorKind,
  (bytes: number) => { message: string; action: string }
> = {
  disk: (bytes) => ({
    message: 'The disk is full.',
    action: `${freeHint(bytes)} on this device (empty the trash, delete large files), then press Try saving again. ${EXPORT_NOW} ${DOWNLOAD} Easel saves nothing more until then, so the gallery is not damaged.`,
  }),
  // The browser answers the same when the disk fills as when the site's share of it does.
  quota: (bytes) => ({
    message: 'The disk or the browser’s storage for this site is full.',
    action: `${freeHint(bytes)}: delete files on this device (empty the trash) or gallery images you no longer need, then press Try saving again. ${EXPORT_NOW} ${DOWNLOAD}`,
  }),
  lost: () => ({
    message:
      'The browser discarded the gallery’s database (it does so when the disk fills up) and started an empty one.',
    action:
      'Download the images you want to keep. Easel saves nothing more until you choose Start a new gallery in the Gallery.',
  }),
  unavailable: () => ({
    message:
      'The gallery cannot be opened: this browser window does not allow the site to store data (private browsing, or site storage blocked).',
    action: 'Download this result to keep it, and allow site data or use a normal window.',
  }),
  blocked: () => ({
    message: 'The gallery is being upgraded by another Easel tab and cannot be written now.',
    action: 'Download this result to keep it, close the other Easel tabs, then reload.',
  }),
  failed: (bytes) => ({
    message:
      'The gallery could not be written, and the browser did not say why (a nearly full disk is the usual cause).',
    action: `Download this result to keep it. ${freeHint(bytes)} on this device if it is nearly full, then press Try saving again. ${EXPORT_NOW}`,
  }),
};

/** Why a result was refused without trying, when saving has been stopped. */
const STOPPED: Partial<Record<GalleryStorageErrorKind, string>> = {
  failed: 'Not saved: Easel has stopped saving since the gallery could not be written.',
  disk: 'Not saved: Easel has stopped saving because the disk is full.',
  quota:
    'Not saved: Easel has stopped saving because the disk or the browser’s storage for this site is full.',
};

/** What to do about it from inside the gallery (importing, deleting…), where no result waits. */
export const GALLERY_ADVICE: Record<GalleryStorageErrorKind, string> = {
  disk: `The disk is full. ${freeHint(0)} on this device. ${EXPORT_NOW}`,
  quota: `${freeHint(0)}: delete files on this device, or export older images, then delete them from the gallery.`,
  lost: 'Start a new gallery to save again; export first anything still listed.',
  unavailable: 'Allow this site to store data, or use a normal window, then reload Easel.',
  blocked: 'Close the other Easel tabs, then reload this one.',
  failed: 'Reload Easel and try again.',
};

export class GalleryStorageError extends Error {
  override readonly name = 'GalleryStorageError';
  readonly kind: GalleryStorageErrorKind;
  /** What the user can do about it when a result could not be saved, in a sentence. */
  readonly action: string;

  constructor(
    kind: GalleryStorageErrorKind,
    options?: { cause?: unknown; message?: string; bytes?: number; stopped?: boolean },
  ) {
    const text = TEXT[kind](options?.bytes ?? 0);
    const stopped = options?.stopped ? STOPPED[kind] : undefined;
    super(options?.message ?? stopped ?? text.message, {
      cause: options?.cause,
    });
    this.kind = kind;
    this.action = text.action;
  }
}

/** Dexie wraps the browser's DOMException (often twice: AbortError → QuotaExceededError). */
function errorChain(error: unknown): { names: string[]; messages: string } {
  const names: string[] = [];
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { name, message, inner } = current as {
      name?: unknown;
      message?: unknown;
      inner?: unknown;
      failures?: unknown;
    };
    if (typeof name === 'string') names.push(name);
    if (typeof message === 'string') messages.push(message);
    // A BulkError (bulkAdd…) holds its causes in `failures`, not `inner`.
    const { failures } = current as { failures?: unknown };
    current = inner ?? (Array.isArray(failures) ? failures[0] : undefined);
  }
  return { names, messages: messages.join(' ') };
}

/**
 * Chromium on a full disk (seen on a small tmpfs): "Failed to write blobs (IOError)" (a
 * DataError), "Internal error." and "Internal error opening backing store…" (UnknownError),
 * "Encountered full disk while opening backing store" (a QuotaExceededError on open).
 */
const DISK_FULL = /IOError|full disk|No space left|disk is full|Internal error/i;

/** Maps whatever IndexedDB/Dexie threw to a GalleryStorageError the user can act on. */
export function toGalleryStorageError(error: unknown, bytes = 0): GalleryStorageError {
  if (error instanceof GalleryStorageError) return error;
  const { names, messages } = errorChain(error);
  const has = (...candidates: string[]) => candidates.some((n) => names.includes(n));
  if (DISK_FULL.test(messages)) return new GalleryStorageError('disk', { cause: error, bytes });
  if (has('QuotaExceededError')) return new GalleryStorageError('quota', { cause: error, bytes });
  if (has('MissingAPIError', 'InvalidStateError', 'SecurityError', 'OpenFailedError')) {
    return new GalleryStorageError('unavailable', { cause: error });
  }
  if (has('VersionError', 'DatabaseClosedError', 'BlockedError')) {
    return new GalleryStorageError('blocked', { cause: error });
  }
  return new GalleryStorageError('failed', { cause: error });
}
