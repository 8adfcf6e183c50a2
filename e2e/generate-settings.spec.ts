import {
  expect,
  expectDalle3PortraitDraft,
  openMoreSettings,
  openStudio,
  pickDalle3Portrait,
  pickOption,
  pickSegment,
  promptBox,
  setSlider,
  test,
} from './generate-helpers.ts';
import type { Locator } from '@playwright/test';

/** The note sits right under the control it is about (within a hint's height). */
async function expectNoteBy(control: Locator, note: Locator) {
  await expect(note).toBeVisible();
  const c = (await control.boundingBox())!;
  const n = (await note.boundingBox())!;
  expect(n.y).toBeGreaterThanOrEqual(c.y + c.height - 1);
  expect(n.y - (c.y + c.height)).toBeLessThan(40);
}

test.beforeEach(({ page, engine }) => openStudio(page, engine));

test('the settings offered follow the model: only valid choices, per model', async ({ page }) => {
  // Opened by Enter at once (the drop-down's code loads on reach), the list puts the focus
  // on the chosen model, as a select does; Escape closes it.
  await page.getByRole('combobox', { name: 'Model', exact: true }).press('Enter');
  await expect(page.getByRole('option', { selected: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await pickOption(page, 'Model', 'DALL·E 2');
  await expect(page.getByRole('radiogroup', { name: 'Quality' }).getByRole('radio')).toHaveText([
    'Standard',
  ]);
  await expect(page.getByRole('radiogroup', { name: 'Style' })).toHaveCount(0);
  await expect(page.getByRole('radiogroup', { name: 'Background' })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Size' }).click();
  await expect(page.getByRole('option')).toHaveText([/256 × 256/, /512 × 512/, /1024 × 1024/]);
  await page.keyboard.press('Escape');

  await pickOption(page, 'Model', 'DALL·E 3');
  await expect(page.getByRole('slider', { name: 'Number of images' })).toHaveAttribute(
    'aria-valuemax',
    '1',
  );
  await expect(page.getByText('DALL·E 3 makes one image per request.')).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: 'Style' }).getByRole('radio')).toHaveText([
    'Vivid',
    'Natural',
  ]);

  await pickOption(page, 'Model', 'GPT Image 1');
  await openMoreSettings(page);
  for (const name of ['Background', 'Output format', 'Moderation', 'Quality']) {
    await expect(page.getByRole('radiogroup', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('radiogroup', { name: 'Response format' })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Compression' })).toHaveCount(0);
  await pickSegment(page, 'Output format', 'JPEG');
  await expect(page.getByRole('slider', { name: 'Compression' })).toBeVisible();

  await pickSegment(page, 'Background', 'Transparent');
  await expect(page.getByText('Transparency needs PNG or WebP output.')).toBeVisible();
  // The table's transparent formats decide: JPEG gave way to PNG, and says why.
  const formats = page.getByRole('radiogroup', { name: 'Output format' });
  await expect(formats.getByRole('radio', { name: 'PNG' })).toBeChecked();
  await expectNoteBy(
    formats,
    page.getByRole('status').filter({
      hasText:
        'Output format: jpeg has no transparency, so png is used while Background is transparent.',
    }),
  );
  await expect(formats.getByRole('radio', { name: 'JPEG' })).toHaveAccessibleDescription(
    'JPEG has no transparency',
  );
  await expect(formats.getByRole('radio', { name: 'WebP' })).not.toHaveAccessibleDescription(
    /transparency/,
  );
  await expect(page.getByText(/still a preview/)).toHaveCount(0);
  await pickOption(page, 'Model', 'GPT Image 2');
  await expect(
    page.getByText(/Transparent backgrounds are still a preview on GPT Image 2/),
  ).toBeVisible();
});

test('switching model adjusts what the new model does not take, and says what and why', async ({
  page,
}) => {
  await pickOption(page, 'Model', 'GPT Image 1');
  await setSlider(page, 'Number of images', 4);
  await pickOption(page, 'Size', /1536 × 1024/);
  await pickOption(page, 'Model', 'DALL·E 3');
  // Each change is said beside the field it changed, not in a block above the form.
  const count = page.getByRole('slider', { name: 'Number of images' });
  const countNote = page
    .getByRole('status')
    .filter({ hasText: 'Number of images: 4 → 1, DALL·E 3 makes one image per request.' });
  const sizeNote = page.getByRole('status').filter({ hasText: 'Size: 1536x1024 → 1024x1024' });
  await expectNoteBy(count, countNote);
  await expectNoteBy(page.getByRole('combobox', { name: 'Size' }), sizeNote);
  await expect(page.getByText('Settings adjusted')).toHaveCount(0);
  await expect(count).toHaveAttribute('aria-valuenow', '1');
  await sizeNote.getByRole('button', { name: 'Dismiss the note on Size' }).click();
  await expect(sizeNote).toHaveCount(0);
  await expect(countNote).toBeVisible();
  await countNote.getByRole('button', { name: 'Dismiss the note on Number of images' }).click();
  await expect(countNote).toHaveCount(0);
});

test('an invalid request cannot be sent: the Generate button says what to fix', async ({
  page,
  engine,
}) => {
  const generate = page.getByRole('button', { name: 'Generate', exact: true });
  await expect(generate).toHaveAttribute('aria-disabled', 'true');
  await expect(generate).toHaveAccessibleDescription('Write a prompt first.');
  await generate.press('Enter'); // focusable, but refuses

  await pickOption(page, 'Model', 'DALL·E 2');
  await promptBox(page).fill('x'.repeat(1005));
  await expect(page.getByText('1,005 / 1,000')).toBeVisible();
  await expect(page.getByText('5 characters over this model’s limit.')).toBeVisible();
  await expect(generate).toHaveAccessibleDescription(
    /Prompt: 1,005 characters, 5 over this model’s limit of 1,000\./,
  );
  await promptBox(page).press('Control+Enter');

  await pickOption(page, 'Model', 'GPT Image 2');
  await pickOption(page, 'Size', /Custom/);
  await page.getByRole('spinbutton', { name: 'Width' }).fill('3840');
  await page.getByRole('spinbutton', { name: 'Height' }).fill('2160');
  await expect(page.getByText(/Experimental: above 2560 × 1440/)).toBeVisible();
  await expect(generate).not.toHaveAttribute('aria-disabled', 'true');

  expect(await engine.requests()).toEqual([]);
});

test('a custom size: aspect presets, a W↔H swap, and 1000×1000 moved to the nearest size GPT Image 2 takes', async ({
  page,
  engine,
}) => {
  await pickOption(page, 'Model', 'GPT Image 2');
  await pickOption(page, 'Size', /Custom/);
  const width = page.getByRole('spinbutton', { name: 'Width' });
  const height = page.getByRole('spinbutton', { name: 'Height' });
  const aspect = page.getByRole('group', { name: 'Aspect' });
  await expect(aspect.getByRole('button')).toHaveText([
    '1:1',
    '4:5',
    '3:2',
    '16:9',
    '21:9',
    '2:3',
    '9:16',
  ]);

  await aspect.getByRole('button', { name: '16:9' }).click();
  await expect(aspect.getByRole('button', { name: '16:9' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const w = Number(await width.inputValue());
  const h = Number(await height.inputValue());
  expect(Math.abs(w / h - 16 / 9)).toBeLessThan(0.02);
  await page.getByRole('button', { name: 'Swap width and height' }).click();
  await expect(width).toHaveValue(String(h));
  await expect(height).toHaveValue(String(w));
  await expect(aspect.getByRole('button', { name: '9:16' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Not an error: the field says what will be sent, and leaving it puts that in the fields.
  await width.fill('1000');
  await height.fill('1000');
  await expect(
    page.getByText(/GPT Image 2 does not take 1000 × 1000.*1008 × 1008 will be used/),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await height.press('Tab');
  await expect(width).toHaveValue('1008');
  await expect(height).toHaveValue('1008');
  const note = page.getByRole('status').filter({ hasText: 'Snapped 1000 × 1000 to 1008 × 1008' });
  await expect(note).toContainText('the nearest size GPT Image 2 takes');
  await expect(note).toContainText('multiples of 16');
  await note.getByRole('button', { name: 'Dismiss the note on Size' }).click();
  await expect(note).toHaveCount(0);

  // Sent straight from the field, the typed size is snapped too.
  await promptBox(page).fill('a lighthouse at dusk');
  await width.fill('1000');
  await width.press('Control+Enter');
  await expect.poll(async () => (await engine.requests()).length, { timeout: 30_000 }).toBe(1);
  expect((await engine.requests())[0]!.fields.size).toBe('1008x1008');

  // The Edit settings offer the same.
  await page.getByRole('tab', { name: 'Edit' }).click();
  await pickOption(page, 'Model', 'GPT Image 2');
  await pickOption(page, 'Size', /Custom/);
  await expect(page.getByRole('group', { name: 'Aspect' }).getByRole('button')).toHaveCount(7);
  await expect(page.getByRole('button', { name: 'Swap width and height' })).toBeVisible();
});

test('the draft prompt and settings survive a reload', async ({ page }) => {
  await pickDalle3Portrait(page);
  await promptBox(page).fill('a half-written idea about');
  await page.reload();
  await expectDalle3PortraitDraft(page, 'a half-written idea about');
});

test('advanced settings fold under More settings, which stays open across a reload', async ({
  page,
}) => {
  await pickOption(page, 'Model', 'GPT Image 1');
  const more = page.getByRole('button', { name: 'More settings' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  // The prompt and the model stay in view; the extras are folded away.
  await expect(promptBox(page)).toBeInViewport();
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toBeInViewport();
  await expect(page.getByRole('radiogroup', { name: 'Moderation' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'User' })).toHaveCount(0);
  await expect(page.getByRole('switch', { name: 'Stream partial images' })).toHaveCount(0);

  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('radiogroup', { name: 'Moderation' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'User' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Stream partial images' })).toBeVisible();

  await page.reload();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('radiogroup', { name: 'Moderation' })).toBeVisible();

  await more.click();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toBeVisible();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('radiogroup', { name: 'Moderation' })).toHaveCount(0);
});
