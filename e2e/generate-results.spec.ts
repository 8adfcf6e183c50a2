import type { Locator } from '@playwright/test';
import sharp from 'sharp';
import { galleryGrid } from './fixtures/gallery-page.ts';
import {
  expect,
  generate,
  newestJob,
  openStudio,
  pickOption,
  promptBox,
  setSlider,
  test,
} from './generate-helpers.ts';

test.beforeEach(({ page, engine }) => openStudio(page, engine));

/**
 * Whether `element` is what is drawn on top at its centre. Hit-tested with every element
 * made to take pointers for the moment: an open dialog makes the page, and the dialogs under
 * it, let pointers through, so a click (a test's too) reached a question drawn behind.
 */
function drawnOnTop(element: Locator): Promise<boolean> {
  return element.evaluate((el) => {
    const passing = [...document.querySelectorAll<HTMLElement>('body, body *')].filter(
      (e) => getComputedStyle(e).pointerEvents === 'none',
    );
    const was = passing.map((e) => e.style.pointerEvents);
    for (const e of passing) e.style.pointerEvents = 'auto';
    const box = el.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    passing.forEach((e, i) => (e.style.pointerEvents = was[i]!));
    return el.contains(top);
  });
}

async function generateTwo(page: import('@playwright/test').Page) {
  await pickOption(page, 'Model', 'GPT Image 1');
  await setSlider(page, 'Number of images', 2);
  await page
    .getByRole('radiogroup', { name: 'Output format' })
    .getByRole('radio', { name: 'WebP' })
    .click();
  const job = await generate(page, 'A teal kettle, studio light!');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  return job;
}

