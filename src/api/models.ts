/**
 * The model table: every rule Easel knows about each Images API model, in one place.
 *
 * The settings form renders its choices from it, the browser validates drafts with it, and
 * the local engine (server/) validates incoming requests with the very same module, so a
 * rule changed here changes everywhere. A new model is one entry in MODELS.
 *
 * Source: ../shared/spec/openai-images-openapi.yaml and images-api-notes.md (section 1).
 * This module is pure data and pure functions: no DOM, no Node, no I/O.
 */

export type Operation = 'generate' | 'edit' | 'variation';
export type ModelFamily = 'dall-e' | 'gpt-image';
export type ModelId =
  'dall-e-2' | 'dall-e-3' | 'gpt-image-1' | 'gpt-image-1-mini' | 'gpt-image-1.5' | 'gpt-image-2';

export type Quality = 'standard' | 'hd' | 'low' | 'medium' | 'high' | 'auto';
export type Style = 'vivid' | 'natural';
export type ResponseFormat = 'url' | 'b64_json';
export type OutputFormat = 'png' | 'jpeg' | 'webp';
export type Background = 'auto' | 'transparent' | 'opaque';
export type Moderation = 'auto' | 'low';
export type InputFidelity = 'low' | 'high';
export type ImageFileFormat = 'png' | 'jpeg' | 'webp';

const MB = 1024 * 1024;

/** gpt-image-2's free WxH rule (spec: CreateImageRequest.size). */
export interface CustomSizeRule {
  /** Width and height must both be multiples of this. */
  multiple: number;
  /** Longest edge ratio: long/short must be <= this (1:3 .. 3:1). */
  maxAspect: number;
  /** Longest edge in pixels ("the maximum supported resolution is 3840x2160"). */
  maxEdge: number;
  /** Pixel budget: 3840 * 2160. */
  maxPixels: number;
  /** Pixel floor the provider enforces (reported as 655,360 = 1024x640). */
  minPixels: number;
  /** Above this many pixels (2560x1440) the spec calls the size experimental. */
  experimentalAbovePixels: number;
}

export interface InputImageRule {
  /** How many input images the operation takes (image[] for GPT image models). */
  maxCount: number;
  /** Each file must be strictly smaller than this ("less than 4MB"). */
  maxBytes: number;
  formats: readonly ImageFileFormat[];
  /** dall-e-2 takes square images only. */
  square: boolean;
}

export interface MaskRule {
  maxBytes: number;
  /** The mask must have the first image's exact pixel size. */
  sameSizeAsImage: true;
}

/** What one model accepts for one operation. Absent fields mean "not supported". */
export interface OperationRules {
  /** Max prompt length in characters; null when the operation takes no prompt. */
  promptMax: number | null;
  nMax: number;
  /** The fixed size choices, 'auto' included where the model sizes automatically. */
  sizes: readonly string[];
  /** The size the API uses when none is sent. */
  defaultSize: string;
  /** Free WxH sizes besides `sizes` (gpt-image-2). */
  customSize?: CustomSizeRule;
  qualities: readonly Quality[];
  defaultQuality: Quality;
  styles?: readonly Style[];
  defaultStyle?: Style;
  responseFormats?: readonly ResponseFormat[];
  defaultResponseFormat?: ResponseFormat;
  outputFormats?: readonly OutputFormat[];
  backgrounds?: readonly Background[];
  /** Background choices the provider still calls a preview (results may be rough). */
  previewBackgrounds?: readonly Background[];
  moderation?: readonly Moderation[];
  /** Max partial_images when streaming is supported. */
  partialImagesMax?: number;
  inputFidelity?: readonly InputFidelity[];
  images?: InputImageRule;
  mask?: MaskRule;
}

export interface ImageModel {
  id: ModelId;
  label: string;
  family: ModelFamily;
  /** One line a designer reads in the model picker. */
  blurb: string;
  /** Dated snapshots and other names that resolve to this entry. */
  aliases: readonly string[];
  /** OpenAI no longer serves it (compatible providers and the engine still do). */
  retiredOnOpenAI: boolean;
  operations: Partial<Record<Operation, OperationRules>>;
}

// ---------------------------------------------------------------------------------------
// Shared pieces

