/**
 * Gives the prerendered first screen its inline styles back before React hydrates it: the
 * build moved them to `data-prerendered-style` attributes (build/inline-styles.ts) because
 * the page's policy refuses `style` attributes in HTML. Setting them through the CSSOM is
 * what React itself does on the client, and the policy allows that.
 */
const ATTRIBUTE = 'data-prerendered-style';

export function restorePrerenderedStyles(root: HTMLElement): void {
  for (const element of root.querySelectorAll<HTMLElement>(`[${ATTRIBUTE}]`)) {
    element.style.cssText = element.getAttribute(ATTRIBUTE) ?? '';
    element.removeAttribute(ATTRIBUTE);
  }
}
