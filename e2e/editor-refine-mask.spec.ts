/**
 * Refine mask: Grow and Shrink move the painted area's edge by exactly N image pixels (one
 * undo step each), and Load mask… reads a PNG made elsewhere by luminance or by alpha,
 * scaled when it is the same picture at another resolution, refused (mask kept) otherwise:
 * other proportions, a header claiming too many pixels, a corrupt PNG.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import { PNGSUITE_DIR } from '../fixtures/pngsuite.ts';
import {
  alphaAt,
  apart,
  openLandscape,
  paintRectangle,
  previewMask,
  shownAt,
  type DecodedImage,
} from './editor-helpers.ts';

/** The first and last column cleared (alpha 0) on row y of the exported mask. */
function clearedSpan(mask: DecodedImage, y: number): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let x = 0; x < mask.width; x++) {
    if (alphaAt(mask, x, y) !== 0) continue;
    if (first < 0) first = x;
    last = x;
  }
  return first < 0 ? null : [first, last];
}

async function refine(page: Page) {
  await page.getByRole('button', { name: 'Refine mask' }).click();
  const panel = page.getByRole('dialog', { name: 'Refine mask' });
  await expect(panel).toBeVisible();
  return panel;
}

/** Picks a PNG with the Refine mask panel's own "Load mask…" button. */
async function loadMask(page: Page, panel: Locator, name: string, buffer: Buffer) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    panel.getByRole('button', { name: 'Load mask…' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'image/png', buffer });
}

/** A white rectangle on black, w×h, covering the given share of each axis from its centre. */
function whiteBox(w: number, h: number, box: { x0: number; x1: number; y0: number; y1: number }) {
  const width = Math.round((box.x1 - box.x0) * w);
  const height = Math.round((box.y1 - box.y0) * h);
  return sharp({ create: { width: w, height: h, channels: 3, background: '#000' } })
    .composite([
      {
        input: { create: { width, height, channels: 3, background: '#fff' } },
        left: Math.round(box.x0 * w),
        top: Math.round(box.y0 * h),
      },
    ])
    .png()
    .toBuffer();
}

test('Grow and Shrink move the edge by N px; Load mask reads luminance and refuses other sizes @dpr2', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openLandscape(page);
  await paintRectangle(page, { x: 400, y: 300 }, { x: 900, y: 700 });
  const painted = clearedSpan(await previewMask(page), 500)!;
  expect(painted[1] - painted[0]).toBeGreaterThan(400);

  let panel = await refine(page);
  await panel.getByRole('spinbutton', { name: 'Grow or shrink by' }).fill('12');
  await panel.getByRole('button', { name: 'Grow' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Grow mask by 12 px' })).toBeVisible();
  expect(clearedSpan(await previewMask(page), 500)).toEqual([painted[0] - 12, painted[1] + 12]);

  panel = await refine(page);
  await panel.getByRole('spinbutton', { name: 'Grow or shrink by' }).fill('30');
  await panel.getByRole('button', { name: 'Shrink' }).click();
  await expect(panel).toHaveCount(0);
  expect(clearedSpan(await previewMask(page), 500)).toEqual([painted[0] + 18, painted[1] - 18]);
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(clearedSpan(await previewMask(page), 500)).toEqual([painted[0] - 12, painted[1] + 12]);

  // Load mask…: the same picture's mask at half resolution, white = change.
  panel = await refine(page);
  const box = { x0: 0.25, x1: 0.5, y0: 0.2, y1: 0.6 };
  await loadMask(page, panel, 'door.png', await whiteBox(800, 500, box));
  await expect(panel).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: /Mask loaded from door\.png by luminance/ }),
  ).toBeVisible();
  const loaded = await previewMask(page);
  const span = clearedSpan(loaded, 500)!;
  expect(Math.abs(span[0] - 400)).toBeLessThanOrEqual(2);
  expect(Math.abs(span[1] - 799)).toBeLessThanOrEqual(2);
  expect(alphaAt(loaded, 600, 150)).toBe(255); // above the box: kept
  expect(alphaAt(loaded, 600, 250)).toBe(0);

  // A square file is not this 1600×1000 image's mask: said so, and the mask is unchanged.
  panel = await refine(page);
  await loadMask(page, panel, 'square.png', await whiteBox(1000, 1000, box));
  await expect(panel.getByRole('alert')).toHaveText(
    'The mask is 1000×1000, but the image is 1600×1000. Load a mask with the image’s size. Your mask is unchanged.',
  );
  // Refused before decoding, with what to do: a PNG whose header claims 50000×31250 pixels,
  // and a corrupt one (PngSuite's CR LF → LF copy). The mask is kept through all of it.
  const claimsHuge = await whiteBox(16, 10, box);
  claimsHuge.writeUInt32BE(50_000, 16);
  claimsHuge.writeUInt32BE(31_250, 20);
  await loadMask(page, panel, 'huge.png', claimsHuge);
  await expect(panel.getByRole('alert')).toHaveText(
    '“huge.png” claims 50,000×31,250 pixels, more than Easel reads (16,384 px a side, 66 MP). Save the mask at the image’s size, 1600×1000, and load that. Your mask is unchanged.',
  );
  await loadMask(page, panel, 'xlfn0g04.png', readFileSync(join(PNGSUITE_DIR, 'xlfn0g04.png')));
  await expect(panel.getByRole('alert')).toHaveText(
    '“xlfn0g04.png” is a damaged PNG: its first bytes are not a PNG’s signature. Export the mask again and load the new file. Your mask is unchanged.',
  );
  await page.keyboard.press('Escape');
  expect(clearedSpan(await previewMask(page), 500)).toEqual(span);
});

