/**
 * When the studio answers input. The built studio paints its first screen from prerendered
 * HTML before any script has run (build/prerender.ts), so a visible tab or button no longer
 * means React handles it: this waits for React to own the shell's tabs (the DOM nodes React
 * manages carry its `__reactProps$…` key, on a client-rendered build as soon as they appear,
 * on a prerendered one once hydrated). Works for builds from before the prerender too, so
 * before/after runs measure the same moment.
 */
import type { Page } from '@playwright/test';

export const REACT_OWNS = `(el) => !!el && Object.keys(el).some((k) => k.startsWith('__reactProps$'))`;

export async function waitForStudio(page: Page): Promise<void> {
  await page.waitForFunction(`(${REACT_OWNS})(document.querySelector('[role="tab"]'))`);
}
