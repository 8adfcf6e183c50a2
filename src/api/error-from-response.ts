/**
 * An HTTP error answer from a provider (status, OpenAI error body, headers) turned into the
 * ImagesApiError the user sees: what happened, what to do, and the action that does it.
 *
 * Source for the bodies and statuses: ../shared/spec/images-api-notes.md §4.
 */
import { formatDay, modelStatus } from './model-lifecycle.ts';
import { getModel } from './model-lookup.ts';
import { STUDIO_DEFAULT_MODEL } from './models.ts';
import { settingLabel } from './params.ts';
import { lifecycleProvider, retiredBy } from './provider.ts';

import {
  ImagesApiError,
  keptNote,
  redact,
  type ApiErrorBody,
  type ErrorContext,
} from './errors.ts';

/** A provider may ask for a pause, not for years of one: longer waits are said as an hour. */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/**
 * Retry-After as seconds: delta-seconds or an HTTP date; `retry-after-ms` when sent. Capped at
 * MAX_RETRY_AFTER_SECONDS (a `Retry-After: 999999999` is an hour, not 31 years).
 */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const cap = (seconds: number) => Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds));
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.has('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return cap(ms / 1000);
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return cap(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : cap((date - now) / 1000);
}

const SAFETY_CODES = new Set(['content_policy_violation', 'moderation_blocked']);
const QUOTA_CODES = new Set(['insufficient_quota', 'billing_hard_limit_reached']);
const MODEL_CODES = new Set(['model_not_found', 'DeploymentNotFound', 'model_not_available']);
const IMAGE_CODES: Record<string, string> = {
  invalid_image_file: 'image',
  invalid_image: 'image',
  invalid_image_format: 'image',
  image_too_large: 'image',
  invalid_mask_image_format: 'mask',
  invalid_mask: 'mask',
};

/** A wait in words: seconds under two minutes, then minutes, then "1 hour" (the cap). */
export function waitInWords(n: number): string {
  const s = Math.ceil(n);
  if (s >= MAX_RETRY_AFTER_SECONDS) return '1 hour';
  if (s >= 120) return `${Math.ceil(s / 60)} minutes`;
  return s === 1 ? '1 second' : `${s} seconds`;
}

/**
 * A rate limit's hint: how long to wait (unknown: a moment; none left: now), then what the
 * request keeps for the try (keptNote: an edit's picture and painted mask too).
 */
export function rateLimitHint(wait: number | undefined, kept: string): string {
  if (wait === undefined) return `Wait a moment and try again; ${kept}.`;
  if (wait <= 0) return `You can try again now; ${kept}.`;
  return `Wait ${waitInWords(wait)} and try again; ${kept}.`;
}

/** The kept note of a rateLimitHint, for a card that counts the wait down. */
export function keptOfRateLimitHint(hint: string): string {
  return hint.slice(hint.indexOf('; ') + 2).replace(/\.$/, '');
}

/** Maps an HTTP error answer (status, parsed body, headers) to the error the user sees. */
export function errorFromResponse(
  status: number,
  body: ApiErrorBody | undefined,
  headers: Headers,
  ctx: ErrorContext,
): ImagesApiError {
  const who = ctx.provider.name;
  const code = body?.code ?? undefined;
  const rawMessage = body?.message ?? '';
  const detail = rawMessage ? redact(rawMessage, ctx.provider.apiKey) : undefined;
  const base = { status, code, detail };
  const modelLabel = getModel(ctx.model).label;

  if ((code && SAFETY_CODES.has(code)) || /safety system/i.test(rawMessage)) {
    const flagged = /safety_violations=\[([^\]]*)\]/.exec(rawMessage)?.[1];
    return new ImagesApiError({
      ...base,
      kind: 'safety',
      title: flagged
        ? `${who}'s safety system refused this request (flagged: ${flagged}).`
        : `${who}'s safety system refused this request.`,
      hint:
        'Your prompt is kept. Reword it — describe the scene differently and leave out what ' +
        'could read as violent, explicit or about real people — then try again.',
      forward: { action: 'reword-prompt' },
    });
  }

  if (code && QUOTA_CODES.has(code)) {
    return new ImagesApiError({
      ...base,
      kind: 'quota',
      title: `Your ${who} account has no quota left for images.`,
      hint:
        'Waiting will not help: add credit or raise the spending limit in your account’s ' +
        'billing settings and try again, or use another provider.',
      forward: { action: 'check-billing' },
    });
  }

  if ((status === 401 || code === 'invalid_api_key') && ctx.provider.kind === 'local') {
    // The studio's own engine has no key field: only one started with --api-key asks.
    return new ImagesApiError({
      ...base,
      kind: 'auth',
      title: 'The local engine asks for an API key.',
      hint:
        'It was started with --api-key (npm start never sets one). Start it again without, ' +
        'or set it up in the provider settings as a Compatible server, with its address and that key.',
      forward: { action: 'open-provider-settings' },
    });
  }

  if (status === 401 || code === 'invalid_api_key') {
    const missing = ctx.provider.apiKey.trim() === '';
    return new ImagesApiError({
      ...base,
      kind: 'auth',
      title: missing ? `${who} needs an API key.` : `${who} did not accept the API key.`,
      hint: `Open the provider settings and enter a valid API key for ${who}.`,
      forward: { action: 'open-provider-settings' },
    });
  }

  if (status === 429) {
    const wait = parseRetryAfter(headers);
    return new ImagesApiError({
      ...base,
      kind: 'rate_limit',
      retryAfterSeconds: wait,
      title: `${who} is rate limiting your requests.`,
      hint: rateLimitHint(wait, keptNote(ctx)),
      forward: { action: 'wait', seconds: wait ?? null },
    });
  }

  if (
    (code && MODEL_CODES.has(code)) ||
    (status === 404 && /model|deployment/i.test(rawMessage)) ||
    /model .*(does not exist|deprecated|retired|not supported|not available)/i.test(rawMessage)
  ) {
    return modelUnavailable(ctx, base, modelLabel);
  }

  if (status === 403) {
    const region = code === 'unsupported_country_region_territory';
    return new ImagesApiError({
      ...base,
      kind: 'permission',
      title: region
        ? `${who} is not available in your country or region.`
        : `This key may not use ${modelLabel} on ${who}.`,
      hint: region
        ? 'Use another provider, such as the local engine or an Azure OpenAI resource.'
        : 'Check your organisation’s access to this model (GPT image models may need a verified ' +
          'organisation), or choose another model.',
      forward: region
        ? { action: 'open-provider-settings' }
        : { action: 'choose-model', suggestion: null },
    });
  }

  if (status === 404) {
    return new ImagesApiError({
      ...base,
      kind: 'not_found',
      title: `${who} has no images endpoint at this address.`,
      hint:
        ctx.provider.kind === 'azure'
          ? 'Check the endpoint, the deployment name and the api-version in the provider settings.'
          : 'Check the base URL in the provider settings: it should end where /images/generations ' +
            'begins (for OpenAI, https://api.openai.com/v1).',
      forward: { action: 'open-provider-settings' },
    });
  }

  if (status >= 500) {
    return new ImagesApiError({
      ...base,
      kind: 'server',
      retryAfterSeconds: parseRetryAfter(headers),
      title: `${who} had a server error (HTTP ${status}).`,
      hint: `This is on their side. Try again in a moment; ${keptNote(ctx)}.`,
      forward: { action: 'try-again' },
    });
  }

  if (status === 413 && ctx.operation === 'generate') {
    // A generation sends no image: its JSON body grows only with the prompt.
    return new ImagesApiError({
      ...base,
      kind: 'bad_request',
      title: `${who} refused the request as too large (HTTP 413).`,
      hint: `Shorten the prompt and try again; ${keptNote(ctx)}.`,
      forward: { action: 'reword-prompt' },
    });
  }

  const param = (code && IMAGE_CODES[code]) || body?.param || paramFromStatus(status);
  if (param) {
    const label = settingLabel(param);
    return new ImagesApiError({
      ...base,
      kind: 'bad_request',
      param: param === 'image[]' ? 'image' : param,
      title: `${who} did not accept the ${label} setting.`,
      hint: `Change ${label} and try again.`,
      forward: { action: 'fix-setting', param },
    });
  }

  return new ImagesApiError({
    ...base,
    kind: 'bad_request',
    title: `${who} refused the request (HTTP ${status}).`,
    hint: 'Check the settings against the message above and try again.',
    forward: { action: 'none' },
  });
}

