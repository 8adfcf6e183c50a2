/**
 * Prompts worth keeping: the history restores a prompt with its settings (and the load can
 * be undone), a preset applies its settings and adds its snippet, and Ctrl+Enter sends from
 * anywhere in the Generate view.
 */
import type { Page } from '@playwright/test';
import {
  expect,
  generate,
  newestJob,
  openStudio,
  pickOption,
  pickSegment,
  promptBox,
  test,
} from './generate-helpers.ts';

test.beforeEach(({ page, engine }) => openStudio(page, engine));

const combobox = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });

test('a prompt from the history comes back with its settings, and the load can be undone', async ({
  page,
}) => {
  await pickOption(page, 'Model', 'GPT Image 1');
  await pickOption(page, 'Size', /1536 × 1024/);
  await generate(page, 'a harbour at dawn, long lens');
  await expect(newestJob(page).getByText('Saved', { exact: true })).toBeVisible();

  await pickOption(page, 'Model', 'GPT Image 1.5');
  await pickOption(page, 'Size', /1024 × 1024/);
  await promptBox(page).fill('something else entirely');

  await page.getByRole('button', { name: 'History', exact: true }).click();
  const sheet = page.getByRole('dialog', { name: 'Prompts' });
  await sheet.getByRole('searchbox', { name: 'Search prompt history' }).fill('HARBOUR lens');
  await sheet.getByRole('button', { name: /^a harbour at dawn, long lens/ }).click();
  await expect(sheet).toHaveCount(0);
  await expect(promptBox(page)).toHaveValue('a harbour at dawn, long lens');
  await expect(combobox(page, 'Model')).toContainText('GPT Image 1');
  await expect(combobox(page, 'Size')).toContainText('1536 × 1024');

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(promptBox(page)).toHaveValue('something else entirely');
  await expect(combobox(page, 'Model')).toContainText('GPT Image 1.5');
});

test('a preset applies its settings and adds its snippet to the prompt, after a reload', async ({
  page,
}) => {
  await pickOption(page, 'Model', 'GPT Image 1');
  await pickOption(page, 'Size', /1024 × 1536/);
  await pickSegment(page, 'Quality', 'High');
  await page.getByRole('button', { name: 'Presets', exact: true }).click();
  const sheet = page.getByRole('dialog', { name: 'Prompts' });
  await sheet.getByRole('textbox', { name: 'Preset name' }).fill('Tall watercolour');
  await sheet.getByRole('textbox', { name: 'Prompt snippet (optional)' }).fill('watercolour');
  await sheet.getByRole('button', { name: 'Save preset' }).click();
  await page.keyboard.press('Escape');

  await page.reload();
  await pickOption(page, 'Size', /1024 × 1024/);
  await pickSegment(page, 'Quality', 'Low');
  await promptBox(page).fill('a fox in fresh snow');
  await page.getByRole('button', { name: 'Presets', exact: true }).click();
  await sheet.getByRole('button', { name: /^Tall watercolour/ }).click();
  await expect(promptBox(page)).toHaveValue('a fox in fresh snow, watercolour');
  await expect(combobox(page, 'Size')).toContainText('1024 × 1536');
  await expect(
    page.getByRole('radiogroup', { name: 'Quality' }).getByRole('radio', { name: 'High' }),
  ).toBeChecked();
});

test('Ctrl+Enter sends with the focus anywhere in the Generate view', async ({ page, engine }) => {
  await promptBox(page).fill('a lighthouse, sent from a setting');
  // Focus on a settings control, then on the empty results area: both send.
  await page.getByRole('slider', { name: 'Number of images' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(newestJob(page).getByText('Saved', { exact: true })).toBeVisible();
  await newestJob(page).getByRole('button', { name: 'Copy prompt' }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: 'Results' }).getByRole('article')).toHaveCount(2);
  // The card shows at once; the request follows once the job is recorded.
  await expect
    .poll(async () => (await engine.requests()).map((r) => r.fields.prompt), { timeout: 15_000 })
    .toEqual(['a lighthouse, sent from a setting', 'a lighthouse, sent from a setting']);
});
