/**
 * A whole number with its thousands grouped as the studio writes them (32,000), without
 * Intl: a page's first call into the browser's locale data (toLocaleString, Intl.*) costs
 * 15-55 ms on a 2-core machine, and the prompt's character count made it inside the first
 * screen's hydration (measured). Views that format dates or numbers in the designer's own
 * locale still use Intl.
 */
export function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
