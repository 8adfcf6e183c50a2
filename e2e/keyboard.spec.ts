/**
 * The whole flow from the keyboard alone: generate (prompt, settings, Ctrl+Enter), open the
 * result in the editor, paint a rectangle with the keyboard pen, apply the edit, find it in
 * the gallery by search and open its details. Only page.keyboard drives the page; locators
 * are used to read what is focused and shown, never to click or fill.
 */
import type { Locator, Page } from '@playwright/test';
import { decode, alphaAt, stage, stageView } from './editor-helpers.ts';
import { expect, newestJob, promptBox, test } from './generate-helpers.ts';

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/** The text of the option the open list highlights (it holds the focus), or null. */
const highlighted = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.getAttribute('role') === 'option'
      ? document.activeElement.textContent
      : null,
  );

/**
 * Moves the open list's highlight down to `option`, one ArrowDown at a time, waiting after
 * each press for the highlight to move, as a designer watches it. The list highlights its
 * chosen option only once it has opened; a press read before that went one option too far.
 */
async function arrowDownTo(page: Page, option: Locator, max = 10) {
  await expect.poll(() => highlighted(page)).not.toBeNull();
  for (let i = 0; i < max; i++) {
    if (await option.evaluate((el) => el === document.activeElement)) return;
    const before = await highlighted(page);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => highlighted(page)).not.toBe(before);
  }
  await expect(option).toBeFocused();
}

interface LoggedRequest {
  id: string;
  operation: string;
  fields: Record<string, unknown>;
  files: { field: string }[];
}

