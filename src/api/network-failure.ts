/**
 * Why fetch() got no answer, as far as a page can tell. The browser gives every failure the
 * same "Failed to fetch", so Easel asks two more questions:
 * - is the device offline (navigator.onLine)?
 * - does anything answer at the provider's origin? A `no-cors` GET (no key, no custom
 *   headers, so no preflight) resolves, opaquely, from any server that answers at all, CORS
 *   or not. It does → the server is there and refused this page (CORS). It does not → the
 *   name did not resolve or nothing listens there; for an IP address or localhost it can
 *   only be the latter, and OpenAI and Azure allow browsers, so it is the connection.
 */
import { keptNote, networkError, type ErrorContext, ImagesApiError } from './errors.ts';
import { providerOrigin } from './provider.ts';

export type NetworkFailure = 'offline' | 'refused-by-cors' | 'no-answer';

const PROBE_TIMEOUT_MS = 5_000;

const isOffline = () => globalThis.navigator?.onLine === false;

export async function diagnoseNetworkFailure(origin: string): Promise<NetworkFailure> {
  if (isOffline()) return 'offline';
  try {
    await fetch(`${origin}/`, {
      mode: 'no-cors',
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return 'refused-by-cors';
  } catch {
    return isOffline() ? 'offline' : 'no-answer';
  }
}

/** The code of an error whose server answered but refused this page's origin. */
export const REFUSED_BY_CORS = 'refused_by_cors';

const IP_OR_LOCAL = /^(localhost|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/** networkError, made precise by a diagnosis of what failed. */
export async function diagnosedNetworkError(
  ctx: ErrorContext,
  cause: unknown,
  diagnose: (origin: string) => Promise<NetworkFailure> = diagnoseNetworkFailure,
): Promise<ImagesApiError> {
  const generic = networkError(ctx, cause);
  // Not allowed by the page yet (nothing was sent), or the studio's own engine: as it is.
  if (generic.code !== 'unreachable' || ctx.provider.kind === 'local') return generic;
  const origin = providerOrigin(ctx.provider);
  const failure = await diagnose(origin);
  const { host, hostname } = new URL(origin);
  // What the generic error already knows: its kind, code and the browser's words.
  const base = { kind: generic.kind, code: generic.code, detail: generic.detail };
  // Said in every diagnosis of a request: nothing the designer wrote is lost. A connection
  // test (kept: '') has nothing to keep.
  const kept = ctx.kept === '' ? '' : ` ${upperFirst(keptNote(ctx))}.`;
  if (failure === 'offline') {
    return new ImagesApiError({
      ...base,
      title: 'No connection: this device is offline.',
      hint: `Easel notices when the connection is back.${kept}`,
      forward: { action: 'try-again' },
    });
  }
  if (failure === 'refused-by-cors') {
    const page = globalThis.location?.origin ?? 'this page';
    return new ImagesApiError({
      ...base,
      code: REFUSED_BY_CORS,
      title: `${host} answered, but does not allow requests from this page (${page}).`,
      hint:
        'The server must allow this page’s origin (CORS): answer preflight requests with ' +
        `Access-Control-Allow-Origin: ${page} and allow the Authorization and Content-Type headers. ` +
        `Check also that the base URL is right.${kept}`,
      forward: { action: 'check-connection' },
    });
  }
  if (ctx.provider.kind === 'openai' || ctx.provider.kind === 'azure') {
    return new ImagesApiError({
      ...base,
      title: `No connection to ${host}.`,
      hint:
        'Its name could not be looked up or it did not answer: check that this device is online ' +
        `(and that no VPN, proxy or firewall blocks it), then try again.${kept}`,
      forward: { action: 'try-again' },
    });
  }
  return new ImagesApiError({
    ...base,
    title: generic.title,
    forward: generic.forward,
    hint:
      (IP_OR_LOCAL.test(hostname)
        ? `Nothing answers at ${origin}: check that the server is up and listening there, and that the base URL is right.`
        : `The name ${hostname} could not be looked up, or nothing answers there: check the base URL, that the server is up, and this device’s connection.`) +
      kept,
  });
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
