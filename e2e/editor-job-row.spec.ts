/**
 * An edit's row in the editor says what a queued generation says when its images could not
 * be saved, with the same way forward: the job row is built once (jobs/job-outcome.tsx).
 */
import { expect, test } from './generate-helpers.ts';
import { openEditor, paintAndApplyEdit, pickLandscape } from './editor-helpers.ts';

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
