/**
 * Awkward files brought into the editor, beyond the refusals in editor-paint.spec.ts (SVG,
 * PDF, empty, corrupt): an enormous PNG, animated GIF / APNG / WebP, a CMYK JPEG, a 16-bit
 * PNG and files that are not images at all. Each is either refused with a message that says
 * what to do, or opened and sent as the picture the designer sees (checked at the engine,
 * pixel by pixel); the page never breaks and keeps working.
 */
import { deflateSync, crc32 } from 'node:zlib';
import type { APIRequestContext, Page } from '@playwright/test';
import sharp from 'sharp';
import { confirmReplace, decode, drag, pickImage, stage, openEditor } from './editor-helpers.ts';
import { expect, pickOption, promptBox, test, type TestEngine } from './generate-helpers.ts';
import { engineLog } from './reliability-helpers.ts';

// Asking for the engine makes it this worker's provider before the page loads.
test.beforeEach(async ({ page, engine }) => {
  expect(engine.url).toMatch(/^http:/);
  await openEditor(page);
});

const RED = { r: 0xcc, g: 0x33, b: 0x33 };
const BLUE = '#3333cc';

const solid = (hex: string, size = 256) =>
  sharp({ create: { width: size, height: size, channels: 4, background: hex } })
    .png()
    .toBuffer();

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's chunks, in order. */
function chunks(png: Buffer): { type: string; data: Buffer }[] {
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    out.push({
      type: png.toString('ascii', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + length),
    });
    at += 12 + length;
  }
  return out;
}

/**
 * A 20000×20000 PNG, built directly: 1-bit grey rows compress to a few kilobytes, so the
 * file is tiny and quick to make while its pixel count (400 million) is what matters.
 */
