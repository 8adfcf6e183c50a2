/**
 * The built studio's Content-Security-Policy (public/content-security-policy.js writes it as
 * a <meta> before the app loads), and text from outside shown only as text.
 *
 * Each test records the page's `securitypolicyviolation` events, so a policy that was not
 * enforced, or one that blocks the studio's own work, fails here.
 */
import { expect as baseExpect, test as base, type Page } from '@playwright/test';
import { startEngine, type StartedEngine } from './fixtures/engine.ts';
import { importArchive, openGallery } from './fixtures/gallery-page.ts';
import { keepOnlyLink, makeGalleryArchive, rewriteArchive } from './fixtures/gallery-archive.ts';
import { expect, generate, newestJob, pickOption, promptBox, test } from './generate-helpers.ts';

interface Violation {
  directive: string;
  blocked: string;
}

/** Starts recording policy violations before any of the page's scripts run. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: Violation[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
    );
  });
}
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { violations: Violation[] }).violations);

const policyText = (page: Page) =>
  page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');

function directive(policy: string | null, name: string): string | undefined {
  const found = (policy ?? '').split(';').find((d) => d.trim().startsWith(`${name} `));
  return found?.trim().slice(name.length + 1);
}

// Every test, whichever fixtures it uses, records from the first script on.
test.beforeEach(({ page }) => recordViolations(page));

/** An engine the studio was never told about: a real server that would answer the page. */
let stranger: StartedEngine;
test.beforeAll(async () => {
  stranger = await startEngine(['--faults']);
});
test.afterAll(async () => {
  await stranger?.stop();
});

test('the policy lets the page reach only itself and the configured provider, and runs no inline script', async ({
  page,
  engine,
  request,
}) => {
  await page.goto('/');
  const policy = await policyText(page);
  expect(directive(policy, 'connect-src')).toBe(`'self' blob: ${new URL(engine.url).origin}`);
  expect(directive(policy, 'script-src')).toBe("'self'");

  // The configured provider answers the page; the stranger, which would answer too (it is
  // the same engine, reachable from here), is refused by the page's policy.
  expect((await request.get(`${stranger.url}/v1/models`)).ok()).toBe(true);
  const outcome = await page.evaluate(
    async ([allowed, refused]) => {
      const attempt = (url: string) =>
        fetch(url).then(
          (r) => `answered ${r.status}`,
          (e: Error) => `refused: ${e.message}`,
        );
      return [await attempt(allowed!), await attempt(refused!)];
    },
    [`${engine.url}/v1/models`, `${stranger.url}/v1/models`],
  );
  expect(outcome[0]).toBe('answered 200');
  expect(outcome[1]).toMatch(/^refused/);

  // Markup that reaches the DOM by any route cannot run script, load a foreign image or
  // embed a frame or a plugin.
  await page.evaluate((foreign) => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true';
    document.head.append(script);
    const holder = document.createElement('div');
    holder.innerHTML =
      `<img src="${foreign}/v1/images/files/x.png">` +
      `<iframe src="${foreign}/"></iframe>` +
      `<object data="${foreign}/x.swf"></object>`;
    document.body.append(holder);
  }, stranger.url);
  await expect
    .poll(async () => (await violations(page)).map((v) => v.directive).sort())
    .toEqual(['connect-src', 'frame-src', 'img-src', 'object-src', 'script-src-elem']);
  expect(await page.evaluate(() => 'inlineScriptRan' in window)).toBe(false);
  for (const v of await violations(page)) {
    if (v.directive !== 'script-src-elem') expect(v.blocked).toContain(stranger.url);
  }
  const requested = (await (await request.get(`${stranger.url}/__engine/requests`)).json()) as {
    path: string;
  }[];
  expect(requested.filter((r) => r.path.startsWith('/v1/images'))).toEqual([]);
});

