/**
 * Offline and reloads: a provider that stops answering is named as unreachable, with the way
 * forward, and everything the designer made waits for it to come back; the studio notices on
 * its own when it is back (and resends nothing by itself); a reload while a
 * request is on its way leaves the draft prompt, the settings, the image and the painted
 * mask where they were.
 */
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { MODELS } from '../src/api/models.ts';
import {
  alphaAt,
  applyEdit,
  decode,
  drag,
  paintAndApplyEdit,
  pickImage,
  previewMask,
  stage,
} from './editor-helpers.ts';
import { startEngine, type StartedEngine } from './fixtures/engine.ts';
import {
  expect,
  expectDalle3PortraitDraft,
  generate,
  newestJob,
  pickDalle3Portrait,
  pickOption,
  promptBox,
  setSlider,
  test,
} from './generate-helpers.ts';
import { test as base } from './page-errors.ts';
import { engineLog } from './reliability-helpers.ts';

/** A 256² picture to edit (DALL·E 2 takes it as it is: square, small, fast at the engine). */
const pond = () =>
  sharp({ create: { width: 256, height: 256, channels: 4, background: '#3a6b8f' } })
    .png()
    .toBuffer();

async function openPond(page: Page) {
  await page.getByRole('tab', { name: 'Edit' }).click();
  await pickImage(page, { name: 'pond.png', mimeType: 'image/png', buffer: await pond() });
  await expect(stage(page)).toBeVisible();
  await pickOption(page, 'Model', /^DALL·E 2/);
  await pickOption(page, 'Size', /256 × 256/);
}

/** The mask PNG the engine received with an edit request, decoded. */
async function receivedMask(page: Page, engineUrl: string, requestId: string) {
  const log = await engineLog(page.request, engineUrl);
  const index = log.find((r) => r.id === requestId)!.files.findIndex((f) => f.field === 'mask');
  const response = await page.request.get(
    `${engineUrl}/__engine/requests/${requestId}/files/${index}`,
  );
  return decode(await response.body());
}

/**
 * The provider's engine listens on a fixed port of this spec's range, so it can be stopped
 * and started again at the same address, as a server that went down and came back.
 */
// E2E_OFFLINE_ENGINE_PORT: engineers running suites side by side each use their own range.
const PORT = Number(process.env.E2E_OFFLINE_ENGINE_PORT ?? 7601);
const offline = base.extend<{ provider: { url: string; restart: () => Promise<void> } }>({
  provider: async ({ page }, provide) => {
    let engine: StartedEngine = await startEngine(['--faults', '--port', String(PORT)]);
    const url = engine.url;
    const models = MODELS.map((m) => ({ id: m.id, model: m.id }));
    await page.addInitScript(
      ({ url, models }) => {
        if (localStorage.getItem('easel.providers')) return;
        const compatible = { name: 'Studio server', baseUrl: `${url}/v1`, apiKey: '', models };
        localStorage.setItem(
          'easel.providers',
          JSON.stringify({ state: { active: 'compatible', compatible }, version: 1 }),
        );
      },
      { url, models },
    );
    await page.goto('/');
    await engine.stop();
    await provide({
      url,
      restart: async () => {
        engine = await startEngine(['--faults', '--port', String(PORT)]);
      },
    });
    await engine.stop();
  },
});

/** The provider button's status line (its dot and detail) in the view shown. */
const providerStatus = (page: Page) => page.getByRole('button', { name: /Change provider/ });

