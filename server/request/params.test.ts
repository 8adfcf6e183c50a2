import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.ts';
import type { Lineup } from './model-lineup.ts';
import { parseParams } from './params.ts';

const OFFLINE: Lineup = { like: null, extraModels: [], now: Date.parse('2026-12-04T12:00:00Z') };

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
      OFFLINE,
    );
    expect(params).toMatchObject({ n: 3, stream: true, partial_images: 2, output_compression: 50 });
  });

  it('refuses non-numeric multipart numbers and non-boolean booleans, naming the param', () => {
    expect(
      refusal(() => parseParams('edit', { prompt: 'x', n: '2.5' }, 'multipart', OFFLINE)).param,
    ).toBe('n');
    expect(
      refusal(() => parseParams('edit', { prompt: 'x', stream: 'yes' }, 'multipart', OFFLINE))
        .param,
    ).toBe('stream');
  });

  it('requires JSON values to have their type already', () => {
    const error = refusal(() => parseParams('generate', { prompt: 'x', n: '2' }, 'json', OFFLINE));
    expect([error.param, error.code]).toEqual(['n', 'invalid_type']);
    expect(error.message).toBe(
      "Invalid type for 'n': expected an integer, but got a string instead.",
    );
    expect(refusal(() => parseParams('generate', { prompt: 42 }, 'json', OFFLINE)).param).toBe(
      'prompt',
    );
    expect(
      refusal(() => parseParams('generate', { prompt: 'x', n: 1.5 }, 'json', OFFLINE)).message,
    ).toMatch(/decimal/);
  });

  it('treats null as not set', () => {
    const { params } = parseParams(
      'generate',
      { prompt: 'x', n: null, size: null, style: null },
      'json',
      OFFLINE,
    );
    expect(params).toEqual({ prompt: 'x', model: 'dall-e-2' });
  });

  it('refuses fields the operation does not declare, and files sent as text', () => {
    expect(
      refusal(() => parseParams('generate', { prompt: 'x', seed: 1 }, 'json', OFFLINE)).code,
    ).toBe('unknown_parameter');
    expect(
      refusal(() => parseParams('variation', { prompt: 'x' }, 'multipart', OFFLINE)).param,
    ).toBe('prompt');
    expect(
      refusal(() => parseParams('edit', { prompt: 'x', image: 'cat.png' }, 'multipart', OFFLINE))
        .param,
    ).toBe('image');
  });

  it('defaults the model per operation, and to gpt-image-1 when a GPT-only parameter is used', () => {
    expect(parseParams('generate', { prompt: 'x' }, 'json', OFFLINE).model.id).toBe('dall-e-2');
    expect(
      parseParams('generate', { prompt: 'x', output_format: 'jpeg' }, 'json', OFFLINE).model.id,
    ).toBe('gpt-image-1');
    expect(parseParams('edit', { prompt: 'x' }, 'multipart', OFFLINE).model.id).toBe(
      'gpt-image-1.5',
    );
  });

  it('resolves aliases but remembers the name sent; unknown models are 404 model_not_found', () => {
    const parsed = parseParams(
      'generate',
      { prompt: 'x', model: 'gpt-image-2-2026-04-21' },
      'json',
      OFFLINE,
    );
    expect([parsed.model.id, parsed.modelAsSent]).toEqual([
      'gpt-image-2',
      'gpt-image-2-2026-04-21',
    ]);
    const error = refusal(() =>
      parseParams('generate', { prompt: 'x', model: 'nope' }, 'json', OFFLINE),
    );
    // OpenAI's own body for a model it does not serve: param null, the model named.
    expect([error.status, error.code, error.param]).toEqual([404, 'model_not_found', null]);
    expect(error.message).toMatch(/'nope'/);
  });

  it('offline, serves retired models and any id of a known family with its rules', () => {
    expect(
      parseParams('generate', { prompt: 'x', model: 'dall-e-3' }, 'json', OFFLINE).model.id,
    ).toBe('dall-e-3');
    const next = parseParams(
      'generate',
      { prompt: 'x', model: 'gpt-image-3', quality: 'max' },
      'json',
      OFFLINE,
    );
    expect([next.model.id, next.model.assumed, next.model.rulesFrom]).toEqual([
      'gpt-image-3',
      true,
      'gpt-image-2.5-flare',
    ]);
  });

  describe('acting as OpenAI', () => {
    const on = (day: string, extraModels: string[] = []): Lineup => ({
      like: 'openai',
      extraModels,
      now: Date.parse(`${day}T00:00:00Z`),
    });
    const model = (id: string, lineup: Lineup) =>
      parseParams('generate', { prompt: 'x', model: id }, 'json', lineup).model.id;

    it('refuses a model from its shutdown day on, with the 404 OpenAI gives', () => {
      expect(model('gpt-image-1.5', on('2026-11-30'))).toBe('gpt-image-1.5');
      const error = refusal(() => model('gpt-image-1.5', on('2026-12-01')));
      expect([error.status, error.type, error.code]).toEqual([
        404,
        'invalid_request_error',
        'model_not_found',
      ]);
      expect(error.message).toMatch(/gpt-image-1\.5/);
      expect(refusal(() => model('dall-e-2', on('2026-12-04'))).code).toBe('model_not_found');
    });

    it('serves ids it does not know only when named with --extra-model', () => {
      expect(refusal(() => model('gpt-image-3', on('2026-12-04'))).status).toBe(404);
      expect(model('gpt-image-3', on('2026-12-04', ['gpt-image-3']))).toBe('gpt-image-3');
    });

    it('a request naming no model gets the default successor, not a 404', () => {
      expect(parseParams('generate', { prompt: 'x' }, 'json', on('2026-12-04')).model.id).toBe(
        'gpt-image-2.5-flare',
      );
    });
  });

  it('reports a missing prompt with the API wording before the other checks', () => {
    const error = refusal(() =>
      parseParams('generate', { model: 'dall-e-3', n: 5 }, 'json', OFFLINE),
    );
    expect([error.param, error.code]).toEqual(['prompt', 'missing_required_parameter']);
  });

  it('reports a model without the operation as a model error', () => {
    expect(
      refusal(() => parseParams('edit', { model: 'dall-e-3', prompt: 'x' }, 'multipart', OFFLINE))
        .param,
    ).toBe('model');
  });
});
