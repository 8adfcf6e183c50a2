import { describe, expect, it } from 'vitest';
import type { Provider } from './provider.ts';
import { assertSendableKey, unsendableKeyChar } from './provider-errors.ts';

const provider = (apiKey: string): Provider => ({
  kind: 'openai',
  name: 'OpenAI',
  baseUrl: 'https://api.openai.com/v1',
  apiKey,
});
const ctx = (apiKey: string) => ({
  provider: provider(apiKey),
  model: 'gpt-image-2' as const,
  operation: 'generate' as const,
});

describe('a key no request header can carry is refused before sending, as the key’s fault', () => {
  it('finds the first character fetch() would refuse in a header', () => {
    expect(unsendableKeyChar('  sk-proj-abc123\n')).toBeNull();
    expect(unsendableKeyChar('sk-proj-abc…')).toBe('…');
    expect(unsendableKeyChar('“sk-proj-abc”')).toBe('“');
    expect(unsendableKeyChar('sk-\u0007abc')).toBe('\u0007');
    expect(unsendableKeyChar('sk-abc\u200bdef')).toBe('\u200b');
  });

  it('names the character, or an invisible one, and sends the user to the key', () => {
    expect(() => assertSendableKey(ctx('sk-abc123'))).not.toThrow();
    expect(() => assertSendableKey(ctx(''))).not.toThrow();
    expect(() => assertSendableKey(ctx('sk-abc…'))).toThrow(
      expect.objectContaining({
        kind: 'auth',
        title: 'The API key for OpenAI contains “…”, which no API key has.',
        forward: { action: 'open-provider-settings' },
      }),
    );
    expect(() => assertSendableKey(ctx('sk-abc\u200bdef'))).toThrow(/an invisible character/);
  });
});
