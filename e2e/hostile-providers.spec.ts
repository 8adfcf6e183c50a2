/**
 * The key stays with its provider. Hostile servers on loopback redirect the API call and the
 * url-result download to another configured origin (the browser drops Authorization across
 * origins, but not Azure's `api-key`), and a base URL typed without a scheme would resolve
 * against the studio's own origin. None of that may carry the key anywhere else.
 */
import type { Page } from '@playwright/test';
import { sendJson, startHostileServer, type HostileServer } from './fixtures/hostile-server.ts';
import { expect, generate, newestJob, test } from './generate-helpers.ts';

const AZURE_KEY = 'azure-key-that-must-stay-home-42';

/** Provider settings as the studio persists them, written before the page loads. */
async function useProviders(page: Page, state: object) {
  await page.addInitScript(
    (text) => {
      if (window === window.top && !localStorage.getItem('easel.providers'))
        localStorage.setItem('easel.providers', text);
    },
    JSON.stringify({ state, version: 1 }),
  );
}

/** Azure at `azure`, with a DALL·E 3 deployment; `elsewhere` is a second configured origin. */
function azureAt(azure: HostileServer, elsewhere: HostileServer) {
  return {
    active: 'azure',
    azure: {
      baseUrl: azure.url,
      apiKey: AZURE_KEY,
      rememberKey: true,
      apiVersion: '2025-04-01-preview',
      deployments: { 'dall-e-3': 'd3' },
    },
    // Configured too, so the page's policy lets the browser follow a redirect there.
    compatible: {
      name: 'Elsewhere',
      baseUrl: `${elsewhere.url}/v1`,
      apiKey: '',
      rememberKey: false,
      models: [],
    },
  };
}

const keyHolders = (server: HostileServer) =>
  server.seen.filter((r) => JSON.stringify(r.headers).includes(AZURE_KEY));

let azure: HostileServer;
let elsewhere: HostileServer;
test.beforeAll(async () => {
  elsewhere = await startHostileServer((_req, res) =>
    sendJson(res, 200, { created: 1, data: [{ b64_json: 'AAAA' }] }),
  );
  azure = await startHostileServer((_req, res) => sendJson(res, 500, {}));
});
test.afterAll(async () => {
  await Promise.all([azure?.close(), elsewhere?.close()]);
});
test.beforeEach(() => {
  azure.seen.length = 0;
  elsewhere.seen.length = 0;
});

test('a provider that redirects the API call gets an error, and its redirect target never sees the key', async ({
  page,
}) => {
  azure.answer((_req, res) => {
    res.writeHead(307, { location: `${elsewhere.url}/v1/images/generations` });
    res.end();
  });
  await useProviders(page, azureAt(azure, elsewhere));
  await page.goto('/');
  await generate(page, 'a lighthouse at dusk');

  const job = newestJob(page);
  await expect(job.getByText(/redirect/i).first()).toBeVisible();
  // The provider itself got the request, with its key.
  expect(keyHolders(azure).length).toBeGreaterThan(0);
  expect(keyHolders(elsewhere)).toEqual([]);
});

test('a url result that redirects elsewhere is kept as a link, and the key does not follow it', async ({
  page,
}) => {
  azure.answer((req, res) => {
    if (req.method === 'POST') {
      sendJson(res, 200, {
        created: Math.floor(Date.now() / 1000),
        data: [{ url: `${azure.url}/files/picture.png`, revised_prompt: 'a lighthouse' }],
      });
      return;
    }
    res.writeHead(307, { location: `${elsewhere.url}/picture.png` });
    res.end();
  });
  await useProviders(page, azureAt(azure, elsewhere));
  await page.goto('/');
  await generate(page, 'a lighthouse at dusk');

  const job = newestJob(page);
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  await expect(job.getByRole('link', { name: /open/i }).first()).toBeVisible();
  // The download went to the provider's own origin with the key, and stopped at the redirect.
  expect(azure.seen.some((r) => r.method === 'GET' && r.headers['api-key'] === AZURE_KEY)).toBe(
    true,
  );
  expect(keyHolders(elsewhere)).toEqual([]);
});

test('a base URL typed without a scheme is refused with an offer to add https://, and the key never goes to the studio', async ({
  page,
}) => {
  const studio = new URL(test.info().project.use.baseURL!).origin;
  const toStudio: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === studio && url.pathname.startsWith('/api.')) toStudio.push(url.pathname);
  });
  await useProviders(page, {
    active: 'openai',
    openai: { baseUrl: 'api.openai.com/v1', apiKey: 'sk-typed-0123456789', rememberKey: true },
  });
  await page.goto('/');
  await generate(page, 'a lighthouse at dusk');
  await expect(
    newestJob(page)
      .getByText(/https:\/\//)
      .first(),
  ).toBeVisible();
  expect(toStudio).toEqual([]);

  await page.getByRole('button', { name: /Change provider/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Provider settings' });
  const field = dialog.getByRole('textbox', { name: 'Base URL' });
  await expect(dialog.getByText(/must start with https:\/\//)).toBeVisible();
  await dialog.getByRole('button', { name: 'Use https://api.openai.com/v1' }).click();
  await expect(field).toHaveValue('https://api.openai.com/v1');
  await expect(dialog.getByText(/must start with https:\/\//)).toBeHidden();
  expect(toStudio).toEqual([]);
});
