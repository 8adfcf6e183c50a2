import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PNGSUITE_DIR } from '../fixtures/pngsuite.ts';
import { openEditor, pickImage } from './editor-helpers.ts';

test('every PngSuite file is accepted or refused with a message, never a broken page', async ({
  page,
}) => {
  // ~175 files one after another: 1.5 min on a quiet machine, over 3 when it is shared.
  test.setTimeout(360_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openEditor(page);
  // Every file in the folder, the README and LICENSE included: text must be refused too.
  const files = readdirSync(PNGSUITE_DIR).sort();
  expect(files.length).toBeGreaterThan(150);
  const outcome: Record<string, 'accepted' | 'refused'> = {};
  for (const name of files) {
    const buffer = readFileSync(join(PNGSUITE_DIR, name));
    await pickImage(page, {
      name,
      mimeType: name.endsWith('.png') ? 'image/png' : 'text/plain',
      buffer,
    });
    const accepted = page.getByText(new RegExp(`^${name.replace('.', '\\.')} · \\d+×\\d+$`));
    const refused = page.getByRole('alert').filter({ hasText: name });
    await expect(accepted.or(refused)).toBeVisible();
    outcome[name] = (await accepted.isVisible()) ? 'accepted' : 'refused';
  }
  // Every well-formed PngSuite image (all bit depths, palettes, interlacing) opens …
  const wellFormed = files.filter((f) => f.endsWith('.png') && !f.startsWith('x'));
  expect(wellFormed.filter((f) => outcome[f] !== 'accepted')).toEqual([]);
  // … the text files are refused, and so is a file whose PNG signature is broken.
  expect(outcome['PngSuite.README']).toBe('refused');
  expect(outcome['xs1n0g01.png']).toBe('refused');
  // The page still works after all of it.
  await expect(page.getByRole('button', { name: 'Open another image…' })).toBeEnabled();
  expect(errors).toEqual([]);
});
