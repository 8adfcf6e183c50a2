/**
 * Whether the page may talk to a provider yet, and the reload that allows a new one.
 *
 * The page's Content-Security-Policy lists the configured providers' origins when the page
 * loads (public/content-security-policy.js) and cannot be widened afterwards, so a provider
 * set up in this session needs one reload. Across it: the settings are persisted as usual
 * (keys only when remembered), and a note in sessionStorage reopens the provider settings
 * with the key field focused, so the user only types the key.
 */
import type { Provider } from '../../../api/provider.ts';
import { checkBaseUrl } from '../../../api/provider-url.ts';
import { connectionAllowed } from '../../../lib/page-policy.ts';

export type OriginAccess =
  | { state: 'allowed' }
  /** Allowed after a reload. */
  | { state: 'needs-reload'; origin: string; host: string }
  /** Never: the policy's grammar has no IPv6 literals. */
  | { state: 'unsupported'; origin: string; host: string };

/** Where the provider's requests go, judged against the page's policy. */
export function originAccess(provider: Provider, policyAllows = connectionAllowed): OriginAccess {
  if (provider.kind === 'local') return { state: 'allowed' };
  const check = checkBaseUrl(provider.baseUrl);
  // Empty, relative or not a plain http(s) address: nothing to allow; the Base URL field,
  // a request and "Test connection" say what is wrong with it.
  if (!check.ok) return { state: 'allowed' };
  const { url } = check;
  if (policyAllows(url.origin)) return { state: 'allowed' };
  if (url.hostname.startsWith('['))
    return { state: 'unsupported', origin: url.origin, host: url.host };
  return { state: 'needs-reload', origin: url.origin, host: url.host };
}

const REOPEN_KEY = 'easel.provider-settings-after-reload';

/** Remembers to reopen the provider settings, then reloads so the policy allows `origin`. */
export function reloadToAllow(origin: string): void {
  sessionStorage.setItem(REOPEN_KEY, JSON.stringify({ origin }));
  location.reload();
}

/** The origin a reload was made for, once (the note is removed as it is read). */
export function takeReloadNote(): { origin: string } | null {
  try {
    const text = globalThis.sessionStorage?.getItem(REOPEN_KEY);
    if (!text) return null;
    sessionStorage.removeItem(REOPEN_KEY);
    const note = JSON.parse(text) as { origin?: unknown };
    return typeof note.origin === 'string' ? { origin: note.origin } : null;
  } catch {
    // Storage blocked or a note we did not write: the dialog simply stays closed.
    return null;
  }
}
