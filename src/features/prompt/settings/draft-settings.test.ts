import { describe, expect, it } from 'vitest';
import { checkParams } from '../../../api/params-check.ts';
import { modelsFor } from '../../../api/model-lookup.ts';
import type { ModelId } from '../../../api/model-types.ts';
import { draftFromParams } from './apply-params.ts';
import {
  CUSTOM_SIZE,
  defaultSettings,
  describeModelSwitch,
  fitSettings,
  toImageParams,
  type Draft,
  type DraftOperation,
} from './draft-settings.ts';

const draft = (operation: DraftOperation, model: ModelId, patch = {}): Draft => ({
  prompt: 'a lighthouse at dusk',
  model,
  settings: { ...defaultSettings(operation, model), ...patch },
});

describe('defaults and toImageParams', () => {
  it.each(['generate', 'edit'] as const)(
    'the defaults of every %s model make a valid request',
    (operation) => {
      for (const model of modelsFor(operation)) {
        const params = toImageParams(operation, draft(operation, model.id));
        expect(checkParams(operation, params), model.id).toEqual([]);
      }
    },
  );

  it('sends only what the model takes', () => {
    expect(Object.keys(toImageParams('generate', draft('generate', 'dall-e-3'))).sort()).toEqual([
      'model',
      'n',
      'prompt',
      'quality',
      'response_format',
      'size',
      'style',
    ]);
    expect(Object.keys(toImageParams('generate', draft('generate', 'gpt-image-1'))).sort()).toEqual(
      ['background', 'model', 'moderation', 'n', 'output_format', 'prompt', 'quality', 'size'],
    );
    // multipart edits take input_fidelity (gpt-image-1) and never moderation
    expect(Object.keys(toImageParams('edit', draft('edit', 'gpt-image-1'))).sort()).toEqual([
      'background',
      'input_fidelity',
      'model',
      'n',
      'output_format',
      'prompt',
      'quality',
      'size',
    ]);
  });

  it('adds compression only for jpeg/webp, streaming only when switched on, user only when set', () => {
    const params = toImageParams(
      'generate',
      draft('generate', 'gpt-image-1.5', {
        output_format: 'webp',
        output_compression: 70,
        stream: true,
        partial_images: 3,
        user: ' me ',
      }),
    );
    expect(params).toMatchObject({
      output_format: 'webp',
      output_compression: 70,
      stream: true,
      partial_images: 3,
      user: 'me',
    });
    const png = toImageParams(
      'generate',
      draft('generate', 'gpt-image-1.5', { output_compression: 70 }),
    );
    expect(png.output_compression).toBeUndefined();
    expect(png.stream).toBeUndefined();
  });

  it('sends a custom gpt-image-2 size as WxH', () => {
    const params = toImageParams(
      'generate',
      draft('generate', 'gpt-image-2', {
        size: CUSTOM_SIZE,
        customWidth: 2560,
        customHeight: 1440,
      }),
    );
    expect(params.size).toBe('2560x1440');
    expect(checkParams('generate', params)).toEqual([]);
  });

  it('sends a typed custom size the model does not take as the nearest one it does', () => {
    const params = toImageParams(
      'generate',
      draft('generate', 'gpt-image-2', {
        size: CUSTOM_SIZE,
        customWidth: 1000,
        customHeight: 1000,
      }),
    );
    expect(params.size).toBe('1008x1008');
    expect(checkParams('generate', params)).toEqual([]);
  });
});

