import type { SourceGeometry } from '../../../lib/image-geometry.ts';
import type { SquareChoice } from '../stores/session-store.ts';

/** How an image is opened in the editor: where it came from and what mask it brings. */
export interface OpenOptions {
  name?: string;
  parentId?: string;
  /** A mask in the API's convention (alpha 0 = edit here), e.g. from an earlier edit. */
  mask?: Blob;
  /** Keep the current painting on the new image (a result sent back for another round). */
  keepMask?: boolean;
  /** Saved paint and the framing it was painted at (a restored session). */
  restore?: {
    paint: Blob | null;
    geometry: SourceGeometry | null;
    squareChoice: SquareChoice | null;
  };
}
