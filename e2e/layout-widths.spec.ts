/**
 * The studio at a phone's, a tablet's, a small laptop's and a desktop's width: no view (nor
 * the viewer) scrolls sideways or fails axe, the newest picture is the biggest thing in the
 * results and in the viewer, and on a phone the prompt panel is a sheet that opens from the
 * prompt's preview and passes axe.
 * The provider settings and the crop step (DALL·E 2's square) fit at every width too.
 * E2E_SHOTS=1 also saves a screenshot of every view and dialog at every width, light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, generate, newestJob, pickOption, promptBox, test } from './generate-helpers.ts';
import {
  applyEdit,
  landscapeJpeg,
  openLandscape,
  paintRectangle,
  pickImage,
  stage,
  stageView,
} from './editor-helpers.ts';
import { makeGalleryArchive } from './fixtures/gallery-archive.ts';
import { galleryGrid, galleryTiles, openGallery, seedGallery } from './fixtures/gallery-page.ts';
import { showScheme } from './theme-helpers.ts';

const WIDTHS = [390, 768, 1024, 1440] as const;
type Width = (typeof WIDTHS)[number];
const HEIGHT: Record<Width, number> = {
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
    // Shown once its colours' transitions are done, not half-way between the two themes.
    await showScheme(page, scheme);
    await page.screenshot({
      path: info.outputPath(`${name}-${scheme}.png`),
      animations: 'disabled',
    });
  }
  // What comes next (an axe scan) meets the light theme whole.
  await showScheme(page, 'light');
}

test('no view scrolls sideways at 390, 768, 1024 and 1440 px and the picture leads', async ({
  page,
}, info) => {
  test.setTimeout(180_000);
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
  // axe at every width too (the dark theme is scanned at 390 px below and on the desktop in
  // a11y.spec): a layout that moves controls around can break names, order or contrast.
  const found: string[] = [];
  const scan = async (scene: string) => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    found.push(...violations.map((v) => `${scene}: ${v.id} at ${v.nodes[0]?.target}`));
  };
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
    await scan(`generate at ${width}px`);

    // The viewer: the picture fills the window's width or height, nothing sticks out.
    await job.getByRole('button', { name: 'Open image 1 large' }).click();
    const viewer = page.getByRole('dialog', { name: 'a lighthouse on a cliff at dusk' });
    await expect(viewer.getByRole('img')).toHaveJSProperty('complete', true);
    expect(await overflowing(page), `viewer at ${width}px`).toEqual([]);
    const large = (await viewer.getByRole('img').boundingBox())!;
    expect(Math.max(large.width / width, large.height / HEIGHT[width])).toBeGreaterThan(0.7);
    await shoot(page, info, `viewer-${width}`);
    await scan(`viewer at ${width}px`);
    await page.keyboard.press('Escape');
    await expect(viewer).toHaveCount(0);

    await job.getByRole('button', { name: 'Send image 1 to the editor' }).click();
    await expect(stage(page)).toBeVisible();
    expect(await overflowing(page), `editor at ${width}px`).toEqual([]);
    if (width === 390) {
      // On a phone the tools are one row, not five, and the picture keeps the room: it was
      // 274 px wide here (0.70 of the screen) with the toolbar wrapped.
      // Polled: the picture is fitted again as the notes above the stage settle.
      await expect
        .poll(async () => {
          const view = await stageView(page);
          return view.imageWidth * view.scale;
        })
        .toBeGreaterThan(0.78 * width);
      const tools = page.getByRole('toolbar', { name: 'Mask tools' });
      expect((await tools.boundingBox())!.height).toBeLessThan(60);
      // The rest of the row is a sideways scroll away, and Undo is in view without it.
      await expect(tools.getByRole('button', { name: 'Undo' })).toBeInViewport({ ratio: 1 });
    }
    await shoot(page, info, `editor-${width}`);
    await scan(`editor at ${width}px`);

    await expect(await galleryTiles(page)).toHaveCount(1);
    expect(await overflowing(page), `gallery at ${width}px`).toEqual([]);
    await shoot(page, info, `gallery-${width}`);
    await scan(`gallery at ${width}px`);
  }
  expect(found).toEqual([]);
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

/** Below 900 px the settings are a sheet: opens it (once) so its controls can be reached. */
async function openPanelIfNarrow(page: Page, width: Width) {
  if (width >= 900) return;
  const toggle = page.getByRole('button', { name: /^Prompt/ });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/** Opens a wide JPEG under DALL·E 2 (which edits squares only) and returns its crop step, shown. */
async function openCropStep(page: Page): Promise<Locator> {
  await pickImage(page, {
    name: 'wide.jpg',
    mimeType: 'image/jpeg',
    buffer: await landscapeJpeg(900, 600),
  });
  const crop = page.getByRole('dialog', { name: 'Make it square for DALL·E 2' });
  await expect(crop).toBeVisible();
  return crop;
}

/** Every button of a dialog is inside the window, and nothing sticks out sideways. */
async function expectDialogFits(page: Page, dialog: Locator, what: string, width: Width) {
  expect(await overflowing(page), `${what} at ${width}px`).toEqual([]);
  const box = (await dialog.boundingBox())!;
  expect(box.x, `${what} at ${width}px`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what} at ${width}px`).toBeLessThanOrEqual(width + 1);
  // Nor does anything in it scroll sideways (a box wider than the dialog, scrolled inside it).
  const scrolled = await dialog.evaluate((root) =>
    [root, ...root.querySelectorAll('*')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      .filter((el) => getComputedStyle(el).overflowX !== 'visible')
      .map(
        (el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}/${el.clientWidth}`,
      ),
  );
  expect(scrolled, `${what} at ${width}px`).toEqual([]);
  for (const button of await dialog.getByRole('button').all()) {
    await button.scrollIntoViewIfNeeded();
    const b = (await button.boundingBox())!;
    const name = await button.textContent();
    expect(b.x >= -1 && b.x + b.width <= width + 1, `${what}: "${name}" at ${width}px`).toBe(true);
    expect(b.y + b.height, `${what}: "${name}" at ${width}px`).toBeLessThanOrEqual(
      HEIGHT[width] + 1,
    );
  }
}

