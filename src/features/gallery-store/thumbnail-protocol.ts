/** What a thumbnail is: its size and type, and the function that makes one (make-thumbnail.ts). */

/** Long side of a stored thumbnail, in pixels: sharp at a 190 px tile on a 2x screen. */
export const THUMBNAIL_MAX_EDGE = 384;
export const THUMBNAIL_TYPE = 'image/webp';

/** A thumbnail plus the decoded size of the image it was made from (which proves it decodes). */
export interface Thumbnail {
  blob: Blob;
  width: number;
  height: number;
}

export type Thumbnailer = (image: Blob) => Promise<Thumbnail>;

/** Thumbnails of many images, in order: null for an image that does not decode. */
export type BatchThumbnailer = (images: Blob[]) => Promise<(Thumbnail | null)[]>;

/** A batch thumbnailer made of a one-image one (where no worker batches them: tests). */
export const oneByOne =
  (thumbnailer: Thumbnailer): BatchThumbnailer =>
  (images) =>
    Promise.all(images.map((image) => thumbnailer(image).catch(() => null)));
