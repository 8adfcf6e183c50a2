/**
 * Opening a view draws it in place: nothing on it moves once it is on screen. Every layout
 * shift Chromium reports is counted, those right after the tab's click too (the Cumulative
 * Layout Shift score excuses them as caused by input; a designer still sees them jump).
 */
import type { Page } from '@playwright/test';
import { expect, generate, newestJob, openStudio, promptBox, test } from './generate-helpers.ts';
import { makeGalleryArchive } from './fixtures/gallery-archive.ts';
import { galleryGrid, openGallery, seedGallery } from './fixtures/gallery-page.ts';

interface Shift {
  value: number;
  moved: string[];
}

/** Starts recording layout shifts in the page (once); `shiftsSince` returns and resets them. */
async function watchShifts(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { layoutShifts?: Shift[] };
    if (w.layoutShifts) return;
    const shifts: Shift[] = [];
    w.layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      }[]) {
        // Where each moved element was and went, to say what jumped in a failure.
        const moved = entry.sources.map((s) => {
          const node = s.node as Element | undefined;
          const name = node?.className
            ? `.${String(node.className).split(' ')[0]}`
            : (node?.nodeName ?? '?');
          const at = (r: DOMRectReadOnly) =>
            `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
          // A result card changes as its job runs and ends: say so, for tests about the page.
          const where = node?.closest('article') ? 'in a result: ' : '';
          return `${where}${name} ${at(s.previousRect)} → ${at(s.currentRect)}`;
        });
        shifts.push({ value: entry.value, moved });
      }
    }).observe({ type: 'layout-shift' });
  });
}

const shiftsSince = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { layoutShifts: Shift[] };
    return w.layoutShifts.splice(0);
  });

/** The shifts seen while `open` runs and half a second after: the view's first moments. */
async function shiftsWhileOpening(page: Page, open: () => Promise<void>) {
  await watchShifts(page);
  await shiftsSince(page);
  await open();
  await page.waitForTimeout(500);
  return shiftsSince(page);
}

test('a first gallery opens in place: its count and storage meter do not push each other', async ({
  page,
  engine,
}) => {
  // A first visit: no gallery until the first result is saved, so nothing was read ahead.
  await openStudio(page, engine);
  const job = await generate(page, 'a pear on a blue plate');
  await expect(job.getByRole('img', { name: /a pear on a blue plate/ })).toBeVisible();
  const shifts = await shiftsWhileOpening(page, async () => {
    await page.getByRole('tab', { name: 'Gallery' }).click();
    await expect(galleryGrid(page).getByRole('gridcell')).toHaveCount(1);
    await expect(page.getByText('1 image', { exact: true })).toBeVisible();
  });
  expect(shifts).toEqual([]);
});

test('the empty Edit view opens in place when there is a gallery to pick from', async ({
  page,
}) => {
  const archive = await makeGalleryArchive([{ prompt: 'still life', size: [64, 64] }]);
  await openGallery(page);
  await seedGallery(page, archive.zip, 1);
  // A fresh page, as a designer coming back tomorrow.
  await page.reload();
  await page.getByRole('tab', { name: 'Generate' }).click();
  const shifts = await shiftsWhileOpening(page, async () => {
    await page.getByRole('tab', { name: 'Edit' }).click();
    await expect(page.getByRole('button', { name: 'Pick from the gallery…' })).toBeVisible();
  });
  expect(shifts).toEqual([]);
});

test('typing the first letter of a prompt moves nothing: the estimate takes the hint’s place', async ({
  page,
  engine,
}) => {
  await openStudio(page, engine);
  await expect(page.getByText('Write a prompt first.')).toBeVisible();
  const shifts = await shiftsWhileOpening(page, async () => {
    await promptBox(page).pressSequentially('a');
    await expect(page.getByText(/cost ≈ \$\d/)).toBeVisible();
  });
  expect(shifts).toEqual([]);
});

test('the first result of a session takes the empty state’s place: the Results heading stays', async ({
  page,
  engine,
}) => {
  await openStudio(page, engine);
  await promptBox(page).fill('a lemon on a stool');
  const shifts = await shiftsWhileOpening(page, async () => {
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(newestJob(page).getByRole('img', { name: /a lemon on a stool/ })).toBeVisible();
  });
  // The card's own header changes as the job ends (Cancel goes, Remove comes): not asked here.
  const aroundTheResult = shifts.flatMap((shift) =>
    shift.moved.filter((moved) => !moved.startsWith('in a result: ')),
  );
  expect(aroundTheResult).toEqual([]);
});

test('a result’s buttons stay put as its job ends: Remove comes into a place kept for it', async ({
  page,
  engine,
}) => {
  await openStudio(page, engine);
  await engine.queueFaults([{ type: 'latency', ms: 1500 }]);
  const job = await generate(page, 'a fig on a linen cloth');
  const copy = job.getByRole('button', { name: 'Copy prompt' });
  await expect(job.getByRole('button', { name: 'Cancel' })).toBeVisible();
  const running = await copy.boundingBox();
  await expect(job.getByRole('img', { name: /a fig on a linen cloth/ })).toBeVisible();
  await expect(job.getByRole('button', { name: 'Remove from the list' })).toBeVisible();
  expect(await copy.boundingBox()).toEqual(running);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the gallery opens in place: the storage meter’s own row is kept while it is measured', async ({
    page,
  }) => {
    const archive = await makeGalleryArchive([{ prompt: 'a quince', size: [64, 64] }]);
    await openGallery(page);
    await seedGallery(page, archive.zip, 1);
    // A new tab opens on Generate, with nothing of the gallery read yet (a reload of this one
    // would come back to the Gallery it shows).
    const tab = await page.context().newPage();
    await tab.goto('/');
    const shifts = await shiftsWhileOpening(tab, async () => {
      await tab.getByRole('tab', { name: 'Gallery' }).click();
      await expect(tab.getByRole('meter', { name: 'Gallery storage used' })).toBeVisible();
      await expect(galleryGrid(tab).getByRole('gridcell')).toHaveCount(1);
    });
    expect(shifts).toEqual([]);
  });
});
