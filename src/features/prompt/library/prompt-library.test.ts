import { beforeEach, describe, expect, it } from 'vitest';
import type { ImageParams } from '../../../api/params.ts';
import { MAX_HISTORY, searchPrompts, usePromptHistory } from './prompt-history.ts';
import { promptWithSnippet } from './prompt-presets.ts';

const params = (prompt: string, model = 'gpt-image-1'): ImageParams => ({ model, prompt });

describe('prompt history', () => {
  beforeEach(() => usePromptHistory.getState().clear());

  it('keeps the newest first and moves a prompt sent again to the top', () => {
    const { record } = usePromptHistory.getState();
    record('generate', params('a fox'), 1);
    record('generate', params('a harbour'), 2);
    record('generate', params('a fox'), 3);
    record('generate', params('a fox', 'dall-e-3'), 4);
    const records = usePromptHistory.getState().records;
    expect(records.map((r) => [r.prompt, r.params.model])).toEqual([
      ['a fox', 'dall-e-3'],
      ['a fox', 'gpt-image-1'],
      ['a harbour', 'gpt-image-1'],
    ]);
  });

  it(`keeps at most ${MAX_HISTORY} prompts, and none that is blank`, () => {
    const { record } = usePromptHistory.getState();
    for (let i = 0; i < MAX_HISTORY + 5; i++) record('generate', params(`prompt ${i}`), i);
    record('generate', params('   '));
    const records = usePromptHistory.getState().records;
    expect(records).toHaveLength(MAX_HISTORY);
    expect(records[0]?.prompt).toBe(`prompt ${MAX_HISTORY + 4}`);
  });

  it('searches every word, in any order and case', () => {
    const records = [{ prompt: 'A red Fox in snow' }, { prompt: 'a fox den' }, { prompt: 'snow' }];
    expect(searchPrompts(records, 'SNOW fox')).toEqual([records[0]]);
    expect(searchPrompts(records, '  ')).toEqual(records);
  });
});

describe('promptWithSnippet', () => {
  it('adds the snippet after the prompt once, or stands alone in an empty prompt', () => {
    expect(promptWithSnippet('', 'watercolour, soft light')).toBe('watercolour, soft light');
    expect(promptWithSnippet('a harbour at dawn.', 'watercolour')).toBe(
      'a harbour at dawn, watercolour',
    );
    expect(promptWithSnippet('a harbour, Watercolour', 'watercolour')).toBe(
      'a harbour, Watercolour',
    );
  });
});
