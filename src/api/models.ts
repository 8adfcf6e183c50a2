/**
 * The model table: every rule Easel knows about each Images API model, in one place — what it
 * accepts per operation, its dated lifecycle per provider, and its price.
 *
 * The settings form renders its choices from it, the browser validates requests with it, the
 * local engine (server/) validates and answers with the very same module, and costs come from
 * its prices, so a rule changed here changes everywhere. A new model is one entry in MODELS;
 * a model the table does not know yet follows its family's rules (model-lookup.ts).
 *
 * Sources: ../shared/spec/openai-images-openapi.yaml, images-api-notes.md §1 and
 * models-2026-12.md (lifecycles, GPT Image 2.5, prices; each entry names its source).
 * This module is pure data: no DOM, no Node, no I/O.
 */
import type {
  CustomSizeRule,
  ImageModel,
  InputImageRule,
  IsoDate,
  Lifecycle,
  MaskRule,
  ModelId,
  ModelPrice,
  Operation,
  OperationRules,
  OutputTokens,
  Quality,
  TokenRates,
} from './model-types.ts';

const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------
// Shared pieces

const DALL_E_2_SIZES = ['256x256', '512x512', '1024x1024'] as const;
const GPT_SIZES = ['auto', '1024x1024', '1536x1024', '1024x1536'] as const;
const GPT_QUALITIES = ['auto', 'low', 'medium', 'high'] as const;
/** GPT Image 2.5 adds two tiers above high; gpt-image-2 answers 400 to them. */
const GPT_2_5_QUALITIES = ['auto', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
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

// ---------------------------------------------------------------------------------------
// Prices (models-2026-12.md "Prices"; read from that file on this date)

const PRICES_READ: IsoDate = '2026-12-04';

/** OpenAI's published output tokens per image for the GPT Image 1 generation. */
const GPT_1_TOKENS: OutputTokens = {
  square: { low: 272, medium: 1056, high: 4160 },
  oblong: { low: 408, medium: 1584, high: 6240 },
};
/**
 * gpt-image-2's per-image prices ($0.006 / $0.053 / $0.211 at 1024², $0.005 / $0.041 / $0.165
 * at 1024×1536) divided by its $30 per 1M output rate.
 */
const GPT_2_TOKENS: OutputTokens = {
  square: { low: 200, medium: 1767, high: 7033 },
  oblong: { low: 167, medium: 1367, high: 5500 },
};
/**
 * GPT Image 2.5: low..high as gpt-image-2 (same rate, same sizes). No figure for xhigh and max
 * has been published in our sources: 1.5× and 2× high are Easel's assumption, and the
 * provider's `usage` replaces the estimate once an image is made.
 */
const GPT_2_5_TOKENS: OutputTokens = {
  square: { ...GPT_2_TOKENS.square, xhigh: 10_550, max: 14_066 },
  oblong: { ...GPT_2_TOKENS.oblong, xhigh: 8250, max: 11_000 },
};

const tokenPrice = (rates: TokenRates, outputTokens: OutputTokens, source: string): ModelPrice => ({
  unit: 'tokens',
  rates,
  outputTokens,
  read: PRICES_READ,
  source,
});

const GPT_2_RATES: TokenRates = {
  textIn: 5,
  textInCached: 1.25,
  imageIn: 8,
  imageInCached: 2,
  imageOut: 30,
};
const GPT_1_5_RATES: TokenRates = { textIn: 5, imageIn: 8, imageInCached: 2, imageOut: 32 };

// ---------------------------------------------------------------------------------------
// Lifecycles on OpenAI (models-2026-12.md "Lifecycle on OpenAI")

const DALL_E_NOTICE = { date: '2025-11-14', source: 'AndraxDev/speak-gpt#158' } as const;
const DALL_E_SHUTDOWN = { date: '2026-05-12', source: 'openai-python PR #3919' } as const;
const GPT_1_GEN_NOTICE = {
  date: '2026-06-02',
  source: 'developers.openai.com/api/docs/deprecations#2026-06-02-gpt-image-model-deprecations',
} as const;
const GPT_1_GEN_SHUTDOWN = {
  date: '2026-12-01',
  source: 'diillson/chatcli#1365; vm0-ai/vm0#28147',
} as const;
const retiresDecember = (successor: ModelId): Lifecycle => ({
  deprecated: GPT_1_GEN_NOTICE,
  shutdown: GPT_1_GEN_SHUTDOWN,
  successor,
});

// ---------------------------------------------------------------------------------------
// Entries

interface GptImageOptions {
  released: IsoDate;
  lifecycle?: ImageModel['lifecycle'];
  price: ModelPrice;
  qualities?: readonly Quality[];
  inputFidelity: boolean;
  customSize?: CustomSizeRule;
  aliases?: readonly string[];
  transparentPreview?: boolean;
}

function gptImageModel(
  id: ModelId,
  label: string,
  blurb: string,
  opts: GptImageOptions,
): ImageModel {
  const common = {
    promptMax: 32_000,
    nMax: 10,
    qualities: opts.qualities ?? GPT_QUALITIES,
    defaultQuality: 'auto' as const,
    outputFormats: ['png', 'jpeg', 'webp'] as const,
    compressibleFormats: ['jpeg', 'webp'] as const,
    backgrounds: ['auto', 'transparent', 'opaque'] as const,
    transparentFormats: ['png', 'webp'] as const,
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
    released: opts.released,
    lifecycle: opts.lifecycle ?? {},
    price: opts.price,
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

const GPT_2_5 = {
  released: '2026-09-08',
  price: tokenPrice(GPT_2_RATES, GPT_2_5_TOKENS, 'theopenco/llmgateway#3985'),
  qualities: GPT_2_5_QUALITIES,
  inputFidelity: false, // not supported on 2.5 (models-2026-12.md)
  customSize: GPT_IMAGE_2_SIZE_RULE,
} as const;

export const MODELS: readonly ImageModel[] = [
  gptImageModel('gpt-image-2.5-flare', 'GPT Image 2.5 Flare', 'Fast, everyday; any size to 4K.', {
    ...GPT_2_5,
    aliases: ['gpt-image-2.5', 'gpt-image-2.5-flare-2026-09-08'],
  }),
  gptImageModel(
    'gpt-image-2.5-sunburst',
    'GPT Image 2.5 Sunburst',
    'Precision and fine detail; slower at max.',
    { ...GPT_2_5, aliases: ['gpt-image-2.5-sunburst-2026-09-08'] },
  ),
  gptImageModel('gpt-image-2', 'GPT Image 2', 'Any size up to 4K; low to high quality.', {
    released: '2026-04-21',
    price: tokenPrice(GPT_2_RATES, GPT_2_TOKENS, 'OpenAI pricing as quoted by several gateways'),
    inputFidelity: false, // reported to reject input_fidelity (images-api-notes.md §1)
    customSize: GPT_IMAGE_2_SIZE_RULE,
    aliases: ['gpt-image-2-2026-04-21'],
    transparentPreview: true, // a preview since 2026-08-20 (openai-python PR #3703)
  }),
  gptImageModel('gpt-image-1.5', 'GPT Image 1.5', 'Strong prompt following and edits.', {
    released: '2025-12-16',
    lifecycle: {
      openai: retiresDecember('gpt-image-2.5-flare'),
      azure: {
        deprecated: { date: '2026-06-02', source: 'MicrosoftDocs/azure-ai-docs#833' },
        shutdown: { date: '2026-12-16', source: 'MicrosoftDocs/azure-ai-docs#833' },
      },
    },
    price: tokenPrice(GPT_1_5_RATES, GPT_1_TOKENS, 'simonw/llm-prices#41'),
    inputFidelity: true,
  }),
  gptImageModel('chatgpt-image-latest', 'ChatGPT Image (latest)', 'The image model of ChatGPT.', {
    released: '2025-12-16',
    lifecycle: { openai: retiresDecember('gpt-image-2.5-flare') },
    // No price of its own in our sources: GPT Image 1.5's, which it tracked.
    price: tokenPrice(GPT_1_5_RATES, GPT_1_TOKENS, 'assumed equal to gpt-image-1.5'),
    inputFidelity: true,
  }),
  gptImageModel('gpt-image-1-mini', 'GPT Image 1 mini', 'Faster and cheaper GPT images.', {
    released: '2025-10-06',
    lifecycle: { openai: retiresDecember('gpt-image-2.5-flare') },
    price: tokenPrice(
      { textIn: 2, textInCached: 0.2, imageIn: 2.5, imageInCached: 0.25, imageOut: 8 },
      GPT_1_TOKENS,
      'developers.openai.com/api/docs/models/gpt-image-1-mini',
    ),
    inputFidelity: false, // spec: input_fidelity is "unsupported for gpt-image-1-mini"
  }),
  gptImageModel('gpt-image-1', 'GPT Image 1', 'The first GPT image model.', {
    released: '2025-04-23',
    lifecycle: {
      openai: {
        shutdown: {
          date: '2026-10-23',
          source: 'developers.openai.com/api/docs/models/gpt-image-1',
        },
        successor: 'gpt-image-2.5-sunburst', // OpenAI's own recommendation
      },
    },
    price: tokenPrice(
      { textIn: 5, textInCached: 1.25, imageIn: 10, imageInCached: 2.5, imageOut: 40 },
      GPT_1_TOKENS,
      'developers.openai.com/api/docs/models/gpt-image-1',
    ),
    inputFidelity: true,
  }),
  {
    id: 'dall-e-3',
    label: 'DALL·E 3',
    family: 'dall-e',
    blurb: 'One image per request, vivid or natural style.',
    aliases: [],
    released: '2023-11-06',
    lifecycle: {
      openai: { deprecated: DALL_E_NOTICE, shutdown: DALL_E_SHUTDOWN, successor: 'gpt-image-1' },
    },
    price: {
      unit: 'image',
      perImage: {
        standard: { '1024x1024': 0.04, '1792x1024': 0.08, '1024x1792': 0.08 },
        hd: { '1024x1024': 0.08, '1792x1024': 0.12, '1024x1792': 0.12 },
      },
      read: PRICES_READ,
      source: 'OpenAI pricing (historic)',
    },
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
    released: '2022-11-03',
    lifecycle: {
      openai: {
        deprecated: DALL_E_NOTICE,
        shutdown: DALL_E_SHUTDOWN,
        successor: 'gpt-image-1-mini',
      },
    },
    price: {
      unit: 'image',
      perImage: { standard: { '256x256': 0.016, '512x512': 0.018, '1024x1024': 0.02 } },
      read: PRICES_READ,
      source: 'OpenAI pricing (historic)',
    },
    operations: {
      generate: { promptMax: 1000, ...DALL_E_2_OUTPUT },
      edit: { promptMax: 1000, ...DALL_E_2_OUTPUT, images: DALL_E_2_IMAGE, mask: PNG_MASK },
      variation: { promptMax: null, ...DALL_E_2_OUTPUT, images: DALL_E_2_IMAGE },
    },
  },
];

/** The model the API assumes when a request names none (spec defaults per operation). */
export const API_DEFAULT_MODEL: Record<Operation, ModelId> = {
  generate: 'dall-e-2',
  edit: 'gpt-image-1.5',
  variation: 'dall-e-2',
};

/**
 * The model a new designer starts with, on every provider: GPT Image 2.5 Flare is live on
 * OpenAI, costs the same per token as gpt-image-2, is the fast everyday tier (Sunburst is
 * slower), and its transparent backgrounds are no longer a preview. The local engine starts on
 * it too, so switching to OpenAI later keeps working.
 */
export const STUDIO_DEFAULT_MODEL: ModelId = 'gpt-image-2.5-flare';

/** The table's entry for this id or alias; undefined for ids the table does not know. */
export function findModel(idOrAlias: string): ImageModel | undefined {
  return MODELS.find((m) => m.id === idOrAlias || m.aliases.includes(idOrAlias));
}
