/** Providers as a designer sets them up, for tests. */
import type { Provider, ProviderModel } from './provider.ts';

/** An Azure OpenAI resource with these deployments (none: deployments not yet added). */
export const azureWith = (...deployments: ProviderModel[]): Provider => ({
  kind: 'azure',
  name: 'Azure OpenAI',
  baseUrl: 'https://x.openai.azure.com',
  apiKey: 'k',
  ...(deployments.length > 0 ? { models: deployments } : {}),
});
