/**
 * The shapes of the model table (models.ts): what one model accepts per operation, its dated
 * lifecycle per provider, and its price. Pure types and no values, so the table, the studio
 * and the engine all read the same words.
 */

export type Operation = 'generate' | 'edit' | 'variation';
export type ModelFamily = 'dall-e' | 'gpt-image';

/**
 * Any model id a provider may serve or a user may type: the table's ids and aliases, and ids
 * Easel does not know yet (their rules come from their family, see model-lookup.ts).
 */
export type ModelId = string;

export type Quality = 'standard' | 'hd' | 'low' | 'medium' | 'high' | 'xhigh' | 'max' | 'auto';
export type Style = 'vivid' | 'natural';
export type ResponseFormat = 'url' | 'b64_json';
export type OutputFormat = 'png' | 'jpeg' | 'webp';
export type Background = 'auto' | 'transparent' | 'opaque';
export type Moderation = 'auto' | 'low';
export type InputFidelity = 'low' | 'high';
export type ImageFileFormat = 'png' | 'jpeg' | 'webp';

/** A calendar day, `YYYY-MM-DD`, read as starting at 00:00 UTC. */
export type IsoDate = `${number}-${number}-${number}`;

export interface Dimensions {
  width: number;
  height: number;
}

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
  /** Free WxH sizes besides `sizes` (gpt-image-2 and later). */
  customSize?: CustomSizeRule;
  qualities: readonly Quality[];
  defaultQuality: Quality;
  styles?: readonly Style[];
  defaultStyle?: Style;
  responseFormats?: readonly ResponseFormat[];
  defaultResponseFormat?: ResponseFormat;
  outputFormats?: readonly OutputFormat[];
  /** The output formats output_compression applies to (the others take only 100). */
  compressibleFormats?: readonly OutputFormat[];
  backgrounds?: readonly Background[];
  /** The output formats that can carry a transparent background (jpeg has no alpha). */
  transparentFormats?: readonly OutputFormat[];
  /** Background choices the provider still calls a preview (results may be rough). */
  previewBackgrounds?: readonly Background[];
  moderation?: readonly Moderation[];
  /** Max partial_images when streaming is supported. */
  partialImagesMax?: number;
  inputFidelity?: readonly InputFidelity[];
  images?: InputImageRule;
  mask?: MaskRule;
}

/** A dated fact about a model on one provider, with where it was read. */
export interface LifecycleEvent {
  date: IsoDate;
  source: string;
}

/**
 * A model's life on one kind of provider. Status is computed from these dates and the day
 * the studio (or engine) runs on (model-lifecycle.ts), never stored as a flag.
 */
export interface Lifecycle {
  /** Notice given: from this day the model is "retiring". */
  deprecated?: LifecycleEvent;
  /** From this day (00:00 UTC) the provider refuses the model. */
  shutdown?: LifecycleEvent;
  /** What the provider recommends instead (followed further if it has retired too). */
  successor?: ModelId;
}

/** Providers whose model line-up follows published lifecycles. */
export type LifecycleProvider = 'openai' | 'azure';

/** USD per 1M tokens (GPT image models). */
export interface TokenRates {
  textIn: number;
  textInCached?: number;
  imageIn: number;
  imageInCached?: number;
  imageOut: number;
}

/** Output image tokens per image by quality, for one published shape. */
export type OutputTokenTable = Partial<Record<Quality, number>>;

/**
 * Output tokens per image as published for two shapes; other sizes scale by pixel count
 * from the nearer shape (image-tokens.ts).
 */
export interface OutputTokens {
  /** 1024x1024. */
  square: OutputTokenTable;
  /** 1024x1536 or 1536x1024. */
  oblong: OutputTokenTable;
}

export type ModelPrice = { read: IsoDate; source: string } & (
  | { unit: 'tokens'; rates: TokenRates; outputTokens: OutputTokens }
  /** USD per image by quality, then by size (DALL·E). */
  | { unit: 'image'; perImage: Partial<Record<Quality, Record<string, number>>> }
);

export interface ImageModel {
  id: ModelId;
  label: string;
  family: ModelFamily;
  /** One line a designer reads in the model picker. */
  blurb: string;
  /** Dated snapshots and other names that resolve to this entry. */
  aliases: readonly string[];
  /** The day it was first served (the `created` of GET /v1/models). */
  released: IsoDate;
  /** Dated deprecation, shutdown and successor per provider kind; absent = no notice known. */
  lifecycle: Partial<Record<LifecycleProvider, Lifecycle>>;
  price: ModelPrice;
  operations: Partial<Record<Operation, OperationRules>>;
}
