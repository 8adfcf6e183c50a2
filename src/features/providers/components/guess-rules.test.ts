import { describe, expect, it } from 'vitest';
import { guessRules } from './compatible-settings.tsx';

describe('guessRules: the known model a compatible server id follows', () => {
  it.each([
    ['gpt-image-2.5', 'gpt-image-2.5-flare'], // an alias, not GPT Image 2 by its prefix
    ['gpt-image-2.5-sunburst-2026-09-08', 'gpt-image-2.5-sunburst'],
    ['gpt-image-2-2026-04-21', 'gpt-image-2'],
    ['dall-e-3-hd', 'dall-e-3'],
    ['openai/DALL-E-2', 'dall-e-2'],
    ['gpt-image-1-mini', 'gpt-image-1-mini'],
  ])('%s follows %s', (id, rules) => {
    expect(guessRules(id)).toBe(rules);
  });

  it.each(['gpt-image-3', 'my-image-model', ''])(
    '%s, unknown, gets the newest GPT image model’s rules, never a retired one’s',
    (id) => {
      expect(guessRules(id)).toBe('gpt-image-2.5-flare');
    },
  );
});
