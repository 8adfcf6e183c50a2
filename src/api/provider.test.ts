import { describe, expect, it } from 'vitest';
import {
  authHeaders,
  imagesUrl,
  modelsUrl,
  providerModels,
  servedModelId,
  type Provider,
} from './provider.ts';

const openai: Provider = {
  kind: 'openai',
  name: 'OpenAI',
  baseUrl: 'https://api.openai.com/v1',
  apiKey: 'sk-abc',
};
const azure: Provider = {
  kind: 'azure',
  name: 'Azure OpenAI',
  baseUrl: 'https://res.openai.azure.com/',
  apiKey: 'az-key',
  apiVersion: '2025-04-01-preview',
  models: [{ id: 'img', model: 'gpt-image-1' }],
};
const engine: Provider = {
  kind: 'compatible',
  name: 'Engine',
  baseUrl: 'http://127.0.0.1:8787/v1',
  apiKey: 'k1',
  models: [{ id: 'flux', model: 'dall-e-2' }],
};

describe('provider addressing', () => {
  it('"Test connection" lists models: {base}/models, or Azure’s /openai/models with api-version', () => {
    expect(modelsUrl(openai)).toBe('https://api.openai.com/v1/models');
    expect(modelsUrl(azure)).toBe(
      'https://res.openai.azure.com/openai/models?api-version=2025-04-01-preview',
    );
    expect(modelsUrl({ kind: 'local', name: 'Local engine', baseUrl: '/v1', apiKey: '' })).toBe(
      '/v1/models',
    );
  });

  it('each operation has its path; Azure adds the deployment and api-version', () => {
    expect(imagesUrl(openai, 'edit', 'gpt-image-1')).toBe('https://api.openai.com/v1/images/edits');
    expect(imagesUrl(azure, 'variation', 'img')).toBe(
      'https://res.openai.azure.com/openai/deployments/img/images/variations?api-version=2025-04-01-preview',
    );
  });

  it('authenticates with a bearer token, Azure with api-key, and sends nothing without a key', () => {
    expect(authHeaders(openai)).toEqual({ Authorization: 'Bearer sk-abc' });
    expect(authHeaders(azure)).toEqual({ 'api-key': 'az-key' });
    expect(authHeaders({ ...openai, apiKey: '  ' })).toEqual({});
  });

  it('maps table models to the ids a provider serves', () => {
    expect(servedModelId(engine, 'dall-e-2')).toBe('flux');
    expect(servedModelId(openai, 'dall-e-3')).toBe('dall-e-3');
    expect(providerModels(openai).map((m) => m.id)).toContain('gpt-image-2');
    expect(providerModels(engine)).toEqual([{ id: 'flux', model: 'dall-e-2' }]);
  });
});
