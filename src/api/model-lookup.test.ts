import { describe, expect, it } from 'vitest';
import { getModel, newestOfFamily, rulesFor } from './model-lookup.ts';

describe('family inference for ids Easel does not know', () => {
  it('known ids and aliases are the table, rules not assumed', () => {
    expect(getModel('gpt-image-2.5')).toMatchObject({
      id: 'gpt-image-2.5-flare',
      label: 'GPT Image 2.5 Flare',
      assumed: false,
    });
  });

  it('a gpt-image-* id gets the newest GPT image model rules, marked assumed', () => {
    expect(newestOfFamily('gpt-image').id).toBe('gpt-image-2.5-flare');
    const next = getModel('gpt-image-2.6');
    expect(next).toMatchObject({
      id: 'gpt-image-2.6',
      label: 'gpt-image-2.6',
      family: 'gpt-image',
      assumed: true,
      rulesFrom: 'gpt-image-2.5-flare',
      lifecycle: {},
    });
    expect(next.blurb).toMatch(/rules assumed/);
    expect(rulesFor('gpt-image-2.6', 'generate')?.qualities).toContain('max');
    expect(rulesFor('gpt-image-2.6', 'edit')?.customSize).toBeDefined();
    expect(rulesFor('gpt-image-2.6', 'variation')).toBeUndefined();
  });

  it('a dall-e-* id gets DALL·E 3 rules', () => {
    const next = getModel('dall-e-4');
    expect([next.family, next.rulesFrom, next.assumed]).toEqual(['dall-e', 'dall-e-3', true]);
    expect(rulesFor('dall-e-4', 'generate')?.nMax).toBe(1);
    expect(rulesFor('dall-e-4', 'edit')).toBeUndefined();
  });

  it('a new dated snapshot of a known model follows that model, lifecycle included', () => {
    const snapshot = getModel('gpt-image-1.5-2026-03-01');
    expect(snapshot).toMatchObject({
      id: 'gpt-image-1.5-2026-03-01',
      label: 'GPT Image 1.5 (2026-03-01)',
      rulesFrom: 'gpt-image-1.5',
      assumed: true,
    });
    expect(snapshot.lifecycle.openai?.shutdown?.date).toBe('2026-12-01');
  });

  it('an id of no known family is still usable, with GPT image rules assumed', () => {
    expect(getModel('sdxl-turbo')).toMatchObject({
      family: 'gpt-image',
      assumed: true,
      rulesFrom: 'gpt-image-2.5-flare',
    });
  });
});
