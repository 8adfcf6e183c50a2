/**
 * Shared steps of the generate and providers specs: driving the prompt panel by role and
 * name, and reading what the real engine received through its test hooks.
 */
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { MODELS } from '../src/api/models.ts';
import { startEngine, type StartedEngine } from './fixtures/engine.ts';
import { test as base, expect } from './page-errors.ts';

export { expect };

export interface EngineRequest {
  id: string;
  operation: 'generate' | 'edit' | 'variation' | 'download';
  path: string;
  status: number | null;
  fields: Record<string, unknown>;
  fault: { type: string } | null;
}

/** A worker's own engine, driven through its test hooks. */
export interface TestEngine {
  url: string;
  reset: () => Promise<void>;
  queueFaults: (queue: object[]) => Promise<void>;
  /** The generation/edit/variation requests it received, oldest first. */
  requests: () => Promise<EngineRequest[]>;
}

export const TEST_ENGINE_NAME = 'Test engine';

/**
 * Each worker gets its own engine (started with --faults) and the studio is pointed at it
 * as an OpenAI-compatible server serving every model of the table under its own id. The
 * engine's request log and fault queue are global to an engine, so sharing the one inside
 * `vite preview` between parallel workers would let one test's fault hit another's request.
 */
export const test = base.extend<{ engine: TestEngine }, { workerEngine: StartedEngine }>({
  workerEngine: [
    // Playwright reads the fixture's dependencies from this destructuring: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      const engine = await startEngine(['--faults']);
      await provide(engine);
      await engine.stop();
    },
    { scope: 'worker' },
  ],
  engine: async ({ workerEngine, page, request }, provide) => {
    const url = workerEngine.url;
    const engine = testEngine(request, url);
    await engine.reset();
    const models = MODELS.map((m) => ({ id: m.id, model: m.id }));
    await page.addInitScript(
      ({ url, name, models }) => {
        // The studio's own document only: init scripts also run in frames, where a blocked
        // frame's opaque origin may not touch localStorage.
        if (window !== window.top) return;
        // Only on the first load: a test that changes the provider keeps it across reloads.
        if (localStorage.getItem('easel.providers')) return;
        const compatible = { name, baseUrl: `${url}/v1`, apiKey: '', rememberKey: false, models };
        localStorage.setItem(
          'easel.providers',
          JSON.stringify({ state: { active: 'compatible', compatible }, version: 1 }),
        );
      },
      { url, name: TEST_ENGINE_NAME, models },
    );
    await provide(engine);
  },
});

/**
 * For the idempotent hook calls: a kept-alive socket the engine closes after 5 idle seconds
 * can be reused by the test at that very moment and come back as ECONNRESET (seen under
 * load). Playwright then retries on a new connection; these calls are safe to repeat.
 */
const RETRY_RESET = { maxRetries: 2 };

function testEngine(request: APIRequestContext, url: string): TestEngine {
  return {
    url,
    reset: async () => {
      expect((await request.delete(`${url}/__engine/requests`, RETRY_RESET)).ok()).toBe(true);
      expect((await request.delete(`${url}/__engine/faults`, RETRY_RESET)).ok()).toBe(true);
    },
    queueFaults: async (queue) => {
      expect((await request.post(`${url}/__engine/faults`, { data: { queue } })).ok()).toBe(true);
    },
    requests: async () => {
      const answer = await request.get(`${url}/__engine/requests`, RETRY_RESET);
      const all = (await answer.json()) as EngineRequest[];
      return all.filter((r) => r.operation !== 'download');
    },
  };
}

/**
 * Opens the studio on Generate with this worker's engine as its provider: asking for `engine`
 * is what stores it before the page loads.
 */
export async function openStudio(page: Page, engine: TestEngine): Promise<void> {
  expect(engine.url).toMatch(/^http:/);
  await page.goto('/');
}

