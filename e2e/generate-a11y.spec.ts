import AxeBuilder from '@axe-core/playwright';
import { expect, newestJob, promptBox, test } from './generate-helpers.ts';

test.beforeEach(async ({ page, engine }) => {
  expect(engine.url).toMatch(/^http:/);
  await page.goto('/');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the generate view, its results and the provider dialog pass axe (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await promptBox(page).fill('an accessible lighthouse');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(newestJob(page).getByText('Saved', { exact: true })).toBeVisible();
    const view = await new AxeBuilder({ page }).analyze();
    expect(
      view.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([]);

    await page.getByRole('button', { name: /Change provider/ }).click();
    await expect(page.getByRole('dialog', { name: 'Provider settings' })).toBeVisible();
    const dialog = await new AxeBuilder({ page }).analyze();
    expect(
      dialog.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([]);
  });
}
