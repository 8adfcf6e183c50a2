import { expect, test, type Page } from '@playwright/test';
import { startEngine, type StartedEngine } from './fixtures/engine.ts';
import { startHostileServer } from './fixtures/hostile-server.ts';
import { landscapeJpeg, paintAndApplyEdit, pickImage } from './editor-helpers.ts';
import { readArchive } from './fixtures/gallery-archive.ts';
import { downloadBytes } from './fixtures/gallery-page.ts';
import { generate, newestJob, pickOption, storedText } from './generate-helpers.ts';

const RIGHT_KEY = 'sk-e2e-right-0123456789';

let engine: StartedEngine;
test.beforeAll(async () => {
  engine = await startEngine(['--api-key', RIGHT_KEY]);
});
test.afterAll(async () => {
  await engine?.stop();
});

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

async function useOpenAiKind(page: Page, key: string, remember = false) {
  await page.getByRole('button', { name: /Change provider/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Provider settings' });
  await pickOption(page, 'Provider', 'OpenAI');
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(`${engine.url}/v1`);
  // The page's Content-Security-Policy admits a new provider origin only after a reload;
  // the settings come back open, with the cursor in the key field.
  const host = new URL(engine.url).host;
  const allow = dialog.getByRole('button', { name: `Reload to allow ${host}` });
  if (await allow.isVisible()) {
    await allow.click();
    await expect(dialog.getByText(`Easel now connects to ${host}.`)).toBeVisible();
    await expect(dialog.getByLabel('API key', { exact: true })).toBeFocused();
  }
  await dialog.getByLabel('API key', { exact: true }).fill(key);
  if (remember) await dialog.getByRole('checkbox', { name: 'Remember on this device' }).check();
  return dialog;
}

test('the local engine is the default and its connection tests fine', async ({ page }) => {
  await expect(page.getByRole('button', { name: /Local engine/ })).toBeVisible();
  await page.getByRole('button', { name: /Change provider/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Provider settings' });
  await expect(dialog.getByRole('combobox', { name: 'Provider' })).toHaveText(/Local engine/);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    /Connected to Local engine: \d+ models listed/,
  );
});

test('an OpenAI-kind provider with a bad key asks for the key, and works once it is right', async ({
  page,
}) => {
  const dialog = await useOpenAiKind(page, 'sk-e2e-wrong-999');
  await dialog.getByRole('button', { name: 'Done' }).click();
  const chip = page.getByRole('button', { name: /Change provider/ });
  await expect(chip).toContainText('Key set');

  // Refused by a generation, not a test: the chip names the key too.
  await generate(page, 'a key test');
  const alert = newestJob(page).getByRole('alert');
  await expect(alert).toContainText('OpenAI did not accept the API key.');
  await expect(alert).not.toContainText('sk-e2e-wrong');
  await expect(chip).toContainText('Key not accepted');
  // The way forward puts the cursor in the key field, the one to change.
  await alert.getByRole('button', { name: 'Open provider settings' }).press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('API key', { exact: true })).toBeFocused();
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status')).toContainText('OpenAI did not accept the API key.');
  await dialog.getByLabel('API key', { exact: true }).fill(RIGHT_KEY);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status')).toContainText('Connected to OpenAI');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(chip).toContainText('Key set');
  await newestJob(page).getByRole('alert').getByRole('button', { name: 'Try again' }).click();
  await expect(newestJob(page).getByText('Saved', { exact: true })).toBeVisible();
});

test('a key pasted with a character no key has is named as the key’s fault, not as CORS', async ({
  page,
}) => {
  // Copied from a dashboard that shortened it: the browser cannot even send such a header.
  const dialog = await useOpenAiKind(page, 'sk-e2e-right-0123…');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const status = dialog.getByRole('status');
  await expect(status).toContainText('The API key for OpenAI contains “…”, which no API key has.');
  await expect(status).not.toContainText('does not allow requests from this page');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: /Change provider/ })).toContainText(
    'Key not accepted',
  );

  await generate(page, 'a key test');
  const alert = newestJob(page).getByRole('alert');
  await expect(alert).toContainText('contains “…”, which no API key has');
  await expect(alert).not.toContainText('sk-e2e-right');
  await expect(alert.getByRole('button', { name: 'Open provider settings' })).toBeVisible();
});

