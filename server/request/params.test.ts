import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.ts';
import { parseParams } from './params.ts';

function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseParams', () => {
  it('converts multipart strings to integers and booleans', () => {
    const { params } = parseParams(
      'edit',
      {
        model: 'gpt-image-1',
        prompt: 'x',
        n: '3',
        stream: 'TRUE',
        partial_images: '2',
        output_format: 'webp',
        output_compression: '50',
      },
      'multipart',
    );
    expect(params).toMatchObject({ n: 3, stream: true, partial_images: 2, output_compression: 50 });
  });

  it('refuses non-numeric multipart numbers and non-boolean booleans, naming the param', () => {
    expect(refusal(() => parseParams('edit', { prompt: 'x', n: '2.5' }, 'multipart')).param).toBe(
      'n',
    );
    expect(
      refusal(() => parseParams('edit', { prompt: 'x', stream: 'yes' }, 'multipart')).param,
    ).toBe('stream');
  });

  it('requires JSON values to have their type already', () => {
    const error = refusal(() => parseParams('generate', { prompt: 'x', n: '2' }, 'json'));
    expect([error.param, error.code]).toEqual(['n', 'invalid_type']);
    expect(error.message).toBe(
      "Invalid type for 'n': expected an integer, but got a string instead.",
    );
    expect(refusal(() => parseParams('generate', { prompt: 42 }, 'json')).param).toBe('prompt');
    expect(refusal(() => parseParams('generate', { prompt: 'x', n: 1.5 }, 'json')).message).toMatch(
      /decimal/,
    );
  });

  it('treats null as not set', () => {
    const { params } = parseParams(
      'generate',
      { prompt: 'x', n: null, size: null, style: null },
      'json',
    );
    expect(params).toEqual({ prompt: 'x', model: 'dall-e-2' });
  });

  it('refuses fields the operation does not declare, and files sent as text', () => {
    expect(refusal(() => parseParams('generate', { prompt: 'x', seed: 1 }, 'json')).code).toBe(
      'unknown_parameter',
    );
    expect(refusal(() => parseParams('variation', { prompt: 'x' }, 'multipart')).param).toBe(
      'prompt',
    );
    expect(
      refusal(() => parseParams('edit', { prompt: 'x', image: 'cat.png' }, 'multipart')).param,
    ).toBe('image');
  });

  it('defaults the model per operation, and to gpt-image-1 when a GPT-only parameter is used', () => {
    expect(parseParams('generate', { prompt: 'x' }, 'json').model.id).toBe('dall-e-2');
    expect(parseParams('generate', { prompt: 'x', output_format: 'jpeg' }, 'json').model.id).toBe(
      'gpt-image-1',
    );
    expect(parseParams('edit', { prompt: 'x' }, 'multipart').model.id).toBe('gpt-image-1.5');
  });

  it('resolves aliases but remembers the name sent; unknown models are 404 model_not_found', () => {
    const parsed = parseParams(
      'generate',
      { prompt: 'x', model: 'gpt-image-2-2026-04-21' },
      'json',
    );
    expect([parsed.model.id, parsed.modelAsSent]).toEqual([
      'gpt-image-2',
      'gpt-image-2-2026-04-21',
    ]);
    const error = refusal(() => parseParams('generate', { prompt: 'x', model: 'nope' }, 'json'));
    expect([error.status, error.code, error.param]).toEqual([404, 'model_not_found', 'model']);
  });

  it('reports a missing prompt with the API wording before the other checks', () => {
    const error = refusal(() => parseParams('generate', { model: 'dall-e-3', n: 5 }, 'json'));
    expect([error.param, error.code]).toEqual(['prompt', 'missing_required_parameter']);
  });

  it('reports a model without the operation as a model error', () => {
    expect(
      refusal(() => parseParams('edit', { model: 'dall-e-3', prompt: 'x' }, 'multipart')).param,
    ).toBe('model');
  });
});
