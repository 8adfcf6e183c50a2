/**
 * An edit's row in the editor says what a queued generation says when its images could not
 * be saved, with the same way forward: the job row is built once (jobs/job-outcome.tsx). On
 * a short phone a failed edit's row is read whole, its message beside its action.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './generate-helpers.ts';
import {
  applyEdit,
  openEditor,
  paintAndApplyEdit,
  paintRectangle,
  pickLandscape,
  previewMask,
} from './editor-helpers.ts';

/**
 * The ancestors that cut `element` off once it is scrolled into view: a box that scrolls
 * (or clips) and is smaller than it, or the window itself.
 */
async function cutOff(element: Locator): Promise<string[]> {
  await element.scrollIntoViewIfNeeded();
  return element.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const cut: string[] = [];
    const outside = (r: { top: number; bottom: number; left: number; right: number }) =>
      box.top < r.top - 0.5 ||
      box.bottom > r.bottom + 0.5 ||
      box.left < r.left - 0.5 ||
      box.right > r.right + 0.5;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const r = p.getBoundingClientRect();
      const inner = {
        top: r.top + p.clientTop,
        left: r.left + p.clientLeft,
        bottom: r.top + p.clientTop + p.clientHeight,
        right: r.left + p.clientLeft + p.clientWidth,
      };
      if (outside(inner)) cut.push(`${p.className} (${Math.round(p.clientHeight)} px tall)`);
    }
    if (outside({ top: 0, left: 0, bottom: innerHeight, right: innerWidth })) cut.push('window');
    return cut;
  });
}

test('an edit the gallery could not save says so in the editor, and Try saving again saves it', async ({
  page,
  engine,
  baseURL,
}) => {
  expect(engine.url).toMatch(/^http:/);
  // Chromium's quota for this origin shrunk before anything is written (after a first write
  // it trusts the room it measured): room for the empty databases, not for an edit's result.
  const origin = new URL(baseURL!).origin;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 100_000 });
  await openEditor(page);
  await pickLandscape(page);
  await paintAndApplyEdit(page, 'a kite over the dunes', [
    { x: 300, y: 300 },
    { x: 600, y: 400 },
  ]);

  const row = page.getByRole('article', { name: 'Edit: a kite over the dunes' });
  await expect(row.getByText('Not saved', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(row.getByRole('alert')).toContainText('The images stay here until you remove them.');

  // Room again: the same result is saved on request and the row has nothing left to say.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await row.getByRole('button', { name: 'Try saving again' }).click();
  await expect(row).toHaveCount(0, { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await expect(page.getByRole('gridcell', { name: /a kite over the dunes/ })).toHaveCount(1);
});

test('on a short phone a dropped edit’s row is read whole, and says the picture and mask are kept', async ({
  page,
  engine,
}) => {
  await page.setViewportSize({ width: 390, height: 667 });
  await openEditor(page);
  await pickLandscape(page);
  await paintRectangle(page, { x: 400, y: 300 }, { x: 900, y: 700 });
  const painted = await previewMask(page);
  await engine.queueFaults([{ type: 'drop' }]);
  await page.getByRole('button', { name: /^Prompt/ }).click();
  await applyEdit(page, 'a kite over the dunes');
  // The sheet makes way for the picture; the focus goes back to the preview that opened it.
  await expect(page.getByRole('button', { name: /^Prompt/ })).toBeFocused();

  const row = page.getByRole('article', { name: 'Edit: a kite over the dunes' });
  const alert = row.getByRole('alert');
  await expect(alert).toContainText(
    'The connection to Test engine dropped before the images arrived.',
    { timeout: 20_000 },
  );
  // What a dropped edit keeps is all of it: the picture and the painted mask too.
  await expect(alert).toContainText(
    'Check your connection and try again; your picture, painted mask, prompt and settings are kept.',
  );
  // Brought into view when it failed: read without scrolling to it.
  await expect(alert).toBeInViewport({ ratio: 1 });
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeInViewport({ ratio: 1 });
  // The message and its Try again together, not a 100 px box scrolling inside itself.
  expect(await cutOff(alert)).toEqual([]);
  await expect(page.getByRole('button', { name: /^Prompt/ })).toContainText(
    'a kite over the dunes',
  );
  expect(Buffer.compare((await previewMask(page)).data, painted.data)).toBe(0);
});

test('Cancel edit, Run again and Remove from the keyboard keep the focus in the edit’s rows, then on the canvas', async ({
  page,
  engine,
}) => {
  await openEditor(page);
  await pickLandscape(page);
  await paintRectangle(page, { x: 400, y: 300 }, { x: 900, y: 700 });
  await engine.queueFaults([
    { type: 'latency', ms: 20_000 },
    { type: 'status', status: 401 },
  ]);
  await applyEdit(page, 'a kite over the dunes');
  const row = page.getByRole('article', { name: 'Edit: a kite over the dunes' });
  // Cancel goes with the running edit: its row holds the focus.
  await row.getByRole('button', { name: 'Cancel edit' }).focus();
  await page.keyboard.press('Enter');
  await expect(row.getByText('Cancelled. Nothing was saved.')).toBeVisible();
  await expect(row).toBeFocused();
  // Run again replaces the cancelled row with the new edit's: the focus moves to it.
  await row.getByRole('button', { name: 'Run again' }).focus();
  await page.keyboard.press('Enter');
  await expect(row.getByText('Test engine needs an API key.')).toBeVisible({ timeout: 20_000 });
  await expect(row).toBeFocused();
  // The last row removed: the focus goes on to the canvas, not to the top of the page.
  await row.getByRole('button', { name: 'Remove from the list' }).focus();
  await page.keyboard.press('Enter');
  await expect(row).toHaveCount(0);
  await expect(page.getByRole('application', { name: 'Mask canvas' })).toBeFocused();
});
