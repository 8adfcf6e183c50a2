import type { Page } from '@playwright/test';

/**
 * Opens the studio with no stored editor session, so the Edit view starts empty and
 * "Choose image…" is there to click.
 *
 * The session is deleted from a document of the studio's origin that runs none of its
 * script (its favicon), before the studio loads. Deleting it after the studio had loaded
 * raced with the studio itself: a reload reopens the view the tab was on, so after a run in
 * Edit the editor read the previous run's picture back at once. A deletion that came ~300 ms
 * late (a loaded machine) found that picture already on screen, and the run then waited for
 * a file chooser that never came.
 */
export async function openWithoutEditorSession(page: Page, url: string): Promise<void> {
  const favicon = await page.goto(new URL('/favicon.svg', url).href);
  // Served as the studio's page instead (a fallback route), its script would race again.
  const type = favicon?.headers()['content-type'] ?? '';
  if (!type.startsWith('image/svg+xml')) throw new Error(`favicon.svg came as '${type}'`);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('easel-editor');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
      }),
  );
  await page.goto(url);
}
