import { getModel } from '../../../api/model-lookup.ts';
import type { EntryKind, GalleryEntry } from '../../gallery-store/gallery-entry.ts';

/** A model's display name ("GPT Image 1.5", "DALL·E 3"); an id Easel does not know, as is. */
export const modelLabel = (id: string) => getModel(id).label;

export const KIND_LABEL: Record<EntryKind, string> = {
  generation: 'Generation',
  edit: 'Edit',
  variation: 'Variation',
  upload: 'Uploaded',
};

/** The Kind filter's choices: "Generations", "Edits", "Variations", "Uploaded images". */
export const KIND_PLURAL: Record<EntryKind, string> = {
  generation: 'Generations',
  edit: 'Edits',
  variation: 'Variations',
  upload: 'Uploaded images',
};

/** A short name for an entry wherever the prompt is empty (variations take no prompt). */
export function entryTitle(entry: GalleryEntry): string {
  const prompt = entry.prompt.trim();
  if (prompt) return prompt;
  if (entry.kind === 'upload') return entry.fileName || 'Uploaded image';
  return entry.kind === 'variation' ? 'Variation' : 'Untitled image';
}

/** What a screen reader hears for a tile: the prompt, then what kind of image it is. */
export function entryLabel(entry: GalleryEntry): string {
  const title = entryTitle(entry);
  const short = title.length > 120 ? `${title.slice(0, 117)}…` : title;
  const favourite = entry.favourite ? ', favourite' : '';
  // An upload was made by no model: "holiday.jpg (uploaded)".
  const model = entry.kind === 'upload' ? '' : `, ${modelLabel(entry.model)}`;
  return `${short} (${KIND_LABEL[entry.kind].toLowerCase()}${model}${favourite})`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatDateTime = (ms: number) => dateTime.format(ms);

export const formatDuration = (ms: number) =>
  ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

export const FORMAT_LABEL: Record<string, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
};
