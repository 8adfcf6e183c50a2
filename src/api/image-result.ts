/**
 * What one finished API call hands to storage: the images as bytes plus everything needed to
 * explain and reproduce them. The api layer produces it; the gallery stores it
 * (features/gallery-store/save-results.ts). Nothing here holds an API key.
 */
import type { ImageUsage } from './image-usage.ts';
import type { Operation } from './model-types.ts';
import type { ImageParams } from './params.ts';

export type ProviderKind = 'local' | 'openai' | 'azure' | 'compatible';

/** Where a result came from: shown in the gallery, never the key. */
export interface ProviderLabel {
  name: string;
  kind: ProviderKind;
}

export interface ResultImage {
  /** The image bytes in the format the provider returned; null only when a url could not be fetched. */
  bytes: Blob | null;
  width: number;
  height: number;
  /**
   * Every pixel is opaque, by the file's header (lib/image-opacity.ts): its tile draws no
   * checkerboard behind it (a pattern the picture hides, rastered for nothing).
   */
  opaque?: boolean;
  revisedPrompt?: string;
  /**
   * Set when a `url` result could not be fetched (for example the host sends no CORS
   * headers): the link, when it stops working, and why the bytes are missing.
   */
  remote?: { url: string; expiresAt: number; reason: string };
  /**
   * An edit composed back onto its original before saving: `bytes` is the composite, `raw`
   * what the provider returned, `settings` how one was made from the other.
   */
  compose?: { raw: Blob; settings: ComposeRecord };
}

/**
 * How an edit's stored image was made from the provider's raw result: the editor's
 * compose-back settings (lib/compose/compose-settings.ts), kept with the entry
 * so compose can be redone.
 */
export interface ComposeRecord {
  mode: 'raw' | 'hard' | 'soft';
  grow: number;
  feather: number;
  colourMatch: boolean;
  keepUnchanged: boolean;
}

/** An image of the answer whose bytes were refused at arrival (image-check.ts): never saved. */
export interface RefusedImage {
  /** Its place in the answer, from 0. */
  index: number;
  /** What came back, in words: "a web page (HTML), not a picture". */
  problem: string;
}

export interface ImageJobResult {
  operation: Operation;
  /** The model id as sent to the provider (a deployment or custom id maps back through `params`). */
  model: string;
  prompt: string;
  /** The parameters as sent, under their API names (files are kept separately). */
  params: ImageParams;
  provider: ProviderLabel;
  images: ResultImage[];
  /** Images of the same answer refused for their bytes; the others are in `images`. */
  refused?: RefusedImage[];
  createdAt: number;
  durationMs: number;
  usage?: ImageUsage;
  /** The gallery entry an edit or variation started from. */
  parentId?: string;
  /** The exact mask PNG an edit sent. */
  mask?: Blob;
}