test('the key is never stored (local/session storage, IndexedDB) unless "remember" is ticked', async ({
  page,
}) => {
  const dialog = await useOpenAiKind(page, RIGHT_KEY);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await generate(page, 'a result that gets saved');
  await expect(newestJob(page).getByText('Saved', { exact: true })).toBeVisible();
  const stored = await storedText(page);
  expect(stored).toContain('a result that gets saved'); // the gallery and drafts were read
  expect(stored).not.toContain(RIGHT_KEY);

  // After a reload the key is gone (memory only) and the panel asks for it.
  await page.reload();
  await expect(page.getByRole('button', { name: /OpenAI API key needed/ })).toBeVisible();
  // Sent anyway: the way forward puts the cursor where the key goes.
  await generate(page, 'sent without the key');
  const alert = newestJob(page).getByRole('alert');
  await expect(alert).toContainText('OpenAI needs an API key.');
  await alert.getByRole('button', { name: 'Open provider settings' }).press('Enter');
  await expect(page.getByLabel('API key', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');

  await useOpenAiKind(page, RIGHT_KEY, true);
  expect(await storedText(page)).toContain(RIGHT_KEY);
  await page.reload();
  await expect(page.getByRole('button', { name: /OpenAI Key set/ })).toBeVisible();

  // Unticking forgets the stored copy at once.
  await page.getByRole('button', { name: /Change provider/ }).click();
  await page.getByRole('checkbox', { name: 'Remember on this device' }).uncheck();
  expect(await storedText(page)).not.toContain(RIGHT_KEY);
});

test('the key goes only to the provider, in its Authorization header: generate, edit, export', async ({
  page,
}) => {
  // Every request the page makes, with every place a key could hide.
  const seen: { url: string; headers: Record<string, string>; body: string }[] = [];
  page.on('request', (r) =>
    seen.push({
      url: r.url(),
      headers: r.headers(),
      body: r.postDataBuffer()?.toString('latin1') ?? '',
    }),
  );
  const logged: string[] = [];
  page.on('console', (m) => logged.push(m.text()));
  const dialog = await useOpenAiKind(page, RIGHT_KEY);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await generate(page, 'where does the key go');
  await expect(newestJob(page).getByText('Saved', { exact: true })).toBeVisible();

  // An edit with a painted mask goes the same way (multipart, with files).
  await page.getByRole('tab', { name: 'Edit' }).click();
  await pickImage(page, {
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: await landscapeJpeg(640, 400),
  });
  await paintAndApplyEdit(page, 'and with an edit', [
    { x: 100, y: 100 },
    { x: 400, y: 200 },
  ]);
  await expect(page.getByRole('img', { name: /^After/ })).toBeVisible({ timeout: 30_000 });

  const provider = new URL(engine.url).origin;
  const withKey = seen.filter((r) =>
    [r.url, r.body, ...Object.values(r.headers)].some((text) => text.includes(RIGHT_KEY)),
  );
  // Both operations reached the provider, each with the key in its Authorization header.
  const api = withKey.filter((r) => /\/v1\/images\/(generations|edits)$/.test(r.url));
  expect(api.map((r) => new URL(r.url).pathname)).toEqual([
    '/v1/images/generations',
    '/v1/images/edits',
  ]);
  for (const r of withKey) {
    expect(new URL(r.url).origin, r.url).toBe(provider);
    expect(r.headers['authorization'], r.url).toBe(`Bearer ${RIGHT_KEY}`);
    expect(r.url).not.toContain(RIGHT_KEY);
    expect(r.body, `body of ${r.url}`).not.toContain(RIGHT_KEY);
    const elsewhere = Object.entries(r.headers).filter(
      ([name, value]) => name !== 'authorization' && value.includes(RIGHT_KEY),
    );
    expect(elsewhere, r.url).toEqual([]);
  }
  // Nothing else carries it, nor any Authorization header: not the page's own origin, not
  // the image downloads of blob: URLs.
  expect(
    seen.filter((r) => new URL(r.url).origin !== provider && r.headers['authorization']),
  ).toEqual([]);

  // The exported gallery holds both results and the photo the edit started from (stored once
  // as an upload), and no trace of the key, zipped or unzipped.
  await page.getByRole('tab', { name: 'Gallery' }).click();
  await expect(page.getByText('3 images', { exact: true })).toBeVisible();
  const zip = await downloadBytes(page, () =>
    page.getByRole('button', { name: 'Export all' }).click(),
  );
  const { files, manifest } = readArchive(zip);
  expect(manifest.entries.map((e) => e.kind).sort()).toEqual(['edit', 'generation', 'upload']);
  expect(zip.includes(RIGHT_KEY)).toBe(false);
  for (const [name, bytes] of Object.entries(files)) {
    expect(Buffer.from(bytes).includes(RIGHT_KEY), name).toBe(false);
  }
  expect(logged.filter((text) => text.includes(RIGHT_KEY))).toEqual([]);
});

test('Azure offers only the models that have a deployment, and the panel says what it switched', async ({
  page,
}) => {
  await page.getByRole('button', { name: /Change provider/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Provider settings' });
  await pickOption(page, 'Provider', 'Azure OpenAI');
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill('https://studio.openai.azure.com');
  await dialog.getByLabel('API key', { exact: true }).fill('azure-key-123');
  await dialog
    .getByRole('textbox', { name: 'Deployment for GPT Image 1', exact: true })
    .fill('img-prod');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveText(/^img-prod/);
  await expect(
    page.getByRole('status').filter({
      hasText: 'Model: Azure OpenAI does not offer GPT Image 2.5 Flare; switched to GPT Image 1.',
    }),
  ).toBeVisible();
  await page.getByRole('combobox', { name: 'Model' }).click();
  await expect(page.getByRole('option')).toHaveText([/img-prod.*Follows GPT Image 1 rules/]);
});

test('Azure refuses one deployment name for two models, at the field, and offers it once', async ({
  page,
}) => {
  await page.getByRole('button', { name: /Change provider/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Provider settings' });
  await pickOption(page, 'Provider', 'Azure OpenAI');
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill('https://studio.openai.azure.com');
  await dialog.getByLabel('API key', { exact: true }).fill('azure-key-123');
  const first = dialog.getByRole('textbox', { name: 'Deployment for GPT Image 1', exact: true });
  const second = dialog.getByRole('textbox', { name: 'Deployment for GPT Image 2', exact: true });
  await first.fill('img-prod');
  await second.fill(' IMG-prod');
  await expect(second).toHaveAttribute('aria-invalid', 'true');
  await expect(second).toHaveAccessibleDescription(
    /“img-prod” is already the deployment for GPT Image 1\. An Azure deployment serves one model/,
  );
  await expect(first).not.toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('combobox', { name: 'Model' }).click();
  await expect(page.getByRole('option')).toHaveText([/img-prod.*Follows GPT Image 1 rules/]);
  await page.keyboard.press('Escape');

  // Its own deployment name, and the second model is offered too.
  await page.getByRole('button', { name: /Change provider/ }).click();
  await second.fill('img-two');
  await expect(second).not.toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('combobox', { name: 'Model' }).click();
  await expect(page.getByRole('option')).toHaveCount(2);
});

test('the ids a compatible server lists follow the model they name: its gpt-image-2.5 alias is Flare, with xhigh', async ({
  page,
  baseURL,
}) => {
  await page.getByRole('button', { name: /Change provider/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Provider settings' });
  await pickOption(page, 'Provider', 'Compatible server');
  // The engine served with the studio: the same origin, so no reload to allow it.
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(`${baseURL}/v1`);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await dialog.getByRole('button', { name: 'Add them as models' }).click();
  const ids = await dialog.getByRole('textbox', { name: /^Model id \d+$/ }).all();
  const values = await Promise.all(ids.map((id) => id.inputValue()));
  const row = values.indexOf('gpt-image-2.5') + 1;
  expect(row).toBeGreaterThan(0);
  await expect(
    dialog.getByRole('combobox', { name: `Rules for model ${row}`, exact: true }),
  ).toHaveText('GPT Image 2.5 Flare');

  // A model added by hand starts from the studio's default, not from a retired model.
  await dialog.getByRole('button', { name: 'Add model' }).click();
  await expect(
    dialog.getByRole('combobox', { name: `Rules for model ${ids.length + 1}`, exact: true }),
  ).toHaveText('GPT Image 2.5 Flare');
  // Its rules follow the id typed, until the designer picks them.
  await dialog
    .getByRole('textbox', { name: `Model id ${ids.length + 1}`, exact: true })
    .fill('dall-e-3-hd');
  await expect(
    dialog.getByRole('combobox', { name: `Rules for model ${ids.length + 1}`, exact: true }),
  ).toHaveText('DALL·E 3');
  await dialog.getByRole('button', { name: 'Remove model dall-e-3-hd', exact: true }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await pickOption(page, 'Model', /^gpt-image-2\.5\b(?!-)/);
  await page.getByRole('combobox', { name: 'Quality', exact: true }).click();
  await expect(page.getByRole('option', { name: 'X-High', exact: true })).toBeVisible();
});

test('a server listing chat, audio and repeated ids offers its image models once each', async ({
  page,
}) => {
  // An aggregating proxy (LiteLLM, OpenRouter…) lists every model it routes, not only images.
  const listed = ['gpt-4o-mini', 'text-embedding-3-small', 'dall-e-3', 'dall-e-3', 'whisper-1'];
  const server = await startHostileServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({ object: 'list', data: [...listed, ' flux-schnell '].map((id) => ({ id })) }),
    );
  });
  await page.addInitScript((url) => {
    if (localStorage.getItem('easel.providers')) return;
    const compatible = { name: 'Proxy', baseUrl: `${url}/v1`, apiKey: '', rememberKey: false };
    localStorage.setItem(
      'easel.providers',
      JSON.stringify({
        state: { active: 'compatible', compatible: { ...compatible, models: [] } },
        version: 1,
      }),
    );
  }, server.url);
  await page.reload();
  await page.getByRole('button', { name: /Change provider/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Provider settings' });
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByText('The server lists dall-e-3, flux-schnell.')).toBeVisible();
  await expect(dialog).toContainText(
    'Not offered, as they look like text, audio or embedding models: gpt-4o-mini, text-embedding-3-small, whisper-1.',
  );
  await dialog.getByRole('button', { name: 'Add them as models' }).click();
  const ids = dialog.getByRole('textbox', { name: /^Model id \d+$/ });
  await expect(ids).toHaveCount(2);
  expect(await Promise.all((await ids.all()).map((id) => id.inputValue()))).toEqual([
    'dall-e-3',
    'flux-schnell',
  ]);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('combobox', { name: 'Model', exact: true }).click();
  await expect(page.getByRole('option')).toHaveText([/DALL·E 3/, /flux-schnell/]);
  await server.close();
});

test('a setting the provider refused has a button to it, which opens the sheet on a phone', async ({
  page,
}) => {
  // A server whose gpt-image-2 was set up with Flare's rules: Easel offers X-High, the
  // server (the engine served with the studio) refuses it, naming quality.
  await page.evaluate(() => {
    const models = [{ id: 'gpt-image-2', model: 'gpt-image-2.5-flare' }];
    const compatible = { name: 'Studio server', baseUrl: `${location.origin}/v1`, models };
    localStorage.setItem(
      'easel.providers',
      JSON.stringify({ state: { active: 'compatible', compatible }, version: 1 }),
    );
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.getByRole('button', { name: /^Prompt/ }).click();
  await pickOption(page, 'Quality', 'X-High');
  await generate(page, 'a refused setting');
  const alert = newestJob(page).getByRole('alert');
  await expect(alert).toContainText('Studio server did not accept the Quality setting.');
  await alert.getByRole('button', { name: 'Change Quality' }).click();
  const quality = page.getByRole('combobox', { name: 'Quality', exact: true });
  await expect(quality).toBeVisible();
  await expect(quality).toBeFocused();
});
