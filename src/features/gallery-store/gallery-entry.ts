import type { ComposeRecord, ProviderLabel, ResultImage } from '../../api/image-result.ts';
import type { ImageUsage } from '../../api/image-usage.ts';
import type { ImageParams } from '../../api/params.ts';

/** 'upload': a designer's own image (opened, dropped or pasted) that an edit was made from. */
export type EntryKind = 'generation' | 'edit' | 'variation' | 'upload';

export const ENTRY_KINDS: readonly EntryKind[] = ['generation', 'edit', 'variation', 'upload'];

/** The `model` an upload records: no model made it (kept non-empty for archives). */
export const UPLOAD_MODEL = 'upload';

/**
 * One image in the gallery: metadata only. The full image bytes, the WebP thumbnail and the
 * edit mask live in their own tables (keyed by entry id, or `maskId`) so that listing
 * thousands of entries never touches a single image.
 */
export interface GalleryEntry {
  id: string;
  kind: EntryKind;
  /** Images returned by one request share a batch id; `index` is their order in it. */
  batchId: string;
  index: number;
  createdAt: number;
  durationMs: number;
  prompt: string;
  revisedPrompt?: string;
  model: string;
  params: ImageParams;
  provider: ProviderLabel;
  /** The entry an edit or variation started from (it may since have been deleted). */
  parentId?: string;
  /** Key into the masks table when the edit used a mask (shared by the batch). */
  maskId?: string;
  usage?: ImageUsage;
  mime: string;
  width: number;
  height: number;
  byteLength: number;
  /** 1 or 0: IndexedDB cannot index booleans. */
  favourite: 0 | 1;
  /** The boards this image is on (ids into the boards table); absent when on none. */
  boardIds?: string[];
  /** Set when a `url` result could not be fetched: the entry has no bytes, only this link. */
  remote?: ResultImage['remote'];
  /** For an edit composed back onto its original: how the stored image was made. */
  compose?: ComposeRecord;
  /**
   * The archive import that wrote this entry (gallery/archive/import-journal.ts), so an
   * interrupted import can be undone. Not indexed; never exported.
   */
  importId?: string;
  /** An upload: the file's name as the designer brought it ("holiday.jpg"). */
  fileName?: string;
  /** An upload: SHA-256 (hex) of its bytes, so the same photo edited ten times is stored once. */
  contentHash?: string;
}

export interface StoredBlob {
  id: string;
  blob: Blob;
}

/** A named collection of gallery images (an image may be on several). */
export interface Board {
  id: string;
  name: string;
  createdAt: number;
}

/** The longest board name kept (board-names.ts cleanBoardName; the name field's limit). */
export const MAX_BOARD_NAME = 80;
