/**
 * The one error type the gallery's writes throw. The job runner (generate feature) shows
 * `message` and `action` beside the result, which stays on screen and downloadable: a failed
 * save never loses the image. `kind` lets a caller pick an icon or wording without parsing.
 */
export type GalleryStorageErrorKind = 'quota' | 'unavailable' | 'blocked' | 'failed';

const TEXT: Record<GalleryStorageErrorKind, { message: string; action: string }> = {
  quota: {
    message: 'The gallery is full: the browser has no storage space left for this site.',
    action:
      'Download this result now, then free space by exporting and deleting older gallery images.',
  },
  unavailable: {
    message:
      'The gallery cannot be opened: this browser window does not allow the site to store data (private browsing, or site storage blocked).',
    action: 'Download this result to keep it, and allow site data or use a normal window.',
  },
  blocked: {
    message: 'The gallery is being upgraded by another Easel tab and cannot be written now.',
    action: 'Download this result to keep it, close the other Easel tabs, then reload.',
  },
  failed: {
    message: 'The result could not be saved to the gallery.',
    action: 'Download this result to keep it, then reload Easel and try again.',
  },
};

/** What to do about it from inside the gallery (importing, deleting…), where no result waits. */
export const GALLERY_ADVICE: Record<GalleryStorageErrorKind, string> = {
  quota: 'Free space: export older images, then delete them from the gallery.',
  unavailable: 'Allow this site to store data, or use a normal window, then reload Easel.',
  blocked: 'Close the other Easel tabs, then reload this one.',
  failed: 'Reload Easel and try again.',
};

export class GalleryStorageError extends Error {
  override readonly name = 'GalleryStorageError';
  readonly kind: GalleryStorageErrorKind;
  /** What the user can do about it when a result could not be saved, in a sentence. */
  readonly action: string;

  constructor(kind: GalleryStorageErrorKind, options?: { cause?: unknown; message?: string }) {
    super(options?.message ?? TEXT[kind].message, { cause: options?.cause });
    this.kind = kind;
    this.action = TEXT[kind].action;
  }
}

/** Dexie wraps the browser's DOMException (often twice: AbortError → QuotaExceededError). */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner;
  }
  return names;
}

/** Maps whatever IndexedDB/Dexie threw to a GalleryStorageError the user can act on. */
export function toGalleryStorageError(error: unknown): GalleryStorageError {
  if (error instanceof GalleryStorageError) return error;
  const names = errorNames(error);
  const has = (...candidates: string[]) => candidates.some((n) => names.includes(n));
  if (has('QuotaExceededError')) return new GalleryStorageError('quota', { cause: error });
  if (has('MissingAPIError', 'InvalidStateError', 'SecurityError', 'OpenFailedError')) {
    return new GalleryStorageError('unavailable', { cause: error });
  }
  if (has('VersionError', 'DatabaseClosedError', 'BlockedError')) {
    return new GalleryStorageError('blocked', { cause: error });
  }
  return new GalleryStorageError('failed', { cause: error });
}
