/**
 * Every way an images request can fail, as one typed error a designer can act on.
 *
 * ImagesApiError carries a short `title` (what happened), a `hint` (what to do), the `kind`
 * the UI switches on, and a `forward` action (open provider settings, reword the prompt…).
 * Provider messages are kept as `detail` after redaction: the API key, or anything shaped
 * like one, never reaches a message, a log or the screen.
 *
 * Source for the bodies and statuses: ../shared/spec/images-api-notes.md §4.
 */
import type { ModelId, Operation } from './model-types.ts';
import { settingLabel } from './params.ts';
import { providerOrigin, type Provider } from './provider.ts';
import { connectionAllowed } from '../lib/page-policy.ts';

export type ImagesApiErrorKind =
  | 'safety'
  | 'auth'
  | 'permission'
  | 'quota'
  | 'rate_limit'
  | 'model_unavailable'
  | 'bad_request'
  | 'not_found'
  | 'network'
  | 'server'
  | 'invalid_response'
  | 'aborted';

/** The way forward the UI offers next to the message. */
export type WayForward =
  | { action: 'reword-prompt' }
  | { action: 'open-provider-settings' }
  | { action: 'wait'; seconds: number | null }
  | { action: 'check-billing' }
  | { action: 'choose-model'; suggestion: ModelId | null }
  | { action: 'fix-setting'; param: string }
  | { action: 'check-connection' }
  | { action: 'try-again' }
  | { action: 'none' };

export interface ImagesApiErrorInit {
  kind: ImagesApiErrorKind;
  title: string;
  hint: string;
  forward: WayForward;
  detail?: string;
  status?: number;
  code?: string;
  param?: string;
  retryAfterSeconds?: number;
}

export class ImagesApiError extends Error {
  override name = 'ImagesApiError';
  readonly kind: ImagesApiErrorKind;
  readonly title: string;
  readonly hint: string;
  readonly forward: WayForward;
  /** The provider's own words, redacted; shown under the title. */
  readonly detail?: string;
  readonly status?: number;
  readonly code?: string;
  /** The request parameter at fault (API name), when known. */
  readonly param?: string;
  readonly retryAfterSeconds?: number;

