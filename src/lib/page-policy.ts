/**
 * Reads back the Content-Security-Policy that public/content-security-policy.js wrote before
 * the studio loaded: which origins the page may connect to, and the nonce for run-time
 * stylesheets. A page without that policy (`vite dev`, unit tests) may connect anywhere.
 *
 * The policy is fixed for the page's life: a new provider origin is allowed only after a
 * reload (the provider settings do it).
 */

export interface PagePolicy {
  /** The http(s) origins in connect-src besides the page's own ('self'), as written. */
  connectOrigins: string[];
  styleNonce?: string;
}

/** The parts of a policy text Easel needs; null when there is no connect-src to read. */
export function parsePolicy(text: string): PagePolicy | null {
  const directives = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  const connect = directives.get('connect-src');
  if (!connect) return null;
  const nonce = (directives.get('style-src') ?? [])
    .map((s) => /^'nonce-([^']+)'$/.exec(s)?.[1])
    .find((n) => n !== undefined);
  return {
    // Origins only: keywords ('self') and schemes (blob:) say nothing about providers.
    connectOrigins: connect.filter((s) => /^https?:\/\//i.test(s)),
    ...(nonce ? { styleNonce: nonce } : {}),
  };
}

let cached: PagePolicy | null | undefined;

/** This page's policy, read once from <meta http-equiv="Content-Security-Policy">. */
export function pagePolicy(): PagePolicy | null {
  if (cached === undefined) {
    const meta = globalThis.document?.querySelector<HTMLMetaElement>(
      'meta[http-equiv="Content-Security-Policy" i]',
    );
    cached = meta ? parsePolicy(meta.content) : null;
  }
  return cached;
}

/**
 * Whether the page may fetch `url` (resolved against `pageUrl`): its own origin always, any
 * other only when the policy lists that origin. Not a URL at all: false.
 */
export function connectionAllowed(
  url: string,
  policy: PagePolicy | null = pagePolicy(),
  pageUrl: string = globalThis.location?.href ?? 'http://localhost/',
): boolean {
  let target: URL;
  try {
    target = new URL(url, pageUrl);
  } catch {
    return false;
  }
  if (!policy) return true;
  if (target.origin === new URL(pageUrl).origin) return true;
  return policy.connectOrigins.includes(target.origin);
}
