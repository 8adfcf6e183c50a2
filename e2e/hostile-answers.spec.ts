/**
 * Hostile answers from a "compatible server" on loopback: values that would blank the studio,
 * floods of images, gigabyte links, endless model lists, answers that never come, absurd
 * Retry-After, malformed bodies and streams. Each ends in something a user can read and act on,
 * and the studio stays up (the spec fails on any uncaught page error). A render failure no
 * check foresaw stays inside its view.
 */
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { sendJson, startHostileServer, type HostileServer } from './fixtures/hostile-server.ts';
import { expect, generate, promptBox, test } from './generate-helpers.ts';
import { MODELS } from '../src/api/models.ts';
import { seedGalleryInPage } from '../bench/gallery-seed.ts';

let server: HostileServer;
let png: string;
test.beforeAll(async () => {
  png = (
    await sharp({ create: { width: 16, height: 16, channels: 3, background: '#468' } })
      .png()
      .toBuffer()
  ).toString('base64');
  server = await startHostileServer((_req, res) => sendJson(res, 500, {}));
});
test.afterAll(async () => {
  await server?.close();
});

/** The studio pointed at the hostile server (every model under its own id), then opened. */
async function openWithServer(page: Page) {
  const models = MODELS.map((m) => ({ id: m.id, model: m.id }));
  await page.addInitScript(
    ({ url, models }) => {
      if (window !== window.top || localStorage.getItem('easel.providers')) return;
      const compatible = {
        name: 'Odd server',
        baseUrl: `${url}/v1`,
        apiKey: '',
        rememberKey: false,
        models,
      };
      localStorage.setItem(
        'easel.providers',
        JSON.stringify({ state: { active: 'compatible', compatible }, version: 1 }),
      );
    },
    { url: server.url, models },
  );
  await page.goto('/');
}

test('a created time of 1e300 and 500 images for n=1 leave one result, shown and saved', async ({
  page,
}) => {
  server.answer((req, res) => {
    if (req.method === 'GET') return sendJson(res, 404, {});
    sendJson(res, 200, {
      created: 1e300,
      data: Array.from({ length: 500 }, (_, i) =>
        i === 0 ? { url: `${server.url}/gone.png` } : { b64_json: png },
      ),
    });
  });
  await openWithServer(page);
  const job = await generate(page, 'a lighthouse at dusk');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  await expect(job.getByRole('link', { name: /open/i }).first()).toBeVisible();
  await expect(job.getByRole('img', { name: /^Result 2/ })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Gallery' })).toBeVisible();
});

test('a gigabyte link is not downloaded into the tab; it is kept as a link that says why', async ({
  page,
}) => {
  let sent = 0;
  server.answer((req, res) => {
    if (req.method === 'POST') {
      const created = Math.floor(Date.now() / 1000);
      return sendJson(res, 200, { created, data: [{ url: `${server.url}/huge.png` }] });
    }
    res.writeHead(200, { 'content-type': 'image/png' });
    const chunk = Buffer.alloc(1024 * 1024, 0x89);
    const pump = () => {
      while (sent < 1536 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
      if (sent < 1536 * 1024 * 1024) res.once('drain', pump);
      else res.end();
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  });
  await openWithServer(page);
  const job = await generate(page, 'a lighthouse at dusk');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(job.getByText(/larger than any image the API returns \(over 64 MB\)/)).toBeVisible();
  expect(sent).toBeLessThan(400 * 1024 * 1024);
});

test('20,000 listed model ids: the connection test reads a few hundred, at once', async ({
  page,
}) => {
  server.answer((_req, res) =>
    sendJson(res, 200, {
      object: 'list',
      data: Array.from({ length: 20_000 }, (_, i) => ({ id: `model-${i}`, object: 'model' })),
    }),
  );
  await openWithServer(page);
  await page.getByRole('button', { name: /Change provider/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Provider settings' });
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status')).toContainText('200 models listed');
});

test('a provider that never answers is given up on at the deadline, with a way forward', async ({
  page,
}) => {
  server.answer(() => undefined); // holds every request open, answering nothing
  await page.clock.install();
  await openWithServer(page);
  const job = await generate(page, 'a lighthouse at dusk');
  await expect(job.getByText(/Generating|Waiting/).first()).toBeVisible();
  await page.clock.fastForward('10:05');
  await expect(job.getByRole('alert')).toContainText(
    'Odd server did not finish within 10 minutes, so Easel stopped waiting.',
  );
  await expect(job.getByRole('button', { name: /Try again/ })).toBeVisible();
  await expect(promptBox(page)).toHaveValue('a lighthouse at dusk');
});

test('a Retry-After of 31 years is read as an hour', async ({ page }) => {
  server.answer((_req, res) => {
    res.setHeader('retry-after', '999999999');
    sendJson(res, 429, {
      error: { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' },
    });
  });
  await openWithServer(page);
  const job = await generate(page, 'a lighthouse at dusk');
  await expect(job.getByRole('alert')).toContainText('Wait 1 hour and try again');
});

test('malformed bodies and streams say what the provider sent wrong, not a JavaScript error', async ({
  page,
}) => {
  await openWithServer(page);
  const cases: [(res: import('node:http').ServerResponse) => void, RegExp][] = [
    [(res) => sendJson(res, 200, { data: 'many' }), /not an object with a list of images/],
    [(res) => sendJson(res, 200, { data: [5] }), /Image 1 was not an object/],
    [
      (res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><h1>Welcome to nginx</h1>');
      },
      /Expected JSON, got a web page/,
    ],
    [
      (res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('event: image_generation.completed\ndata: 5\n\n');
      },
      /A stream event was not a JSON object/,
    ],
  ];
  for (const [answer, message] of cases) {
    server.answer((_req, res) => answer(res));
    const job = await generate(page, 'a lighthouse at dusk');
    const alert = job.getByRole('alert');
    await expect(alert).toContainText('Odd server sent an answer Easel could not read.');
    await expect(alert).toContainText(message);
    await expect(alert).not.toContainText(/TypeError|is not a function|Unexpected token|undefined/);
  }
});

test('a value no check foresaw stays inside its view: the gallery says so, the studio works', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await expect(page.getByText('Nothing here yet')).toBeVisible();
  // An empty gallery creates no database (the first save does): make the studio's schema.
  await page.evaluate(seedGalleryInPage, 0);
  // An entry as an older Easel (or a damaged disk) might have left it: a date no clock shows.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('easel-gallery');
        open.onsuccess = () => {
          const tx = open.result.transaction('entries', 'readwrite');
          tx.objectStore('entries').put({
            id: 'from-the-far-future',
            kind: 'generation',
            batchId: 'b',
            index: 0,
            createdAt: 9007199254740991,
            durationMs: 1,
            prompt: 'from the far future',
            model: 'gpt-image-1',
            params: {},
            provider: { name: 'Local engine', kind: 'local' },
            mime: '',
            width: 16,
            height: 16,
            byteLength: 0,
            favourite: 0,
            remote: { url: 'https://x.example/a.png', expiresAt: 1e300, reason: 'x' },
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.reload();
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await page.getByRole('gridcell', { name: /from the far future/ }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Something in the gallery could not be shown.',
  );
  await page.getByRole('tab', { name: 'Generate' }).click();
  await expect(promptBox(page)).toBeVisible();
});
