/**
 * The editor's door for the rest of the studio (generate results, gallery entries):
 * `openInEditor` loads an image as the editor's source and switches to the Edit view.
 * Kept light on purpose: it pulls in no canvas or Konva code, so importing it costs the
 * other features nothing; the heavy editor loads when the Edit view first shows.
 */
import { useViewStore } from '../../lib/studio-view.ts';

export interface OpenInEditorInput {
  image: Blob;
  name?: string;
  /** The gallery entry the image is; the next edit records it as its parent. */
  parentId?: string;
  /** A mask in the API's convention (alpha 0 = edit here), e.g. the mask of an earlier edit. */
  mask?: Blob;
}

/**
 * Opens the image in the editor. Resolves true when it is loaded, false when it was refused
 * (the editor then shows why, and keeps what it had).
 */
export async function openInEditor(input: OpenInEditorInput): Promise<boolean> {
  useViewStore.getState().showView('edit');
  const { editorSource } = await import('./intake/editor-source.ts');
  return editorSource.open(input.image, {
    ...(input.name ? { name: input.name } : {}),
    ...(input.parentId ? { parentId: input.parentId } : {}),
    ...(input.mask ? { mask: input.mask } : {}),
  });
}
