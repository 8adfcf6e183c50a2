/**
 * The first screen is prerendered into index.html at build time and hydrated by the studio's
 * code (build/prerender.ts, src/main.tsx): it shows before any script has run, in the
 * designer's palette, under the page's strict policy, and React takes it over as it is, also
 * when this browser has stored choices the prerender could not know.
 */
import { expect, test, type Page } from '@playwright/test';
import { getModel } from '../src/api/model-lookup.ts';
import { STUDIO_DEFAULT_MODEL } from '../src/api/models.ts';

/** Uncaught errors (a hydration mismatch is one) and policy violations, from the first byte. */
async function watchPage(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[]; __firstShell: Element | null };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    // The shell element the HTML parser created: React keeps it when it hydrates the page,
    // and would replace it if it had to render the page anew.
    w.__firstShell = null;
    new MutationObserver((_, observer) => {
      w.__firstShell = document.querySelector('.shell');
      if (w.__firstShell) observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  return {
    errors,
    violations: () =>
      page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    shellKept: () =>
      page.evaluate(
        () =>
          (window as unknown as { __firstShell: Element | null }).__firstShell ===
          document.querySelector('.shell'),
      ),
  };
}

const background = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);

const isDark = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return r! + g! + b! < 3 * 64;
};

test('the first screen is there before any script runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('tab', { name: 'Generate' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveText(
    getModel(STUDIO_DEFAULT_MODEL).label,
  );
  await expect(page.getByRole('button', { name: 'Generate', exact: true })).toBeVisible();
  // Radix's hidden form inputs stay hidden: their styles come from a stylesheet, as the page's
  // policy refuses inline style attributes.
  for (const radio of await page.locator('input[type="radio"]').all())
    await expect(radio).toHaveCSS('opacity', '0');
  await context.close();
});

test('stored choices appear once the studio takes the page over, with no error or re-render', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('a red fox in the snow');
  await page.getByRole('radio', { name: 'JPEG', exact: true }).click();
  await page.getByRole('button', { name: 'Theme: system' }).click(); // → light
  await page.getByRole('button', { name: 'Theme: light' }).click(); // → dark

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue(
    'a red fox in the snow',
  );
  await expect(page.getByRole('radio', { name: 'JPEG', exact: true })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Theme: dark' })).toBeVisible();
  expect(isDark(await background(page, '.studio__panel'))).toBe(true);
  expect(await watch.shellKept()).toBe(true);
  expect(await watch.violations()).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test("a dark choice paints dark before the studio's code has run, on a light system", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.evaluate(() =>
    localStorage.setItem('easel.theme', JSON.stringify({ state: { theme: 'dark' }, version: 0 })),
  );
  // The studio's code never arrives: what shows is the HTML, the CSS and the head's scripts.
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(isDark(await background(page, '.studio__panel'))).toBe(true);
  expect(isDark(await background(page, 'body'))).toBe(true);
});

test('a phone gets the phone layout from the first paint, and hydration moves nothing', async ({
  browser,
}) => {
  const phone = { viewport: { width: 390, height: 844 } };
  const boxes = async (page: Page) => ({
    toggle: await page.getByRole('button', { name: /^Prompt/ }).boundingBox(),
    results: await page.getByRole('heading', { name: 'Results' }).boundingBox(),
  });
  // Before any script: the HTML and CSS alone already show the sheet's toggle, not the panel.
  const still = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const html = await still.newPage();
  await html.goto('/');
  await expect(html.getByRole('button', { name: /^Prompt/ })).toBeVisible();
  await expect(html.getByRole('textbox', { name: 'Prompt', exact: true })).toBeHidden();
  const before = await boxes(html);
  await still.close();
  // Hydrated: the same boxes in the same places.
  const live = await browser.newContext(phone);
  const page = await live.newPage();
  const { errors } = await watchPage(page);
  await page.goto('/');
  // The studio owns the page once the closed sheet is out of the keyboard's way.
  await expect(page.locator('#generate-panel')).toHaveAttribute('inert', '');
  expect(await boxes(page)).toEqual(before);
  await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toBeHidden();
  expect(errors).toEqual([]);
  await live.close();
});
