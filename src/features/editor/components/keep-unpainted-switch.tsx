import { Switch } from 'radix-ui';
import { useId } from 'react';
import { useEditResultsStore } from '../edit/edit-results-store.ts';

/** GPT image models may repaint outside the mask; this puts the original back there. */
export function KeepUnpaintedSwitch() {
  const keep = useEditResultsStore((s) => s.keepUnpainted);
  const hint = useId();
  return (
    <div className="edit-option">
      <label className="editor-switch">
        <Switch.Root
          className="editor-switch__root"
          checked={keep}
          onCheckedChange={(on) => useEditResultsStore.getState().setKeepUnpainted(on)}
          aria-describedby={hint}
        >
          <Switch.Thumb className="editor-switch__thumb" />
        </Switch.Root>
        Keep unpainted pixels
      </label>
      <p className="edit-option__hint" id={hint}>
        GPT image models treat the mask as a guide and redraw the rest too. Easel blends your
        original back in everywhere you did not paint; Compare shows how, and can change it.
      </p>
    </div>
  );
}
