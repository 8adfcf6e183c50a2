/**
 * The mask's overlay colour: Auto picks a swatch that reads on the picture under the paint
 * (never pink on a red roof), a chosen swatch is shown instead and remembered after a
 * reload. Measured on the stage's own pixels (a screenshot), at dpr 1 and 2.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, test } from './generate-helpers.ts';
import { apart, openEditor, paintRectangle, pickImage, shownAt, stage } from './editor-helpers.ts';
import { showScheme } from './theme-helpers.ts';

/** A red tiled roof under a strip of pale sky, 1200×800. */
async function redRoofJpeg(): Promise<Buffer> {
  const [width, height] = [1200, 800];
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const sky = y < 160;
      const tile = (x % 60 < 4 || y % 40 < 3 ? -30 : 0) + 10 * Math.sin(x / 9);
      raw[i] = sky ? 200 : Math.round(185 + tile);
      raw[i + 1] = sky ? 220 : Math.round(42 + tile / 3);
      raw[i + 2] = sky ? 235 : Math.round(40 + tile / 3);
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

const colourButton = (page: Page) => page.getByRole('button', { name: /^Mask colour: / });

test('Auto shows the mask in a colour that reads on a red roof; a chosen swatch is remembered @dpr2', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openEditor(page);
  await pickImage(page, { name: 'roof.jpg', mimeType: 'image/jpeg', buffer: await redRoofJpeg() });
  await expect(stage(page)).toBeVisible();
  await paintRectangle(page, { x: 400, y: 400 }, { x: 800, y: 650 });
  await page.mouse.move(0, 0); // the brush ring away from the measured pixels
  // Mid-tile points (off the grout lines), one painted, one not.
  const painted = { x: 630, y: 530 };
  const bare = { x: 630, y: 750 };

  // Auto: not pink, and the painted roof looks clearly unlike the bare roof.
  await expect(colourButton(page)).toHaveAccessibleName(/^Mask colour: Auto \((?!Pink)\w+\)$/);
  await expect
    .poll(async () => apart(await shownAt(page, painted), await shownAt(page, bare)))
    .toBeGreaterThan(90);

  // Pink chosen: shown as asked (and barely readable here, which is why Auto exists).
  await colourButton(page).click();
  const choices = page.getByRole('radiogroup', { name: 'Mask colour' });
  await expect(choices.getByRole('radio', { name: 'Auto' })).toBeChecked();
  for (const scheme of ['dark', 'light'] as const) {
    await showScheme(page, scheme);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${scheme}: ${v.id} at ${v.nodes[0]?.target}`)).toEqual([]);
  }
  await choices.getByRole('radio', { name: 'Pink' }).click();
  await page.keyboard.press('Escape');
  await expect(colourButton(page)).toHaveAccessibleName('Mask colour: Pink');
  await page.mouse.move(0, 0);
  await expect
    .poll(async () => apart(await shownAt(page, painted), await shownAt(page, bare)))
    .toBeLessThan(55);

  // Remembered: after a reload the restored mask is still pink.
  await page.reload();
  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(colourButton(page)).toHaveAccessibleName('Mask colour: Pink');
  await colourButton(page).click();
  await expect(page.getByRole('radio', { name: 'Pink' })).toBeChecked();
});