function enormousPng(side = 20_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Buffer.alloc(1 + Math.ceil(side / 8), 0x55); // filter 0, a fine stripe
  row[0] = 0;
  const rows = Buffer.alloc(row.length * side);
  for (let y = 0; y < side; y++) row.copy(rows, y * row.length);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A two-frame APNG: red first (also the image non-animating readers show), then blue. */
async function animatedPng(): Promise<Buffer> {
  const [first, second] = [chunks(await solid('#cc3333')), chunks(await solid(BLUE))];
  const ihdr = first!.find((c) => c.type === 'IHDR')!.data;
  const idat = (frame: typeof first) =>
    Buffer.concat(frame!.filter((c) => c.type === 'IDAT').map((c) => c.data));
  const u32 = (...values: number[]) => {
    const b = Buffer.alloc(values.length * 4);
    values.forEach((v, i) => b.writeUInt32BE(v, i * 4));
    return b;
  };
  const fcTL = (sequence: number) =>
    chunk(
      'fcTL',
      Buffer.concat([
        u32(sequence, 256, 256, 0, 0),
        Buffer.from([0, 1, 0, 5, 0, 0]), // delay 1/5 s, dispose none, blend source
      ]),
    );
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('acTL', u32(2, 0)),
    fcTL(0),
    chunk('IDAT', idat(first)),
    fcTL(1),
    chunk('fdAT', Buffer.concat([u32(2), idat(second)])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function animated(format: 'gif' | 'webp'): Promise<Buffer> {
  const frames = [await solid('#cc3333'), await solid(BLUE)];
  const joined = sharp(frames, { join: { animated: true } });
  return format === 'gif'
    ? joined.gif({ delay: [200, 200], loop: 0 }).toBuffer()
    : joined.webp({ delay: [200, 200], lossless: true }).toBuffer();
}

/**
 * Paints a small stroke, sends a DALL·E 2 edit and returns the pixel at the centre of the
 * image the engine received: what Easel made of the file.
 */
async function sentCentre(page: Page, request: APIRequestContext, engine: TestEngine) {
  const paint = page.getByRole('radio', { name: 'Paint', exact: true });
  if ((await paint.count()) > 0 && !(await paint.isChecked())) await paint.click();
  await drag(page, [
    { x: 8, y: 8 },
    { x: 40, y: 8 },
  ]);
  const before = (await engineLog(request, engine.url)).length;
  await page.getByRole('button', { name: 'Apply edit' }).click();
  // The log lists the request's files once the engine has read them: wait for its answer.
  await expect
    .poll(async () => (await engineLog(request, engine.url)).map((r) => r.status), {
      timeout: 30_000,
    })
    .toEqual([...Array<number>(before).fill(200), 200]);
  const sent = (await engineLog(request, engine.url)).at(-1)!;
  await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 30_000 });
  const index = sent.files.findIndex((f) => f.field === 'image');
  const bytes = await (
    await request.get(`${engine.url}/__engine/requests/${sent.id}/files/${index}`)
  ).body();
  const image = await decode(bytes);
  const at = (image.height / 2) * image.width * 4 + (image.width / 2) * 4;
  return {
    width: image.width,
    height: image.height,
    r: image.data[at]!,
    g: image.data[at + 1]!,
    b: image.data[at + 2]!,
  };
}

const near = (value: number, expected: number, within: number) =>
  Math.abs(value - expected) <= within;

test('animated GIF, APNG and WebP open at their first frame, and that frame is what is sent', async ({
  page,
  engine,
  request,
}) => {
  test.setTimeout(90_000);
  await promptBox(page).fill('a red square, still');
  for (const [name, mimeType, buffer] of [
    ['blink.gif', 'image/gif', await animated('gif')],
    ['blink.png', 'image/png', await animatedPng()],
    ['blink.webp', 'image/webp', await animated('webp')],
  ] as const) {
    await pickImage(page, { name, mimeType, buffer });
    // After the first, each opens over the mask painted to send the one before.
    if (name !== 'blink.gif') await confirmReplace(page);
    await expect(page.getByText(`${name} · 256×256`)).toBeVisible();
    await expect(page.getByText('Animated image: Easel edits its first frame.')).toBeVisible();
    if (name === 'blink.gif') {
      await pickOption(page, 'Model', /^DALL·E 2/);
      await pickOption(page, 'Size', /256 × 256/);
    }
    const centre = await sentCentre(page, request, engine);
    expect(centre, name).toEqual({ width: 256, height: 256, ...RED });
  }
});

test('a CMYK JPEG and a 16-bit PNG open with their true colours', async ({
  page,
  engine,
  request,
}) => {
  const cmyk = await sharp({
    create: { width: 256, height: 256, channels: 3, background: '#cc3333' },
  })
    .toColourspace('cmyk')
    .jpeg({ quality: 95 })
    .toBuffer();
  expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
  const deep = await sharp({
    create: { width: 256, height: 256, channels: 3, background: '#cc3333' },
  })
    .toColourspace('rgb16')
    .png()
    .toBuffer();
  expect((await sharp(deep).metadata()).depth).toBe('ushort');

  await promptBox(page).fill('a red square, still');
  await pickImage(page, { name: 'print.jpg', mimeType: 'image/jpeg', buffer: cmyk });
  await expect(page.getByText('print.jpg · 256×256')).toBeVisible();
  await pickOption(page, 'Model', /^DALL·E 2/);
  await pickOption(page, 'Size', /256 × 256/);
  const fromCmyk = await sentCentre(page, request, engine);
  // Colour management may shift a CMYK red a little; an inverted or grey image is far off.
  expect(
    near(fromCmyk.r, RED.r, 40) && near(fromCmyk.g, RED.g, 40) && near(fromCmyk.b, RED.b, 40),
    `CMYK red arrived as ${JSON.stringify(fromCmyk)}`,
  ).toBe(true);

  await pickImage(page, { name: 'deep.png', mimeType: 'image/png', buffer: deep });
  await confirmReplace(page);
  await expect(page.getByText('deep.png · 256×256')).toBeVisible();
  const fromDeep = await sentCentre(page, request, engine);
  expect(fromDeep).toEqual({ width: 256, height: 256, ...RED });
});

test('a 20000×20000 PNG opens scaled to the editor’s size and says so; files that are not images get a message', async ({
  page,
}) => {
  const huge = enormousPng();
  const meta = await sharp(huge, { limitInputPixels: false }).metadata();
  expect([meta.width, meta.height]).toEqual([20_000, 20_000]);
  await pickImage(page, { name: 'mural.png', mimeType: 'image/png', buffer: huge });
  await expect(page.getByText('mural.png · 4096×4096')).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByText(
      'Scaled from 20000×20000 to 4096×4096: the editor works with images up to 4096 px.',
    ),
  ).toBeVisible();
  await expect(stage(page)).toBeVisible();

  for (const file of [
    {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a picture\n'.repeat(40)),
    },
    {
      name: 'holiday.png',
      mimeType: 'image/png',
      buffer: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 1)]),
    },
  ]) {
    await pickImage(page, file);
    await expect(page.getByRole('alert')).toContainText(`couldn't read “${file.name}” as an image`);
    await expect(page.getByText('mural.png · 4096×4096')).toBeVisible();
  }
  // Still a working editor: the next good image opens.
  await pickImage(page, {
    name: 'pond.png',
    mimeType: 'image/png',
    buffer: await solid('#3a6b8f', 512),
  });
  await expect(page.getByText('pond.png · 512×512')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
