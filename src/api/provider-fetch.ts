/**
 * fetch for a request that carries the provider's key. It never follows a redirect: the
 * browser drops `Authorization` when a redirect crosses origins, but not a custom header such
 * as Azure's `api-key`, so a provider (or anyone who controls one of its paths) could send the
 * key on to another server. A redirect comes back as RedirectRefused, and each caller says
 * what that means for its request. Cookies of the page's origin never go along either.
 */
export class RedirectRefused extends Error {
  override readonly name = 'RedirectRefused';
}

export async function fetchWithKey(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, { ...init, credentials: 'omit', redirect: 'manual' });
  // Browsers hide a manual redirect as an opaque answer; Node's fetch shows the 3xx itself.
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new RedirectRefused(`${url} redirected`);
  }
  return response;
}
