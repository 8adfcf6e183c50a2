/*
 * Easel's Content-Security-Policy, written into <head> as a <meta http-equiv> before any of
 * the studio's code loads. The production build loads this file first (a blocking classic
 * script, injected by vite.config.ts); `vite dev` does not, because its hot reload needs
 * inline scripts.
 *
 * Why a script and not a header: the providers Easel may connect to are chosen by the user
 * and kept in this browser (localStorage `easel.providers`), so only the page can know them.
 * The policy allows connections to the studio's own origin and to the origin of each
 * configured provider's base URL, nothing else. Only base URLs are read here, never keys.
 *
 * A policy can be tightened but never relaxed while the page lives (a second policy only
 * adds restrictions), so allowing a newly configured origin takes a reload; the provider
 * settings explain that and do it (src/features/providers/).
 *
 * `connect-src` is the one part that varies; src/lib/page-policy.ts reads it back.
 */
(function () {
  'use strict';

  const PROVIDERS_KEY = 'easel.providers';
  // Mirrors OPENAI_BASE_URL in src/features/providers/provider-store.ts: OpenAI is the one
  // provider whose base URL may be left empty (the default applies) while it is chosen.
  const OPENAI_BASE_URL = 'https://api.openai.com/v1';
  const KEYED_KINDS = ['openai', 'azure', 'compatible'];

  /** The origin of an absolute http(s) URL, or null (relative URLs are the studio's own). */
  function httpOrigin(text) {
    let url;
    try {
      url = new URL(String(text).trim());
    } catch {
      return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // Only what the CSP grammar calls a host: letters, digits, hyphens and dots (IDNs arrive
    // as punycode). URL.origin alone is not enough: a host like `x;worker-src` or `a'b`
    // parses, and would end connect-src and inject a directive or a quote. Chromium's CSP
    // grammar has no IPv6 literals, so [::1] cannot be allowed. Mirrors src/api/provider-url.ts.
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/.test(url.hostname)) return null;
    return url.origin;
  }

  /** The origins of the providers the user has configured, from the persisted settings. */
  function providerOrigins(storedText, selfOrigin) {
    let state;
    try {
      state = JSON.parse(storedText || 'null')?.state;
    } catch {
      return []; // unreadable settings: the studio starts from its defaults (local engine)
    }
    if (!state || typeof state !== 'object') return [];
    const origins = [];
    for (const kind of KEYED_KINDS) {
      const settings = state[kind];
      let base = typeof settings?.baseUrl === 'string' ? settings.baseUrl.trim() : '';
      if (!base && kind === 'openai' && state.active === 'openai') base = OPENAI_BASE_URL;
      const origin = base ? httpOrigin(base) : null;
      if (origin && origin !== selfOrigin && !origins.includes(origin)) origins.push(origin);
    }
    return origins;
  }

  /** A fresh nonce for the one stylesheet a library inserts at run time (dialog scroll lock). */
  function styleNonce() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return btoa(String.fromCharCode(...bytes));
  }

  function policy(origins, nonce) {
    return [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self' 'nonce-" + nonce + "'",
      "img-src 'self' blob: data:",
      "font-src 'self'",
      // blob: is the page's own object URLs (images it already holds), never the network.
      "connect-src 'self' blob:" + origins.map((o) => ' ' + o).join(''),
      "worker-src 'self'",
      "manifest-src 'self'",
      "object-src 'none'",
      "frame-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ].join('; ');
  }

  let stored = null;
  try {
    stored = localStorage.getItem(PROVIDERS_KEY);
  } catch {
    // Storage disabled: no provider is configured, so only the studio's origin is allowed.
  }
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy(providerOrigins(stored, location.origin), styleNonce());
  document.head.appendChild(meta);

  // Shown in a frame by another page: where the server sends no `frame-ancestors` header
  // (dist/ on a plain static host), the studio shows nothing and tries to leave the frame,
  // so no page can dress it up and trick clicks out of it.
  if (window.top !== window.self) {
    document.documentElement.hidden = true;
    try {
      window.top.location.replace(window.location.href);
    } catch {
      // A sandboxed frame may not navigate its parent: the studio simply stays hidden.
    }
  }
})();
