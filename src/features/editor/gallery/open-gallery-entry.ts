/**
 * Brings a gallery image into the editor — picked in "Pick from the gallery" or dropped on
 * the canvas or the reference images. The gallery code (Dexie) loads only at this moment.
 */
import { addReferences } from '../intake/reference-flow.ts';
import { editorSource } from '../intake/editor-source.ts';
import { useSessionStore } from '../stores/session-store.ts';

async function readEntry(id: string) {
  const { readEntryFile } = await import('../../gallery-store/entry-file.ts');
  return readEntryFile(id);
}

const unreadable = (error: unknown) =>
  `Easel couldn't read that image from the gallery: ${(error as Error).message} It may have been deleted; your current image is kept.`;

/**
 * Opens the entry as the image to edit (an edit of it records it as its parent), with an
 * edit's stored mask, as the gallery's Edit button does. The editor's own checks apply: a
 * painted mask is only discarded after "Replace the image?".
 */
export async function openGalleryEntry(id: string): Promise<boolean> {
  try {
    const { image, name, parentId, mask } = await readEntry(id);
    return await editorSource.open(image, { name, parentId, ...(mask ? { mask } : {}) });
  } catch (error) {
    useSessionStore.setState({ intakeError: unreadable(error) });
    return false;
  }
}

/** Adds the entry to the reference images, as "Add reference images…" adds a file. */
export async function addGalleryReference(id: string): Promise<void> {
  try {
    const { image, name } = await readEntry(id);
    await addReferences([new File([image], name, { type: image.type })]);
  } catch (error) {
    useSessionStore.setState({ referenceError: unreadable(error) });
  }
}
