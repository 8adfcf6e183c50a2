import { afterEach, describe, expect, it, vi } from 'vitest';

// A fresh module each time: the answer it keeps is per page.
const presence = async () => {
  vi.resetModules();
  return import('./gallery-presence.ts');
};

const answers = (...lists: string[][]) => {
  const databases = vi.fn<() => Promise<IDBDatabaseInfo[]>>();
  for (const names of lists)
    databases.mockResolvedValueOnce(names.map((name) => ({ name, version: 1 })));
  vi.stubGlobal('indexedDB', { databases });
  return databases;
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('galleryExists', () => {
  it('asks the browser once: a gallery that exists stays (the studio never deletes it)', async () => {
    const { galleryExists, GALLERY_DB_NAME } = await presence();
    const databases = answers([GALLERY_DB_NAME]);
    expect(await galleryExists()).toBe(true);
    expect(await galleryExists()).toBe(true);
    expect(databases).toHaveBeenCalledTimes(1);
  });

  it('asks again after "no": the first save creates the database', async () => {
    const { galleryExists, GALLERY_DB_NAME } = await presence();
    const databases = answers(['another-app'], [GALLERY_DB_NAME]);
    expect(await galleryExists()).toBe(false);
    expect(await galleryExists()).toBe(true);
    expect(databases).toHaveBeenCalledTimes(2);
  });

  it('asks once for callers that ask at the same time', async () => {
    const { galleryExists, GALLERY_DB_NAME } = await presence();
    const databases = answers([GALLERY_DB_NAME]);
    expect(await Promise.all([galleryExists(), galleryExists(), galleryExists()])).toEqual([
      true,
      true,
      true,
    ]);
    expect(databases).toHaveBeenCalledTimes(1);
  });

  it('takes a browser that cannot list databases to have one', async () => {
    const { galleryExists } = await presence();
    vi.stubGlobal('indexedDB', {});
    expect(await galleryExists()).toBe(true);
  });
});
