/**
 * Selecting by click: the magic wand and Select person, from the click to the mask the real
 * engine receives. The person selector runs MediaPipe's model shipped in the installed
 * packages; the photo and its hand-traced reference are in fixtures/people (public domain).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createCanvas } from '@napi-rs/canvas';
import type { APIRequestContext, Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, test } from './generate-helpers.ts';
import {
  applyEdit,
  decode,
  type DecodedImage,
  openEditor,
  openLandscape,
  pickImage,
  previewMask,
  stage,
  stageView,
  toScreen,
} from './editor-helpers.ts';
import { engineLog } from './reliability-helpers.ts';

/** 640×480: the left half one blue, the right half one sand colour. */
async function twoColours(): Promise<Buffer> {
  const width = 640;
  const height = 480;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    raw.set(i % width < width / 2 ? [40, 110, 200] : [230, 180, 60], i * 3);
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** Clicks an image point on the stage, with modifier keys held if asked. */
async function clickImage(
  page: Page,
  p: { x: number; y: number },
  modifiers: ('Shift' | 'Alt')[] = [],
) {
  const at = toScreen(await stageView(page), p);
  for (const key of modifiers) await page.keyboard.down(key);
  await page.mouse.click(at.x, at.y);
  for (const key of modifiers) await page.keyboard.up(key);
}

/** The mask file of the last edit with this prompt, as the engine received it. */
async function sentMask(
  request: APIRequestContext,
  url: string,
  prompt: string,
): Promise<DecodedImage> {
  const edit = (await engineLog(request, url)).filter((r) => r.fields.prompt === prompt).at(-1);
  if (!edit) throw new Error(`No edit with prompt “${prompt}” reached the engine`);
  const index = edit.files.findIndex((f) => f.field === 'mask');
  const res = await request.get(`${url}/__engine/requests/${edit.id}/files/${index}`);
  return decode(Buffer.from(await res.body()));
}

/** The editor's status line: what the last action did, in words. */
async function expectStatus(page: Page, text: string | RegExp, timeout?: number) {
  await expect(page.getByRole('status').filter({ hasText: text })).toHaveCount(1, { timeout });
}

test.beforeEach(async ({ page, engine }) => {
  expect(engine.url).toMatch(/^http:/);
  await openEditor(page);
});

test('Magic wand on the left half, then Apply edit: the engine gets a mask transparent on exactly that half @dpr2', async ({
  page,
  engine,
  request,
}, testInfo) => {
  const prompt = `a calm sea (${testInfo.project.name})`;
  await pickImage(page, { name: 'halves.png', mimeType: 'image/png', buffer: await twoColours() });
  await expect(page.getByText('halves.png · 640×480')).toBeVisible();
  await page.keyboard.press('w');
  await expect(page.getByRole('radio', { name: 'Magic wand' })).toBeChecked();
  await expect(page.getByRole('slider', { name: 'Tolerance' })).toBeVisible();

  await clickImage(page, { x: 100, y: 300 });
  await expectStatus(page, 'Magic wand selected 153,600 pixels');
  // With "Keep unpainted pixels" a GPT model gets the mask grown by a few pixels (the
  // compose-back's rim); off, it gets the mask exactly as selected.
  await page.getByRole('switch', { name: 'Keep unpainted pixels' }).click();
  await expect(page.getByRole('switch', { name: 'Keep unpainted pixels' })).not.toBeChecked();
  await applyEdit(page, prompt);
  await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 30_000 });

  const mask = await sentMask(request, engine.url, prompt);
  expect([mask.width, mask.height]).toEqual([640, 480]);
  let wrong = 0;
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      const alpha = mask.data[(y * mask.width + x) * 4 + 3];
      if (alpha !== (x < 320 ? 0 : 255)) wrong++;
    }
  }
  expect(wrong).toBe(0);
});

