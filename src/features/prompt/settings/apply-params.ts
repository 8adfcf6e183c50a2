/**
 * Reads request parameters (a result's, a gallery entry's) back into a draft: the inverse of
 * toImageParams. Unknown models and values the model does not take fall back to defaults,
 * with a sentence saying so.
 */
import { STUDIO_DEFAULT_MODEL } from '../../../api/models.ts';
import { parseSize } from '../../../api/image-size.ts';
import { getModel, rulesFor } from '../../../api/model-lookup.ts';
import type { ModelId } from '../../../api/model-types.ts';
import type { ImageParams } from '../../../api/params.ts';
import {
  CUSTOM_SIZE,
  defaultSettings,
  fitSettings,
  rulesOf,
  type Draft,
  type DraftOperation,
  type DraftSettings,
} from './draft-settings.ts';

export type ReusableParams = ImageParams;

export function draftFromParams(
  operation: DraftOperation,
  params: ReusableParams,
  current: Draft,
): { draft: Draft; notes: string[] } {
  const notes: string[] = [];
  const named = typeof params.model === 'string' && params.model ? getModel(params.model) : null;
  let model: ModelId = named?.id ?? current.model;
  let custom = false;
  if (named && !named.operations[operation]) {
    notes.push(
      `${named.label} cannot ${operation === 'edit' ? 'edit images' : 'generate'}; kept the current model.`,
    );
    model = current.model;
    custom = current.custom === true;
  } else if (named?.assumed) {
    // An id Easel does not know (a newer model, an imported entry): usable, the provider judges.
    notes.push(
      `${named.id} is not in Easel's model table: ${getModel(named.rulesFrom).label}'s rules assumed.`,
    );
    custom = true;
  } else if (!named) {
    custom = current.custom === true;
  }
  if (!rulesFor(model, operation)) model = STUDIO_DEFAULT_MODEL;

  const base = defaultSettings(operation, model);
  const settings: DraftSettings = { ...base, user: current.settings.user };
  const str = (key: string) =>
    typeof params[key as keyof typeof params] === 'string'
      ? String(params[key as keyof typeof params])
      : undefined;
  const num = (key: string) => {
    const v = params[key as keyof typeof params];
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
    return Number.isFinite(n) ? n : undefined;
  };
  settings.n = num('n') ?? base.n;
  const size = str('size');
  if (size) {
    const rules = rulesOf(operation, model);
    const dims = parseSize(size);
    if (rules.sizes.includes(size)) settings.size = size;
    else if (rules.customSize && dims) {
      settings.size = CUSTOM_SIZE;
      settings.customWidth = dims.width;
      settings.customHeight = dims.height;
    }
  }
  for (const key of [
    'quality',
    'style',
    'response_format',
    'output_format',
    'background',
    'moderation',
    'input_fidelity',
  ] as const) {
    // Stored entries may predate today's table: fitSettings below checks each value.
    const v = str(key);
    if (v) (settings as Record<typeof key, string>)[key] = v;
  }
  settings.output_compression = num('output_compression') ?? base.output_compression;
  const stream: unknown = params.stream;
  settings.stream = stream === true || stream === 'true';
  settings.partial_images = num('partial_images') ?? base.partial_images;
  if (str('user')) settings.user = str('user')!;

  const fitted = fitSettings(operation, model, settings);
  const prompt =
    typeof params.prompt === 'string' && params.prompt ? params.prompt : current.prompt;
  return { draft: { prompt, model, ...(custom ? { custom: true } : {}), settings: fitted }, notes };
}