test('the provider settings and the crop step fit at 390, 768, 1024 and 1440 px', async ({
  page,
}, info) => {
  test.setTimeout(150_000);
  await page.goto('/');
  // Largest first: a sheet opened on the tablet stays open on the phone.
  const widths = [...WIDTHS].reverse();
  for (const width of widths) {
    await page.setViewportSize({ width, height: HEIGHT[width] });
    await openPanelIfNarrow(page, width);
    await page.getByRole('button', { name: /Change provider/ }).click();
    const providers = page.getByRole('dialog', { name: 'Provider settings' });
    await expect(providers).toBeVisible();
    await expectDialogFits(page, providers, 'provider settings', width);
    await shoot(page, info, `provider-dialog-${width}`);
    await page.keyboard.press('Escape');
    await expect(providers).toHaveCount(0);
  }

  // The crop step: DALL·E 2 edits squares only, so a wide image opens it.
  await page.setViewportSize({ width: 1440, height: HEIGHT[1440] });
  await page.getByRole('tab', { name: 'Edit' }).click();
  await pickOption(page, 'Model', /^DALL·E 2/);
  for (const width of widths) {
    await page.setViewportSize({ width, height: HEIGHT[width] });
    const crop = await openCropStep(page);
    await expectDialogFits(page, crop, 'crop step', width);
    await shoot(page, info, `crop-dialog-${width}`);
    await crop.getByRole('button', { name: 'Cancel' }).click();
    await expect(crop).toHaveCount(0);
  }

  // Opened wide, then the window narrows (a phone turned, a window dragged): the box follows
  // and the picture is still drawn in it.
  await page.setViewportSize({ width: 1440, height: HEIGHT[1440] });
  const crop = await openCropStep(page);
  await page.setViewportSize({ width: 390, height: HEIGHT[390] });
  await expect
    .poll(async () => (await crop.locator('canvas').boundingBox())!.width)
    .toBeLessThan(390 - 2 * 32);
  await expectDialogFits(page, crop, 'crop step narrowed to 390', 390);
  const alpha = await crop
    .locator('canvas')
    .evaluate(
      (c: HTMLCanvasElement) =>
        c.getContext('2d')!.getImageData(c.width / 2, c.height / 2, 1, 1).data[3],
    );
  expect(alpha, 'the picture is drawn after the resize').toBe(255);
});