test('generate, paint, edit and find the result in the gallery with the keyboard alone', async ({
  page,
  engine,
  request,
}) => {
  test.setTimeout(90_000);
  await page.goto('/');
  const keys = page.keyboard;

  // The provider settings open and close from the keyboard, and give focus back.
  const providerButton = page.getByRole('button', { name: /Change provider/ });
  await tabTo(page, providerButton);
  await keys.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Provider settings' })).toBeVisible();
  await keys.press('Escape');
  await expect(providerButton).toBeFocused();

  // Generate: prompt, model, number of images, then Ctrl+Enter from the prompt.
  const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
  await tabTo(page, prompt);
  await keys.type('a lighthouse typed on the keyboard');
  await tabTo(page, page.getByRole('combobox', { name: 'Model', exact: true }));
  await keys.press('Enter');
  await arrowDownTo(page, page.getByRole('option', { name: 'GPT Image 1', exact: true }));
  await keys.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveText(
    /^GPT Image 1(?![.\d]| mini)/,
  );
  const count = page.getByRole('slider', { name: 'Number of images', exact: true });
  await tabTo(page, count);
  await keys.press('ArrowRight');
  await expect(count).toHaveAttribute('aria-valuenow', '2');
  await tabTo(page, prompt, { back: true });
  await keys.press('Control+Enter');
  const job = newestJob(page);
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  await expect(job.getByRole('img', { name: /^Result \d+:/ })).toHaveCount(2);
  const sent = (await engine.requests()).at(-1)!;
  expect(sent.fields).toMatchObject({ model: 'gpt-image-1', n: 2 });

  // Open the first image in the editor.
  await tabTo(page, job.getByRole('button', { name: 'Send image 1 to the editor' }));
  await keys.press('Enter');
  await expect(page.getByRole('tab', { name: 'Edit' })).toHaveAttribute('aria-selected', 'true');
  await expect(stage(page)).toBeVisible();

  // The rectangle tool by its key, then Tab to the canvas: the keyboard pen's hint shows.
  await keys.press('r');
  await expect(page.getByRole('radio', { name: 'Rectangle' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await tabTo(page, stage(page));
  await expect(page.getByText('Painting with the keyboard')).toBeVisible();
  await expect(page.getByText('Rectangle up · x 512, y 512')).toBeVisible();
  const { scale } = await stageView(page);
  const step = Math.max(1, Math.round(64 / scale)); // Shift+arrow: 8 steps of 8 screen px
  await keys.press('Enter');
  for (let i = 0; i < 3; i++) await keys.press('Shift+ArrowRight');
  for (let i = 0; i < 2; i++) await keys.press('Shift+ArrowDown');
  const end = { x: Math.min(1024, 512 + 3 * step), y: Math.min(1024, 512 + 2 * step) };
  await expect(page.getByText(`Rectangle down · x ${end.x}, y ${end.y}`)).toBeVisible();
  await keys.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Rectangle finished' })).toHaveText(
    `Rectangle finished at ${end.x}, ${end.y}`,
  );

  // The prompt is in the panel on the left: back there, describe the change, Ctrl+Enter.
  const editPrompt = page.getByRole('textbox', { name: 'Prompt', exact: true });
  await tabTo(page, editPrompt, { back: true });
  await keys.type('a red door in the painted area');
  await keys.press('Control+Enter');
  await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 30_000 });

  // At the engine: the mask is transparent over the rectangle grown by the Grow the compare
  // view shows (GPT models redraw that rim so the result can be blended into the original).
  const grow = Number(
    await page.getByRole('slider', { name: 'Grow', exact: true }).getAttribute('aria-valuenow'),
  );
  expect(grow).toBeGreaterThan(0);
  const all = (await (
    await request.get(`${engine.url}/__engine/requests`, { maxRetries: 2 })
  ).json()) as LoggedRequest[];
  const edit = all.filter((r) => r.operation === 'edit').at(-1)!;
  expect(edit.fields.prompt).toBe('a red door in the painted area');
  const maskIndex = edit.files.findIndex((f) => f.field === 'mask');
  const mask = await decode(
    Buffer.from(
      await (
        await request.get(`${engine.url}/__engine/requests/${edit.id}/files/${maskIndex}`, {
          maxRetries: 2,
        })
      ).body(),
    ),
  );
  expect([mask.width, mask.height]).toEqual([1024, 1024]);
  expect(alphaAt(mask, 513, 513)).toBe(0);
  expect(alphaAt(mask, end.x - 1, end.y - 1)).toBe(0);
  // Along a row through the rectangle: cleared up to `grow` px out, kept from one px beyond.
  const row = 513;
  const leftEdge = [512 - grow, 512 - grow - 2].map((x) => alphaAt(mask, x, row));
  expect(leftEdge).toEqual([0, 255]);
  if (end.x + grow + 2 < 1024) {
    const rightEdge = [end.x - 1 + grow, end.x + grow + 1].map((x) => alphaAt(mask, x, row));
    expect(rightEdge).toEqual([0, 255]);
  }
  expect(alphaAt(mask, 512 - 3 * grow, 512 - 3 * grow)).toBe(255);

  // The gallery: the workspace tabs with the arrow keys, then search and open.
  const editTab = page.getByRole('tab', { name: 'Edit' });
  await tabTo(page, editTab, { back: true, max: 80 });
  await keys.press('ArrowRight');
  // Enter must wait for the focus to reach the next tab.
  const galleryTab = page.getByRole('tab', { name: 'Gallery' });
  await expect(galleryTab).toBeFocused();
  await keys.press('Enter');
  await expect(galleryTab).toHaveAttribute('aria-selected', 'true');
  await tabTo(page, page.getByRole('searchbox', { name: 'Search gallery' }));
  await keys.type('red door');
  const grid = page.getByRole('grid', { name: 'Gallery' });
  await expect(grid.getByRole('gridcell')).toHaveCount(1);
  await tabTo(page, grid.getByRole('gridcell').first());
  await keys.press('Enter');
  const detail = page.getByRole('dialog', { name: 'a red door in the painted area' });
  await expect(detail).toBeVisible();
  await expect(detail.getByText('a lighthouse typed on the keyboard').first()).toBeVisible();
  // The viewer owns the keyboard: "?" does not open the help (at the shared dialogs' level,
  // it would be drawn under the viewer).
  await keys.press('?');
  await keys.press('Escape');
  await expect(detail).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await expect(grid.getByRole('gridcell').first()).toBeFocused();

  // "?" lists every shortcut; Escape brings the keyboard back where it was.
  await keys.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(
    help.getByRole('heading', { name: 'Edit: painting with the keyboard' }),
  ).toBeVisible();
  await keys.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(grid.getByRole('gridcell').first()).toBeFocused();
});

test('1, 2 and 3 show Generate, Edit and Gallery; not while typing; listed and on the tabs', async ({
  page,
}) => {
  await page.goto('/');
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  await expect(tab('Generate')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('Edit')).toHaveAttribute('title', 'Edit (2)');
  await expect(tab('Gallery')).toHaveAttribute('aria-keyshortcuts', '3');

  await page.keyboard.press('2');
  await expect(tab('Edit')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Edit', exact: true, level: 2 })).toBeVisible();
  await page.keyboard.press('3');
  await expect(tab('Gallery')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('1');
  await expect(tab('Generate')).toHaveAttribute('aria-selected', 'true');

  // Typed into the prompt, a digit is text, not a view change.
  const prompt = promptBox(page);
  await prompt.focus();
  await page.keyboard.type('3 lemons');
  await expect(prompt).toHaveValue('3 lemons');
  await expect(tab('Generate')).toHaveAttribute('aria-selected', 'true');

  // Listed in the shortcuts panel; while it is open the digits do not switch behind it.
  await page
    .getByRole('main')
    .first()
    .click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByText('Show Generate, Edit or Gallery')).toBeVisible();
  await page.keyboard.press('3');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(tab('Generate')).toHaveAttribute('aria-selected', 'true');
});
