/**
 * The gallery's IndexedDB database (Dexie). Contract: an entry row exists only together with
 * its image bytes (unless it is a link-only `remote` entry), its thumbnail when one could be
 * made, and its mask if any; every write that touches more than one table runs in one
 * transaction so a failure leaves nothing half-written.
 *
 * Tables: `entries` (metadata, indexed for lineage and filters), `images` (full bytes by
 * entry id), `thumbnails` (small WebP by entry id), `masks` (edit masks by mask id),
 * `boards` (named collections; an entry lists the boards it is on in `boardIds`), `meta`
 * (the database's marker, see gallery-marker.ts), `jobs` (requests sent and not yet saved).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Board, GalleryEntry, StoredBlob } from './gallery-entry.ts';
import { checkMarker, newMarker, type MetaRow } from './gallery-marker.ts';
import { GALLERY_DB_NAME, galleryDbLoaded } from './gallery-presence.ts';

export class GalleryDb extends Dexie {
  entries!: EntityTable<GalleryEntry, 'id'>;
  images!: EntityTable<StoredBlob, 'id'>;
  thumbnails!: EntityTable<StoredBlob, 'id'>;
  masks!: EntityTable<StoredBlob, 'id'>;
  boards!: EntityTable<Board, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  jobs!: EntityTable<{ id: string }, 'id'>;

  constructor(name = GALLERY_DB_NAME) {
    super(name);
    this.version(1).stores({
      entries: 'id, createdAt, model, kind, parentId, favourite, batchId',
      images: 'id',
      masks: 'id',
    });
    // v2: thumbnails move out of the entry row into their own table, so reading every
    // entry's metadata (search, filters) never loads thousands of thumbnail blobs.
    this.version(2)
      .stores({
        entries: 'id, createdAt, model, kind, parentId, favourite, batchId, maskId',
        thumbnails: 'id',
      })
      .upgrade(async (tx) => {
        const entries = tx.table<GalleryEntry & { thumbnail?: Blob }, string>('entries');
        const thumbnails = tx.table<StoredBlob, string>('thumbnails');
        const moved: StoredBlob[] = [];
        await entries.toCollection().modify((entry) => {
          if (entry.thumbnail) moved.push({ id: entry.id, blob: entry.thumbnail });
          delete entry.thumbnail;
        });
        await thumbnails.bulkPut(moved);
      });
    // v3: a marker row written when the database is created, so a database the browser
    // emptied and recreated (it does after failed writes on a full disk) is told apart from
    // the one the user filled; and durable records of the jobs in flight.
    this.version(3)
      .stores({ meta: 'key', jobs: 'id' })
      .upgrade((tx) => tx.table<MetaRow, string>('meta').put(newMarker()));
    // v4: boards, and a multi-entry index to find a board's images by id.
    this.version(4).stores({
      entries: 'id, createdAt, model, kind, parentId, favourite, batchId, maskId, *boardIds',
      boards: 'id, createdAt',
    });
    this.on('populate', (tx) => tx.table<MetaRow, string>('meta').put(newMarker()));
    // Sticky: checked on every open, including Dexie's reopen after the browser closed it.
    this.on('ready', (vipDb) => checkMarker(name, (vipDb as GalleryDb).meta), true);
  }
}

export const galleryDb = new GalleryDb();
galleryDbLoaded();