const DALL_E_2_SIZES = ['256x256', '512x512', '1024x1024'] as const;
const GPT_SIZES = ['auto', '1024x1024', '1536x1024', '1024x1536'] as const;
const GPT_QUALITIES = ['auto', 'low', 'medium', 'high'] as const;
const OUTPUT_FORMATS = ['png', 'jpeg', 'webp'] as const;
const BACKGROUNDS = ['auto', 'transparent', 'opaque'] as const;
const URL_OR_B64 = ['url', 'b64_json'] as const;

/** What DALL·E 2 makes, the same for generations, edits and variations. */
const DALL_E_2_OUTPUT = {
  nMax: 10,
  sizes: DALL_E_2_SIZES,
  defaultSize: '1024x1024',
  qualities: ['standard'],
  defaultQuality: 'standard',
  responseFormats: URL_OR_B64,
  defaultResponseFormat: 'url',
} satisfies Partial<OperationRules>;

const DALL_E_2_IMAGE: InputImageRule = {
  maxCount: 1,
  maxBytes: 4 * MB,
  formats: ['png'],
  square: true,
};
const GPT_IMAGES: InputImageRule = {
  maxCount: 16,
  maxBytes: 50 * MB,
  formats: ['png', 'webp', 'jpeg'],
  square: false,
};
const PNG_MASK: MaskRule = { maxBytes: 4 * MB, sameSizeAsImage: true };

export const GPT_IMAGE_2_SIZE_RULE: CustomSizeRule = {
  multiple: 16,
  maxAspect: 3,
  maxEdge: 3840,
  maxPixels: 3840 * 2160,
  minPixels: 655_360,
  experimentalAbovePixels: 2560 * 1440,
};

function gptImageModel(
  id: ModelId,
  label: string,
  blurb: string,
  opts: {
    inputFidelity: boolean;
    customSize?: CustomSizeRule;
    aliases?: readonly string[];
    transparentPreview?: boolean;
  },
): ImageModel {
  const common = {
    promptMax: 32_000,
    nMax: 10,
    qualities: GPT_QUALITIES,
    defaultQuality: 'auto' as const,
    outputFormats: OUTPUT_FORMATS,
    backgrounds: BACKGROUNDS,
    partialImagesMax: 3,
    ...(opts.customSize ? { customSize: opts.customSize } : {}),
    ...(opts.transparentPreview ? { previewBackgrounds: ['transparent'] as const } : {}),
  };
  return {
    id,
    label,
    family: 'gpt-image',
    blurb,
    aliases: opts.aliases ?? [],
    retiredOnOpenAI: false,
    operations: {
      generate: { ...common, sizes: GPT_SIZES, defaultSize: 'auto', moderation: ['auto', 'low'] },
      // Multipart edits: the spec's default size is 1024x1024, and `moderation` is not part
      // of the multipart edit schema (only of JSON edits).
      edit: {
        ...common,
        sizes: GPT_SIZES,
        defaultSize: '1024x1024',
        images: GPT_IMAGES,
        mask: PNG_MASK,
        ...(opts.inputFidelity ? { inputFidelity: ['low', 'high'] as const } : {}),
      },
    },
  };
}

// ---------------------------------------------------------------------------------------
// The table

export const MODELS: readonly ImageModel[] = [
  gptImageModel('gpt-image-2', 'GPT Image 2', 'Newest GPT image model; any size up to 4K.', {
    inputFidelity: false, // reported to reject input_fidelity (images-api-notes.md §1)
    customSize: GPT_IMAGE_2_SIZE_RULE,
    aliases: ['gpt-image-2-2026-04-21'],
    transparentPreview: true, // images-api-notes.md: transparent is "preview" for gpt-image-2*
  }),
  gptImageModel('gpt-image-1.5', 'GPT Image 1.5', 'Strong prompt following and edits.', {
    inputFidelity: true,
  }),
  gptImageModel('gpt-image-1', 'GPT Image 1', 'The first GPT image model.', {
    inputFidelity: true,
  }),
  gptImageModel('gpt-image-1-mini', 'GPT Image 1 mini', 'Faster and cheaper GPT images.', {
    inputFidelity: false, // spec: input_fidelity is "unsupported for gpt-image-1-mini"
  }),
  {
    id: 'dall-e-3',
    label: 'DALL·E 3',
    family: 'dall-e',
    blurb: 'One image per request, vivid or natural style.',
    aliases: [],
    retiredOnOpenAI: true,
    operations: {
      generate: {
        promptMax: 4000,
        nMax: 1,
        sizes: ['1024x1024', '1792x1024', '1024x1792'],
        defaultSize: '1024x1024',
        qualities: ['standard', 'hd'],
        defaultQuality: 'standard',
        styles: ['vivid', 'natural'],
        defaultStyle: 'vivid',
        responseFormats: URL_OR_B64,
        defaultResponseFormat: 'url',
      },
    },
  },
  {
    id: 'dall-e-2',
    label: 'DALL·E 2',
    family: 'dall-e',
    blurb: 'Small square images, masked edits and variations.',
    aliases: [],
    retiredOnOpenAI: true,
    operations: {
      generate: {
        promptMax: 1000,
        ...DALL_E_2_OUTPUT,
      },
      edit: {
        promptMax: 1000,
        ...DALL_E_2_OUTPUT,
        images: DALL_E_2_IMAGE,
        mask: PNG_MASK,
      },
      variation: {
        promptMax: null,
        ...DALL_E_2_OUTPUT,
        images: DALL_E_2_IMAGE,
      },
    },
  },
];

