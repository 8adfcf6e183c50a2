import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { GalleryStorageError, toGalleryStorageError } from './gallery-storage-error.ts';

const dom = (name: string) => new DOMException('from the browser', name);

describe('toGalleryStorageError', () => {
  it('finds a full disk however deeply Dexie wrapped it', () => {
    const aborted = new Dexie.AbortError('Transaction aborted', dom('QuotaExceededError'));
    expect(toGalleryStorageError(aborted).kind).toBe('quota');
    expect(toGalleryStorageError(dom('QuotaExceededError')).kind).toBe('quota');
  });

  it('tells an unusable database from one another tab is upgrading', () => {
    expect(toGalleryStorageError(new Dexie.MissingAPIError('no indexedDB')).kind).toBe(
      'unavailable',
    );
    expect(
      toGalleryStorageError(new Dexie.OpenFailedError('failed', dom('UnknownError'))).kind,
    ).toBe('unavailable');
    expect(toGalleryStorageError(new Dexie.DatabaseClosedError('closed')).kind).toBe('blocked');
    expect(toGalleryStorageError(new Dexie.VersionError('newer')).kind).toBe('blocked');
  });

  it('keeps anything else as a plain failure with its cause, and passes its own errors through', () => {
    const cause = new Error('disk on fire');
    const error = toGalleryStorageError(cause);
    expect(error).toBeInstanceOf(GalleryStorageError);
    expect([error.kind, error.cause]).toEqual(['failed', cause]);
    expect(error.action).toMatch(/^Download this result/);
    expect(toGalleryStorageError(error)).toBe(error);
  });
});
