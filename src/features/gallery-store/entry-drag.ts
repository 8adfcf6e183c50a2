/**
 * A gallery image being dragged: the gallery's tiles put the entry's id in the drag under
 * this type; the editor's canvas and its reference images take it. A type of its own, so a
 * drop of text or of a link never reads as a gallery image, and the data is only an id.
 */
export const ENTRY_DRAG_TYPE = 'application/x-easel-gallery-entry';

export function writeEntryDrag(data: DataTransfer, id: string, name: string): void {
  data.setData(ENTRY_DRAG_TYPE, id);
  // Dropped anywhere else (a text field, another app), it reads as the image's name.
  data.setData('text/plain', name);
  data.effectAllowed = 'copy';
}

/** Whether the drag carries a gallery image (the id itself is readable only on drop). */
export const carriesEntry = (data: DataTransfer | null) =>
  Array.from(data?.types ?? []).includes(ENTRY_DRAG_TYPE);

/** The dragged gallery image's id, on drop; null for anything else. */
export const droppedEntry = (data: DataTransfer | null) => data?.getData(ENTRY_DRAG_TYPE) || null;
