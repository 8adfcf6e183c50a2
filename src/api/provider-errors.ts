/**
 * The two ways the studio refuses to send a provider request at all, so the key cannot leave
 * its provider: a base URL that is not an absolute http(s) address, and a redirect.
 */
import { ImagesApiError, type ErrorContext } from './errors.ts';
import { checkBaseUrl } from './provider-url.ts';

/** Throws when `ctx.provider`'s base URL may not be used (the local engine's '/v1' may). */
export function assertUsableBaseUrl(ctx: ErrorContext): void {
  if (ctx.provider.kind === 'local') return;
  const check = checkBaseUrl(ctx.provider.baseUrl);
  if (check.ok) return;
  throw new ImagesApiError({
    kind: 'bad_request',
    code: 'invalid_base_url',
    title: `The base URL of ${ctx.provider.name} ${check.problem}`,
    hint: check.suggestion
      ? `Did you mean ${check.suggestion}? Fix it in the provider settings; nothing was sent.`
      : 'Fix it in the provider settings (for example https://api.openai.com/v1); nothing was sent.',
    forward: { action: 'open-provider-settings' },
  });
}

export function redirectError(ctx: ErrorContext): ImagesApiError {
  return new ImagesApiError({
    kind: 'invalid_response',
    code: 'redirect_refused',
    title: `${ctx.provider.name} answered with a redirect, which Easel does not follow.`,
    hint:
      'Easel never follows a redirect with your key, so the key cannot reach another server. ' +
      'Set the base URL to the address the server redirects to (often https:// instead of ' +
      'http://, or another path), then try again.',
    forward: { action: 'open-provider-settings' },
  });
}
