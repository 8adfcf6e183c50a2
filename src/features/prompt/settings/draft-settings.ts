/**
 * The settings form's values and the rules that keep them valid for the chosen model.
 *
 * Every setting keeps a value even while the current model does not use it (switching
 * DALL·E 3 → GPT Image → DALL·E 3 brings the chosen style back); `toImageParams` sends only
 * what the model takes. When a model change or a choice makes a value invalid, it is reset
 * to the model's default and the change is described in words, so the user knows what
 * changed and why. All rules come from the model table.
 */
import { getModel, rulesFor } from '../../../api/model-lookup.ts';
import { isSizeAllowed } from '../../../api/image-size.ts';
import { snapSize } from '../../../api/size-snap.ts';
import type { ModelId, OperationRules } from '../../../api/model-types.ts';
import type { ImageParams } from '../../../api/params.ts';
import { settingLabel } from '../../../api/params.ts';

export type DraftOperation = 'generate' | 'edit';

export const CUSTOM_SIZE = 'custom';

/** The settings the form edits: the request's own parameters, every one with a value. */
type FormParams = Required<Omit<ImageParams, 'model' | 'prompt'>>;

export type DraftSettings = FormParams & {
  /** A size from the table, or CUSTOM_SIZE for the free WxH of gpt-image-2 and later. */
  size: string;
  customWidth: number;
  customHeight: number;
};

export interface Draft {
  prompt: string;
  model: ModelId;
  /** The id the provider serves this model under, when it differs (Azure, compatible). */
  servedModel?: string;
  /** The user typed this id (or reused one Easel does not know): kept on every provider. */
  custom?: true;
  /** The user picked this model although it is retired on the provider: not moved. */
  keepRetired?: true;
  settings: DraftSettings;
}

export function rulesOf(operation: DraftOperation, model: ModelId): OperationRules {
  const rules = rulesFor(model, operation);
  if (!rules) throw new Error(`${model} does not support ${operation}`);
  return rules;
}

export function defaultSettings(operation: DraftOperation, model: ModelId): DraftSettings {
  const rules = rulesOf(operation, model);
  return {
    n: 1,
    size: draftSize(operation, rules),
    customWidth: 2048,
    customHeight: 1152,
    quality: rules.defaultQuality,
    style: rules.defaultStyle ?? 'vivid',
    // Image data rather than links: links expire after an hour and their hosts often refuse
    // the browser's download (no CORS), while b64_json always arrives as bytes.
    response_format: 'b64_json',
    output_format: 'png',
    output_compression: 100,
    background: 'auto',
    moderation: 'auto',
    stream: false,
    partial_images: 2,
    input_fidelity: 'low',
    user: '',
  };
}

/**
 * The size a fresh draft asks for. The table's default is the API's (multipart edits:
 * 1024x1024, used when a request names none), but the studio always names one: an edit of a
 * non-square image at 1024x1024 would be stretched back onto it, while `auto` keeps the
 * image's shape. A size the designer picks stays as picked.
 */
function draftSize(operation: DraftOperation, rules: OperationRules): string {
  return operation === 'edit' && rules.sizes.includes('auto') ? 'auto' : rules.defaultSize;
}

/**
 * The size to send: the chosen one, or WxH from the custom fields — moved to the nearest
 * size the model takes when the typed one breaks its rule (the field says so).
 */
export function effectiveSize(settings: DraftSettings, rules?: OperationRules): string {
  if (settings.size !== CUSTOM_SIZE) return settings.size;
  const typed = { width: settings.customWidth, height: settings.customHeight };
  const size = (rules?.customSize && snapSize(typed, rules.customSize)) || typed;
  return `${size.width}x${size.height}`;
}

/** The request parameters for this draft: only what the model takes for this operation. */
export function toImageParams(operation: DraftOperation, draft: Draft): ImageParams {
  const rules = rulesOf(operation, draft.model);
  const s = draft.settings;
  const params: ImageParams = {
    model: draft.model,
    prompt: draft.prompt,
    n: s.n,
    size: effectiveSize(s, rules),
    quality: s.quality,
  };
  if (rules.styles) params.style = s.style;
  if (rules.responseFormats) params.response_format = s.response_format;
  if (rules.outputFormats) {
    params.output_format = s.output_format;
    if (s.output_format !== 'png') params.output_compression = s.output_compression;
  }
  if (rules.backgrounds) params.background = s.background;
  if (rules.moderation) params.moderation = s.moderation;
  if (rules.partialImagesMax !== undefined && s.stream) {
    params.stream = true;
    params.partial_images = Math.min(s.partial_images, rules.partialImagesMax);
  }
  if (rules.inputFidelity) params.input_fidelity = s.input_fidelity;
  if (s.user.trim()) params.user = s.user.trim();
  return params;
}

