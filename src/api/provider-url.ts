/**
 * What a provider's base URL may be. Every provider but the local engine is another server,
 * so its base URL must be an absolute http(s) address with a plain host name: a URL typed
 * without a scheme (`api.openai.com/v1`) is never resolved against the page (that would send
 * the key to the studio's own origin), and nothing but a valid origin can reach the page's
 * Content-Security-Policy (public/content-security-policy.js applies the same host rule).
 */

export type BaseUrlCheck =
  | { ok: true; url: URL }
  | {
      ok: false;
      /** Why, in a sentence that completes "The base URL …". */
      problem: string;
      /** The address the user probably meant (`https://` added), when there is one. */
      suggestion: string | null;
    };

/**
 * Host names as a Content-Security-Policy host-source can name them (letters, digits, hyphens
 * and dots; IDNs arrive as punycode), IPv4 literals, and bracketed IPv6 literals.
 */
const PLAIN_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])$/;

function parseAbsolute(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

export function checkBaseUrl(text: string): BaseUrlCheck {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problem: 'is empty.', suggestion: null };
  const url = parseAbsolute(trimmed);
  if (!url) {
    // `api.openai.com/v1` or `localhost:8787/v1`: a host name first, no scheme of its own.
    const hostFirst = /^[a-z0-9[]/i.test(trimmed) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
    const withScheme = hostFirst ? `https://${trimmed}` : null;
    const guess = withScheme ? parseAbsolute(withScheme) : null;
    return {
      ok: false,
      problem: 'must start with https:// (or http:// for a server on your computer or network).',
      suggestion: guess && PLAIN_HOST.test(guess.hostname) ? withScheme : null,
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      problem: 'must not hold a user name or password: Easel sends your key in a header.',
      suggestion: null,
    };
  }
  if (!PLAIN_HOST.test(url.hostname)) {
    return {
      ok: false,
      problem: `has a host name (${url.hostname}) that is not a plain server name.`,
      suggestion: null,
    };
  }
  if (url.search || url.hash) {
    return {
      ok: false,
      problem: 'must not end in a ?query or #fragment: Easel adds the path itself.',
      suggestion: null,
    };
  }
  return { ok: true, url };
}
