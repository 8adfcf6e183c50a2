/**
 * Providers when the connection fails (issue 16, item 8): no connection, a name that does
 * not resolve and a server that refuses this page (CORS) are told apart as far as the browser
 * lets a page tell; a key typed before "Reload to allow…" survives that one reload without
 * ever being stored; the provider chip shows a failed Test connection.
 *
 * Nothing here reaches the internet: OpenAI's host is made unresolvable with Chromium's own
 * host resolver rules, and the refusing server is a plain HTTP server on 127.0.0.1.
 */
import { chromium, expect, test, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromiumLaunchOptions, DESKTOP_VIEWPORT } from './fixtures/chromium.ts';
import { startEngine, type StartedEngine } from './fixtures/engine.ts';
import { generate, pickOption, storedText } from './generate-helpers.ts';

const KEY = 'sk-e2e-typed-before-reload-4242';

const settings = (page: Page) => page.getByRole('dialog', { name: 'Provider settings' });
const chip = (page: Page) => page.getByRole('button', { name: /Change provider/ });

async function openSettings(page: Page) {
  await chip(page).click();
  await expect(settings(page)).toBeVisible();
  return settings(page);
}

/** Points the studio at a compatible server before it loads (its policy then allows it). */
async function useCompatible(page: Page, url: string) {
  await page.addInitScript((baseUrl) => {
    if (window !== window.top || localStorage.getItem('easel.providers')) return;
    const compatible = {
      name: 'Studio server',
      baseUrl,
      apiKey: '',
      rememberKey: false,
      models: [{ id: 'dall-e-2', model: 'dall-e-2' }],
    };
    localStorage.setItem(
      'easel.providers',
      JSON.stringify({ state: { active: 'compatible', compatible }, version: 1 }),
    );
  }, `${url}/v1`);
}

async function generateOnce(page: Page, prompt: string) {
  const job = await generate(page, prompt);
  await expect(job.getByText('Failed', { exact: true })).toBeVisible({ timeout: 30_000 });
  return job.getByRole('alert');
}

test('OpenAI with no connection says so, not CORS; a key typed before the reload survives it unstored', async ({
  baseURL,
}) => {
  // No connection, deterministically: the name api.openai.com does not resolve.
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args!, '--host-resolver-rules=MAP api.openai.com ~NOTFOUND'],
  });
  try {
    const page = await browser.newPage({ baseURL, viewport: DESKTOP_VIEWPORT });
    await page.goto('/');
    const dialog = await openSettings(page);
    await pickOption(page, 'Provider', 'OpenAI');
    // The key first, then the reload the page's policy needs for a new provider.
    await dialog.getByLabel('API key', { exact: true }).fill(KEY);
    await dialog.getByRole('button', { name: 'Reload to allow api.openai.com' }).click();
    await expect(dialog.getByText('Easel now connects to api.openai.com.')).toBeVisible();
    await expect(dialog.getByLabel('API key', { exact: true })).toHaveValue(KEY);
    expect(await storedText(page)).not.toContain(KEY);

    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const result = dialog.getByRole('status');
    await expect(result).toContainText('No connection to api.openai.com', { timeout: 20_000 });
    await expect(result).not.toContainText('CORS');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(chip(page)).toContainText('No connection');
    await expect(chip(page)).not.toContainText('Key set');

    const alert = await generateOnce(page, 'a lighthouse, offline');
    await expect(alert).toContainText('No connection to api.openai.com');
    await expect(alert).not.toContainText('CORS');

    // Only that one reload: the key was never remembered, so the next one forgets it.
    await page.reload();
    await expect(chip(page)).toContainText('API key needed');
  } finally {
    await browser.close();
  }
});

let refusing: Server;
let refusingUrl: string;
test.beforeAll(async () => {
  // Answers every request, but never with Access-Control-Allow-Origin.
  refusing = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end('{"data":[]}');
  });
  await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
  refusingUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => refusing.close(() => resolve())));

test('a server that answers but refuses this page is named as a CORS refusal, also on the chip', async ({
  page,
}) => {
  await useCompatible(page, refusingUrl);
  await page.goto('/');
  const dialog = await openSettings(page);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const result = dialog.getByRole('status');
  await expect(result).toContainText('answered, but does not allow requests from this page');
  await expect(result).toContainText('Access-Control-Allow-Origin');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(chip(page)).toContainText('Refuses this page (CORS)');

  const alert = await generateOnce(page, 'a kite over the dunes');
  await expect(alert).toContainText('answered, but does not allow requests from this page');
});

let engine: StartedEngine;
test.describe('with an engine that wants a key', () => {
  test.beforeAll(async () => {
    engine = await startEngine(['--api-key', KEY]);
  });
  test.afterAll(() => engine.stop());

  test('offline is said plainly, and the chip shows a failed Test connection', async ({
    page,
    context,
  }) => {
    await useCompatible(page, engine.url);
    await page.goto('/');
    const dialog = await openSettings(page);
    await dialog.getByLabel('API key', { exact: true }).fill('sk-e2e-wrong-1');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('status')).toContainText('did not accept the API key');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(chip(page)).toContainText('Key not accepted');
    await expect(chip(page)).not.toContainText('Key set');

    await context.setOffline(true);
    const alert = await generateOnce(page, 'a harbour at night');
    await expect(alert).toContainText('No connection: this device is offline');
    await expect(alert).not.toContainText('CORS');
    await context.setOffline(false);
  });
});
