import { describe, expect, it } from 'vitest';
import { buildJsonRequest, buildMultipartRequest, sendableParams } from './build-request.ts';
import { ImagesApiError } from './errors.ts';
import { MODELS } from './models.ts';
import { modelsFor, rulesFor } from './model-lookup.ts';
import type { ModelId } from './model-types.ts';
import { fieldsOf, type ImageParams } from './params.ts';
import type { Provider } from './provider.ts';

const local: Provider = { kind: 'local', name: 'Local engine', baseUrl: '/v1', apiKey: '' };
const openai: Provider = {
  kind: 'openai',
  name: 'OpenAI',
  baseUrl: 'https://api.openai.com/v1/',
  apiKey: 'sk-test-123456',
};
const azure: Provider = {
  kind: 'azure',
  name: 'Azure OpenAI',
  baseUrl: 'https://studio.openai.azure.com',
  apiKey: 'azure-key-abcdef',
  apiVersion: '2025-04-01-preview',
  models: [{ id: 'my gpt image', model: 'gpt-image-1' }],
};

/** Every setting the model takes for generations, set to a non-default valid value. */
function fullParams(model: ModelId): ImageParams {
  const rules = rulesFor(model, 'generate')!;
  const params: ImageParams = {
    model,
    prompt: 'a lighthouse at dusk',
    n: rules.nMax,
    size: rules.sizes.at(-1),
    quality: rules.qualities.at(-1),
    user: 'designer-7',
  };
  if (rules.styles) params.style = rules.styles.at(-1);
  if (rules.responseFormats) params.response_format = 'b64_json';
  if (rules.outputFormats) {
    params.output_format = 'webp';
    params.output_compression = 60;
    params.background = 'opaque';
  }
  if (rules.moderation) params.moderation = 'low';
  if (rules.partialImagesMax !== undefined) {
    params.stream = true;
    params.partial_images = 2;
  }
  return params;
}

describe('generation requests (JSON)', () => {
  it.each(modelsFor('generate').map((m) => m.id))(
    '%s: every setting reaches the body under its API name, and nothing else',
    (model) => {
      const params = fullParams(model);
      const request = buildJsonRequest(local, 'generate', params, model);
      expect(request.url).toBe('/v1/images/generations');
      expect(request.method).toBe('POST');
      expect(request.headers['Content-Type']).toBe('application/json');
      const body = JSON.parse(request.body as string);
      expect(body).toEqual(params);
      for (const key of Object.keys(body)) {
        expect(fieldsOf('generate')).toContain(key);
      }
      expect(request.stream).toBe(params.stream === true);
      expect(request.headers.Accept).toBe(params.stream ? 'text/event-stream' : 'application/json');
    },
  );

  it('sends only what was set: a minimal request is model and prompt', () => {
    const request = buildJsonRequest(
      local,
      'generate',
      { model: 'gpt-image-1', prompt: 'x' },
      'gpt-image-1',
    );
    expect(JSON.parse(request.body as string)).toEqual({ model: 'gpt-image-1', prompt: 'x' });
  });

  it('leaves out stream: false, an empty user and undefined settings', () => {
    const params: ImageParams = {
      model: 'gpt-image-1.5',
      prompt: 'x',
      stream: false,
      user: '',
      quality: undefined,
    };
    expect(sendableParams('generate', params)).toEqual({ model: 'gpt-image-1.5', prompt: 'x' });
  });

  it.each([
    [{ model: 'dall-e-3', prompt: 'x', n: 2 }, 'n'],
    [{ model: 'dall-e-2', prompt: 'x', size: '1536x1024' }, 'size'],
    [{ model: 'dall-e-2', prompt: 'x', style: 'vivid' }, 'style'],
    [{ model: 'gpt-image-1', prompt: 'x', response_format: 'url' }, 'response_format'],
    [
      { model: 'gpt-image-1', prompt: 'x', output_format: 'jpeg', background: 'transparent' },
      'background',
    ],
    [{ model: 'gpt-image-1', prompt: 'x', output_compression: 50 }, 'output_compression'],
    [{ model: 'dall-e-3', prompt: 'x', stream: true }, 'stream'],
    [{ model: 'gpt-image-2', prompt: 'x', size: '1000x1000' }, 'size'],
    [{ model: 'dall-e-2', prompt: 'a'.repeat(1001) }, 'prompt'],
    [{ model: 'gpt-image-1', prompt: '' }, 'prompt'],
  ] as [ImageParams, string][])(
    'refuses an invalid request before sending it (%j → %s)',
    (params, param) => {
      let thrown: unknown;
      try {
        buildJsonRequest(local, 'generate', params, params.model);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ImagesApiError);
      expect(thrown).toMatchObject({ kind: 'bad_request', param });
    },
  );

  it('takes a free WxH size on gpt-image-2 only when it follows the rule', () => {
    const ok = buildJsonRequest(
      local,
      'generate',
      { model: 'gpt-image-2', prompt: 'x', size: '2048x1152' },
      'gpt-image-2',
    );
    expect(JSON.parse(ok.body as string).size).toBe('2048x1152');
    expect(() =>
      buildJsonRequest(
        local,
        'generate',
        { model: 'gpt-image-1', prompt: 'x', size: '2048x1152' },
        'gpt-image-1',
      ),
    ).toThrow(ImagesApiError);
  });

  it('GPT Image 2.5 takes xhigh and max at a free size; gpt-image-2 is refused on quality', () => {
    const sunburst = buildJsonRequest(
      local,
      'generate',
      { model: 'gpt-image-2.5-sunburst', prompt: 'x', quality: 'max', size: '2048x1152' },
      'gpt-image-2.5-sunburst',
    );
    expect(JSON.parse(sunburst.body as string)).toMatchObject({
      quality: 'max',
      size: '2048x1152',
    });
    expect(sunburst.sent).toMatchObject({ quality: 'max' });
    const refusal = (() => {
      try {
        buildJsonRequest(
          local,
          'generate',
          { model: 'gpt-image-2', prompt: 'x', quality: 'xhigh' },
          'gpt-image-2',
        );
      } catch (error) {
        return error as ImagesApiError;
      }
    })();
    expect(refusal?.param).toBe('quality');
    expect(refusal?.title).toMatch(/does not support quality 'xhigh'/);
  });

  it('an id Easel does not know is sent as typed, under its family rules', () => {
    const request = buildJsonRequest(
      openai,
      'generate',
      { model: 'gpt-image-3', prompt: 'x', quality: 'xhigh', size: '1536x864' },
      'gpt-image-3',
    );
    expect(JSON.parse(request.body as string)).toMatchObject({
      model: 'gpt-image-3',
      quality: 'xhigh',
    });
  });
});