test('a provider set up in this session is allowed after the reload Easel explains, and only then', async ({
  page,
  engine,
  request,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Change provider/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Provider settings' });
  const strangerHost = new URL(stranger.url).host;
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(`${stranger.url}/v1`);
  await dialog.getByLabel('API key', { exact: true }).fill('sk-typed-not-remembered');
  await expect(dialog.getByText(`Easel reloads to connect to ${strangerHost}.`)).toBeVisible();
  await expect(dialog.getByText(/any key you typed\) are kept/)).toBeVisible();
  // Testing the connection waits for the reload: the button is not offered yet.
  await expect(dialog.getByRole('button', { name: 'Test connection' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: /Reload needed to connect/ })).toBeVisible();

  // Sending anyway is refused by the page, and the message leads to the way forward.
  await generate(page, 'a request to a server not yet allowed');
  const alert = newestJob(page).getByRole('alert');
  await expect(alert).toContainText(
    `Easel is not yet allowed to connect to ${new URL(stranger.url).origin}.`,
  );
  expect((await violations(page)).map((v) => v.directive)).toEqual(['connect-src']);
  await alert.getByRole('button', { name: 'Open provider settings' }).click();
  await dialog.getByRole('button', { name: `Reload to allow ${strangerHost}` }).click();

  // Back after the reload: the settings are open, the address and the typed key are kept
  // (the key only for this reload: it was never remembered).
  await expect(dialog.getByText(`Easel now connects to ${strangerHost}.`)).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Base URL' })).toHaveValue(`${stranger.url}/v1`);
  const key = dialog.getByLabel('API key', { exact: true });
  await expect(key).toHaveValue('sk-typed-not-remembered');
  const connect = directive(await policyText(page), 'connect-src');
  // The address the provider had before is no longer configured, so no longer allowed.
  expect(connect).toBe(`'self' blob: ${new URL(stranger.url).origin}`);
  expect(connect).not.toContain(new URL(engine.url).origin);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status')).toContainText('Connected to Test engine');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await expect(promptBox(page)).toHaveValue('a request to a server not yet allowed');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(newestJob(page).getByText('Saved', { exact: true })).toBeVisible();
  const received = (await (await request.get(`${stranger.url}/__engine/requests`)).json()) as {
    operation: string;
  }[];
  expect(received.filter((r) => r.operation === 'generate')).toHaveLength(1);
  expect(await violations(page)).toEqual([]); // since the reload
});

test('text from the provider shows as text: markup in a revised prompt and an error message', async ({
  page,
  engine,
}) => {
  await page.goto('/');
  const markup =
    '<img src=x onerror="window.injected=1"><b>bold</b><script>window.injected=2</script>';
  await pickOption(page, 'Model', 'DALL·E 3');
  const job = await generate(page, `a harbour ${markup}`);
  // A 1024² picture can take the engine over 10 s on a loaded machine (seen in a full run).
  await expect(job.getByText('Saved', { exact: true })).toBeVisible({ timeout: 30_000 });
  // The engine's revised_prompt repeats the prompt: the markup comes back from the provider.
  await expect(job.getByText('Revised prompt', { exact: true })).toBeVisible();
  await expect(job.getByText(`a harbour ${markup} — drawn by`)).toBeVisible();

  await engine.queueFaults([
    { type: 'status', status: 400, message: `Rejected: ${markup}`, code: 'invalid_value' },
  ]);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(newestJob(page).getByRole('alert')).toContainText(`Rejected: ${markup}`);

  await expect(page.locator('img[src="x"], b, main script')).toHaveCount(0);
  expect(await page.evaluate(() => 'injected' in window)).toBe(false);
  expect(await violations(page)).toEqual([]);
});

