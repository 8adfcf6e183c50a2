/**
 * Extra reference images for GPT image models (sent after the source as `image[]`). The
 * count and per-file byte limit come from the model table's `images` rule; a file the model
 * does not take as it is (GIF, BMP…) is re-encoded as PNG, then checked again.
 */
import { MIME_FOR_FORMAT } from '../../../api/image-bytes.ts';
import { getModel, rulesFor } from '../../../api/model-lookup.ts';
import {
  formatBytes,
  refuseBeforeDecode,
  unreadableImage,
} from '../../../lib/image-intake-check.ts';
import { SNIFF_BYTES } from '../../../lib/image-kind.ts';
import { editModel } from '../edit/edit-model.ts';
import { useSessionStore, type ReferenceImage } from '../stores/session-store.ts';
import { imageTasks } from './image-tasks.ts';

/** How many reference images the model takes beside the source (0 for dall-e-2). */
export function referenceSlots(model: Parameters<typeof rulesFor>[0]): number {
  const images = rulesFor(model, 'edit')?.images;
  return images ? Math.max(0, images.maxCount - 1) : 0;
}

export async function addReferences(files: readonly File[]): Promise<void> {
  const model = editModel();
  const { references } = useSessionStore.getState();
  const images = rulesFor(model, 'edit')?.images;
  const problems: string[] = [];
  if (!images) return;
  const label = getModel(model).label;
  const slots = referenceSlots(model) - references.length;
  if (slots <= 0 || files.length > slots) {
    problems.push(
      `${label} takes ${images.maxCount} images in all (your image and ${images.maxCount - 1} references)` +
        (slots > 0 ? `; only the first ${slots} were added.` : '; remove one to add another.'),
    );
  }
  const added: ReferenceImage[] = [];
  for (const file of files.slice(0, Math.max(0, slots))) {
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    const refusal = refuseBeforeDecode(file, head);
    if (refusal) {
      problems.push(refusal.message);
      continue;
    }
    if (file.size >= images.maxBytes) {
      problems.push(
        `“${file.name}” is ${formatBytes(file.size)}; ${label} takes images under ${formatBytes(images.maxBytes)} each.`,
      );
      continue;
    }
    try {
      const accepted = images.formats.map((f) => MIME_FOR_FORMAT[f] ?? '');
      const checked = await imageTasks.checkReference(file, accepted);
      if (checked.blob.size >= images.maxBytes) {
        problems.push(
          `“${file.name}” is ${formatBytes(checked.blob.size)} as PNG; ${label} takes images under ${formatBytes(images.maxBytes)} each.`,
        );
        continue;
      }
      added.push({ id: crypto.randomUUID(), name: file.name, ...checked });
    } catch {
      problems.push(unreadableImage(file.name).message);
    }
  }
  useSessionStore.setState((s) => ({
    references: [...s.references, ...added],
    referenceError: problems.length ? problems.join(' ') : null,
  }));
}

export function removeReference(id: string): void {
  useSessionStore.setState((s) => ({
    references: s.references.filter((r) => r.id !== id),
    referenceError: null,
  }));
}
