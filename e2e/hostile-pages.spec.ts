/**
 * The Content-Security-Policy holds its shape, and the studio refuses to be framed: a stored
 * base URL crafted to inject a directive (`http://x;worker-src/v1`) or a quote cannot change
 * the policy; another site cannot show the studio in a frame (the served headers, and the
 * page's own guard where `dist/` is hosted without them); `npm start` serves no source maps;
 * and an encoded path under /v1 is the engine's 404, not the studio's page.
 */
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Page } from '@playwright/test';
import { startHostileServer, type HostileServer } from './fixtures/hostile-server.ts';
import { expect, test } from './generate-helpers.ts';

const policyText = async (page: Page) =>
  (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';

function directives(policy: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    seen.set(name, [...(seen.get(name) ?? []), sources.join(' ')]);
  }
  return seen;
}

test('a stored base URL cannot inject a directive or a quote into the policy', async ({ page }) => {
  await page.goto('/');
  for (const baseUrl of [
    'http://x;worker-src/v1',
    "http://a'b.example/v1",
    'http://x;script-src-elem data:;/v1',
  ]) {
    const compatible = { name: 'x', baseUrl, apiKey: '', rememberKey: false, models: [] };
    await page.evaluate(
      (text) => localStorage.setItem('easel.providers', text),
      JSON.stringify({ state: { active: 'compatible', compatible }, version: 1 }),
    );
    await page.reload();
    const policy = directives(await policyText(page));
    // One of each directive: a second worker-src (empty, so 'none') blocked the thumbnail worker.
    for (const [name, values] of policy) expect(values, `${baseUrl}: ${name}`).toHaveLength(1);
    expect(policy.get('worker-src'), baseUrl).toEqual(["'self'"]);
    expect(policy.get('script-src'), baseUrl).toEqual(["'self'"]);
    expect(policy.has('script-src-elem'), baseUrl).toBe(false);
    // Not a valid origin, so nothing of it reaches the policy.
    expect(policy.get('connect-src'), baseUrl).toEqual(["'self' blob:"]);
  }
});

test('another site cannot show the studio in a frame', async ({ page, baseURL }) => {
  const framer = await startHostileServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      `<!doctype html><title>framer</title><iframe src="${baseURL}/" width="800" height="600"></iframe>`,
    );
  });
  try {
    await page.goto(framer.url);
    const frame = page.frameLocator('iframe');
    await page.waitForTimeout(1_500);
    await expect(frame.getByRole('button', { name: 'Generate', exact: true })).toHaveCount(0);
  } finally {
    await framer.close();
  }
});

/** dist/ served as a plain static host would: files only, no security headers. */
async function staticHost(): Promise<HostileServer> {
  const root = normalize(join(process.cwd(), 'dist'));
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
  };
  return startHostileServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
}

test('hosted without headers, a framed studio shows nothing and tries to leave the frame', async ({
  page,
}) => {
  const host = await staticHost();
  const framer = await startHostileServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      `<!doctype html><title>framer</title><iframe sandbox="allow-scripts allow-same-origin" src="${host.url}/" width="800" height="600"></iframe>`,
    );
  });
  try {
    // Not framed, the statically hosted studio works.
    await page.goto(host.url);
    await expect(page.getByRole('button', { name: 'Generate', exact: true })).toBeVisible();
    await page.goto(framer.url);
    const frame = page.frameLocator('iframe');
    await page.waitForTimeout(1_500);
    await expect(frame.getByRole('button', { name: 'Generate', exact: true })).toHaveCount(0);
  } finally {
    await Promise.all([framer.close(), host.close()]);
  }
});

test('npm start serves no source maps, and an encoded path under /v1 is the engine’s 404', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const scripts = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].map(
      (s) => new URL(s.src).pathname,
    ),
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    const js = await (await request.get(script)).text();
    expect(js).not.toMatch(/sourceMappingURL=/);
    expect((await request.get(`${script}.map`)).status(), `${script}.map`).toBe(404);
  }
  for (const target of ['/v1%2f..%2findex.html', '/v1%2F..%2Findex.html']) {
    const res = await request.get(target);
    expect(res.status(), target).toBe(404);
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  }
});
