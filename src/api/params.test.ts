import { describe, expect, it } from 'vitest';
import { checkParams, type UncheckedParams } from './params-check.ts';
import type { Operation } from './model-types.ts';

const firstParam = (op: Operation, params: UncheckedParams) => checkParams(op, params)[0]?.param;

describe('checkParams', () => {
  it('accepts a minimal valid request for every model and operation it supports', () => {
    expect(checkParams('generate', { model: 'dall-e-2', prompt: 'a fox' })).toEqual([]);
    expect(
      checkParams('generate', {
        model: 'dall-e-3',
        prompt: 'a fox',
        style: 'natural',
        quality: 'hd',
      }),
    ).toEqual([]);
    expect(
      checkParams('edit', { model: 'gpt-image-1', prompt: 'a fox', input_fidelity: 'high' }),
    ).toEqual([]);
    expect(checkParams('variation', { model: 'dall-e-2', n: 3, size: '512x512' })).toEqual([]);
  });

  it('refuses an operation the model does not have, naming model', () => {
    expect(checkParams('edit', { model: 'dall-e-3', prompt: 'x' })).toEqual([
      { param: 'model', message: 'dall-e-3 does not support image edits.' },
    ]);
    expect(firstParam('variation', { model: 'gpt-image-1' })).toBe('model');
  });

  it('requires a prompt and enforces the model limit', () => {
    expect(firstParam('generate', { model: 'gpt-image-1' })).toBe('prompt');
    expect(firstParam('generate', { model: 'gpt-image-1', prompt: '' })).toBe('prompt');
    expect(checkParams('generate', { model: 'dall-e-2', prompt: 'a'.repeat(1000) })).toEqual([]);
    const [issue] = checkParams('generate', { model: 'dall-e-2', prompt: 'a'.repeat(1001) });
    expect(issue).toEqual({
      param: 'prompt',
      message: expect.stringMatching(/1001 characters.*1000/),
    });
    expect(firstParam('generate', { model: 'dall-e-3', prompt: 'a'.repeat(4001) })).toBe('prompt');
    expect(checkParams('generate', { model: 'gpt-image-2', prompt: 'a'.repeat(32000) })).toEqual(
      [],
    );
  });

  it('enforces n ranges, with a dall-e-3 specific message', () => {
    expect(firstParam('generate', { model: 'dall-e-2', prompt: 'x', n: 0 })).toBe('n');
    expect(firstParam('generate', { model: 'dall-e-2', prompt: 'x', n: 11 })).toBe('n');
    expect(firstParam('generate', { model: 'dall-e-2', prompt: 'x', n: 2.5 })).toBe('n');
    expect(checkParams('generate', { model: 'dall-e-3', prompt: 'x', n: 2 })[0]?.message).toBe(
      'dall-e-3 only supports n=1.',
    );
  });

  it('refuses sizes the model does not take and explains the free-size rule', () => {
    expect(firstParam('generate', { model: 'dall-e-2', prompt: 'x', size: '1792x1024' })).toBe(
      'size',
    );
    expect(firstParam('generate', { model: 'dall-e-3', prompt: 'x', size: 'auto' })).toBe('size');
    expect(
      checkParams('generate', { model: 'gpt-image-2', prompt: 'x', size: '1000x1000' })[0]?.message,
    ).toMatch(/multiples of 16/);
    expect(checkParams('edit', { model: 'gpt-image-2', prompt: 'x', size: '1536x864' })).toEqual(
      [],
    );
  });

  it('refuses style everywhere but dall-e-3', () => {
    expect(checkParams('generate', { model: 'gpt-image-1', prompt: 'x', style: 'vivid' })).toEqual([
      { param: 'style', message: 'style is not supported for gpt-image-1.' },
    ]);
    expect(firstParam('generate', { model: 'dall-e-3', prompt: 'x', style: 'moody' })).toBe(
      'style',
    );
  });

  it('accepts quality auto for every model (the spec default) but nothing foreign', () => {
    expect(checkParams('generate', { model: 'dall-e-2', prompt: 'x', quality: 'auto' })).toEqual(
      [],
    );
    expect(firstParam('generate', { model: 'dall-e-2', prompt: 'x', quality: 'hd' })).toBe(
      'quality',
    );
    expect(firstParam('generate', { model: 'gpt-image-1', prompt: 'x', quality: 'hd' })).toBe(
      'quality',
    );
  });

  it('refuses response_format on GPT image models', () => {
    const [issue] = checkParams('generate', {
      model: 'gpt-image-1',
      prompt: 'x',
      response_format: 'b64_json',
    });
    expect(issue?.param).toBe('response_format');
    expect(issue?.message).toMatch(/always return b64_json/);
    expect(firstParam('generate', { model: 'dall-e-2', prompt: 'x', response_format: 'jpg' })).toBe(
      'response_format',
    );
  });

  it('takes output_compression only for jpeg/webp, 0..100', () => {
    const base = { model: 'gpt-image-1' as const, prompt: 'x' };
    expect(
      checkParams('generate', { ...base, output_format: 'webp', output_compression: 50 }),
    ).toEqual([]);
    expect(firstParam('generate', { ...base, output_format: 'png', output_compression: 50 })).toBe(
      'output_compression',
    );
    expect(
      firstParam('generate', { ...base, output_format: 'jpeg', output_compression: 101 }),
    ).toBe('output_compression');
    expect(firstParam('generate', { model: 'dall-e-2', prompt: 'x', output_format: 'png' })).toBe(
      'output_format',
    );
  });

  it('needs png or webp for a transparent background', () => {
    const base = { model: 'gpt-image-1.5' as const, prompt: 'x', background: 'transparent' };
    expect(checkParams('generate', { ...base, output_format: 'webp' })).toEqual([]);
    expect(firstParam('generate', { ...base, output_format: 'jpeg' })).toBe('background');
    expect(firstParam('generate', { model: 'dall-e-3', prompt: 'x', background: 'opaque' })).toBe(
      'background',
    );
  });

  it('takes moderation on GPT generations only', () => {
    expect(
      checkParams('generate', { model: 'gpt-image-1', prompt: 'x', moderation: 'low' }),
    ).toEqual([]);
    expect(firstParam('edit', { model: 'gpt-image-1', prompt: 'x', moderation: 'low' })).toBe(
      'moderation',
    );
  });

  it('streams only on GPT models, with 0..3 partial images', () => {
    expect(
      checkParams('generate', {
        model: 'gpt-image-1',
        prompt: 'x',
        stream: true,
        partial_images: 3,
      }),
    ).toEqual([]);
    expect(
      firstParam('generate', {
        model: 'gpt-image-1',
        prompt: 'x',
        stream: true,
        partial_images: 4,
      }),
    ).toBe('partial_images');
    expect(firstParam('generate', { model: 'dall-e-3', prompt: 'x', stream: true })).toBe('stream');
  });

  it('takes input_fidelity only where the model supports it', () => {
    expect(
      firstParam('edit', { model: 'gpt-image-1-mini', prompt: 'x', input_fidelity: 'high' }),
    ).toBe('input_fidelity');
    expect(
      firstParam('edit', { model: 'gpt-image-1', prompt: 'x', input_fidelity: 'medium' }),
    ).toBe('input_fidelity');
  });

  it('reports every problem at once so the form can show them all', () => {
    const issues = checkParams('generate', {
      model: 'dall-e-3',
      prompt: '',
      n: 3,
      size: '256x256',
    });
    expect(issues.map((i) => i.param)).toEqual(['prompt', 'n', 'size']);
  });
});
