import { useEffect, useState, type RefObject } from 'react';
import { carriesEntry, droppedEntry } from '../../gallery-store/entry-drag.ts';
import { editorSource } from '../intake/editor-source.ts';
import { openGalleryEntry } from '../gallery/open-gallery-entry.ts';

/** The first file in a drop or paste, if any: the image to open. */
function firstFile(data: DataTransfer | null): File | null {
  if (!data) return null;
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind === 'file') {
      const file = item.getAsFile();
      if (file) return file;
    }
  }
  return data.files?.[0] ?? null;
}

/**
 * Drag and drop onto the workspace (a file, or an image from the gallery) and paste from the
 * clipboard (Ctrl+V anywhere in the Edit view) open an image. Returns whether an image is
 * being dragged over, for the drop hint.
 */
export function useImageIntake(area: RefObject<HTMLElement | null>): boolean {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    let depth = 0;
    const hasFiles = (e: DragEvent) =>
      Array.from(e.dataTransfer?.types ?? []).includes('Files') || carriesEntry(e.dataTransfer);
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    // Any drop ends the drag, also one a part of the view takes for itself (the references).
    const onDropAnywhere = () => {
      depth = 0;
      setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      const entry = droppedEntry(e.dataTransfer);
      if (entry) {
        e.preventDefault();
        return void openGalleryEntry(entry);
      }
      const file = firstFile(e.dataTransfer);
      if (!file) return;
      e.preventDefault();
      void editorSource.open(file);
    };
    const onPaste = (e: ClipboardEvent) => {
      const file = firstFile(e.clipboardData);
      if (!file) return; // text pastes go where they were going
      e.preventDefault();
      void editorSource.open(file, {
        name: file.name && file.name !== 'image.png' ? file.name : 'Pasted image',
      });
    };
    el.addEventListener('dragenter', onEnter);
    el.addEventListener('dragleave', onLeave);
    el.addEventListener('dragover', onOver);
    el.addEventListener('drop', onDropAnywhere, true);
    el.addEventListener('drop', onDrop);
    document.addEventListener('paste', onPaste);
    return () => {
      el.removeEventListener('dragenter', onEnter);
      el.removeEventListener('dragleave', onLeave);
      el.removeEventListener('dragover', onOver);
      el.removeEventListener('drop', onDropAnywhere, true);
      el.removeEventListener('drop', onDrop);
      document.removeEventListener('paste', onPaste);
    };
  }, [area]);

  return dragging;
}
