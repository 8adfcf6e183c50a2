/**
 * The theme: "system" follows the operating system's setting, also when it changes while the
 * studio is open; the toggle's light and dark override it, and the choice survives a reload.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';

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

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** The pixels of a page region, as [r, g, b] triples. */
async function pixels(page: Page, clip: { x: number; y: number; width: number; height: number }) {
  const { data, info } = await sharp(await page.screenshot({ clip }))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const out: number[][] = [];
  for (let i = 0; i < info.width * info.height; i++) out.push([...data.subarray(i * 3, i * 3 + 3)]);
  return out;
}

/**
 * How far the chosen segment's edge and fill stand out from a segment beside it: the best
 * contrast between any pixel of the chosen one's top strip (above its text) and the
 * neighbour's own colour there.
 */
async function selectedContrast(page: Page, chosen: Locator, neighbour: Locator) {
  const [c, n] = [(await chosen.boundingBox())!, (await neighbour.boundingBox())!];
  const strip = await pixels(page, { x: c.x + 6, y: c.y, width: c.width - 12, height: 5 });
  const [beside] = await pixels(page, { x: n.x + n.width / 2, y: n.y + 3, width: 1, height: 1 });
  return Math.max(...strip.map((p) => contrast(p, beside!)));
}

test('the chosen segment of a segmented control stands out at 3:1 or more, light and dark', async ({
  page,
}) => {
  await page.goto('/');
  const group = page.getByRole('radiogroup', { name: 'Background' });
  const chosen = group.getByRole('radio', { checked: true });
  const neighbour = group.getByRole('radio', { checked: false }).first();
  await expect(chosen).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect
      .poll(() => selectedContrast(page, chosen, neighbour), { message: colorScheme })
      .toBeGreaterThanOrEqual(3);
  }
});
