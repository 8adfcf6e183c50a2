/**
 * Whether the page may talk to a provider yet, and the reload that allows a new one.
 *
 * The page's Content-Security-Policy lists the configured providers' origins when the page
 * loads (public/content-security-policy.js) and cannot be widened afterwards, so a provider
 * set up in this session needs one reload. Across it: the settings are persisted as usual
 * (keys only when remembered), and a note in sessionStorage, read and removed at once,
 * reopens the provider settings and brings back any key typed but not remembered.
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

/** Keys typed in this session and not remembered, by provider: carried across the reload. */
export type CarriedKeys = Partial<Record<'openai' | 'azure' | 'compatible', string>>;

export interface ReloadNote {
  origin: string;
  keys: CarriedKeys;
}

/**
 * Remembers to reopen the provider settings, then reloads so the policy allows `origin`.
 * Keys the user typed but did not ask to remember ride along in sessionStorage for this one
 * reload (the note is removed the moment the new page reads it), so allowing an address
 * never costs the key just typed, and no key reaches persistent storage.
 */
export function reloadToAllow(origin: string, keys: CarriedKeys = {}): void {
  sessionStorage.setItem(REOPEN_KEY, JSON.stringify({ origin, keys }));
  location.reload();
}

/** The note a reload was made with, once (it is removed as it is read). */
export function takeReloadNote(): ReloadNote | null {
  try {
    const text = globalThis.sessionStorage?.getItem(REOPEN_KEY);
    if (!text) return null;
    sessionStorage.removeItem(REOPEN_KEY);
    const note = JSON.parse(text) as { origin?: unknown; keys?: unknown };
    if (typeof note.origin !== 'string') return null;
    const keys: CarriedKeys = {};
    if (note.keys && typeof note.keys === 'object') {
      for (const kind of ['openai', 'azure', 'compatible'] as const) {
        const key = (note.keys as Record<string, unknown>)[kind];
        if (typeof key === 'string' && key) keys[kind] = key;
      }
    }
    return { origin: note.origin, keys };
  } catch {
    // Storage blocked or a note we did not write: the dialog simply stays closed.
    return null;
  }
}