describe('provider addressing', () => {
  it('OpenAI: {baseUrl}/images/generations with a bearer token, the key never in the URL', () => {
    const request = buildJsonRequest(
      openai,
      'generate',
      { model: 'gpt-image-1', prompt: 'x' },
      'gpt-image-1',
    );
    expect(request.url).toBe('https://api.openai.com/v1/images/generations');
    expect(request.headers.Authorization).toBe('Bearer sk-test-123456');
    expect(request.url).not.toContain('sk-test');
  });

  it('Azure: the deployment in the path, api-version in the query, the key in api-key', () => {
    const request = buildJsonRequest(
      azure,
      'generate',
      { model: 'gpt-image-1', prompt: 'x' },
      'my gpt image',
    );
    expect(request.url).toBe(
      'https://studio.openai.azure.com/openai/deployments/my%20gpt%20image/images/generations?api-version=2025-04-01-preview',
    );
    expect(request.headers['api-key']).toBe('azure-key-abcdef');
    expect(request.headers.Authorization).toBeUndefined();
    expect(request.url).not.toContain('azure-key');
  });

  it('a compatible server gets its own model id in the body, with the known model rules applied', () => {
    const request = buildJsonRequest(
      local,
      'generate',
      { model: 'dall-e-2', prompt: 'x', n: 4 },
      'sdxl-turbo',
    );
    expect(JSON.parse(request.body as string)).toEqual({ model: 'sdxl-turbo', prompt: 'x', n: 4 });
    expect(() =>
      buildJsonRequest(local, 'generate', { model: 'dall-e-2', prompt: 'x', n: 11 }, 'sdxl-turbo'),
    ).toThrow(ImagesApiError);
  });

  it('the local engine acting as OpenAI hears it in a header of its own', () => {
    const request = buildJsonRequest(
      { ...local, like: 'openai' },
      'generate',
      { model: 'dall-e-2', prompt: 'x' },
      'dall-e-2',
    );
    expect(request.headers['x-easel-like']).toBe('openai');
    expect(
      buildJsonRequest(openai, 'generate', { model: 'gpt-image-2', prompt: 'x' }, 'gpt-image-2')
        .headers['x-easel-like'],
    ).toBeUndefined();
  });

  it('no key, no authentication header (the local engine)', () => {
    const request = buildJsonRequest(
      local,
      'generate',
      { model: 'dall-e-2', prompt: 'x' },
      'dall-e-2',
    );
    expect(Object.keys(request.headers).map((h) => h.toLowerCase())).not.toContain('authorization');
  });
});

