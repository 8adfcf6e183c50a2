/**
 * A `test` that fails on an uncaught error in the page, whatever it was checking, so no spec
 * has to collect them itself. generate-helpers' `test` builds on it.
 */
import { test as base, expect } from '@playwright/test';

export { expect };

export const test = base.extend<{ pageErrors: void }>({
  pageErrors: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await provide();
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});