offline(
  'an unreachable provider is named as such; prompt, mask and settings wait; the studio notices when it is back, and Try again works',
  async ({ page, provider }) => {
    const origin = new URL(provider.url).origin;
    await expect(providerStatus(page)).not.toContainText(/reach/);

    await pickOption(page, 'Model', 'DALL·E 2');
    await pickOption(page, 'Size', /256 × 256/);
    await setSlider(page, 'Number of images', 1);
    const job = await generate(page, 'a lighthouse in the fog');
    await expect(job.getByText('Failed', { exact: true })).toBeVisible({ timeout: 20_000 });
    const alert = job.getByRole('alert');
    await expect(alert).toContainText(`Could not reach ${origin}.`);
    await expect(alert).toContainText('the server is up');
    await expect(alert.getByRole('button', { name: 'Open provider settings' })).toBeVisible();
    await expect(promptBox(page)).toHaveValue('a lighthouse in the fog');
    await expect(providerStatus(page)).toContainText('Studio server');
    await expect(providerStatus(page)).toContainText('Can’t reach the server');

    // "Test connection" in the settings says the same, not a vague error.
    await alert.getByRole('button', { name: 'Open provider settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Provider settings' });
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('status').or(dialog.getByRole('alert'))).toContainText(/reach/i);
    await dialog.getByRole('button', { name: 'Done' }).click();

    // An edit while it is down: same message, and the painted mask stays as it was.
    await openPond(page);
    await drag(page, [
      { x: 40, y: 120 },
      { x: 200, y: 120 },
    ]);
    const painted = await previewMask(page);
    await applyEdit(page, 'a paper boat');
    const editRow = page.getByRole('article', { name: 'Edit: a paper boat' });
    await expect(editRow.getByRole('alert')).toContainText(`Could not reach ${origin}.`, {
      timeout: 20_000,
    });
    await expect(promptBox(page)).toHaveValue('a paper boat');
    expect(Buffer.compare((await previewMask(page)).data, painted.data)).toBe(0);

    // The server comes back: the studio's quiet checks (2 s, 4 s, 8 s… at most 30 s apart)
    // notice without a click, and say so on the failed edit; nothing is resent on its own.
    await expect(providerStatus(page)).toContainText('Can’t reach the server');
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.origin === origin && r.method() !== 'OPTIONS')
        asked.push(`${r.method()} ${url.pathname}`);
    });
    await provider.restart();
    await expect(providerStatus(page)).not.toContainText('Can’t reach the server', {
      timeout: 40_000,
    });
    await expect(editRow.getByRole('alert')).toContainText('Studio server is back.');
    // It asked what "Test connection" asks, and sent no images request. (A check that failed
    // while the server restarted also knocks once at "/", without the key, to tell no
    // connection from a CORS refusal: api/network-failure.ts.)
    expect(asked).toContain('GET /v1/models');
    expect(new Set(asked.filter((a) => a !== 'GET /'))).toEqual(new Set(['GET /v1/models']));
    expect(await engineLog(page.request, provider.url)).toEqual([]);

    // Try again sends the same edit and the same generation.
    await editRow.getByRole('alert').getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Generate' }).click();
    await expect(job.getByRole('alert')).toContainText('Studio server is back.');
    await expect(providerStatus(page)).toContainText('Studio server');
    await job.getByRole('alert').getByRole('button', { name: 'Try again' }).click();
    await expect(newestJob(page).getByText('Saved', { exact: true })).toBeVisible({
      timeout: 20_000,
    });

    const log = await engineLog(page.request, provider.url);
    expect(log.map((r) => [r.operation, r.fields.prompt, r.status])).toEqual([
      ['edit', 'a paper boat', 200],
      ['generate', 'a lighthouse in the fog', 200],
    ]);
    const sent = await receivedMask(page, provider.url, log[0]!.id);
    expect([sent.width, sent.height]).toEqual([painted.width, painted.height]);
    expect(Buffer.compare(sent.data, painted.data)).toBe(0);

    // Both results, and the pond photo the edit started from, stored once as an upload.
    await page.getByRole('tab', { name: 'Gallery' }).click();
    await expect(page.getByText('3 images', { exact: true })).toBeVisible();
    await expect(page.getByRole('gridcell', { name: 'pond.png (uploaded)' })).toBeVisible();
  },
);

test('a reload while a generation is on its way keeps the draft prompt and settings', async ({
  page,
  engine,
}) => {
  await page.goto('/');
  await pickDalle3Portrait(page);
  await engine.queueFaults([{ type: 'latency', ms: 5_000 }]);
  await generate(page, 'a harbour at dawn, long exposure');
  await expect(newestJob(page).getByText(/Generating/)).toBeVisible();
  // Leaving while a job runs asks first; the designer confirms.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();

  await expectDalle3PortraitDraft(page, 'a harbour at dawn, long exposure');
});

test('a reload while an edit is on its way keeps the image, the painted mask, the prompt and the settings', async ({
  page,
  engine,
}) => {
  await page.goto('/');
  await openPond(page);
  await engine.queueFaults([{ type: 'latency', ms: 5_000 }]);
  // Paint, write the prompt and send at once: the reload comes before any idle moment.
  await paintAndApplyEdit(page, 'a heron standing in the water', [
    { x: 30, y: 60 },
    { x: 220, y: 200 },
  ]);
  await expect(page.getByRole('article', { name: /^Edit:/ }).getByText(/Editing/)).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();

  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(page.getByText('pond.png · 256×256')).toBeVisible();
  await expect(promptBox(page)).toHaveValue('a heron standing in the water');
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveText(/DALL·E 2/);
  await expect(page.getByRole('combobox', { name: 'Size' })).toHaveText(/256 × 256/);
  // The stroke is there, end to end, and nothing else is painted.
  const kept = await previewMask(page);
  expect([kept.width, kept.height]).toEqual([256, 256]);
  for (const p of [
    { x: 30, y: 60 },
    { x: 125, y: 130 },
    { x: 220, y: 200 },
  ]) {
    expect(alphaAt(kept, p.x, p.y), `painted at ${p.x},${p.y}`).toBe(0);
  }
  expect(alphaAt(kept, 230, 20)).toBe(255);
  expect(alphaAt(kept, 20, 230)).toBe(255);
});
