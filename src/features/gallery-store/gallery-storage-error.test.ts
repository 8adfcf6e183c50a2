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

describe('a full disk', () => {
  it('is told apart from a full quota by Chromium’s IOError and full-disk messages', () => {
    const blobs = new Dexie.DataError('Failed to write blobs (IOError)');
    expect(toGalleryStorageError(blobs).kind).toBe('disk');
    const open = dom('QuotaExceededError');
    Object.defineProperty(open, 'message', {
      value: 'Encountered full disk while opening backing store for indexedDB.open.',
    });
    expect(toGalleryStorageError(new Dexie.OpenFailedError('open', open)).kind).toBe('disk');
  });

  it('says how much to free (at least 50 MB, more for a large result) and to export now', () => {
    expect(new GalleryStorageError('disk', { bytes: 1_000 }).action).toMatch(
      /^Free at least 50 MB on this device .*Export your gallery now/,
    );
    expect(new GalleryStorageError('disk', { bytes: 30 * 1024 * 1024 }).action).toMatch(
      /^Free at least 120 MB/,
    );
  });

  it('says saving has stopped when a result is refused without trying', () => {
    expect(new GalleryStorageError('disk', { stopped: true }).message).toBe(
      'Not saved: Easel has stopped saving because the disk is full.',
    );
  });
});

describe('what Chromium said on a real full disk (60 MB tmpfs)', () => {
  it('reads "Internal error" and a bulk write’s failures as a full disk', () => {
    expect(toGalleryStorageError(new Dexie.OpenFailedError('o', dom('UnknownError'))).kind).toBe(
      'unavailable',
    );
    const internal = new DOMException('Internal error.', 'UnknownError');
    expect(toGalleryStorageError(internal).kind).toBe('disk');
    const bulk = new Dexie.BulkError('images.bulkAdd(): 1 of 1 operations failed', [
      new Dexie.AbortError(
        'aborted',
        new DOMException('Failed to write blobs (IOError)', 'DataError'),
      ),
    ]);
    expect(toGalleryStorageError(bulk).kind).toBe('disk');
  });

  it('says plainly when the browser gave no reason, with the same way forward', () => {
    const error = toGalleryStorageError(
      new Dexie.BulkError('failed', [new Dexie.AbortError('aborted')]),
    );
    expect(error.kind).toBe('failed');
    expect(error.message).toMatch(/did not say why .*nearly full disk/);
    expect(error.action).toMatch(/Free at least 50 MB .*Export your gallery now/);
  });
});
