import type {
  ImageUsage,
  ProviderLabel,
  RequestParams,
  ResultImage,
} from '../../api/image-result.ts';

export type EntryKind = 'generation' | 'edit' | 'variation';

/**
 * One image in the gallery. Metadata and the small thumbnail live in the `entries` table;
 * the full image bytes and masks live in their own tables so that listing never loads them.
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
  params: RequestParams;
  provider: ProviderLabel;
  parentId?: string;
  /** Key into the masks table when the edit used a mask. */
  maskId?: string;
  usage?: ImageUsage;
  mime: string;
  width: number;
  height: number;
  byteLength: number;
  /** WebP, a few hundred pixels on the long side; absent until made. */
  thumbnail?: Blob;
  /** 1 or 0: IndexedDB cannot index booleans. */
  favourite: 0 | 1;
  remote?: ResultImage['remote'];
}

export interface StoredBlob {
  id: string;
  blob: Blob;
}