test('the gallery with boards leads with its thumbnails, and A/B compare fits, at every width', async ({
  page,
}, info) => {
  test.setTimeout(150_000);
  const seeded = await makeGalleryArchive([
    { prompt: 'a harbour at dawn', ageMinutes: 1 },
    { prompt: 'a tall lighthouse', ageMinutes: 2, size: [256, 384] },
    { prompt: 'a wide bay', ageMinutes: 3, size: [384, 216] },
    { prompt: 'boats in the mist', ageMinutes: 4 },
    { prompt: 'a fox in fresh snow', ageMinutes: 5 },
    { prompt: 'a misty valley', ageMinutes: 6 },
  ]);
  await openGallery(page);
  await seedGallery(page, seeded.zip, 6);
  for (const name of ['Harbours', 'Portraits']) {
    await page.getByRole('button', { name: '+ New board' }).click();
    await page.getByRole('textbox', { name: 'New board name' }).fill(name);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Show all images' }).click();
  }
  await page.getByRole('button', { name: 'Dismiss' }).click();
  const grid = galleryGrid(page);
  const first = grid.getByRole('gridcell').first();
  for (const width of [...WIDTHS].reverse()) {
    await page.setViewportSize({ width, height: HEIGHT[width] });
    await expect(first).toBeVisible();
    await shoot(page, info, `gallery-boards-${width}`);
    expect(await overflowing(page), `gallery at ${width}px`).toEqual([]);
    // On a phone and a tablet the pictures start in the top third of the first screen: the
    // filters wait behind one button.
    const top = (await first.boundingBox())!.y;
    const filters = page.getByRole('button', { name: 'Filters' });
    const model = page.getByRole('combobox', { name: 'Model' });
    if (width < 1024) {
      expect(top, `first thumbnail at ${width}px`).toBeLessThan(HEIGHT[width] / 3);
      await expect(model).toBeHidden();
      await filters.click();
      await expect(filters).toHaveAttribute('aria-expanded', 'true');
      await expect(model).toBeVisible();
      expect(await overflowing(page), `gallery filters at ${width}px`).toEqual([]);
      await shoot(page, info, `gallery-filters-${width}`);
      await filters.click();
    } else {
      await expect(filters).toBeHidden();
      await expect(model).toBeVisible();
    }

    // A/B compare of a tall and a wide picture: each whole, nothing sticks out.
    await grid.getByRole('checkbox', { name: 'Select a tall lighthouse' }).check();
    await grid.getByRole('checkbox', { name: 'Select a wide bay' }).check();
    await page.getByRole('button', { name: 'Compare A/B' }).click();
    const viewer = page.getByRole('dialog', { name: 'Compare A and B' });
    await expect(viewer.getByRole('img', { name: 'Full image: a wide bay' })).toBeVisible();
    expect(await overflowing(page), `A/B compare at ${width}px`).toEqual([]);
    await shoot(page, info, `ab-compare-${width}`);
    await page.keyboard.press('Escape');
    await expect(viewer).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear selection' }).click();
  }
});

test('a Queued job, the notes by a changed field and the editor Compare fit at every width', async ({
  page,
  engine,
}, info) => {
  test.setTimeout(240_000);
  const widths = [...WIDTHS].reverse();
  await page.setViewportSize({ width: 1440, height: HEIGHT[1440] });
  await page.goto('/');
  // Three slow requests hold the provider's three slots: the fourth job waits as Queued.
  await engine.queueFaults([1, 2, 3].map(() => ({ type: 'latency', ms: 20_000 })));
  for (const prompt of ['slot one', 'slot two', 'slot three', 'waits its turn']) {
    await generate(page, prompt);
  }
  const queued = newestJob(page);
  for (const width of widths) {
    await page.setViewportSize({ width, height: HEIGHT[width] });
    await expect(queued.getByText('Queued', { exact: true })).toBeVisible();
    expect(await overflowing(page), `queued job at ${width}px`).toEqual([]);
    await shoot(page, info, `queued-${width}`);
  }

  // A model change adjusts the size and says so under the Size field.
  await page.setViewportSize({ width: 1440, height: HEIGHT[1440] });
  await pickOption(page, 'Model', 'GPT Image 1');
  await pickOption(page, 'Size', /1536 × 1024/);
  await pickOption(page, 'Model', 'DALL·E 3');
  const note = page.getByRole('status').filter({ hasText: 'Size: 1536x1024 → 1024x1024' });
  for (const width of widths) {
    await page.setViewportSize({ width, height: HEIGHT[width] });
    await openPanelIfNarrow(page, width);
    await note.scrollIntoViewIfNeeded();
    await expect(note).toBeVisible();
    expect(await overflowing(page), `field note at ${width}px`).toEqual([]);
    await shoot(page, info, `field-note-${width}`);
  }

  // The editor's Compare: before and after split by the divider on the picture.
  await page.setViewportSize({ width: 1440, height: HEIGHT[1440] });
  await openLandscape(page);
  await paintRectangle(page, { x: 600, y: 300 }, { x: 900, y: 550 });
  await applyEdit(page, 'a red kite');
  const after = page.getByRole('img', { name: /^After/ });
  await expect(after).toBeVisible({ timeout: 90_000 });
  const divider = page.getByRole('slider', { name: 'Compare before and after' });
  for (const width of widths) {
    await page.setViewportSize({ width, height: HEIGHT[width] });
    await expect(divider).toBeVisible();
    expect(await overflowing(page), `editor compare at ${width}px`).toEqual([]);
    // The picture leads: at least 40 % of the window's width or height.
    const box = (await after.boundingBox())!;
    expect(Math.max(box.width / width, box.height / HEIGHT[width])).toBeGreaterThan(0.4);
    await shoot(page, info, `editor-compare-${width}`);
  }
});