  constructor(init: ImagesApiErrorInit) {
    super(init.title);
    this.kind = init.kind;
    this.title = init.title;
    this.hint = init.hint;
    this.forward = init.forward;
    this.detail = init.detail;
    this.status = init.status;
    this.code = init.code;
    this.param = init.param;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** 429 rate limits and 5xx are worth retrying; quota, refusals and bad input never are. */
  get retryable(): boolean {
    return this.kind === 'rate_limit' || this.kind === 'server';
  }
}

/** What the request was, so a message can name the provider, the model and the setting. */
export interface ErrorContext {
  provider: Provider;
  model: ModelId;
  operation: Operation;
  /** The studio's clock, for lifecycles (default: now). */
  now?: number;
  /**
   * What the studio keeps for another try, in the designer's words, when a failure says so:
   * "your prompt and settings" unless the view that sent it keeps more (an edit: the picture
   * and the painted mask too); a variation has no prompt: "the picture and settings". '' for
   * a request that carries nothing of the designer's (a connection test).
   */
  kept?: string;
}

/** What a variation (or More like this) keeps for another try: it has no prompt of the designer's. */
export const VARIATION_KEPT = 'the picture and settings';

/** "your prompt and settings are kept", or what the request's view keeps (ErrorContext.kept). */
export function keptNote(ctx: Pick<ErrorContext, 'kept' | 'operation'>): string {
  const kept =
    ctx.kept ?? (ctx.operation === 'variation' ? VARIATION_KEPT : 'your prompt and settings');
  return `${kept} are kept`;
}

/** The OpenAI error body (`{"error":{message,type,param,code}}`); every field may be missing. */
export interface ApiErrorBody {
  message?: string;
  type?: string;
  param?: string | null;
  code?: string | null;
}

/** Removes the key and anything shaped like an OpenAI key (e.g. "sk-proj-****abcd"). */
export function redact(text: string, apiKey = ''): string {
  let out = text;
  const key = apiKey.trim();
  if (key.length >= 4) out = out.split(key).join('[key hidden]');
  return out.replace(/\bsk-[A-Za-z0-9_*.-]{2,}/g, '[key hidden]');
}

/** The `code` of a network error where no answer came at all (not a dropped one). */
const UNREACHABLE = 'unreachable';

/** The request got no answer from the server: down, offline, wrong host or refused by CORS. */
export function isUnreachableError(error: unknown): error is ImagesApiError {
  return error instanceof ImagesApiError && isUnreachable(error);
}

/** The same test on an error's fields alone (a job's recorded failure). */
export function isUnreachable(error: Pick<ImagesApiErrorInit, 'kind' | 'code'>): boolean {
  return error.kind === 'network' && error.code === UNREACHABLE;
}

/** fetch() rejected before any answer: offline, wrong host, or refused by CORS. */
export function networkError(ctx: ErrorContext, cause?: unknown): ImagesApiError {
  const origin = providerOrigin(ctx.provider);
  const local = ctx.provider.kind === 'local';
  if (!connectionAllowed(origin)) {
    // The page's Content-Security-Policy (fixed when it loaded) does not list this origin yet.
    return new ImagesApiError({
      kind: 'network',
      title: `Easel is not yet allowed to connect to ${origin}.`,
      hint:
        'Easel connects only to the providers you set up, and allows a new one after a reload. ' +
        'Open the provider settings and choose “Reload to allow”.',
      forward: { action: 'open-provider-settings' },
    });
  }
  const page = globalThis.location?.origin ?? 'this page';
  return new ImagesApiError({
    kind: 'network',
    code: UNREACHABLE,
    title: local ? 'Could not reach the local engine.' : `Could not reach ${origin}.`,
    // A bare TypeError ("Failed to fetch") is the browser's, not the provider's words: the
    // card would quote it as if the server had said it (see droppedError).
    detail:
      cause instanceof Error && !(cause instanceof TypeError)
        ? redact(cause.message, ctx.provider.apiKey)
        : undefined,
    hint: local
      ? `Is the Easel server still running? Start it again (npm start) and try again; ${keptNote(ctx)}.`
      : `Check that the base URL is right and the server is up, and that it allows requests from ` +
        `${page}: browsers need it to answer CORS preflights with Access-Control-Allow-Origin and ` +
        `to allow the Authorization and Content-Type headers.`,
    forward: local ? { action: 'try-again' } : { action: 'check-connection' },
  });
}

/** The answer started but the connection broke before the images arrived. */
export function droppedError(ctx: ErrorContext, cause?: unknown): ImagesApiError {
  return new ImagesApiError({
    kind: 'network',
    title: `The connection to ${ctx.provider.name} dropped before the images arrived.`,
    // A fetch that broke is a bare TypeError ("network error", "Failed to fetch"): the
    // browser's words, which say nothing the title does not, shown in quotes as if the
    // provider's. Easel's own causes (a stream that ended early) are kept.
    detail:
      cause instanceof Error && !(cause instanceof TypeError)
        ? redact(cause.message, ctx.provider.apiKey)
        : undefined,
    hint: `Check your connection and try again; ${keptNote(ctx)}.`,
    forward: { action: 'try-again' },
  });
}

export function invalidResponseError(ctx: ErrorContext, what: string): ImagesApiError {
  return new ImagesApiError({
    kind: 'invalid_response',
    title: `${ctx.provider.name} sent an answer Easel could not read.`,
    detail: what,
    // The local engine has no base URL to check: it is Easel's own.
    hint:
      `Nothing was saved; ${keptNote(ctx)}. ` +
      (ctx.provider.kind === 'local'
        ? 'Try again; if it happens again, restart the Easel server (npm start).'
        : 'Check that the base URL points at an OpenAI-compatible images API, then try again.'),
    forward: { action: 'check-connection' },
  });
}

export function abortedError(): ImagesApiError {
  return new ImagesApiError({
    kind: 'aborted',
    title: 'Cancelled.',
    hint: 'Nothing was saved from this request.',
    forward: { action: 'none' },
  });
}

/** A request the studio will not send because the settings break the model's rules. */
export function invalidParamsError(param: string, message: string): ImagesApiError {
  const label = settingLabel(param);
  return new ImagesApiError({
    kind: 'bad_request',
    param,
    title: `${label}: ${message}`,
    hint: `Change ${label} and try again.`,
    forward: { action: 'fix-setting', param },
  });
}

export function isAbortError(error: unknown): boolean {
  return (
    (error instanceof ImagesApiError && error.kind === 'aborted') ||
    (error instanceof DOMException && error.name === 'AbortError') ||
    (error instanceof Error && error.name === 'AbortError')
  );
}
