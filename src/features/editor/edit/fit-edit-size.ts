import { parseSize, isSizeAllowed } from '../../../api/image-size.ts';
import { isGptImage, rulesFor } from '../../../api/model-lookup.ts';
import { useDraftStore } from '../../prompt/draft-store.ts';

/**
 * An image opened for editing gets an output size of its own shape: a fixed size of another
 * shape (the 1024×1024 default for a 1600×1000 photo) would squash the result, and pressing
 * Apply without reading the note must not do that. GPT image models take "auto", which keeps
 * the image's proportions; a size of the right shape is left as the designer chose it.
 */
export function fitEditSizeToImage(width: number, height: number): void {
  const { drafts, updateSettings } = useDraftStore.getState();
  const { model, settings } = drafts.edit;
  const rules = rulesFor(model, 'edit');
  if (!rules || !isGptImage(model) || !isSizeAllowed(rules, 'auto')) return;
  const out = parseSize(settings.size);
  if (!out || Math.abs(out.width / out.height - width / height) < 0.05) return;
  updateSettings('edit', { size: 'auto' });
}
