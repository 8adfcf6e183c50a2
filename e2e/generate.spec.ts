import type { Page } from '@playwright/test';
import {
  expect,
  generate,
  openMoreSettings,
  openStudio,
  pickOption,
  pickSegment,
  promptBox,
  setSlider,
  shownImageSizes,
  test,
} from './generate-helpers.ts';

test.beforeEach(({ page, engine }) => openStudio(page, engine));

interface Case {
  model: string;
  prompt: string;
  set: (page: Page) => Promise<void>;
  /** Exactly the fields the engine must receive. */
  fields: Record<string, unknown>;
  images: [number, number][];
}

const CASES: Case[] = [
  {
    model: 'DALL·E 2',
    prompt: 'a red fox in fresh snow',
    set: async (page) => {
      await pickOption(page, 'Size', /512 × 512/);
      await setSlider(page, 'Number of images', 3);
    },
    fields: {
      model: 'dall-e-2',
      prompt: 'a red fox in fresh snow',
      n: 3,
      size: '512x512',
      quality: 'standard',
      response_format: 'b64_json',
    },
    images: [
      [512, 512],
      [512, 512],
      [512, 512],
    ],
  },
  {
    model: 'DALL·E 3',
    prompt: 'a lighthouse at dusk, wide',
    set: async (page) => {
      await pickOption(page, 'Size', /1792 × 1024/);
      await pickSegment(page, 'Quality', 'HD');
      await pickSegment(page, 'Style', 'Natural');
      await pickSegment(page, 'Response format', 'Link');
    },
    fields: {
      model: 'dall-e-3',
      prompt: 'a lighthouse at dusk, wide',
      n: 1,
      size: '1792x1024',
      quality: 'hd',
      style: 'natural',
      response_format: 'url',
    },
    images: [[1792, 1024]],
  },
  {
    model: 'GPT Image 1',
    prompt: 'a glass teapot, product shot',
    set: async (page) => {
      await pickOption(page, 'Size', /1536 × 1024/);
      await setSlider(page, 'Number of images', 2);
      await pickSegment(page, 'Quality', 'Low');
      await pickSegment(page, 'Background', 'Transparent');
      await pickSegment(page, 'Output format', 'WebP');
      await setSlider(page, 'Compression', 100);
      for (let i = 0; i < 40; i++)
        await page.getByRole('slider', { name: 'Compression' }).press('ArrowLeft');
      await openMoreSettings(page);
      await pickSegment(page, 'Moderation', 'Low');
      await page.getByRole('textbox', { name: 'User' }).fill('e2e-designer');
    },
    fields: {
      model: 'gpt-image-1',
      prompt: 'a glass teapot, product shot',
      n: 2,
      size: '1536x1024',
      quality: 'low',
      background: 'transparent',
      output_format: 'webp',
      output_compression: 60,
      moderation: 'low',
      user: 'e2e-designer',
    },
    images: [
      [1536, 1024],
      [1536, 1024],
    ],
  },
  {
    model: 'GPT Image 1 mini',
    prompt: 'a paper boat on a puddle',
    set: async () => {},
    fields: {
      model: 'gpt-image-1-mini',
      prompt: 'a paper boat on a puddle',
      n: 1,
      size: 'auto',
      quality: 'auto',
      background: 'auto',
      output_format: 'png',
      moderation: 'auto',
    },
    images: [[1024, 1024]],
  },
  {
    model: 'GPT Image 1.5',
    prompt: 'a bowl of ramen, overhead',
    set: async (page) => {
      await pickOption(page, 'Size', /1024 × 1536/);
      await pickSegment(page, 'Quality', 'High');
      await pickSegment(page, 'Background', 'Opaque');
      await pickSegment(page, 'Output format', 'JPEG');
    },
    fields: {
      model: 'gpt-image-1.5',
      prompt: 'a bowl of ramen, overhead',
      n: 1,
      size: '1024x1536',
      quality: 'high',
      background: 'opaque',
      output_format: 'jpeg',
      output_compression: 100,
      moderation: 'auto',
    },
    images: [[1024, 1536]],
  },
  {
    model: 'GPT Image 2',
    prompt: 'a city skyline, cinematic',
    set: async (page) => {
      await pickOption(page, 'Size', /Custom/);
      await page.getByRole('spinbutton', { name: 'Width' }).fill('2048');
      await page.getByRole('spinbutton', { name: 'Height' }).fill('1152');
      await pickSegment(page, 'Quality', 'Medium');
    },
    fields: {
      model: 'gpt-image-2',
      prompt: 'a city skyline, cinematic',
      n: 1,
      size: '2048x1152',
      quality: 'medium',
      background: 'auto',
      output_format: 'png',
      moderation: 'auto',
    },
    images: [[2048, 1152]],
  },
];

for (const c of CASES) {
  test(`${c.model}: the engine receives exactly the chosen settings and the images show at their size`, async ({
    page,
    engine,
  }) => {
    await pickOption(page, 'Model', c.model);
    await c.set(page);
    const job = await generate(page, c.prompt);
    await expect(job.getByText('Saved', { exact: true })).toBeVisible({ timeout: 30_000 });
    const [sent, ...others] = await engine.requests();
    expect(others).toEqual([]);
    expect(sent?.path).toBe('/v1/images/generations');
    expect(sent?.fields).toEqual(c.fields);
    expect(await shownImageSizes(job)).toEqual(c.images);
    await expect(job).toContainText(c.prompt);
  });
}

test('DALL·E 3 shows the revised prompt under its image', async ({ page }) => {
  await pickOption(page, 'Model', 'DALL·E 3');
  const job = await generate(page, 'a fox');
  await expect(job.getByText('Saved', { exact: true })).toBeVisible();
  await expect(job.getByText(/Revised prompt/)).toBeVisible();
  await expect(job.getByText(/a fox — drawn by Easel/)).toBeVisible();
});

test('Ctrl+Enter sends; several jobs run at once and each shows its elapsed time', async ({
  page,
  engine,
}) => {
  // Long enough that both are still running while a loaded CI machine checks them.
  await engine.queueFaults([
    { type: 'latency', ms: 15_000 },
    { type: 'latency', ms: 15_000 },
  ]);
  await promptBox(page).fill('first idea');
  await promptBox(page).press('Control+Enter');
  await promptBox(page).fill('second idea');
  await promptBox(page).press('Control+Enter');
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.getByText('2 running')).toBeVisible();
  await expect(results.getByRole('article')).toHaveCount(2);
  await expect(results.getByRole('button', { name: 'Cancel' })).toHaveCount(2);
  const elapsed = results
    .getByRole('article')
    .first()
    .getByLabel(/^Elapsed/);
  const first = await elapsed.getAttribute('aria-label');
  await expect(elapsed).not.toHaveAttribute('aria-label', first!);
  await expect(results.getByText('Saved', { exact: true })).toHaveCount(2, { timeout: 45_000 });
  expect((await engine.requests()).map((r) => r.fields.prompt).sort()).toEqual([
    'first idea',
    'second idea',
  ]);
});
