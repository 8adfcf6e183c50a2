import { describe, expect, it } from 'vitest';
import type { Provider } from '../../../api/provider.ts';
import { azureWith } from '../../../api/provider.test-support.ts';
import { defaultSettings, type Draft } from './draft-settings.ts';
import { pickerEntries, pickerHint } from './model-choices.ts';

const openai: Provider = {
  kind: 'openai',
  name: 'OpenAI',
  baseUrl: 'https://api.openai.com/v1',
  apiKey: '',
};
const local: Provider = { kind: 'local', name: 'Local engine', baseUrl: '/v1', apiKey: '' };
const draft = (model: string, extra: Partial<Draft> = {}): Draft => ({
  prompt: '',
  model,
  settings: defaultSettings('generate', 'gpt-image-2'),
  ...extra,
});
const labels = (entries: { label: string }[]) => entries.map((e) => e.label);

describe('pickerEntries', () => {
  it('OpenAI on 4 Dec 2026: live models only, retired ones behind the toggle', () => {
    const { entries, retiredCount } = pickerEntries(
      openai,
      'generate',
      draft('gpt-image-2'),
      Date.parse('2026-12-04'),
      false,
    );
    expect(labels(entries)).toEqual([
      'GPT Image 2.5 Flare',
      'GPT Image 2.5 Sunburst',
      'GPT Image 2',
    ]);
    expect(retiredCount).toBe(6);
    const all = pickerEntries(
      openai,
      'generate',
      draft('gpt-image-2'),
      Date.parse('2026-12-04'),
      true,
    );
    expect(all.entries.at(-1)).toMatchObject({
      label: 'DALL·E 2',
      description: 'Retired 12 May 2026 → GPT Image 2.5 Flare',
      choice: { model: 'dall-e-2', keepRetired: true },
    });
  });

  it('OpenAI in November: retiring models after the live ones, with their date and successor', () => {
    const { entries } = pickerEntries(
      openai,
      'generate',
      draft('gpt-image-2'),
      Date.parse('2026-11-15'),
      false,
    );
    expect(labels(entries).slice(0, 3)).toEqual([
      'GPT Image 2.5 Flare',
      'GPT Image 2.5 Sunburst',
      'GPT Image 2',
    ]);
    expect(entries.find((e) => e.label === 'GPT Image 1.5')?.description).toBe(
      'Retires 1 Dec 2026 → GPT Image 2.5 Flare',
    );
  });

  it('the local engine serves them all, and says which OpenAI retired', () => {
    const { entries, retiredCount } = pickerEntries(
      local,
      'generate',
      draft('gpt-image-2'),
      Date.parse('2026-12-04'),
      false,
    );
    expect(entries).toHaveLength(9);
    expect(retiredCount).toBe(0);
    expect(entries.find((e) => e.label === 'DALL·E 3')?.description).toMatch(/Retired on OpenAI/);
  });

  it('a typed id is offered first, with its rules marked assumed', () => {
    const { entries } = pickerEntries(
      openai,
      'generate',
      draft('gpt-image-3', { custom: true }),
      Date.parse('2026-12-04'),
      false,
    );
    expect(entries[0]).toMatchObject({
      value: 'gpt-image-3',
      label: 'gpt-image-3',
      choice: { custom: true },
    });
    expect(entries[0]!.description).toMatch(/rules assumed/);
  });

  it('an Azure deployment of a retiring model says when it retires and what follows it', () => {
    const azure = azureWith({ id: 'img15', model: 'gpt-image-1.5' });
    const dec7 = Date.parse('2026-12-07');
    const { entries } = pickerEntries(azure, 'generate', draft('gpt-image-1.5'), dec7, false);
    expect(entries[0]).toMatchObject({
      label: 'img15',
      description: 'Follows GPT Image 1.5 rules · Retires 16 Dec 2026 → GPT Image 2.5 Flare',
    });
    // The field's hint names the day, not "until then".
    expect(pickerHint(azure, entries[0])).toBe(
      'Azure OpenAI retires GPT Image 1.5 on 16 Dec 2026. Add a deployment for its successor, ' +
        'GPT Image 2.5 Flare, in the provider settings.',
    );
    const both = azureWith(
      { id: 'img15', model: 'gpt-image-1.5' },
      { id: 'fl', model: 'gpt-image-2.5-flare' },
    );
    const deployed = pickerEntries(both, 'generate', draft('gpt-image-1.5'), dec7, false);
    expect(
      pickerHint(
        both,
        deployed.entries.find((e) => e.label === 'img15'),
      ),
    ).toBe(
      'Azure OpenAI retires GPT Image 1.5 on 16 Dec 2026. Its successor is GPT Image 2.5 Flare.',
    );
    const retired = pickerEntries(
      azure,
      'generate',
      draft('gpt-image-1.5'),
      Date.parse('2026-12-16'),
      true,
    );
    expect(pickerHint(azure, retired.entries[0])).toBe(
      'GPT Image 1.5 was retired on 16 Dec 2026: Azure OpenAI will likely refuse it. ' +
        'Add a deployment for its successor, GPT Image 2.5 Flare, in the provider settings.',
    );
  });

  it('a retired model picked on OpenAI: the hint says since when, and what to use instead', () => {
    const { entries } = pickerEntries(
      openai,
      'generate',
      draft('dall-e-3'),
      Date.parse('2026-12-07'),
      true,
    );
    expect(
      pickerHint(
        openai,
        entries.find((e) => e.label === 'DALL·E 3'),
      ),
    ).toBe(
      'DALL·E 3 was retired on 12 May 2026: OpenAI will likely refuse it. ' +
        'Its successor is GPT Image 2.5 Sunburst.',
    );
  });
});