base(
  'an imported archive’s prompts and metadata show as text; a script link is refused',
  async ({ page }) => {
    const markup = '<img src=x onerror="window.injected=1"><i>tilted</i>';
    const seeded = await makeGalleryArchive([
      { prompt: `a lighthouse ${markup}`, revisedPrompt: `revised ${markup}`, model: 'dall-e-3' },
    ]);
    const archive = rewriteArchive(seeded.zip, (_files, manifest) => {
      const entry = manifest.entries[0]!;
      entry.provider = { name: `Work <b>server</b>`, kind: 'compatible' };
      entry.params = { ...(entry.params as object), user: '<script>window.injected=2</script>' };
    });
    await openGallery(page);
    await importArchive(page, 'markup.zip', archive);
    await page
      .getByRole('grid', { name: 'Gallery' })
      .getByRole('gridcell', { name: /^a lighthouse <img/ })
      .click();
    const detail = page.getByRole('dialog', { name: `a lighthouse ${markup}` });
    await baseExpect(detail.getByRole('heading', { name: `a lighthouse ${markup}` })).toBeVisible();
    await baseExpect(
      detail.getByRole('definition').getByText(`a lighthouse ${markup}`),
    ).toBeVisible();
    await baseExpect(detail.getByText(`revised ${markup}`, { exact: true })).toBeVisible();
    await baseExpect(detail.getByText('Work <b>server</b> (OpenAI-compatible)')).toBeVisible();
    await baseExpect(detail.getByText('<script>window.injected=2</script>')).toBeVisible();
    await baseExpect(
      page.locator('img[src="x"], b, i, main script, [role="dialog"] script'),
    ).toHaveCount(0);
    await page.keyboard.press('Escape');

    // A kept link must be http(s): an entry with a javascript: link is left out, by name.
    const linkOnly = rewriteArchive(seeded.zip, (files, manifest) => {
      const entry = manifest.entries[0]!;
      entry.id = '0f0e0d0c-0b0a-4000-8000-000000000001';
      entry.prompt = 'a link that runs script';
      keepOnlyLink(files, entry, {
        url: 'javascript:window.injected=3',
        expiresAt: Date.now() + 60_000,
        reason: 'x',
      });
    });
    await importArchive(page, 'script-link.zip', linkOnly);
    await baseExpect(page.getByRole('status', { name: 'Gallery progress' })).toContainText(
      'entry 1 ("a link that runs script"): remote.url must be an http or https link',
    );
    await baseExpect(page.getByRole('gridcell', { name: /a link that runs script/ })).toHaveCount(
      0,
    );
    await baseExpect(page.getByRole('link', { name: /provider’s link/ })).toHaveCount(0);

    baseExpect(await page.evaluate(() => 'injected' in window)).toBe(false);
    baseExpect(await violations(page)).toEqual([]);
  },
);

base(
  'with the local engine every view works within the policy and nothing goes to another origin',
  async ({ page, baseURL }) => {
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['blob:', 'data:'].includes(url.protocol) && url.origin !== new URL(baseURL!).origin)
        elsewhere.push(r.url());
    });
    await page.goto('/');
    await baseExpect(page.getByRole('button', { name: /Local engine/ })).toBeVisible();
    await generate(page, 'an offline studio');
    await baseExpect(newestJob(page).getByText('Saved', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: /Change provider/ }).click();
    await page
      .getByRole('dialog', { name: 'Provider settings' })
      .getByRole('button', { name: 'Done' })
      .click();

    await page.getByRole('tab', { name: 'Gallery' }).click();
    await page
      .getByRole('grid', { name: 'Gallery' })
      .getByRole('gridcell', { name: /^an offline studio/ })
      .click();
    const detail = page.getByRole('dialog', { name: 'an offline studio' });
    await baseExpect(detail.getByRole('img', { name: /^Full image/ })).toBeVisible();
    await detail.getByRole('button', { name: 'Edit', exact: true }).click();
    await baseExpect(page.getByRole('application', { name: 'Mask canvas' })).toBeVisible();

    baseExpect(await violations(page)).toEqual([]);
    baseExpect(elsewhere).toEqual([]);
  },
);
