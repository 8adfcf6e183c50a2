/** What a request was, for tests of the messages its failures produce. */
import type { ErrorContext } from './errors.ts';
import type { Provider } from './provider.ts';

/** OpenAI with a key shaped like a real one, so a test can check it never reaches a message. */
export const openaiWithKey: Provider = {
  kind: 'openai',
  name: 'OpenAI',
  baseUrl: 'https://api.openai.com/v1',
  apiKey: 'sk-proj-SECRETSECRET1234',
};

/** A GPT Image 1 generation on OpenAI, with any field replaced. */
export const errorContext = (over: Partial<ErrorContext> = {}): ErrorContext => ({
  provider: openaiWithKey,
  model: 'gpt-image-1',
  operation: 'generate',
  ...over,
});
