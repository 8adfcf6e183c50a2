import { describe, expect, it } from 'vitest';
import { sendProblem } from './send-problems.ts';

describe('sendProblem', () => {
  it('says a long prompt once, grouped like the counter (1,350 / 1,000)', () => {
    const issue = {
      param: 'prompt' as const,
      message: 'The prompt is 1350 characters; the maximum for this model is 1000.',
    };
    expect(sendProblem(issue, 'x'.repeat(1350), 1000)).toBe(
      'Prompt: 1,350 characters, 350 over this model’s limit of 1,000.',
    );
  });

  it('asks for a prompt when there is none', () => {
    expect(sendProblem({ param: 'prompt', message: 'A prompt is required.' }, '  ', 1000)).toBe(
      'Write a prompt first.',
    );
  });

  it('names other settings by their label', () => {
    expect(sendProblem({ param: 'n', message: 'Pick 1 to 10 images.' }, 'a fox', 1000)).toBe(
      'Number of images: Pick 1 to 10 images.',
    );
  });
});