export async function pickOption(page: Page, combobox: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: combobox, exact: true }).click();
  await page
    .getByRole(
      'option',
      typeof option === 'string' ? { name: option, exact: true } : { name: option },
    )
    .click();
}

/** Unfolds "More settings" (moderation, user, streaming, input fidelity) if it is closed. */
export async function openMoreSettings(page: Page) {
  const more = page.getByRole('button', { name: 'More settings' });
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
}

export async function pickSegment(page: Page, group: string, choice: string) {
  await page
    .getByRole('radiogroup', { name: group, exact: true })
    .getByRole('radio', { name: choice, exact: true })
    .click();
}

/** Moves a Radix slider with the keyboard, as a keyboard user would. */
export async function setSlider(page: Page, name: string, value: number) {
  const slider = page.getByRole('slider', { name, exact: true });
  await slider.focus();
  await slider.press('Home');
  const min = Number(await slider.getAttribute('aria-valuemin'));
  for (let v = min; v < value; v++) await slider.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuenow', String(value));
}

export function promptBox(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Prompt', exact: true });
}

/** Sets DALL·E 3, Natural, 1024×1792: a draft whose every setting differs from the defaults. */
export async function pickDalle3Portrait(page: Page) {
  await pickOption(page, 'Model', 'DALL·E 3');
  await pickSegment(page, 'Style', 'Natural');
  await pickOption(page, 'Size', /1024 × 1792/);
}

/** The prompt panel still holds `prompt` and the settings pickDalle3Portrait chose. */
export async function expectDalle3PortraitDraft(page: Page, prompt: string) {
  await expect(promptBox(page)).toHaveValue(prompt);
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveText(/DALL·E 3/);
  await expect(page.getByRole('combobox', { name: 'Size' })).toHaveText(/1024 × 1792/);
  await expect(
    page.getByRole('radiogroup', { name: 'Style' }).getByRole('radio', { name: 'Natural' }),
  ).toBeChecked();
}

/** The newest job card in the results. */
export function newestJob(page: Page): Locator {
  return page.getByRole('region', { name: 'Results' }).getByRole('article').first();
}

/** Types the prompt and presses Generate; returns the newest job card, the one it started. */
export async function generate(page: Page, prompt: string): Promise<Locator> {
  await promptBox(page).fill(prompt);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  return newestJob(page);
}

/**
 * Records every text the newest job card shows, however briefly, and returns a reader of
 * them: a state that lasts about a second (a retry's wait) can fall between two of
 * Playwright's polls on a busy machine.
 */
export async function recordJobTexts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { jobTexts: Set<string> }).jobTexts = seen;
    new MutationObserver(() => {
      const card = document.querySelector('article');
      if (card) seen.add(card.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => [...(window as unknown as { jobTexts: Set<string> }).jobTexts]);
}

/** Natural pixel sizes of the finished images of a job card, in order. */
export async function shownImageSizes(job: Locator): Promise<[number, number][]> {
  const images = job.getByRole('img', { name: /^Result \d+:/ });
  await expect
    .poll(() => images.evaluateAll((els) => els.every((el) => (el as HTMLImageElement).complete)))
    .toBe(true);
  return images.evaluateAll((els) =>
    els.map((el) => [
      (el as HTMLImageElement).naturalWidth,
      (el as HTMLImageElement).naturalHeight,
    ]),
  );
}

/** Everything the page stored locally, as text: localStorage, sessionStorage, IndexedDB. */
export async function storedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i)!;
        parts.push(`${key}=${store.getItem(key)}`);
      }
    }
    const blobText = async (value: unknown): Promise<unknown> => {
      if (value instanceof Blob) return await value.text();
      if (Array.isArray(value)) return Promise.all(value.map(blobText));
      if (value && typeof value === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = await blobText(v);
        return out;
      }
      return value;
    };
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        parts.push(`${info.name}/${name}=${JSON.stringify(await blobText(values))}`);
      }
      db.close();
    }
    return parts.join('\n');
  });
}