/** The model the API assumes when a request names none (spec defaults per operation). */
export const API_DEFAULT_MODEL: Record<Operation, ModelId> = {
  generate: 'dall-e-2',
  edit: 'gpt-image-1.5',
  variation: 'dall-e-2',
};

/** The model a new designer starts with. */
export const STUDIO_DEFAULT_MODEL: ModelId = 'gpt-image-1.5';

// ---------------------------------------------------------------------------------------
// Lookups

export function findModel(idOrAlias: string): ImageModel | undefined {
  return MODELS.find((m) => m.id === idOrAlias || m.aliases.includes(idOrAlias));
}

export function getModel(id: ModelId): ImageModel {
  const model = findModel(id);
  if (!model) throw new Error(`Unknown model ${id}`);
  return model;
}

export function rulesFor(model: ModelId, operation: Operation): OperationRules | undefined {
  return getModel(model).operations[operation];
}

export function modelsFor(operation: Operation): ImageModel[] {
  return MODELS.filter((m) => m.operations[operation] !== undefined);
}

export function isGptImage(model: ModelId): boolean {
  return getModel(model).family === 'gpt-image';
}

// ---------------------------------------------------------------------------------------
// Sizes

export interface Dimensions {
  width: number;
  height: number;
}

/** "1536x864" → {width: 1536, height: 864}; anything else → null. */
export function parseSize(size: string): Dimensions | null {
  const match = /^([1-9]\d{0,5})x([1-9]\d{0,5})$/.exec(size);
  if (!match) return null;
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** Why a free WxH size breaks the rule, or null when it is fine. */
export function checkCustomSize(size: Dimensions, rule: CustomSizeRule): string | null {
  const { width, height } = size;
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (width % rule.multiple !== 0 || height % rule.multiple !== 0) {
    return `Width and height must both be multiples of ${rule.multiple}.`;
  }
  if (long / short > rule.maxAspect) {
    return `The aspect ratio must be between 1:${rule.maxAspect} and ${rule.maxAspect}:1.`;
  }
  if (long > rule.maxEdge) return `The longest edge can be at most ${rule.maxEdge} pixels.`;
  if (width * height > rule.maxPixels) {
    return `At most ${rule.maxPixels.toLocaleString('en-US')} pixels (3840x2160).`;
  }
  if (width * height < rule.minPixels) {
    return `At least ${rule.minPixels.toLocaleString('en-US')} pixels (for example 1024x640).`;
  }
  return null;
}

/** True when the size is one the model takes for this operation (fixed or free WxH). */
export function isSizeAllowed(rules: OperationRules, size: string): boolean {
  if (rules.sizes.includes(size)) return true;
  if (!rules.customSize) return false;
  const dims = parseSize(size);
  return dims !== null && checkCustomSize(dims, rules.customSize) === null;
}

/** Sizes above 2560x1440 on gpt-image-2 work but the spec calls them experimental. */
export function isExperimentalSize(rules: OperationRules, size: string): boolean {
  const dims = parseSize(size);
  if (!rules.customSize || !dims) return false;
  return dims.width * dims.height > rules.customSize.experimentalAbovePixels;
}
