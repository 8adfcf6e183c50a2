import { expect, type Page } from '@playwright/test';

/**
 * Switches the system's colour scheme and waits until the studio shows it: the theme set on
 * the page and the colours' transitions (120 ms on backgrounds and borders) finished. A
 * contrast read or a screenshot taken before then catches a colour half-way between the two
 * themes, which is neither theme's.
 */
export async function showScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a instanceof CSSTransition)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}