/** Makes every setting valid for the model; each reset comes back as one sentence. */
export function fitSettings(
  operation: DraftOperation,
  model: ModelId,
  settings: DraftSettings,
): DraftSettings {
  const rules = rulesOf(operation, model);
  const defaults = defaultSettings(operation, model);
  const s = { ...settings };
  if (s.n > rules.nMax || s.n < 1) s.n = Math.min(Math.max(1, s.n), rules.nMax);
  if (s.size === CUSTOM_SIZE ? !rules.customSize : !isSizeAllowed(rules, s.size)) {
    s.size = defaults.size;
  }
  if (!rules.qualities.includes(s.quality)) s.quality = defaults.quality;
  // A value the model has no list for is kept for the next model that takes it.
  const keep = <T>(value: T, allowed: readonly T[] | undefined, fallback: T) =>
    !allowed || allowed.includes(value) ? value : fallback;
  s.style = keep(s.style, rules.styles, defaults.style);
  s.response_format = keep(s.response_format, rules.responseFormats, defaults.response_format);
  s.output_format = keep(s.output_format, rules.outputFormats, defaults.output_format);
  s.background = keep(s.background, rules.backgrounds, defaults.background);
  s.moderation = keep(s.moderation, rules.moderation, defaults.moderation);
  s.input_fidelity = keep(s.input_fidelity, rules.inputFidelity, defaults.input_fidelity);
  if (rules.partialImagesMax !== undefined && s.partial_images > rules.partialImagesMax) {
    s.partial_images = rules.partialImagesMax;
  }
  // The table says which formats carry transparency (jpeg has no alpha channel).
  const carriers = rules.transparentFormats;
  if (s.background === 'transparent' && carriers && !carriers.includes(s.output_format)) {
    s.output_format = carriers[0]!;
  }
  return s;
}

/** A sentence on what the studio changed, and the field it is shown by (its label). */
export interface FieldNotice {
  field: string;
  text: string;
}

/**
 * What a model switch changed among the settings the user had chosen (values other than
 * the old model's defaults), in words: "Style (natural): GPT Image 1 has no style setting."
 * A setting the new model does not take has no field any more: that note goes by the Model.
 */
export function describeModelSwitch(
  operation: DraftOperation,
  from: Draft,
  to: Draft,
): FieldNotice[] {
  const before = toImageParams(operation, from);
  const after = toImageParams(operation, to);
  const oldDefaults = toImageParams(operation, {
    ...from,
    settings: { ...defaultSettings(operation, from.model), user: from.settings.user },
  });
  const label = getModel(to.model).label;
  const rules = rulesOf(operation, to.model);
  const changes: FieldNotice[] = [];
  for (const [key, value] of Object.entries(before) as [keyof ImageParams, unknown][]) {
    if (key === 'model' || key === 'prompt' || key === 'user') continue;
    const name = settingLabel(key);
    if (!(key in after)) {
      // partial_images only travels with stream, output_compression with output_format:
      // one sentence covers each pair.
      if (value === oldDefaults[key] || key === 'partial_images') continue;
      if (key === 'output_compression' && !('output_format' in after)) continue;
      const shown = typeof value === 'boolean' ? name : `${name} (${String(value)})`;
      changes.push({ field: 'Model', text: `${shown}: ${label} ${notTaken(key)}.` });
    } else if (after[key] !== value && value !== oldDefaults[key]) {
      const text = `${name}: ${String(value)} → ${String(after[key])}, ${why(key, rules, label)}.`;
      changes.push({ field: name, text });
    }
  }
  const promptMax = rules.promptMax;
  if (promptMax !== null && from.prompt.length > promptMax) {
    changes.push({
      field: 'Prompt',
      text:
        `Prompt: ${label} reads at most ${promptMax.toLocaleString('en-US')} characters; ` +
        `shorten it by ${(from.prompt.length - promptMax).toLocaleString('en-US')}.`,
    });
  }
  return changes;
}

function notTaken(key: string): string {
  switch (key) {
    case 'style':
      return 'has no style setting';
    case 'response_format':
      return 'always returns image data';
    case 'stream':
    case 'partial_images':
      return 'does not stream partial images';
    default:
      return `does not take ${settingLabel(key).toLowerCase()}`;
  }
}

function why(key: string, rules: OperationRules, label: string): string {
  switch (key) {
    case 'n':
      return rules.nMax === 1
        ? `${label} makes one image per request`
        : `${label} makes at most ${rules.nMax}`;
    case 'size':
      return `${label} offers ${rules.sizes.filter((s) => s !== 'auto').join(', ')}${rules.customSize ? ' or a custom size' : ''}`;
    case 'quality':
      return `${label} offers ${rules.qualities.join(', ')}`;
    default:
      return `not available on ${label}`;
  }
}
