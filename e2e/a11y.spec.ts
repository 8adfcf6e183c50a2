/**
 * The accessibility scan of the whole studio, in one place: axe (@axe-core/playwright) over
 * every view and dialog, in the light and the dark theme. Each scene is scanned as a user
 * would meet it: the generate view with results, the provider settings and the keyboard
 * shortcuts, the empty editor, an image with a painted mask (the keyboard pen's hint
 * showing), the compare view, the crop step, the gallery grid and an edit's details.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, generate, pickOption, test } from './generate-helpers.ts';
import { applyEdit, stage } from './editor-helpers.ts';
import { showScheme } from './theme-helpers.ts';

/** Every axe violation on the page, one line each: scene, rule, impact, where. */
async function scanOnce(page: Page, scene: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map(
    (v) =>
      `${scene}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Switches and checkboxes that are off, whose edge is not 3:1 against what they sit on
 * (WCAG 1.4.11, which axe does not check): an off switch that fades into its panel is a
 * control a designer cannot find.
 */
function faintControls(page: Page, scene: string): Promise<string[]> {
  return page.evaluate((scene) => {
    const rgb = (css: string) => {
      const [r = 0, g = 0, b = 0, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const lin = (c: number) =>
        c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4;
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    /** The colour behind an element: the nearest ancestor's background that is not see-through. */
    const behind = (el: Element) => {
      for (let at = el.parentElement; at; at = at.parentElement) {
        const bg = rgb(getComputedStyle(at).backgroundColor);
        if (bg.a > 0) return bg;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const off = document.querySelectorAll(
      '[role="switch"][aria-checked="false"], [role="checkbox"][aria-checked="false"]',
    );
    return [...off]
      .filter((el) => el.getClientRects().length > 0)
      .flatMap((el) => {
        const edge = luminance(rgb(getComputedStyle(el).borderTopColor));
        const ground = luminance(behind(el));
        const ratio = (Math.max(edge, ground) + 0.05) / (Math.min(edge, ground) + 0.05);
        const name =
          el.getAttribute('aria-label') ??
          (el as HTMLButtonElement).labels?.[0]?.textContent ??
          el.id;
        return ratio < 3
          ? [`${scene}: off ${el.getAttribute('role')} ${name} edge ${ratio.toFixed(2)}:1`]
          : [];
      });
  }, scene);
}

/**
 * The scene as it is, scanned in the light and then the dark theme: the studio follows the
 * system's scheme as it changes, and each scan waits until the colours have finished their
 * transition (a contrast read half-way would be neither theme's).
 */
async function scan(page: Page, scene: string): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await showScheme(page, scheme);
    found.push(...(await scanOnce(page, `${scene} (${scheme})`)));
    found.push(...(await faintControls(page, `${scene} (${scheme})`)));
  }
  return found;
}

// One walk through the studio, every scene scanned in both themes: the walk (a generation, an
// edit, the gallery) is the slow part, and the themes change only colours.
test('every view and dialog passes axe in the light and the dark theme', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  const found: string[] = [];
  const dialog = (name: string) => page.getByRole('dialog', { name });

  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(page.getByRole('button', { name: 'Choose image…' })).toBeVisible();
  found.push(...(await scan(page, 'empty editor')));
  await page.getByRole('tab', { name: 'Generate' }).click();

  await pickOption(page, 'Model', 'GPT Image 1');
  await pickOption(page, 'Size', /^1536 × 1024/);
  const job = await generate(page, 'an accessible lighthouse, wide');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  // With More settings open: its switches (Stream partial images, off) are scanned too.
  await page.getByRole('button', { name: 'More settings' }).click();
  await expect(page.getByRole('switch', { name: 'Stream partial images' })).toBeVisible();
  found.push(...(await scan(page, 'generate view with a result')));

  await page.getByRole('button', { name: /Change provider/ }).click();
  await expect(dialog('Provider settings')).toBeVisible();
  found.push(...(await scan(page, 'provider settings')));
  await dialog('Provider settings').getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(
    dialog('Keyboard shortcuts').getByRole('heading', { name: 'Gallery', exact: true }),
  ).toBeVisible();
  found.push(...(await scan(page, 'keyboard shortcuts')));
  await page.keyboard.press('Escape');

  // The editor with the image and a mask painted from the keyboard (its hint on screen).
  await job.getByRole('button', { name: 'Send image 1 to the editor' }).click();
  await expect(stage(page)).toBeVisible();
  await page.keyboard.press('r');
  await page.getByRole('button', { name: 'Paint with the keyboard' }).click();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Painting with the keyboard')).toBeVisible();
  found.push(...(await scan(page, 'editor with a painted mask')));

  await applyEdit(page, 'a blue door where it is painted');
  await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 30_000 });
  found.push(...(await scan(page, 'compare view')));

  // DALL·E 2 takes squares only: choosing it for this wide image opens the crop step.
  await page.getByRole('radio', { name: 'Paint', exact: true }).click();
  await pickOption(page, 'Model', /^DALL·E 2/);
  await expect(dialog('Make it square for DALL·E 2')).toBeVisible();
  found.push(...(await scan(page, 'crop step')));
  await page.keyboard.press('Escape');
  await expect(dialog('Make it square for DALL·E 2')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Gallery' }).click();
  const grid = page.getByRole('grid', { name: 'Gallery' });
  await expect(grid.getByRole('gridcell')).toHaveCount(2);
  found.push(...(await scan(page, 'gallery grid')));
  await grid.getByRole('gridcell', { name: /^a blue door/ }).click();
  const detail = dialog('a blue door where it is painted');
  await expect(detail.getByRole('img', { name: /^Full image/ })).toBeVisible();
  await expect(detail.getByText('an accessible lighthouse, wide').first()).toBeVisible();
  found.push(...(await scan(page, 'gallery detail of an edit')));

  expect(found).toEqual([]);
});
