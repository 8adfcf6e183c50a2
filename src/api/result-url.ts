/**
 * The one gate for links that come from outside the studio (a provider's `url` results, an
 * imported archive's kept links): only absolute http(s) URLs pass, so a `javascript:`,
 * `data:text/html`, `blob:` or `file:` link can never become something the user clicks,
 * and Easel never shows such a link as a frame. Accepted links are rendered as images (once
 * fetched as bytes) or as plain links, nothing else.
 */

/** URLs longer than this are refused: no image host needs one, and they hide what they are. */
export const MAX_RESULT_URL_LENGTH = 8192;

/**
 * The normalised href of an acceptable result link, or null. Refused: anything not a string,
 * relative or over-long URLs, schemes other than http and https, and URLs carrying a user
 * name or password (`https://trusted.example@elsewhere.example/` reads as one host and goes
 * to another).
 */
export function acceptResultUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_RESULT_URL_LENGTH) return null;
  let url: URL;
  try {
    // No base: a relative link has no host the user could judge.
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}