describe('edit and variation requests (multipart)', () => {
  const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
  const webp = new Blob([new Uint8Array([1])], { type: 'image/webp' });

  it('sends one image as `image`, the mask as `mask`, every scalar as a string', () => {
    const params: ImageParams = {
      model: 'gpt-image-1',
      prompt: 'add a red door',
      n: 2,
      size: '1024x1536',
      quality: 'high',
      input_fidelity: 'high',
      output_format: 'jpeg',
      output_compression: 80,
      stream: true,
      partial_images: 1,
    };
    const request = buildMultipartRequest(openai, 'edit', params, 'gpt-image-1', {
      images: [png],
      mask: png,
    });
    expect(request.url).toBe('https://api.openai.com/v1/images/edits');
    expect(request.headers['Content-Type']).toBeUndefined();
    const form = request.body as FormData;
    expect((form.get('image') as File).name).toBe('image.png');
    expect((form.get('mask') as File).name).toBe('mask.png');
    expect(form.getAll('image[]')).toEqual([]);
    const scalars = Object.fromEntries(
      [...form.entries()].filter(([, v]) => typeof v === 'string'),
    );
    expect(scalars).toEqual({
      model: 'gpt-image-1',
      prompt: 'add a red door',
      n: '2',
      size: '1024x1536',
      quality: 'high',
      input_fidelity: 'high',
      output_format: 'jpeg',
      output_compression: '80',
      stream: 'true',
      partial_images: '1',
    });
  });

  it('sends several images as repeated `image[]` with the right extensions', () => {
    const request = buildMultipartRequest(
      local,
      'edit',
      { model: 'gpt-image-1.5', prompt: 'x' },
      'gpt-image-1.5',
      {
        images: [png, webp, png],
      },
    );
    const files = (request.body as FormData).getAll('image[]') as File[];
    expect(files.map((f) => f.name)).toEqual(['image-1.png', 'image-2.webp', 'image-3.png']);
    expect((request.body as FormData).get('image')).toBeNull();
  });

  it('refuses moderation on multipart edits and input_fidelity where the model lacks it', () => {
    expect(() =>
      buildMultipartRequest(
        local,
        'edit',
        { model: 'gpt-image-1', prompt: 'x', moderation: 'low' },
        'gpt-image-1',
        {
          images: [png],
        },
      ),
    ).toThrow(/Moderation/);
    expect(() =>
      buildMultipartRequest(
        local,
        'edit',
        { model: 'gpt-image-1-mini', prompt: 'x', input_fidelity: 'high' },
        'gpt-image-1-mini',
        {
          images: [png],
        },
      ),
    ).toThrow(ImagesApiError);
  });

  it('refuses too many images for dall-e-2, and an edit with no image', () => {
    expect(() =>
      buildMultipartRequest(local, 'edit', { model: 'dall-e-2', prompt: 'x' }, 'dall-e-2', {
        images: [png, png],
      }),
    ).toThrow(/at most 1 image/);
    expect(() =>
      buildMultipartRequest(local, 'edit', { model: 'gpt-image-1', prompt: 'x' }, 'gpt-image-1', {
        images: [],
      }),
    ).toThrow(/Choose an image/);
  });

  it('variation: dall-e-2 only, no prompt field, its settings as strings', () => {
    const request = buildMultipartRequest(
      local,
      'variation',
      { model: 'dall-e-2', n: 3, size: '512x512', response_format: 'b64_json' },
      'dall-e-2',
      {
        images: [png],
      },
    );
    expect(request.url).toBe('/v1/images/variations');
    const form = request.body as FormData;
    expect(form.get('prompt')).toBeNull();
    expect([
      form.get('model'),
      form.get('n'),
      form.get('size'),
      form.get('response_format'),
    ]).toEqual(['dall-e-2', '3', '512x512', 'b64_json']);
    expect(() =>
      buildMultipartRequest(local, 'variation', { model: 'gpt-image-1' }, 'gpt-image-1', {
        images: [png],
      }),
    ).toThrow(ImagesApiError);
  });

  it('covers every model in the table', () => {
    // A new model added to the table must come with its own expectations above.
    expect(MODELS.map((m) => m.id).sort()).toEqual(
      [
        'dall-e-2',
        'dall-e-3',
        'gpt-image-1',
        'gpt-image-1-mini',
        'gpt-image-1.5',
        'chatgpt-image-latest',
        'gpt-image-2',
        'gpt-image-2.5-flare',
        'gpt-image-2.5-sunburst',
      ].sort(),
    );
  });
});