describe('switching model', () => {
  it('dall-e-3 → gpt-image-1: says which chosen settings no longer apply, and why', () => {
    const from = draft('generate', 'dall-e-3', {
      style: 'natural',
      size: '1792x1024',
      quality: 'hd',
      response_format: 'url',
    });
    const to = {
      ...from,
      model: 'gpt-image-1' as const,
      settings: fitSettings('generate', 'gpt-image-1', from.settings),
    };
    expect(to.settings.size).toBe('auto');
    expect(to.settings.quality).toBe('auto');
    const changes = describeModelSwitch('generate', from, to);
    // Shown by the field that changed; a setting the model lost is said by the Model.
    expect(changes.map((c) => c.field)).toEqual(['Size', 'Quality', 'Model', 'Model']);
    expect(changes.map((c) => c.text)).toEqual([
      expect.stringMatching(
        /^Size: 1792x1024 → auto, GPT Image 1 offers 1024x1024, 1536x1024, 1024x1536/,
      ),
      expect.stringMatching(/^Quality: hd → auto/),
      'Style (natural): GPT Image 1 has no style setting.',
      'Response format (url): GPT Image 1 always returns image data.',
    ]);
    expect(checkParams('generate', toImageParams('generate', to))).toEqual([]);
  });

  it('gpt-image-1 with 4 images → dall-e-3: one image per request', () => {
    const from = draft('generate', 'gpt-image-1', { n: 4, stream: true });
    const to = {
      ...from,
      model: 'dall-e-3' as const,
      settings: fitSettings('generate', 'dall-e-3', from.settings),
    };
    expect(to.settings.n).toBe(1);
    expect(describeModelSwitch('generate', from, to).map((c) => c.text)).toEqual([
      'Number of images: 4 → 1, DALL·E 3 makes one image per request.',
      'Streaming: DALL·E 3 does not stream partial images.',
    ]);
  });

  it('says nothing when only defaults change', () => {
    const from = draft('generate', 'gpt-image-1.5');
    const to = {
      ...from,
      model: 'dall-e-2' as const,
      settings: fitSettings('generate', 'dall-e-2', from.settings),
    };
    expect(describeModelSwitch('generate', from, to)).toEqual([]);
  });

  it('keeps a prompt that is now too long, and says by how much to shorten it', () => {
    const from = { ...draft('generate', 'gpt-image-1'), prompt: 'x'.repeat(1200) };
    const to = {
      ...from,
      model: 'dall-e-2' as const,
      settings: fitSettings('generate', 'dall-e-2', from.settings),
    };
    expect(describeModelSwitch('generate', from, to)).toContainEqual({
      field: 'Prompt',
      text: 'Prompt: DALL·E 2 reads at most 1,000 characters; shorten it by 200.',
    });
  });

  it('an edit follows its image: size auto on models that take it, and a chosen size stays', () => {
    for (const model of modelsFor('edit')) {
      const size = defaultSettings('edit', model.id).size;
      expect(size, model.id).toBe(
        model.operations.edit!.sizes.includes('auto') ? 'auto' : '1024x1024',
      );
    }
    expect(defaultSettings('edit', 'gpt-image-2.5-flare').size).toBe('auto');
    const chosen = { ...defaultSettings('edit', 'gpt-image-2.5-flare'), size: '1024x1024' };
    expect(fitSettings('edit', 'gpt-image-2.5-flare', chosen).size).toBe('1024x1024');
  });

  it('a custom size survives only on gpt-image-2', () => {
    const settings = { ...defaultSettings('generate', 'gpt-image-2'), size: CUSTOM_SIZE };
    expect(fitSettings('generate', 'gpt-image-2', settings).size).toBe(CUSTOM_SIZE);
    expect(fitSettings('generate', 'gpt-image-1', settings).size).toBe('auto');
  });

  it('a transparent background keeps png rather than jpeg', () => {
    const settings = {
      ...defaultSettings('generate', 'gpt-image-1'),
      background: 'transparent' as const,
      output_format: 'jpeg' as const,
    };
    expect(fitSettings('generate', 'gpt-image-1', settings).output_format).toBe('png');
  });
});

describe('draftFromParams (reuse settings)', () => {
  const current = draft('generate', 'gpt-image-1.5');

  it('round-trips every model’s full parameters', () => {
    for (const model of modelsFor('generate')) {
      const d = draft('generate', model.id, {
        n: model.operations.generate!.nMax,
        quality: model.operations.generate!.qualities.at(-1),
      });
      const params = toImageParams('generate', d);
      const { draft: back, notes } = draftFromParams('generate', params, current);
      expect(notes).toEqual([]);
      expect(toImageParams('generate', back)).toEqual(params);
    }
  });

  it('reads multipart-style strings and a custom size', () => {
    const { draft: back } = draftFromParams(
      'generate',
      {
        model: 'gpt-image-2',
        prompt: 'p',
        n: '3',
        size: '1920x1088',
        stream: 'true',
        partial_images: '1',
      } as never,
      current,
    );
    expect(back.settings).toMatchObject({
      n: 3,
      size: CUSTOM_SIZE,
      customWidth: 1920,
      customHeight: 1088,
      stream: true,
      partial_images: 1,
    });
    expect(back.prompt).toBe('p');
  });

  it('keeps the current model when the stored one cannot do this operation', () => {
    const { draft: back, notes } = draftFromParams(
      'edit',
      { model: 'dall-e-3', prompt: 'p' },
      draft('edit', 'gpt-image-1'),
    );
    expect(back.model).toBe('gpt-image-1');
    expect(notes).toEqual(['DALL·E 3 cannot edit images; kept the current model.']);
  });

  it('takes an id Easel does not know, with its family rules and a note saying so', () => {
    const { draft: back, notes } = draftFromParams(
      'generate',
      { model: 'gpt-image-3', prompt: 'p', quality: 'max', size: '2048x1152' },
      draft('generate', 'gpt-image-1'),
    );
    expect(back).toMatchObject({ model: 'gpt-image-3', custom: true });
    expect(back.settings).toMatchObject({ quality: 'max', size: CUSTOM_SIZE, customWidth: 2048 });
    expect(notes).toEqual([
      "gpt-image-3 is not in Easel's model table: GPT Image 2.5 Flare's rules assumed.",
    ]);
  });
});
