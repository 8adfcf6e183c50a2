/**
 * "Test connection": GET {base}/models (Azure: /openai/models?api-version=…) with the key,
 * so the user learns at once whether the base URL and key work, and which models answer.
 */
import { abortedError, ImagesApiError, invalidResponseError } from './errors.ts';
import { errorFromResponse } from './error-from-response.ts';
import { STUDIO_DEFAULT_MODEL } from './models.ts';
import { authHeaders, modelsUrl, type Provider } from './provider.ts';
import { diagnosedNetworkError } from './network-failure.ts';
import { fetchWithKey, RedirectRefused } from './provider-fetch.ts';
import { readTextCapped } from './read-capped.ts';
import { assertSendableKey, assertUsableBaseUrl, redirectError } from './provider-errors.ts';

export interface ConnectionReport {
  /** Model ids the provider listed (may be empty when it lists none), MAX_LISTED at most. */
  models: string[];
  /** How many more it listed than were read. */
  more?: number;
}

/** Model ids read from a listing; an image API serves a handful. */
export const MAX_LISTED = 200;
const MAX_LIST_BYTES = 4 * 1024 * 1024;

export async function listModels(
  provider: Provider,
  signal: AbortSignal,
): Promise<ConnectionReport> {
  // kept: '' — a connection test sends no prompt: its messages say nothing is kept.
  const ctx = { provider, model: STUDIO_DEFAULT_MODEL, operation: 'generate' as const, kept: '' };
  assertUsableBaseUrl(ctx);
  assertSendableKey(ctx);
  let response: Response;
  try {
    response = await fetchWithKey(modelsUrl(provider), {
      headers: { Accept: 'application/json', ...authHeaders(provider) },
      signal,
    });
  } catch (error) {
    if (error instanceof RedirectRefused) throw redirectError(ctx);
    throw signal.aborted ? abortedError() : await diagnosedNetworkError(ctx, error);
  }
  const text = await readTextCapped(response, MAX_LIST_BYTES).catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.status === 404 && provider.kind === 'compatible') {
    // Many compatible servers serve the images API without the model list.
    throw new ImagesApiError({
      kind: 'not_found',
      status: 404,
      title: `${provider.name} does not list its models (GET /models answered 404).`,
      hint:
        'Some servers do not offer that list. If the base URL is right, generating will still ' +
        'work; otherwise check it ends where /images/generations begins.',
      forward: { action: 'check-connection' },
    });
  }
  if (!response.ok) {
    const error = (body as { error?: { message?: string; code?: string } } | undefined)?.error;
    throw errorFromResponse(response.status, error, response.headers, ctx);
  }
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data))
    throw invalidResponseError(ctx, 'The model list was not in the expected format.');
  // A real list is tens of models: a few hundred short ids at most are read, never 20,000.
  const models = data
    .slice(0, MAX_LISTED * 4)
    .map((m) => (m && typeof m === 'object' && 'id' in m ? (m as { id: unknown }).id : ''))
    .filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 200)
    .slice(0, MAX_LISTED);
  return { models, ...(data.length > MAX_LISTED ? { more: data.length - MAX_LISTED } : {}) };
}
