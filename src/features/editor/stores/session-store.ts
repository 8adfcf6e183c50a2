/**
 * The editor's working session (zustand): the source image as opened, the prepared image the
 * edit will upload, the mask painted over it, extra reference images, and what Easel did
 * to the image on the way (notes the designer reads). The flows that change it live in
 * intake/source-flow.ts (its instance: intake/editor-source.ts); components only read it through selectors.
 */
import { create } from 'zustand';
import type { SourceGeometry, SquareCrop } from '../../../lib/image-geometry.ts';
import type { MaskModel } from '../mask/mask-model.ts';
import type { OpenedImage } from '../intake/image-task-handlers.ts';

/** How a non-square image was made square for a model that takes only squares. */
export type SquareChoice = { kind: 'crop'; crop: SquareCrop } | { kind: 'pad' };

/** The decoded original (scaled down past what the editor works with) and where it came from. */
export interface EditorSource extends OpenedImage {
  /** The worker's handle on the decoded original. */
  key: string;
  name: string;
  /** The file as the designer brought it (kept for reload and re-preparation). */
  file: Blob;
  parentId?: string;
  /** An animated file (GIF, APNG, WebP): the editor has its first frame. */
  animated: boolean;
}

/** The image exactly as the edit will upload it; the mask has its size. */
export interface PreparedImage {
  /** The source it was prepared from (EditorSource.key). */
  sourceKey: string;
  bitmap: ImageBitmap;
  /** A smaller copy the stage draws zoomed out (view/view-copy.ts); none for a small image. */
  viewCopy?: ImageBitmap;
  /** What the edit uploads; null while it is encoded (the picture is already on the stage). */
  png: Blob | null;
  /** Why the PNG could not be made: the edit cannot go until the image is opened again. */
  pngError?: string;
  geometry: SourceGeometry;
  /** Whether the model needed a square (dall-e-2) when this was prepared. */
  square: boolean;
  maxBytes: number;
}

export interface ReferenceImage {
  id: string;
  name: string;
  blob: Blob;
  width: number;
  height: number;
  converted: boolean;
}

export type SessionStatus = 'empty' | 'opening' | 'cropping' | 'preparing' | 'ready';

export interface SessionState {
  status: SessionStatus;
  source: EditorSource | null;
  prepared: PreparedImage | null;
  mask: MaskModel | null;
  squareChoice: SquareChoice | null;
  /** What Easel did to the image, in the designer's words ("Scaled to 1024×1024…"). */
  notes: string[];
  /** Why the last file was refused; the current source (if any) is untouched. */
  intakeError: string | null;
  references: ReferenceImage[];
  referenceError: string | null;
  /** Why the session could not be kept for the next visit (quota, private mode). */
  saveError: string | null;
}

export const initialSession: SessionState = {
  status: 'empty',
  source: null,
  prepared: null,
  mask: null,
  squareChoice: null,
  notes: [],
  intakeError: null,
  references: [],
  referenceError: null,
  saveError: null,
};

export const useSessionStore = create<SessionState>(() => initialSession);

/** The prepared image has transparent pixels: its own, or the edges added by padding. */
export function hasTransparency(s: Pick<SessionState, 'source' | 'prepared'>): boolean {
  const g = s.prepared?.geometry;
  return (s.source?.hasAlpha ?? false) || (g !== undefined && (g.originX < 0 || g.originY < 0));
}
