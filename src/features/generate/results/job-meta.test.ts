import { describe, expect, it } from 'vitest';
import { describeSettings } from './job-meta.ts';

describe('describeSettings', () => {
  it('names the quality a designer chose', () => {
    expect(
      describeSettings({
        model: 'gpt-image-2',
        prompt: 'a harbour',
        size: '1024x1024',
        quality: 'high',
      }),
    ).toEqual(['GPT Image 2', '1024 × 1024', 'high quality']);
    expect(describeSettings({ model: 'dall-e-3', prompt: 'a harbour', quality: 'hd' })).toContain(
      'hd quality',
    );
  });

  it('leaves out a quality the model has no other of (DALL·E 2 is only ever standard)', () => {
    expect(
      describeSettings({
        model: 'dall-e-2',
        prompt: 'a fox',
        size: '512x512',
        quality: 'standard',
      }),
    ).toEqual(['DALL·E 2', '512 × 512']);
    // DALL·E 3 has two: its standard is a choice, and said.
    expect(describeSettings({ model: 'dall-e-3', prompt: 'a fox', quality: 'standard' })).toContain(
      'standard quality',
    );
  });
});
