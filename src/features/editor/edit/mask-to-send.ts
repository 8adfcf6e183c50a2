/**
 * The mask an edit sends, from the painted mask: as painted, or, for a GPT image model with
 * "Keep unpainted pixels" on, grown by the rim the blend uses (the model redraws it, and the
 * result is composed back onto the original over it). Apply edit sends it and Mask preview
 * shows it, so the two cannot differ.
 */
import { isGptImage } from '../../../api/model-lookup.ts';
import type { ModelId } from '../../../api/model-types.ts';
import type { ComposeMode, ComposeSettings } from '../../../lib/compose/compose-settings.ts';
import { composeWorker } from '../compose/compose-client.ts';
import type { ExportedMask } from '../mask/export-mask.ts';

export interface MaskToSend {
  png: Blob;
  /** Pixels the model may change (alpha 0) in `png`. */
  paintedPixels: number;
  /** The compose the result gets, when the mask was grown for it; null when sent as painted. */
  settings: ComposeSettings | null;
}

export async function maskToSend(
  exported: ExportedMask,
  model: ModelId,
  options: { keepUnpainted: boolean; composeMode: ComposeMode },
): Promise<MaskToSend> {
  const grown = isGptImage(model) && exported.paintedPixels > 0 && options.keepUnpainted;
  if (!grown) return { png: exported.png, paintedPixels: exported.paintedPixels, settings: null };
  return composeWorker().prepareMask(exported.png, options.composeMode);
}
