/**
 * The gallery's IndexedDB database (Dexie). Contract: an entry row exists only together with
 * its image bytes (and mask, if any); every write that touches more than one table runs in
 * one transaction so a failure leaves nothing half-written.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { GalleryEntry, StoredBlob } from '../gallery-entry.ts';

export class GalleryDb extends Dexie {
  entries!: EntityTable<GalleryEntry, 'id'>;
  images!: EntityTable<StoredBlob, 'id'>;
  masks!: EntityTable<StoredBlob, 'id'>;

  constructor(name = 'easel-gallery') {
    super(name);
    this.version(1).stores({
      entries: 'id, createdAt, model, kind, parentId, favourite, batchId',
      images: 'id',
      masks: 'id',
    });
  }
}

export const galleryDb = new GalleryDb();
