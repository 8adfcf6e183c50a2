/**
 * The theme: "system" follows the operating system's setting, also when it changes while the
 * studio is open; the toggle's light and dark override it, and the choice survives a reload.
 */
import { expect, test, type Page } from '@playwright/test';

const background = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('system follows the OS as it changes; light and dark override it and are remembered', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: /^Theme: / });
  await expect(toggle).toHaveAccessibleName('Theme: system');
  const dark = await background(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(page)).not.toBe(dark);
  const light = await background(page);

  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Theme: light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(toggle).toHaveAccessibleName('Theme: light');
  await expect.poll(() => background(page)).toBe(light);

  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Theme: dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(page)).toBe(dark);

  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Theme: system');
  await expect.poll(() => background(page)).toBe(light);
});

test("before the studio's code has run, a dark-mode page is already dark", async ({ browser }) => {
  // Scripts off: what the first paint looks like while the bundle is still loading.
  const context = await browser.newContext({ colorScheme: 'dark', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const [r, g, b] = (await background(page)).match(/\d+/g)!.map(Number);
  expect(r! + g! + b!).toBeLessThan(3 * 64);
  await context.close();
});
