/**
 * A job in flight when the tab reloads (issue 16, item 2): leaving asks first; after the
 * reload the job is shown as interrupted — the provider may have charged it — with its prompt
 * and settings kept and Try again one click away.
 */
import type { Page } from '@playwright/test';
import {
  expect,
  newestJob,
  pickOption,
  promptBox,
  setSlider,
  test,
  type TestEngine,
} from './generate-helpers.ts';

test('a generation reloaded mid-flight comes back interrupted, and Try again sends it once more', async ({
  page,
  engine,
}) => {
  await slowJobReady(page, engine, 'a paper crane on a windowsill');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect
    .poll(async () => (await engine.requests()).filter((r) => r.operation === 'generate').length)
    .toBe(1);

  // Leaving while it runs asks first (the request was sent; its result would not arrive).
  const asked = page.waitForEvent('dialog');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  expect((await asked).type()).toBe('beforeunload');

  const job = newestJob(page);
  await expect(job.getByText('Interrupted', { exact: true })).toBeVisible();
  await expect(job).toContainText('a paper crane on a windowsill');
  const alert = job.getByRole('alert');
  await expect(alert).toContainText('the provider may have charged this request');
  await expect(alert).toContainText('prompt and settings are kept');

  await alert.getByRole('button', { name: 'Try again' }).click();
  const rerun = newestJob(page);
  await expect(rerun.getByText('Saved', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(rerun).toContainText('a paper crane on a windowsill');
  const sent = (await engine.requests()).filter((r) => r.operation === 'generate');
  expect(sent).toHaveLength(2);
  expect(sent[1]!.fields).toMatchObject({
    prompt: 'a paper crane on a windowsill',
    size: '256x256',
  });

  // Tried again and saved: nothing comes back as interrupted after another reload.
  await page.reload();
  await expect(page.getByText('Interrupted', { exact: true })).toHaveCount(0);
});

test('a generation reloaded the moment it leaves, on a first visit, still comes back interrupted', async ({
  page,
  engine,
}) => {
  await slowJobReady(page, engine, 'a heron at first light');
  page.on('dialog', (dialog) => void dialog.accept());
  // The reload starts as the request leaves the browser: the job is sent while its record
  // (on a first visit, the database itself) is still being written.
  const reloaded = page
    .waitForRequest((request) => request.url().endsWith('/images/generations'))
    .then(() => page.reload());
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await reloaded;

  const job = newestJob(page);
  await expect(job.getByText('Interrupted', { exact: true })).toBeVisible();
  await expect(job).toContainText('a heron at first light');
  expect((await engine.requests()).filter((r) => r.operation === 'generate')).toHaveLength(1);
});

/** One small DALL·E 2 image asked with the prompt, ready to send; the engine will take 20 s. */
async function slowJobReady(page: Page, engine: TestEngine, prompt: string) {
  await page.goto('/');
  await pickOption(page, 'Model', 'DALL·E 2');
  await pickOption(page, 'Size', /256 × 256/);
  await setSlider(page, 'Number of images', 1);
  await promptBox(page).fill(prompt);
  await engine.queueFaults([{ type: 'latency', ms: 20_000 }]);
}
