import { describe, expect, it } from 'vitest';
import { failureOf } from './job-failure.ts';
import { interruptedNote } from './interrupted-note.ts';
import type { ImageJob } from './job-store.ts';

// A variation is a picture and settings: it has no prompt of the designer's, so no message
// about it may say a prompt is kept. More like this (an edit whose prompt is Easel's own,
// shown in the Generate view) says the same. The wording is errors.ts keptNote's.
const image = new Blob([new Uint8Array([1, 2])], { type: 'image/png' });
type Job = Pick<ImageJob, 'operation' | 'view' | 'inputs'>;
const variation: Job = { operation: 'variation', inputs: { images: [image] } };
const moreLikeThis: Job = { operation: 'edit', view: 'generate', inputs: { images: [image] } };

describe('what a failed or interrupted job says is kept', () => {
  it('a variation or More like this that failed unexpectedly keeps the picture and settings', () => {
    for (const job of [variation, moreLikeThis]) {
      expect(failureOf(new Error('answer unreadable'), job).hint).toBe(
        'Try again; the picture and settings are kept.',
      );
    }
    expect(failureOf(new Error('answer unreadable'), { operation: 'generate' }).hint).toBe(
      'Try again; your prompt and settings are kept.',
    );
  });

  it('an interrupted variation or More like this says its picture and settings are kept', () => {
    for (const job of [variation, moreLikeThis]) {
      const note = interruptedNote({ ...job, providerKind: 'local' });
      expect(note).toMatch(/ The picture and settings are kept\.$/);
      expect(note).not.toMatch(/prompt/);
    }
    const edit: Job = { operation: 'edit', inputs: { images: [image], mask: image } };
    expect(interruptedNote({ ...edit, providerKind: 'local' })).toMatch(
      / Its prompt, settings, image and mask are kept\.$/,
    );
  });
});
