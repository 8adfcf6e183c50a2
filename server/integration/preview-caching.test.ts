/**
 * `npm start` serves the build with Vite's preview server: the build's content-hashed files
 * (assets/) may be kept by the browser for good, so a return visit fetches none of them again;
 * the page and the unhashed files of public/ are checked every time, so a new build shows at once.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HASHED_FILE_CACHE } from '../vite-plugin.ts';

describe('the built studio as npm start serves it', () => {
  let server: PreviewServer;
  let base: string;
  let outDir: string;
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'easel-preview-'));
    mkdirSync(join(outDir, 'assets'));
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>Easel</title>');
    writeFileSync(join(outDir, 'assets', 'gallery-view-CUNmBXdL.js'), 'export {};');
    writeFileSync(join(outDir, 'content-security-policy.js'), '// policy');
    server = await preview({
      configFile: 'vite.config.ts',
      logLevel: 'silent',
      build: { outDir },
      preview: { port: 0, strictPort: false },
    });
    base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('lets the browser keep a hashed script without asking again', async () => {
    const res = await fetch(`${base}/assets/gallery-view-CUNmBXdL.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(HASHED_FILE_CACHE);
  });

  it('has the page and the unhashed files checked on every visit', async () => {
    for (const path of ['/', '/content-security-policy.js']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('never asks a browser to keep a missing file', async () => {
    const res = await fetch(`${base}/assets/gone-0000.js`);
    expect(res.headers.get('cache-control')).not.toBe(HASHED_FILE_CACHE);
  });
});