test('Show blend band draws the band soft compose will blend, fading out at the grown edge @dpr2', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openLandscape(page);
  // 300×250 px: the defaults grow it by 4 + 10% of its diagonal / 2 = 24 px, feather ≤ 25.
  await paintRectangle(page, { x: 600, y: 300 }, { x: 900, y: 550 });
  await page.mouse.move(0, 0);
  const at = (dx: number) => ({ x: 900 + dx, y: 425 });
  const before = [
    await shownAt(page, at(6)),
    await shownAt(page, at(18)),
    await shownAt(page, at(40)),
  ];

  const panel = await refine(page);
  await panel.getByRole('switch', { name: 'Show blend band' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'Grown by 24 px and faded over the outer 24 px, from the painted area’s size. Compare can change both.',
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id} at ${v.nodes[0]?.target}`)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  await expect
    .poll(async () => apart(await shownAt(page, at(6)), before[0]!), { timeout: 10_000 })
    .toBeGreaterThan(15);
  const near = apart(await shownAt(page, at(6)), before[0]!);
  const ramp = apart(await shownAt(page, at(18)), before[1]!);
  const beyond = apart(await shownAt(page, at(40)), before[2]!);
  // Tinted fully next to the paint, faintly near the grown edge, not at all beyond it.
  expect(ramp).toBeLessThan(near / 2);
  expect(beyond).toBeLessThanOrEqual(3);

  // Turned off: the picture beside the paint is shown untouched again.
  await (await refine(page)).getByRole('switch', { name: 'Show blend band' }).click();
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  await expect
    .poll(async () => apart(await shownAt(page, at(6)), before[0]!), { timeout: 10_000 })
    .toBeLessThanOrEqual(3);
});

test('A step outside 1–256 says why Grow and Shrink are off, on the field itself; on a short phone a refusal is read whole', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 667 });
  await openLandscape(page);
  const panel = await refine(page);
  const step = panel.getByRole('spinbutton', { name: 'Grow or shrink by' });
  await step.fill('0');
  await expect(step).toHaveAttribute('aria-invalid', 'true');
  await expect(step).toHaveAccessibleDescription('Enter a whole number of pixels from 1 to 256.');
  await expect(panel.getByText('Enter a whole number of pixels from 1 to 256.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Grow' })).toBeDisabled();
  await step.fill('300');
  await expect(step).toHaveAccessibleDescription('Enter a whole number of pixels from 1 to 256.');
  await step.fill('12');
  await expect(step).toHaveAttribute('aria-invalid', 'false');
  await expect(step).toHaveAccessibleDescription('');
  await expect(panel.getByRole('button', { name: 'Grow' })).toBeEnabled();

  // The panel is taller than the room under its button: a refusal at its foot is still shown
  // whole (it once ran off the bottom of the window, where nothing could scroll to it).
  await loadMask(page, panel, 'xlfn0g04.png', readFileSync(join(PNGSUITE_DIR, 'xlfn0g04.png')));
  await expect(panel.getByRole('alert')).toBeInViewport({ ratio: 1 });
});
