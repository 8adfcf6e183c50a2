import { describe, expect, it } from 'vitest';
import type { Provider } from '../../../api/provider.ts';
import { defaultSettings, type Draft } from './draft-settings.ts';
import { reconcileModel } from './model-reconcile.ts';

const openai: Provider = {
  kind: 'openai',
  name: 'OpenAI',
  baseUrl: 'https://api.openai.com/v1',
  apiKey: '',
};
const local: Provider = { kind: 'local', name: 'Local engine', baseUrl: '/v1', apiKey: '' };
const azure: Provider = {
  kind: 'azure',
  name: 'Azure OpenAI',
  baseUrl: 'https://x.openai.azure.com',
  apiKey: '',
  models: [
    { id: 'img-15', model: 'gpt-image-1.5' },
    { id: 'img-flare', model: 'gpt-image-2.5-flare' },
  ],
};
const DEC_4 = Date.parse('2026-12-04T12:00:00Z');
const draft = (model: string, extra: Partial<Draft> = {}): Draft => ({
  prompt: 'a harbour',
  model,
  settings: defaultSettings('generate', 'gpt-image-1.5'),
  ...extra,
});

describe('reconcileModel', () => {
  it('moves a draft naming a model OpenAI retired to its successor, saying why', () => {
    expect(reconcileModel(openai, 'generate', draft('gpt-image-1.5'), DEC_4)).toEqual({
      choice: { model: 'gpt-image-2.5-flare' },
      why: 'Model: OpenAI retired GPT Image 1.5 on 1 Dec 2026; switched to GPT Image 2.5 Flare, its successor.',
    });
    // DALL·E 3's successor, GPT Image 1, is gone too: the chain ends at what OpenAI recommends.
    expect(reconcileModel(openai, 'generate', draft('dall-e-3'), DEC_4)?.choice).toEqual({
      model: 'gpt-image-2.5-sunburst',
    });
  });

  it('leaves it alone before the shutdown day, on the local engine, and when picked knowingly', () => {
    expect(
      reconcileModel(openai, 'generate', draft('gpt-image-1.5'), Date.parse('2026-11-30')),
    ).toBeNull();
    expect(reconcileModel(local, 'generate', draft('gpt-image-1.5'), DEC_4)).toBeNull();
    expect(
      reconcileModel(openai, 'generate', draft('gpt-image-1.5', { keepRetired: true }), DEC_4),
    ).toBeNull();
  });

  it('on the local engine acting as OpenAI, moves it as OpenAI would', () => {
    const asOpenAI: Provider = { ...local, like: 'openai' };
    expect(reconcileModel(asOpenAI, 'edit', draft('gpt-image-1-mini'), DEC_4)?.choice).toEqual({
      model: 'gpt-image-2.5-flare',
    });
    // OpenAI retired it, not the engine, which only answers as OpenAI does.
    expect(reconcileModel(asOpenAI, 'generate', draft('gpt-image-1.5'), DEC_4)?.why).toBe(
      'Model: OpenAI retired GPT Image 1.5 on 1 Dec 2026, and the local engine answers as OpenAI does; switched to GPT Image 2.5 Flare, its successor.',
    );
  });

  it('Azure: moves to the successor only where it has a deployment, from 16 Dec', () => {
    const on16 = Date.parse('2026-12-16T08:00:00Z');
    const stored = draft('gpt-image-1.5', { servedModel: 'img-15' });
    expect(reconcileModel(azure, 'generate', stored, DEC_4)).toBeNull();
    expect(reconcileModel(azure, 'generate', stored, on16)?.choice).toEqual({
      model: 'gpt-image-2.5-flare',
      servedModel: 'img-flare',
    });
  });

  it('keeps an id the user typed, on every provider', () => {
    expect(
      reconcileModel(openai, 'generate', draft('gpt-image-3', { custom: true }), DEC_4),
    ).toBeNull();
    const typed = draft('my-deployment', { custom: true, servedModel: 'my-deployment' });
    expect(reconcileModel(azure, 'generate', typed, DEC_4)).toBeNull();
  });

  it('moves to a model a listing provider offers, and drops a served id OpenAI does not need', () => {
    expect(reconcileModel(azure, 'generate', draft('gpt-image-1'), DEC_4)).toEqual({
      choice: { model: 'gpt-image-1.5', servedModel: 'img-15' },
      why: 'Model: Azure OpenAI does not offer GPT Image 1; switched to GPT Image 1.5.',
    });
    expect(
      reconcileModel(openai, 'generate', draft('gpt-image-2', { servedModel: 'img-2' }), DEC_4),
    ).toEqual({ choice: { model: 'gpt-image-2' } });
  });
});
