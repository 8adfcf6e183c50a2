/**
 * The ways the studio refuses to send a provider request at all: a base URL that is not an
 * absolute http(s) address and a redirect, so the key cannot leave its provider; and a key
 * no request header can carry, which the browser would refuse to send.
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

/**
 * The first character of the key that no request header can carry (beyond Latin-1, or a
 * control character), or null. fetch() throws a bare TypeError on such a header, which reads
 * like a network or CORS failure: a key pasted with "…" or a curly quote was blamed on the
 * server refusing the page.
 */
export function unsendableKeyChar(key: string): string | null {
  for (const char of key.trim()) {
    const code = char.codePointAt(0)!;
    if (code > 0xff || code < 0x20 || code === 0x7f) return char;
  }
  return null;
}

/** Throws, before anything is sent, when the key could not be sent in a header. */
export function assertSendableKey(ctx: ErrorContext): void {
  const char = unsendableKeyChar(ctx.provider.apiKey);
  if (char === null) return;
  const shown = /[\p{L}\p{N}\p{P}\p{S}]/u.test(char) ? `“${char}”` : 'an invisible character';
  throw new ImagesApiError({
    kind: 'auth',
    code: 'unsendable_key',
    title: `The API key for ${ctx.provider.name} contains ${shown}, which no API key has.`,
    hint: 'Copy the key again from your provider’s dashboard and paste it whole in the provider settings; nothing was sent.',
    forward: { action: 'open-provider-settings' },
  });
}
