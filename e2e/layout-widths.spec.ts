/**
 * The studio at a phone's, a tablet's, a small laptop's and a desktop's width: no view (nor
 * the viewer) scrolls sideways, the newest picture is the biggest thing in the results and in
 * the viewer, and on a phone the prompt panel is a sheet that opens from the prompt's preview
 * and passes axe.
 * E2E_SHOTS=1 also saves a screenshot of every view at every width, light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, newestJob, promptBox, test } from './generate-helpers.ts';
import { stage } from './editor-helpers.ts';

const WIDTHS = [390, 768, 1024, 1440] as const;
const HEIGHT: Record<(typeof WIDTHS)[number], number> = {
  390: 844,
  768: 1024,
  1024: 768,
  1440: 900,
};

/** Visible elements that stick out of the window sideways, named for the failure message. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      found.push(`page scrolls to ${document.documentElement.scrollWidth}px`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue; // visually hidden text
      if (box.right <= width + 1 && box.left >= -1) continue;
      // Inside a clipping or sideways-scrolling box, the box is what must fit (checked itself).
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') clipped = true;
      }
      if (clipped || getComputedStyle(el).visibility === 'hidden') continue;
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
      found.push(`${el.tagName.toLowerCase()}.${el.className} "${name}" ${box.left}..${box.right}`);
    }
    return found;
  });
}

async function shoot(page: Page, info: TestInfo, name: string) {
  if (!process.env.E2E_SHOTS) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: info.outputPath(`${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('no view scrolls sideways at 390, 768, 1024 and 1440 px and the picture leads', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: HEIGHT[390] });
  await page.goto('/');
  // On a phone the prompt waits behind its preview; opening it puts the caret in it.
  const toggle = page.getByRole('button', { name: /^Prompt/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(promptBox(page)).toBeFocused();
  await page.keyboard.type('a lighthouse on a cliff at dusk');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  // The sheet makes way for the picture being made.
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toContainText('a lighthouse on a cliff at dusk');
  const job = newestJob(page);
  await expect(job.getByText('Saved', { exact: true })).toBeVisible({ timeout: 30_000 });

  const picture = job.getByRole('img', { name: /^Result 1:/ });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT[width] });
    await page.getByRole('tab', { name: 'Generate' }).click();
    await expect(picture).toBeVisible();
    expect(await overflowing(page), `generate at ${width}px`).toEqual([]);
    // The newest picture fills most of the results' width and is whole in the window.
    const results = (await page.getByRole('region', { name: 'Results' }).boundingBox())!;
    const box = (await picture.boundingBox())!;
    expect(Math.max(box.width / results.width, box.height / (HEIGHT[width] * 0.6))).toBeGreaterThan(
      0.7,
    );
    expect(box.y + box.height).toBeLessThanOrEqual(HEIGHT[width] + 1);
    await shoot(page, info, `generate-${width}`);

    // The viewer: the picture fills the window's width or height, nothing sticks out.
    await job.getByRole('button', { name: 'Open image 1 large' }).click();
    const viewer = page.getByRole('dialog', { name: 'a lighthouse on a cliff at dusk' });
    await expect(viewer.getByRole('img')).toHaveJSProperty('complete', true);
    expect(await overflowing(page), `viewer at ${width}px`).toEqual([]);
    const large = (await viewer.getByRole('img').boundingBox())!;
    expect(Math.max(large.width / width, large.height / HEIGHT[width])).toBeGreaterThan(0.7);
    await shoot(page, info, `viewer-${width}`);
    await page.keyboard.press('Escape');
    await expect(viewer).toHaveCount(0);

    await job.getByRole('button', { name: 'Send image 1 to the editor' }).click();
    await expect(stage(page)).toBeVisible();
    expect(await overflowing(page), `editor at ${width}px`).toEqual([]);
    await shoot(page, info, `editor-${width}`);

    await page.getByRole('tab', { name: 'Gallery' }).click();
    await expect(page.getByRole('grid', { name: 'Gallery' }).getByRole('gridcell')).toHaveCount(1);
    expect(await overflowing(page), `gallery at ${width}px`).toEqual([]);
    await shoot(page, info, `gallery-${width}`);
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the phone layout and its prompt sheet pass axe in the ${scheme} theme`, async ({
    page,
  }, info) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 390, height: HEIGHT[390] });
    await page.goto('/');
    const found: string[] = [];
    const scan = async (scene: string) => {
      const { violations } = await new AxeBuilder({ page }).analyze();
      found.push(...violations.map((v) => `${scene}: ${v.id} at ${v.nodes[0]?.target}`));
    };
    await scan('generate, sheet closed');
    await page.getByRole('button', { name: /^Prompt/ }).click();
    const sheet = page.getByRole('complementary', { name: 'Prompt and settings' });
    await expect(sheet.getByRole('heading', { name: 'Prompt and settings' })).toBeVisible();
    await scan('generate, sheet open');
    if (scheme === 'light') await shoot(page, info, 'generate-sheet-390');
    // Escape closes it and gives the focus back to the preview that opened it.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: /^Prompt/ })).toBeFocused();
    await expect(page.getByRole('button', { name: /^Prompt/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    expect(found).toEqual([]);
  });
}
