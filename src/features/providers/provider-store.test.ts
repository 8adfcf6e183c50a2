import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A Storage over a Map, standing in for the browser's localStorage in node. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

async function freshStore(stored?: object) {
  vi.resetModules();
  const storage = new MemoryStorage();
  if (stored) storage.setItem('easel.providers', JSON.stringify({ state: stored, version: 1 }));
  vi.stubGlobal('localStorage', storage);
  const mod = await import('./provider-store.ts');
  return { ...mod, storage };
}

describe('provider store', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('starts on the local engine: same origin, no key', async () => {
    const { getActiveProvider } = await freshStore();
    expect(getActiveProvider()).toEqual({
      kind: 'local',
      name: 'Local engine',
      baseUrl: '/v1',
      apiKey: '',
    });
  });

  it('the local engine can act as OpenAI, and that choice is kept across reloads', async () => {
    const { useProviderStore, getActiveProvider, storage } = await freshStore();
    useProviderStore.getState().setLocalLike('openai');
    expect(getActiveProvider()).toMatchObject({ kind: 'local', like: 'openai' });
    const again = await freshStore(JSON.parse(storage.getItem('easel.providers')!).state);
    expect(again.getActiveProvider()).toMatchObject({ kind: 'local', like: 'openai' });
    again.useProviderStore.getState().setLocalLike(null);
    expect(again.getActiveProvider()).not.toHaveProperty('like');
  });

  it('keeps the key in memory only, unless "remember" is ticked', async () => {
    const { useProviderStore, getActiveProvider, storage } = await freshStore();
    const { update, setActive } = useProviderStore.getState();
    setActive('openai');
    update('openai', { apiKey: 'sk-live-SECRET' });
    expect(getActiveProvider()).toMatchObject({
      kind: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      apiKey: 'sk-live-SECRET',
    });
    expect(storage.getItem('easel.providers')).not.toContain('SECRET');
    expect(storage.getItem('easel.providers')).toContain('"active":"openai"');

    update('openai', { rememberKey: true });
    expect(storage.getItem('easel.providers')).toContain('sk-live-SECRET');

    update('openai', { rememberKey: false });
    expect(storage.getItem('easel.providers')).not.toContain('SECRET');
    expect(getActiveProvider().apiKey).toBe('sk-live-SECRET');
  });

  it('restores a remembered key after a reload, and only that one', async () => {
    const { getActiveProvider, useProviderStore } = await freshStore({
      active: 'azure',
      azure: {
        baseUrl: 'https://res.openai.azure.com',
        apiKey: 'azure-remembered',
        rememberKey: true,
        apiVersion: '2025-04-01-preview',
        deployments: { 'gpt-image-1': 'img-deploy', 'dall-e-3': '  ' },
      },
    });
    expect(getActiveProvider()).toEqual({
      kind: 'azure',
      name: 'Azure OpenAI',
      baseUrl: 'https://res.openai.azure.com',
      apiKey: 'azure-remembered',
      apiVersion: '2025-04-01-preview',
      models: [{ id: 'img-deploy', model: 'gpt-image-1' }],
    });
    expect(useProviderStore.getState().openai.apiKey).toBe('');
  });

  it('one Azure deployment serves one model: a name repeated for a second model is not offered', async () => {
    const { getActiveProvider } = await freshStore({
      active: 'azure',
      azure: {
        baseUrl: 'https://res.openai.azure.com',
        apiKey: '',
        rememberKey: false,
        apiVersion: '2025-04-01-preview',
        deployments: { 'gpt-image-1': 'img-prod', 'gpt-image-2': ' IMG-prod ', 'dall-e-3': 'd3' },
      },
    });
    expect(getActiveProvider()).toMatchObject({
      models: [
        { id: 'img-prod', model: 'gpt-image-1' },
        { id: 'd3', model: 'dall-e-3' },
      ],
    });
  });

  it('a compatible server is named by the user and serves its own model ids', async () => {
    const { useProviderStore, getActiveProvider } = await freshStore();
    useProviderStore.getState().update('compatible', {
      name: 'Studio box',
      baseUrl: 'http://192.168.1.5:8000/v1',
      models: [{ id: 'flux-dev', model: 'gpt-image-1' }],
    });
    useProviderStore.getState().setActive('compatible');
    expect(getActiveProvider()).toMatchObject({
      kind: 'compatible',
      name: 'Studio box',
      models: [{ id: 'flux-dev', model: 'gpt-image-1' }],
    });
  });
});
