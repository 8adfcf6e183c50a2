/**
 * What an image request costs in USD, from the table's dated prices: from the provider's
 * `usage` once the images are made, per image for the DALL·E models, and as an estimate
 * before sending (model, quality, size, n, reference images).
 *
 * The images endpoints may omit `usage.output_tokens_details`: then every output token is an
 * image token (BerriAI/litellm#31142). Text output tokens, which image requests do not
 * produce, would be priced as image output — an upper bound rather than a guess.
 */
import type { ImageUsage } from './image-usage.ts';
import { parseSize } from './image-size.ts';
import { estimateUsage } from './image-tokens.ts';
import { getModel } from './model-lookup.ts';
import type {
  Dimensions,
  IsoDate,
  ModelId,
  Operation,
  Quality,
  TokenRates,
} from './model-types.ts';

export type CostBasis = 'usage' | 'per-image' | 'estimate';

export interface Cost {
  usd: number;
  /** From the provider's usage, from a per-image price, or estimated from the request. */
  basis: CostBasis;
  /** When and where the price was read. */
  read: IsoDate;
  source: string;
  /** The model is not in the table: its family's price was used. */
  assumed: boolean;
}

/** The request fields a cost depends on (the API's own names). */
export interface CostedRequest {
  prompt?: string;
  quality?: string;
  size?: string;
  n?: number;
}

const perMillion = (tokens: number, usdPerMillion: number) => (tokens * usdPerMillion) / 1e6;

/** USD for a usage report at these rates. */
export function usageCost(rates: TokenRates, usage: ImageUsage): number {
  const details = usage.input_tokens_details;
  const textIn = details ? details.text_tokens : usage.input_tokens;
  const imageIn = details ? details.image_tokens : 0;
  const out = usage.output_tokens_details;
  const outTokens = out ? out.image_tokens + out.text_tokens : usage.output_tokens;
  return (
    perMillion(textIn, rates.textIn) +
    perMillion(imageIn, rates.imageIn) +
    perMillion(outTokens, rates.imageOut)
  );
}

/** A per-image model's price for one image of this quality and size; null when not listed. */
export function perImagePrice(
  model: ModelId,
  quality: string | undefined,
  size: string,
): number | null {
  const { price, operations } = getModel(model);
  if (price.unit !== 'image') return null;
  const tier = quality && quality !== 'auto' ? quality : operations.generate?.defaultQuality;
  const bySize = tier ? price.perImage[tier as Quality] : undefined;
  return bySize?.[size] ?? null;
}

function costOf(model: ModelId, usd: number, basis: CostBasis): Cost {
  const { price, assumed } = getModel(model);
  return { usd, basis, read: price.read, source: price.source, assumed };
}

/** The output size a request asks for; `auto` follows the first input (edits) or is 1024². */
function outputSize(
  operation: Operation,
  size: string | undefined,
  inputs: readonly Dimensions[],
): Dimensions {
  const parsed = size ? parseSize(size) : null;
  if (parsed) return parsed;
  return (operation === 'edit' && inputs[0]) || { width: 1024, height: 1024 };
}

/** The cost of a request before it is sent; null when the table has no price for it. */
export function estimateCost(
  model: ModelId,
  operation: Operation,
  request: CostedRequest,
  inputs: readonly Dimensions[] = [],
): Cost | null {
  const entry = getModel(model);
  const count = request.n ?? 1;
  const rules = entry.operations[operation];
  if (entry.price.unit === 'image') {
    const each = perImagePrice(model, request.quality, request.size ?? rules?.defaultSize ?? '');
    return each === null ? null : costOf(model, each * count, 'per-image');
  }
  const size = outputSize(operation, request.size ?? rules?.defaultSize, inputs);
  const usage = estimateUsage(model, request, size, count, inputs);
  return costOf(model, usageCost(entry.price.rates, usage), 'estimate');
}

/** What a finished request cost: from its usage when the provider sent one. */
export function resultCost(
  model: ModelId,
  operation: Operation,
  request: CostedRequest,
  made: { usage?: ImageUsage; images: readonly Dimensions[] },
): Cost | null {
  const { price } = getModel(model);
  if (price.unit === 'tokens' && made.usage) {
    return costOf(model, usageCost(price.rates, made.usage), 'usage');
  }
  const first = made.images[0];
  if (price.unit === 'image') {
    const size = request.size ?? (first ? `${first.width}x${first.height}` : '');
    const each = perImagePrice(model, request.quality, size);
    return each === null ? null : costOf(model, each * made.images.length, 'per-image');
  }
  const sized = first ? { ...request, size: `${first.width}x${first.height}` } : request;
  return estimateCost(model, operation, { ...sized, n: made.images.length });
}

/** "$0.053", "$1.24", "$0.0060": enough digits that small costs do not read as zero. */
export function formatUsd(usd: number): string {
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  if (usd >= 0.01 || usd === 0) return `$${usd.toFixed(3)}`;
  return `$${usd.toFixed(4)}`;
}

/**
 * One image's share of a request of `request.n` images: a gallery entry keeps the usage of
 * the whole request it came from.
 */
export function imageShare(
  model: ModelId,
  operation: Operation,
  request: CostedRequest,
  usage: ImageUsage | undefined,
  size: Dimensions,
): Cost | null {
  const n = Math.max(1, Math.floor(request.n ?? 1));
  const images = Array.from({ length: n }, () => size);
  const cost = resultCost(model, operation, request, { usage, images });
  return cost ? { ...cost, usd: cost.usd / n } : null;
}

/**
 * The cost in words: "$0.053", "≈ $0.053" for an estimate, and on the local engine (which
 * charges nothing) what the same request "would cost on OpenAI".
 */
export function describeCost(cost: Cost, onLocalEngine: boolean): string {
  const amount = `${cost.basis === 'estimate' ? '≈ ' : ''}${formatUsd(cost.usd)}`;
  return onLocalEngine ? `Would cost ${amount} on OpenAI` : amount;
}
