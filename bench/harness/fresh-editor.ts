import type { Page } from '@playwright/test';

/**
 * Forgets the editor's stored session before a run opens a picture, and waits until it is
 * gone: with the deletion still pending, the editor could bring back the previous run's
 * picture, and "Choose image…" would not be there to click.
 */
export async function forgetEditorSession(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('easel-editor');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
      }),
  );
}
