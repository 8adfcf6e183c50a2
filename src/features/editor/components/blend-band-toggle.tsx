import { Switch } from 'radix-ui';
import { isGptImage } from '../../../api/model-lookup.ts';
import { useEditModel } from '../edit/edit-model.ts';
import { useEditResultsStore } from '../edit/edit-results-store.ts';
import { useBlendPreviewStore } from '../mask/overlay/blend-preview.ts';

/**
 * "Show blend band" (in Refine mask): shows on the stage where soft compose will fade the
 * edit into the picture, and says with which Grow and Feather, or why there is no band.
 */
export function BlendBandToggle() {
  const { show, band, error, setShow } = useBlendPreviewStore();
  const keepUnpainted = useEditResultsStore((s) => s.keepUnpainted);
  const mode = useEditResultsStore((s) => s.composeMode);
  const guided = isGptImage(useEditModel());

  let note: string;
  if (!guided) note = 'This model keeps every unpainted pixel itself: there is nothing to blend.';
  else if (!keepUnpainted)
    note = 'Keep unpainted pixels is off: the model’s whole picture is kept.';
  else if (!show) note = 'Where Apply edit fades the new pixels into your picture.';
  else if (error) note = error;
  else if (!band) note = 'Paint the area to change to see its band.';
  else if (mode === 'hard')
    note = `Grown by ${band.grow} px, pasted with a hard edge (Hard is chosen in Compare).`;
  else
    note = `Grown by ${band.grow} px and faded over the outer ${Math.round(band.feather)} px, from the painted area’s size. Compare can change both.`;

  return (
    <>
      <label className="editor-switch">
        <Switch.Root
          className="editor-switch__root"
          checked={show}
          onCheckedChange={setShow}
          disabled={!guided || !keepUnpainted}
        >
          <Switch.Thumb className="editor-switch__thumb" />
        </Switch.Root>
        Show blend band
      </label>
      <p className="popover-panel__hint" role="status">
        {note}
      </p>
    </>
  );
}
