/**
 * Soak: 100 requests through the studio — 85 generations and 15 edits with a painted mask,
 * overlapping — against an engine in seeded random-fault mode: 429 with a short
 * Retry-After, 500, 503, added latency, dropped connections. Afterwards, from what the user
 * sees and from IndexedDB: every request the engine answered is in the gallery exactly once
 * (with its bytes, thumbnail and, for edits, the very mask the engine received), every one
 * that failed is shown as failed with "Try again", and trying the failed ones again sends
 * the same prompt and the same mask, and stores each exactly once.
 *
 * The engine is this worker's own (generate-helpers.ts): no other test's request can take
 * one of these faults, and none of them can hit another test.
 */
import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { pickImage, stage } from './editor-helpers.ts';
import { expect, pickOption, promptBox, setSlider, test } from './generate-helpers.ts';
import {
  answered,
  engineLog,
  faultLabel,
  galleryRows,
  type LoggedRequest,
} from './reliability-helpers.ts';

// A trace snapshots the whole page at every action: with a hundred job cards on screen that
// alone quadruples this spec's time. The report below and the assertion messages say what
// went wrong instead.
test.use({ trace: 'off' });

const GENERATIONS = 85;
const EDITS = 15;
const SEED = 20261125;
const RATES = { '429': 0.08, '500': 0.06, '503': 0.06, latency: 0.12, drop: 0.06 };

const generationPrompt = (i: number) => `soak ${String(i).padStart(3, '0')}: a lantern by a river`;
const editPrompt = (i: number) => `soak edit ${String(i).padStart(2, '0')}: a paper boat`;

/** Replaces the focused prompt and sends it with Ctrl+Enter, as a designer at the keyboard. */
async function send(page: Page, prompt: string) {
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(prompt);
  await page.keyboard.press('Control+Enter');
}

/**
 * Paints a stroke between two image points. The newest edit's result switches the editor to
 * its compare view when it arrives, so first come back to Paint if needed; a result landing
 * mid-way makes the helper go back and paint again (the mask only gains paint).
 */