test('download names the file after the prompt, with the extension of its bytes', async ({
  page,
}) => {
  const job = await generateTwo(page);
  const download = page.waitForEvent('download');
  await job.getByRole('button', { name: 'Download image 2' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('a-teal-kettle-studio-light-2.webp');
  const meta = await sharp(await file.path()).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['webp', 1024, 1024]);
});

test('open large shows the image at full size in a dialog that traps focus', async ({ page }) => {
  const job = await generateTwo(page);
  await job.getByRole('button', { name: 'Open image 1 large' }).click();
  const dialog = page.getByRole('dialog', { name: /Image 1 of 2/ });
  await expect(dialog).toBeVisible();
  const natural = await dialog
    .getByRole('img')
    .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(natural).toEqual([1024, 1024]);
  await dialog.getByRole('button', { name: 'Next image' }).click();
  const viewer = page.getByRole('dialog');
  await expect(viewer).toHaveAccessibleName(/Image 2 of 2/);
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  expect(await viewer.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);
});

test('copy prompt and reuse settings bring a job back into the panel', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const job = await generateTwo(page);
  await job.getByRole('button', { name: 'Copy prompt' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'A teal kettle, studio light!',
  );
  // Said where the eye is, not only to a screen reader.
  await expect(page.getByRole('status').filter({ hasText: 'Prompt copied.' })).toBeVisible();

  await pickOption(page, 'Model', 'DALL·E 3');
  await promptBox(page).fill('something else entirely');
  await job.getByRole('button', { name: 'Reuse settings' }).click();
  await expect(promptBox(page)).toHaveValue('A teal kettle, studio light!');
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveText(/GPT Image 1$/);
  await expect(page.getByRole('slider', { name: 'Number of images' })).toHaveAttribute(
    'aria-valuenow',
    '2',
  );
  await expect(
    page.getByRole('radiogroup', { name: 'Output format' }).getByRole('radio', { name: 'WebP' }),
  ).toBeChecked();
});

test('make variations asks crop or pad for a wide image, sends a square PNG to DALL·E 2 and makes Number of images', async ({
  page,
  engine,
}) => {
  await pickOption(page, 'Model', 'GPT Image 1.5');
  await pickOption(page, 'Size', /1536 × 1024/);
  await generate(page, 'a wide landscape');
  await expect(newestJob(page).getByText('Saved', { exact: true })).toBeVisible();
  await setSlider(page, 'Number of images', 2);
  const question = page.getByRole('dialog', { name: 'Make the image square' });

  // Asked from the gallery's viewer, the question is drawn in front of it (it once opened
  // behind, the viewer seemingly stuck); Cancel leaves the viewer as it was.
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await galleryGrid(page)
    .getByRole('gridcell', { name: /^a wide landscape/ })
    .click();
  const viewer = page.getByRole('dialog', { name: 'a wide landscape' });
  await viewer.getByRole('button', { name: 'Make variations' }).click();
  const cancel = question.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeVisible();
  expect(await drawnOnTop(cancel)).toBe(true);
  await cancel.click();
  await expect(question).toHaveCount(0);
  await expect(viewer).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Generate' }).click();

  await newestJob(page).getByRole('button', { name: 'Make variations of image 1' }).click();
  // DALL·E 2 takes square images only: the wide picture is cropped or padded, as chosen.
  await expect(question).toContainText('1536 × 1024');
  await question.getByRole('button', { name: 'Crop to square' }).click();
  const job = newestJob(page);
  await expect(job).toHaveAccessibleName(/^Variations/);
  await expect(job.getByText('Saved', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(job.getByRole('img', { name: /^Result \d+:/ })).toHaveCount(2);
  const variation = (await engine.requests()).find((r) => r.operation === 'variation');
  expect(variation?.fields).toEqual({
    model: 'dall-e-2',
    n: '2',
    size: '1024x1024',
    response_format: 'b64_json',
  });
  const [file] = (
    variation as unknown as { files: { format: string; width: number; height: number }[] }
  ).files;
  expect([file?.format, file?.width, file?.height]).toEqual(['png', 1024, 1024]);
});

test('send to editor opens the image in the Edit view', async ({ page }) => {
  const job = await generateTwo(page);
  await job.getByRole('button', { name: 'Send image 1 to the editor' }).click();
  await expect(page.getByRole('tab', { name: 'Edit' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Open another image…' })).toBeVisible();
});

test('a url result the browser cannot download keeps its link, its expiry and the reason', async ({
  page,
  engine,
}) => {
  await pickOption(page, 'Model', 'DALL·E 3');
  await page
    .getByRole('radiogroup', { name: 'Response format' })
    .getByRole('radio', { name: 'Link' })
    .click();
  await engine.queueFaults([{ type: 'drop', operation: 'download' }]);
  const job = await generate(page, 'a link that cannot be fetched');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  await expect(job.getByText('Image 1: link only')).toBeVisible();
  // The engine drops the download half-way, as a flaky image host would.
  await expect(job.getByText(/kept only the link/)).toBeVisible();
  await expect(job.getByText(/^Works until \d{1,2}:\d{2}/)).toBeVisible();
  const link = job.getByRole('link', { name: 'Open image 1' });
  await expect(link).toHaveAttribute('href', new RegExp(`^${engine.url}/v1/images/files/`));
  await expect(job.getByRole('img', { name: /^Result/ })).toHaveCount(0);
});

test('nothing moves while the images load: their boxes are reserved', async ({ page }) => {
  // Sum the layout shifts that move an image or its frame (status text may reflow).
  await page.evaluate(() => {
    const w = window as unknown as { shifts: number };
    w.shifts = 0;
    type Shift = { value: number; sources: { node?: Node }[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Shift[]) {
        const moved = entry.sources.some(
          (s) => s.node instanceof Element && s.node.closest('figure'),
        );
        if (moved) w.shifts += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: false });
  });
  await pickOption(page, 'Model', 'GPT Image 1');
  await pickOption(page, 'Size', /1024 × 1536/);
  await setSlider(page, 'Number of images', 3);
  const job = await generate(page, 'three tall posters');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  const frames = job.getByRole('button', { name: /^Open image \d large$/ });
  await expect(frames).toHaveCount(3);
  for (const box of await frames.evaluateAll((els) =>
    els.map((el) => el.getBoundingClientRect()),
  )) {
    expect(box.height / box.width).toBeCloseTo(1536 / 1024, 2);
  }
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
});

test('the card keeps its height when the image arrives: nothing below it jumps', async ({
  page,
  engine,
}) => {
  await pickOption(page, 'Size', /^1024 × 1024/);
  // An older job below the new one: the one a jump would move.
  await generate(page, 'a first lighthouse');
  await expect(newestJob(page).getByText('Saved', { exact: true })).toBeVisible();

  await engine.queueFaults([{ type: 'latency', ms: 2_000 }]);
  const job = await generate(page, 'a second lighthouse');
  await expect(job.getByRole('figure', { name: 'Image 1: waiting' })).toBeVisible();
  const older = page.getByRole('article', { name: 'Generation: a first lighthouse' });
  const waiting = { card: await job.boundingBox(), older: await older.boundingBox() };

  await expect(job.getByRole('img', { name: 'Result 1: a second lighthouse' })).toBeVisible();
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  expect(await job.boundingBox()).toEqual(waiting.card);
  expect(await older.boundingBox()).toEqual(waiting.older);
});