test('Magic wand: Tolerance redoes the click live, Shift adds, Alt takes away, undo steps back, a click off the picture is explained', async ({
  page,
}) => {
  // Bands of grey 20 apart: how many bands one click takes depends on the tolerance.
  const width = 400;
  const height = 100;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++)
    raw.fill(40 + 20 * Math.floor((i % width) / 40), i * 3, i * 3 + 3);
  const png = await sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
  await pickImage(page, { name: 'bands.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByText('bands.png · 400×100')).toBeVisible();
  await page.getByRole('radio', { name: 'Magic wand' }).click();
  const tolerance = page.getByRole('slider', { name: 'Tolerance' });
  await tolerance.focus();
  await page.keyboard.press('Home'); // 0: exactly the clicked grey

  await clickImage(page, { x: 220, y: 50 }); // band 5
  await expectStatus(page, 'Magic wand selected 4,000 pixels');
  await tolerance.focus(); // the click gave the stage the focus
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  await expect(tolerance).toHaveAttribute('aria-valuenow', '20');
  await expectStatus(page, 'Magic wand selected 12,000 pixels'); // bands 4, 5, 6

  await clickImage(page, { x: 20, y: 50 }, ['Shift']); // adds bands 0 and 1
  await expectStatus(page, 'Magic wand added 8,000 pixels');
  await clickImage(page, { x: 220, y: 50 }, ['Alt']); // takes bands 4..6 away again
  await expectStatus(page, 'Magic wand took away 12,000 pixels');
  let mask = await previewMask(page);
  const painted = (m: DecodedImage) =>
    [0, 60, 140, 180, 220, 260, 300].map((x) => m.data[(50 * m.width + x) * 4 + 3]);
  expect(painted(mask)).toEqual([0, 0, 255, 255, 255, 255, 255]);

  await page.keyboard.press('Control+z');
  mask = await previewMask(page);
  expect(painted(mask)).toEqual([0, 0, 255, 0, 0, 0, 255]);

  // The picture is wider than the stage's shape: a click below it selects nothing, and says why.
  const view = await stageView(page);
  const below = view.y + view.imageHeight * view.scale + 20;
  expect(below).toBeLessThan(view.box.height);
  await page.mouse.click(view.box.x + view.box.width / 2, view.box.y + below);
  await expectStatus(page, 'Click on the picture to select by colour.');
  mask = await previewMask(page);
  expect(painted(mask)).toEqual([0, 0, 255, 0, 0, 0, 255]);
});

test('Select person loads its model only when used, from the studio itself, says so when it cannot start, and finds the person (IoU ≥ 0.85 with a hand-traced mask)', async ({
  page,
  baseURL,
}) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  const model = /person-worker|vision_wasm|\.tflite/;
  await pickImage(page, {
    name: 'astronaut.png',
    mimeType: 'image/png',
    buffer: await readFile('fixtures/people/astronaut.png'),
  });
  await expect(page.getByText('astronaut.png · 512×512')).toBeVisible();
  await expect(stage(page)).toBeVisible();
  expect(requested.filter((url) => model.test(url))).toEqual([]);

  // The studio's server out of reach when the selector first starts: it says so, the mask
  // (a wand selection here) is untouched, and the next press starts the selector afresh.
  await page.keyboard.press('w');
  await clickImage(page, { x: 20, y: 20 });
  await expectStatus(page, /^Magic wand selected [\d,]+ pixels$/);
  const before = await previewMask(page);
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Select person' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not start the person selector' });
  await expect(alert).toContainText('Your mask is unchanged.', { timeout: 60_000 });
  expect(Buffer.compare((await previewMask(page)).data, before.data)).toBe(0);
  await page.context().setOffline(false);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);

  await page.getByRole('button', { name: 'Select person' }).click();
  await expectStatus(page, /^Selected the person: [\d,]+ pixels$/, 60_000);
  const fetched = requested.filter((url) => model.test(url));
  expect(fetched.length).toBeGreaterThanOrEqual(3); // worker, wasm runtime, model
  expect(requested.filter((url) => !url.startsWith(baseURL!) && !url.startsWith('blob:'))).toEqual(
    [],
  );

  const mask = await previewMask(page);
  const reference = await referenceMask();
  let both = 0;
  let either = 0;
  for (let i = 0; i < reference.length; i++) {
    const selected = mask.data[i * 4 + 3] === 0;
    if (selected && reference[i]) both++;
    if (selected || reference[i]) either++;
  }
  test.info().annotations.push({ type: 'IoU', description: (both / either).toFixed(3) });
  expect(both / either).toBeGreaterThanOrEqual(0.85);
});

test('the first screen carries none of the selection code: it arrives with the Edit view', async ({
  browser,
  baseURL,
}) => {
  // A fresh context: nothing cached from the editor opened before each test.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (/javascript/.test(r.headers()['content-type'] ?? ''))
      scripts.push(new URL(r.url()).pathname);
  });
  const selectionCode = (paths: string[]) => paths.filter(holdsSelectionCode);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Generate' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const firstScreen = [...scripts];
  expect(firstScreen.length).toBeGreaterThan(0);
  expect(selectionCode(firstScreen)).toEqual([]);

  // The same check finds it once a picture is open in the editor (the empty Edit view does not
  // load the editor's tools either): the source maps are there to read.
  await openLandscape(page);
  await page.waitForLoadState('networkidle');
  expect(selectionCode(scripts).length).toBeGreaterThan(0);
  await context.close();
});

/** Whether a built chunk holds the wand's or Select person's code, from its source map. */
function holdsSelectionCode(path: string): boolean {
  const map = `dist${path}.map`;
  if (!existsSync(map)) return false;
  const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
  return sources.some((s) => /features\/editor\/selection\/|node_modules\/@mediapipe\//.test(s));
}

/** The hand-traced polygon of fixtures/people, filled: true inside the person. */
async function referenceMask(): Promise<boolean[]> {
  const { width, height, polygon } = JSON.parse(
    await readFile('fixtures/people/astronaut.person.json', 'utf8'),
  ) as { width: number; height: number; polygon: [number, number][] };
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.beginPath();
  polygon.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  ctx.closePath();
  ctx.fill();
  const { data } = ctx.getImageData(0, 0, width, height);
  return Array.from({ length: width * height }, (_, i) => data[i * 4 + 3]! >= 128);
}