// 413 on an edit or variation means the upload was too large: the image (or mask) is at fault.
function paramFromStatus(status: number): string | undefined {
  return status === 413 ? 'image' : undefined;
}

function modelUnavailable(
  ctx: ErrorContext,
  base: { status: number; code?: string; detail?: string },
  modelLabel: string,
): ImagesApiError {
  const who = ctx.provider.name;
  const lifecycle = lifecycleProvider(ctx.provider);
  const status = lifecycle ? modelStatus(ctx.model, lifecycle, ctx.now ?? Date.now()) : null;
  if (status && status.state !== 'live') {
    const successor = status.successor;
    const variation = ctx.operation === 'variation';
    const retired = retiredBy(ctx.provider);
    const when =
      status.state === 'retired'
        ? `retired ${modelLabel} on ${formatDay(status.since)}`
        : `no longer serves ${modelLabel} (its shutdown was announced for ${formatDay(status.shutdown)})`;
    // The engine serves every model again once it stops acting as OpenAI.
    const orEngine = retired.aside
      ? ' Or turn off “Act as OpenAI today” in the provider settings to use it offline.'
      : '';
    // Azure serves a model only through a deployment: its successor may have none yet, and
    // switching to it would send a request to a deployment that does not exist.
    const undeployed =
      !variation &&
      successor !== null &&
      ctx.provider.models !== undefined &&
      !ctx.provider.models.some((m) => m.model === successor);
    if (undeployed) {
      const add = ctx.provider.kind === 'azure' ? 'add a deployment for it' : 'add it';
      return new ImagesApiError({
        ...base,
        kind: 'model_unavailable',
        title: `${retired.who} ${when}${retired.aside}.`,
        hint: `Its successor is ${getModel(successor).label}: ${add} in the provider settings; ${keptNote(ctx)}.`,
        forward: { action: 'open-provider-settings' },
      });
    }
    return new ImagesApiError({
      ...base,
      kind: 'model_unavailable',
      title: `${retired.who} ${when}${retired.aside}.`,
      hint:
        (variation
          ? 'Variations need DALL·E 2, which this provider no longer serves: use More like this ' +
            '(an edit with the image as reference), or the local engine.'
          : successor
            ? `Switch to ${getModel(successor).label}, its successor; ${keptNote(ctx)}.`
            : `Choose another model; ${keptNote(ctx)}.`) + orEngine,
      forward: { action: 'choose-model', suggestion: variation ? null : successor },
    });
  }
  if (ctx.provider.kind === 'azure') {
    return new ImagesApiError({
      ...base,
      kind: 'model_unavailable',
      title: `${who} has no deployment for ${modelLabel}.`,
      hint: 'Check the deployment name for this model in the provider settings.',
      forward: { action: 'open-provider-settings' },
    });
  }
  return new ImagesApiError({
    ...base,
    kind: 'model_unavailable',
    title: `${who} does not serve ${modelLabel}.`,
    hint: getModel(ctx.model).assumed
      ? 'Check the model id for typos, or choose a model from the list.'
      : 'Choose another model, or map this model to an id the server serves in the provider settings.',
    // A provider with a published line-up may have retired it before Easel's table knew:
    // offer the studio's default, a model that is live there.
    forward: {
      action: 'choose-model',
      suggestion: lifecycle && ctx.model !== STUDIO_DEFAULT_MODEL ? STUDIO_DEFAULT_MODEL : null,
    },
  });
}
