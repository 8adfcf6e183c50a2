/**
 * Where a request goes and how it authenticates. A provider is the user's choice of
 * service (the local engine, OpenAI, Azure OpenAI or any OpenAI-compatible server); this
 * module turns it into URLs and headers and nothing else.
 *
 * The key is only ever placed in a request header for the provider's own URLs: never in a
 * URL, never sent to another host (url results get it only on the provider's own origin).
 */
import { MODELS } from './models.ts';
import type { LifecycleProvider, ModelId, Operation } from './model-types.ts';
import type { ProviderKind, ProviderLabel } from './image-result.ts';

/** A model id as the provider names it, mapped to the table entry whose rules apply. */
export interface ProviderModel {
  /** What goes into the `model` field (Azure: the deployment name, in the path). */
  id: string;
  /** The model whose rules (sizes, n, parameters) this id follows: a table id or the id itself. */
  model: ModelId;
}

/** The local engine can answer as OpenAI does today (retired models refused, see server/). */
export type EngineLike = 'openai';

export interface Provider {
  kind: ProviderKind;
  name: string;
  /**
   * local: '/v1' (same origin); openai and compatible: the API root ending in /v1 (or the
   * server's equivalent); azure: the resource endpoint, e.g. https://my-res.openai.azure.com.
   */
  baseUrl: string;
  /** '' when the provider needs none. */
  apiKey: string;
  /** Azure only: the api-version query parameter. */
  apiVersion?: string;
  /**
   * Azure: one deployment per model. Compatible: the ids the server serves. Absent for local
   * and OpenAI, which serve every model in the table under its own id.
   */
  models?: ProviderModel[];
  /** Local engine only: answer as this provider does today (sent as the x-easel-like header). */
  like?: EngineLike;
}

/** The header that asks the local engine to act as a provider (server/README.md). */
export const ENGINE_LIKE_HEADER = 'x-easel-like';

export const AZURE_DEFAULT_API_VERSION = '2025-04-01-preview';

const PATHS: Record<Operation, string> = {
  generate: 'images/generations',
  edit: 'images/edits',
  variation: 'images/variations',
};

export function providerLabel(provider: Provider): ProviderLabel {
  return { name: provider.name, kind: provider.kind };
}

/** The models this provider offers, each under the id it expects. */
export function providerModels(provider: Provider): ProviderModel[] {
  if (provider.models) return provider.models;
  return MODELS.map((m) => ({ id: m.id, model: m.id }));
}

/** The id to send for a table model: the first one the provider maps to it, else its own id. */
export function servedModelId(provider: Provider, model: ModelId): string {
  return provider.models?.find((m) => m.model === model)?.id ?? model;
}

function trimSlash(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** The full URL of one images operation (no key in it: Azure's key travels as a header). */
export function imagesUrl(provider: Provider, operation: Operation, servedModel: string): string {
  const base = trimSlash(provider.baseUrl);
  if (provider.kind === 'azure') {
    const version = encodeURIComponent(provider.apiVersion || AZURE_DEFAULT_API_VERSION);
    const deployment = encodeURIComponent(servedModel);
    return `${base}/openai/deployments/${deployment}/${PATHS[operation]}?api-version=${version}`;
  }
  return `${base}/${PATHS[operation]}`;
}

/** The model listing used by "Test connection". */
export function modelsUrl(provider: Provider): string {
  const base = trimSlash(provider.baseUrl);
  if (provider.kind === 'azure') {
    const version = encodeURIComponent(provider.apiVersion || AZURE_DEFAULT_API_VERSION);
    return `${base}/openai/models?api-version=${version}`;
  }
  return `${base}/models`;
}

/**
 * Authentication headers: Azure's `api-key`, everyone else's bearer token; none without a
 * key. The local engine also hears here whether to act as OpenAI.
 */
export function authHeaders(provider: Provider): Record<string, string> {
  const like: Record<string, string> =
    provider.kind === 'local' && provider.like ? { [ENGINE_LIKE_HEADER]: provider.like } : {};
  const key = provider.apiKey.trim();
  if (!key) return like;
  return provider.kind === 'azure'
    ? { 'api-key': key }
    : { ...like, Authorization: `Bearer ${key}` };
}

/** Whose published model lifecycle applies to this provider; null: it serves what it lists. */
export function lifecycleProvider(
  provider: Pick<Provider, 'kind' | 'like'>,
): LifecycleProvider | null {
  if (provider.kind === 'openai' || provider.kind === 'azure') return provider.kind;
  return provider.kind === 'local' && provider.like === 'openai' ? 'openai' : null;
}

/**
 * Who retired a model, for a message that says so ("OpenAI retired DALL·E 3 on …"): the
 * provider, or OpenAI when the local engine answers as OpenAI does (it retires nothing itself),
 * with `aside` to say that.
 */
export function retiredBy(provider: Pick<Provider, 'kind' | 'like' | 'name'>): {
  who: string;
  aside: string;
} {
  return provider.kind === 'local' && provider.like === 'openai'
    ? { who: 'OpenAI', aside: ', and the local engine answers as OpenAI does' }
    : { who: provider.name, aside: '' };
}

/**
 * The origin requests go to, for messages ("Could not reach …") and for deciding where the key
 * may go. Only the local engine's '/v1' is read against the page; any other provider's base
 * URL must be absolute on its own (provider-url.ts), never resolved against the studio.
 */
export function providerOrigin(provider: Provider): string {
  try {
    const page = provider.kind === 'local' ? globalThis.location?.href : undefined;
    return new URL(provider.baseUrl.trim(), page ?? undefined).origin;
  } catch {
    // Not a URL at all: say so in the words the user typed.
    return provider.baseUrl;
  }
}