async function paintStroke(page: Page, a: { x: number; y: number }, b: { x: number; y: number }) {
  const paintView = page.getByRole('radio', { name: 'Paint', exact: true });
  for (let attempt = 0; ; attempt++) {
    if ((await paintView.count()) > 0 && (await paintView.isChecked()) === false) {
      await paintView.click();
    }
    try {
      const el = stage(page);
      const data = await el.evaluate((n) => ({ ...(n as HTMLElement).dataset }), undefined, {
        timeout: 2_000,
      });
      const box = (await el.boundingBox({ timeout: 2_000 }))!;
      const at = (p: { x: number; y: number }) => ({
        x: box.x + Number(data.offsetX) + p.x * Number(data.scale),
        y: box.y + Number(data.offsetY) + p.y * Number(data.scale),
      });
      await page.mouse.move(at(a).x, at(a).y);
      await page.mouse.down();
      await page.mouse.move(at(b).x, at(b).y, { steps: 4 });
      await page.mouse.up();
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

const maskOf = (r: LoggedRequest) => r.files.find((f) => f.field === 'mask')?.sha256;

/** The job's card (Generate view) or row (editor), by its prompt. */
const generationCard = (results: Locator, prompt: string) =>
  results.getByRole('article', { name: `Generation: ${prompt}` });
const editRow = (page: Page, prompt: string) =>
  page.getByRole('article', { name: `Edit: ${prompt}` });

test('soak: 100 requests under random faults — nothing lost, nothing doubled, failures kept', async ({
  page,
  engine,
  request,
}) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await pickOption(page, 'Model', 'DALL·E 2');
  await pickOption(page, 'Size', /256 × 256/);
  await setSlider(page, 'Number of images', 1);

  // Which request draws which random fault depends on arrival order; the two queued drops
  // (taken first) make sure at least one generation and one edit fail whatever the order.
  for (const data of [
    { random: { seed: SEED, rates: RATES, latencyMs: 600, retryAfter: 1 } },
    {
      queue: [
        { type: 'drop', operation: 'generate' },
        { type: 'drop', operation: 'edit' },
      ],
    },
  ]) {
    expect((await request.post(`${engine.url}/__engine/faults`, { data })).ok()).toBe(true);
  }
  const started = Date.now();

  // Generations, one after another without waiting: they overlap and queue at the engine.
  await promptBox(page).focus();
  for (let i = 0; i < GENERATIONS; i++) await send(page, generationPrompt(i));

  // Edits while those are still running: each paints one more stroke, so each mask differs.
  await page.getByRole('tab', { name: 'Edit' }).click();
  const square = await sharp({
    create: { width: 256, height: 256, channels: 4, background: '#3a6b8f' },
  })
    .png()
    .toBuffer();
  await pickImage(page, { name: 'pond.png', mimeType: 'image/png', buffer: square });
  await expect(stage(page)).toBeVisible();
  await pickOption(page, 'Model', /^DALL·E 2/);
  await pickOption(page, 'Size', /256 × 256/);
  for (let i = 0; i < EDITS; i++) {
    const y = 12 + i * 16;
    await paintStroke(page, { x: 20 + (i % 4) * 40, y }, { x: 60 + (i % 4) * 40, y });
    await promptBox(page).focus();
    await send(page, editPrompt(i));
  }

  // Wait until every request has ended: the engine has seen each edit, no edit is still
  // running or saving, and the Generate view counts every generation as ended.
  const edits = Array.from({ length: EDITS }, (_, i) => editPrompt(i));
  await expect
    .poll(
      async () => {
        const seen = new Set((await engineLog(request, engine.url)).map((r) => r.fields.prompt));
        return edits.filter((p) => !seen.has(p));
      },
      { timeout: 30_000 },
    )
    .toEqual([]);
  const editRows = page.getByRole('article', { name: /^Edit: soak edit/ });
  await expect(editRows.filter({ hasText: /Editing|Saving to gallery/ })).toHaveCount(0, {
    timeout: 30_000,
  });
  await page.getByRole('tab', { name: 'Generate' }).click();
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.getByText(`${GENERATIONS} this session`)).toBeVisible({ timeout: 30_000 });
  const soakMs = Date.now() - started;
  const log = await engineLog(request, engine.url);
  expect(log.length, 'the engine log (200 at most) holds the whole run').toBeLessThan(200);
  await request.delete(`${engine.url}/__engine/requests`);

  // What the engine did with each prompt, attempt by attempt.
  const attempts = new Map<string, LoggedRequest[]>();
  for (const r of log) {
    const prompt = String(r.fields.prompt);
    attempts.set(prompt, [...(attempts.get(prompt) ?? []), r]);
  }
  const generations = Array.from({ length: GENERATIONS }, (_, i) => generationPrompt(i));
  const prompts = [...generations, ...edits];
  expect(
    prompts.filter((p) => !attempts.has(p)),
    'prompts the engine never saw',
  ).toEqual([]);
  const succeeded = prompts.filter((p) => answered(attempts.get(p)!.at(-1)!));
  const failed = prompts.filter((p) => !succeeded.includes(p));
  // Every attempt of an edit carried the same mask: retries resend the files as they were.
  for (const p of edits) {
    expect(new Set(attempts.get(p)!.map(maskOf)).size, `masks sent for "${p}"`).toBe(1);
  }

  // The gallery: each answered prompt exactly once, with its bytes, thumbnail and mask.
  // Thumbnails are made just after their save (save-results.ts), so they may trail it a little.
  let rows = await galleryRows(page);
  await expect(async () => {
    rows = await galleryRows(page);
    const missing = rows.entries.filter((e) => !rows.thumbnails.includes(e.id));
    expect(
      missing.map((e) => e.prompt),
      'entries without a thumbnail',
    ).toEqual([]);
  }).toPass({ timeout: 10_000 });
  const stored = (prompt: string) => rows.entries.filter((e) => e.prompt === prompt);
  const lost = succeeded.filter((p) => stored(p).length === 0);
  const duplicated = prompts.filter((p) => stored(p).length > 1);
  const storedThoughFailed = failed.filter((p) => stored(p).length > 0);
  for (const e of rows.entries) {
    expect(rows.images[e.id], `image bytes of "${e.prompt}"`).toBe(e.byteLength);
    expect(rows.thumbnails, `thumbnail of "${e.prompt}"`).toContain(e.id);
  }
  for (const p of edits.filter((p) => succeeded.includes(p))) {
    const [entry] = stored(p);
    expect(entry?.kind).toBe('edit');
    expect(rows.masks[entry?.maskId ?? ''], `stored mask of "${p}"`).toBe(
      maskOf(attempts.get(p)![0]!),
    );
  }

  const byType: Record<string, number> = {};
  for (const r of log) {
    const label = faultLabel(r) ?? (r.status !== 200 ? `engine ${r.status}` : null);
    if (label) byType[label] = (byType[label] ?? 0) + 1;
  }
  const failedEdits = failed.filter((p) => edits.includes(p));
  console.log(
    `soak: ${prompts.length} studio requests (${GENERATIONS} generations, ${EDITS} edits), ` +
      `${log.length} HTTP requests in ${(soakMs / 1000).toFixed(1)} s; faults ${JSON.stringify(byType)}; ` +
      `answered ${succeeded.length}, failed ${failed.length} (${failedEdits.length} edits); ` +
      `lost ${lost.length}, duplicated ${duplicated.length}, stored though failed ${storedThoughFailed.length}`,
  );
  expect({ lost, duplicated, storedThoughFailed }).toEqual({
    lost: [],
    duplicated: [],
    storedThoughFailed: [],
  });
  // Failures of both kinds happened (the queued drops at least): a change that hid them
  // would show here.
  expect(failed.length - failedEdits.length).toBeGreaterThan(0);
  expect(failedEdits.length).toBeGreaterThan(0);

  // What the user sees: answered ones saved, failed ones failed with "Try again".
  for (const p of generations) {
    const card = generationCard(results, p);
    if (succeeded.includes(p)) await expect(card.getByText('Saved', { exact: true })).toBeVisible();
    else {
      await expect(card.getByText('Failed', { exact: true })).toBeVisible();
      await expect(
        card.getByRole('alert').getByRole('button', { name: 'Try again' }),
      ).toBeVisible();
    }
  }
  // The pond photo all the edits started from is stored once, as an upload, beside the results.
  expect(rows.entries.filter((e) => e.kind === 'upload')).toHaveLength(1);
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await expect(page.getByText(`${succeeded.length + 1} images`, { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Edit' }).click();
  await expect(editRows).toHaveCount(failedEdits.length);
  for (const p of failedEdits) {
    await expect(editRow(page, p).getByText('Failed', { exact: true })).toBeVisible();
  }

  // Try each failed one again, faults off: the same prompt and the same mask go out, and
  // each is stored exactly once.
  await request.delete(`${engine.url}/__engine/faults`);
  for (const p of failedEdits) {
    await editRow(page, p).getByRole('alert').getByRole('button', { name: 'Try again' }).click();
  }
  await expect(editRows).toHaveCount(0, { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Generate' }).click();
  for (const p of failed.filter((p) => !edits.includes(p))) {
    await generationCard(results, p)
      .getByRole('alert')
      .getByRole('button', { name: 'Try again' })
      .click();
  }
  const retriedGenerations = failed.length - failedEdits.length;
  await expect(results.getByText(`${GENERATIONS + retriedGenerations} this session`)).toBeVisible({
    timeout: 30_000,
  });
  const retried = await engineLog(request, engine.url);
  expect(retried.map((r) => String(r.fields.prompt)).sort()).toEqual([...failed].sort());
  expect(retried.every(answered)).toBe(true);
  for (const r of retried.filter((r) => r.operation === 'edit')) {
    expect(maskOf(r), `mask resent for "${r.fields.prompt}"`).toBe(
      maskOf(attempts.get(String(r.fields.prompt))![0]!),
    );
  }
  const after = await galleryRows(page);
  for (const p of prompts) {
    expect(
      after.entries.filter((e) => e.prompt === p),
      p,
    ).toHaveLength(1);
  }
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await expect(page.getByText(`${prompts.length + 1} images`, { exact: true })).toBeVisible();
});
