/**
 * The editor's record of an image brought in: the file as brought, its name, the sizes the
 * worker found (natural, and working: scaled to the editor's ceiling) and whether it is
 * animated (only its first frame is edited). The decoded picture stays in the image worker,
 * under the source's key.
 */
import { isAnimated } from '../../../lib/animated-image.ts';
import type { EditorSource } from '../stores/session-store.ts';
import type { OpenedImage } from './image-task-handlers.ts';

/** How much of a file is read to tell an animated one (a GIF's first frame can be long). */
const ANIMATION_SNIFF_BYTES = 1024 * 1024;

export async function openedSource(
  file: Blob,
  opened: OpenedImage,
  { key, name, parentId }: { key: string; name: string; parentId?: string | undefined },
): Promise<EditorSource> {
  const head = new Uint8Array(await file.slice(0, ANIMATION_SNIFF_BYTES).arrayBuffer());
  return {
    key,
    name: name || 'Untitled image',
    file,
    ...(parentId ? { parentId } : {}),
    width: opened.width,
    height: opened.height,
    naturalWidth: opened.naturalWidth,
    naturalHeight: opened.naturalHeight,
    hasAlpha: opened.hasAlpha,
    animated: isAnimated(head),
  };
}
