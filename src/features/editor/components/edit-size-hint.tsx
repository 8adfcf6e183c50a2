import { isGptImage } from '../../../api/model-lookup.ts';
import { parseSize } from '../../../api/image-size.ts';
import { useDraftStore } from '../../prompt/draft-store.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { useEffect } from 'react';
import { fitEditSizeToImage } from '../edit/fit-edit-size.ts';

/**
 * A fixed output size whose shape differs from the image's stretches the picture. Says so,
 * and offers "auto" (the model keeps the image's proportions) in one click.
 */
export function EditSizeHint() {
  const prepared = useSessionStore((s) => s.prepared);
  const model = useDraftStore((s) => s.drafts.edit.model);
  const size = useDraftStore((s) => s.drafts.edit.settings.size);
  // Each image opened starts at a size of its own shape (the note below covers a later change):
  // once per framing, not again when its upload's PNG arrives after a size was picked.
  const geometry = prepared?.geometry;
  useEffect(() => {
    if (geometry) fitEditSizeToImage(geometry.width, geometry.height);
  }, [geometry]);
  if (!prepared || !isGptImage(model)) return null;
  const out = parseSize(size);
  const { width, height } = prepared.geometry;
  if (!out || Math.abs(out.width / out.height - width / height) < 0.05) return null;
  return (
    <p className="edit-option__hint edit-size-hint" role="note">
      Size {out.width}×{out.height} has a different shape from your {width}×{height} image, so the
      result will be stretched back onto it.{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => useDraftStore.getState().updateSettings('edit', { size: 'auto' })}
      >
        Use size auto
      </button>
    </p>
  );
}
