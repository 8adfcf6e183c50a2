import { describe, expect, it } from 'vitest';
import { deploymentLifecycle } from './azure-deployments.ts';

describe('deploymentLifecycle', () => {
  it('a deployment field says when Azure retires its model, and what follows it', () => {
    const dec7 = Date.parse('2026-12-07T12:00:00Z');
    expect(deploymentLifecycle('gpt-image-1.5', dec7)).toBe(
      'Azure OpenAI retires it on 16 Dec 2026; its successor is GPT Image 2.5 Flare.',
    );
    expect(deploymentLifecycle('gpt-image-1.5', Date.parse('2026-12-16T00:00:00Z'))).toBe(
      'Azure OpenAI retired it on 16 Dec 2026; its successor is GPT Image 2.5 Flare.',
    );
    // No Azure date known: nothing claimed.
    expect(deploymentLifecycle('gpt-image-2', dec7)).toBeUndefined();
  });
});
