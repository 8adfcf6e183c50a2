import { describe, expect, it } from 'vitest';
import {
  errorFromResponse,
  keptOfRateLimitHint,
  parseRetryAfter,
  rateLimitHint,
} from './error-from-response.ts';
import type { ApiErrorBody } from './errors.ts';
import type { Provider } from './provider.ts';
import { errorContext, openaiWithKey } from './error-context.test-support.ts';
import { azureWith } from './provider.test-support.ts';

const ctx = errorContext;
const map = (status: number, body: ApiErrorBody | undefined, headers = {}, c = ctx()) =>
  errorFromResponse(status, body, new Headers(headers), c);

// The bodies below are the observed ones listed in images-api-notes.md §4.
describe('errorFromResponse: the bodies from images-api-notes.md §4', () => {
  it('content_policy_violation → safety, keep the prompt and reword', () => {
    const error = map(400, {
      message:
        'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.',
      type: 'invalid_request_error',
      param: null,
      code: 'content_policy_violation',
    });
    expect(error.kind).toBe('safety');
    expect(error.forward).toEqual({ action: 'reword-prompt' });
    expect(error.hint).toMatch(/prompt is kept/i);
    expect(error.hint).toMatch(/reword/i);
    expect(error.retryable).toBe(false);
  });

  it('moderation_blocked → safety, naming what was flagged', () => {
    const error = map(400, {
      message:
        'Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com and include the request ID req_1. safety_violations=[violence].',
      type: 'image_generation_user_error',
      param: '',
      code: 'moderation_blocked',
    });
    expect(error.kind).toBe('safety');
    expect(error.title).toMatch(/flagged: violence/);
  });

  it('invalid_image_file → bad request naming the image', () => {
    const error = map(400, {
      message: 'Invalid image file or mode for image 1, please check your image file.',
      type: 'invalid_request_error',
      code: 'invalid_image_file',
    });
    expect(error).toMatchObject({ kind: 'bad_request', param: 'image' });
    expect(error.title).toMatch(/Image/);
    expect(error.detail).toMatch(/mode for image 1/);
  });

  it('invalid_mask_image_format → bad request naming the mask', () => {
    const error = map(400, {
      message: 'Invalid mask image format - mask image missing alpha channel',
      type: 'image_generation_user_error',
      code: 'invalid_mask_image_format',
    });
    expect(error).toMatchObject({ kind: 'bad_request', param: 'mask' });
    expect(error.forward).toEqual({ action: 'fix-setting', param: 'mask' });
    expect(error.title).toMatch(/Mask/);
  });

  it('"must be a PNG and less than 4 MB" with no code or param → bad request with the provider message', () => {
    const error = map(400, {
      message: 'Uploaded image must be a PNG and less than 4 MB.',
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
    expect(error.kind).toBe('bad_request');
    expect(error.detail).toBe('Uploaded image must be a PNG and less than 4 MB.');
    expect(error.title).toMatch(/HTTP 400/);
  });

  it('RGB input image and wrong mimetype → bad request carrying the explanation', () => {
    const rgb = map(400, {
      message: "Invalid input image - format must be in ['RGBA', 'LA', 'L'], got RGB.",
      type: 'invalid_request_error',
      param: 'image',
      code: null,
    });
    expect(rgb).toMatchObject({ kind: 'bad_request', param: 'image' });
    expect(rgb.detail).toMatch(/got RGB/);
    const mime = map(400, {
      message:
        "Invalid file 'image': unsupported mimetype ('application/octet-stream'). Supported file formats are 'image/png'.",
      type: 'invalid_request_error',
      param: 'image',
      code: 'invalid_request_error',
    });
    expect(mime).toMatchObject({ kind: 'bad_request', param: 'image' });
  });

  it('billing_hard_limit_reached (HTTP 400) → quota, not a bad request and not retryable', () => {
    const error = map(400, {
      message: 'Billing hard limit has been reached',
      type: 'image_generation_user_error',
      param: null,
      code: 'billing_hard_limit_reached',
    });
    expect(error.kind).toBe('quota');
    expect(error.forward).toEqual({ action: 'check-billing' });
    expect(error.retryable).toBe(false);
  });

  it('model_not_found for a retired DALL·E model on OpenAI says it is retired and suggests a GPT image model', () => {
    const error = map(
      404,
      {
        message:
          'The model `dall-e-3` has been deprecated, learn more here: https://platform.openai.com/docs/deprecations',
        type: 'invalid_request_error',
        code: 'model_not_found',
      },
      {},
      ctx({ model: 'dall-e-3', now: Date.parse('2026-12-04T10:00:00Z') }),
    );
    expect(error.kind).toBe('model_unavailable');
    expect(error.title).toBe('OpenAI retired DALL·E 3 on 12 May 2026.');
    // DALL·E 3 → GPT Image 1, itself retired on 23 Oct 2026 → GPT Image 2.5 Sunburst.
    expect(error.forward).toEqual({ action: 'choose-model', suggestion: 'gpt-image-2.5-sunburst' });
    expect(error.hint).toMatch(/GPT Image 2\.5 Sunburst/);
  });

  it('model_not_found from the local engine acting as OpenAI names OpenAI, and the way back to every model', () => {
    const local: Provider = {
      kind: 'local',
      name: 'Local engine',
      baseUrl: '/v1',
      apiKey: '',
      like: 'openai',
    };
    const error = map(
      404,
      { message: 'The model `dall-e-3` does not exist', code: 'model_not_found' },
      {},
      ctx({ provider: local, model: 'dall-e-3', now: Date.parse('2026-12-04T10:00:00Z') }),
    );
    expect(error.title).toBe(
      'OpenAI retired DALL·E 3 on 12 May 2026, and the local engine answers as OpenAI does.',
    );
    expect(error.hint).toMatch(/GPT Image 2\.5 Sunburst/);
    expect(error.hint).toMatch(/Act as OpenAI today/);
  });

  it('model_not_found for GPT Image 1.5 offers its successor from its shutdown day on', () => {
    const body = { message: 'The model `gpt-image-1.5` does not exist', code: 'model_not_found' };
    const on = (day: string) =>
      map(404, body, {}, ctx({ model: 'gpt-image-1.5', now: Date.parse(`${day}T00:00:00Z`) }));
    expect(on('2026-12-01').title).toBe('OpenAI retired GPT Image 1.5 on 1 Dec 2026.');
    expect(on('2026-12-01').forward).toEqual({
      action: 'choose-model',
      suggestion: 'gpt-image-2.5-flare',
    });
    // Refused a day early: still said plainly, with the same way forward.
    expect(on('2026-11-30').title).toMatch(/no longer serves GPT Image 1\.5/);
    expect(on('2026-11-30').forward).toEqual(on('2026-12-01').forward);
  });

  it('Azure refusing GPT Image 1.5 from 16 Dec 2026 leads to a deployment for its successor, not to a model it has none for', () => {
    const azure = azureWith({ id: 'img15', model: 'gpt-image-1.5' });
    const body = { code: 'DeploymentNotFound', message: 'The API deployment does not exist.' };
    const now = Date.parse('2026-12-16T09:00:00Z');
    const error = map(404, body, {}, ctx({ provider: azure, model: 'gpt-image-1.5', now }));
    expect(error.title).toBe('Azure OpenAI retired GPT Image 1.5 on 16 Dec 2026.');
    expect(error.hint).toBe(
      'Its successor is GPT Image 2.5 Flare: add a deployment for it in the provider settings; ' +
        'your prompt and settings are kept.',
    );
    expect(error.forward).toEqual({ action: 'open-provider-settings' });
    // With a deployment for the successor, one click switches to it.
    const deployed = azureWith(
      { id: 'img15', model: 'gpt-image-1.5' },
      { id: 'flare', model: 'gpt-image-2.5-flare' },
    );
    expect(
      map(404, body, {}, ctx({ provider: deployed, model: 'gpt-image-1.5', now })).forward,
    ).toEqual({ action: 'choose-model', suggestion: 'gpt-image-2.5-flare' });
  });

  it('model_not_found for a model OpenAI still lists as live offers the studio default', () => {
    const error = map(
      404,
      { message: 'The model `gpt-image-2` does not exist', code: 'model_not_found' },
      {},
      ctx({ model: 'gpt-image-2', now: Date.parse('2026-12-04T00:00:00Z') }),
    );
    expect(error.title).toBe('OpenAI does not serve GPT Image 2.');
    expect(error.forward).toEqual({ action: 'choose-model', suggestion: 'gpt-image-2.5-flare' });
  });

  it('model_not_found elsewhere says the provider does not serve it', () => {
    const error = map(
      404,
      { message: 'The model `gpt-image-2` does not exist', code: 'model_not_found' },
      {},
      ctx({
        model: 'gpt-image-2',
        provider: { ...openaiWithKey, kind: 'compatible', name: 'My server' },
      }),
    );
    expect(error.kind).toBe('model_unavailable');
    expect(error.title).toBe('My server does not serve GPT Image 2.');
  });
});

describe('errorFromResponse: HTTP statuses', () => {
  it('401 → auth, open provider settings, and the key never appears in the message', () => {
    const error = map(401, {
      message:
        'Incorrect API key provided: sk-proj-****1234. You can find your API key at https://platform.openai.com/account/api-keys.',
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    });
    expect(error.kind).toBe('auth');
    expect(error.forward).toEqual({ action: 'open-provider-settings' });
    const everything = [error.message, error.title, error.hint, error.detail].join(' ');
    expect(everything).not.toMatch(/sk-proj/);
    expect(everything).not.toContain(openaiWithKey.apiKey);
  });

  it('401 with no key at all asks for one', () => {
    const error = map(
      401,
      { message: 'Missing bearer token' },
      {},
      ctx({ provider: { ...openaiWithKey, apiKey: '' } }),
    );
    expect(error.title).toBe('OpenAI needs an API key.');
  });

  it('401 from the local engine says how it came to need a key, which its settings have no field for', () => {
    const local: Provider = { kind: 'local', name: 'Local engine', baseUrl: '/v1', apiKey: '' };
    const error = map(401, { message: 'Missing bearer token' }, {}, ctx({ provider: local }));
    expect(error.title).toBe('The local engine asks for an API key.');
    expect(error.hint).toMatch(/--api-key/);
    expect(error.hint).toMatch(/Compatible server/);
    expect(error.hint).not.toMatch(/enter a valid API key for Local engine/);
  });

  it('429 insufficient_quota → quota (waiting will not help)', () => {
    const error = map(429, {
      message: 'You exceeded your current quota, please check your plan and billing details.',
      type: 'insufficient_quota',
      code: 'insufficient_quota',
    });
    expect(error.kind).toBe('quota');
    expect(error.hint).toMatch(/Waiting will not help/);
    expect(error.retryable).toBe(false);
  });

  it('429 rate_limit_exceeded → rate limit with the wait time from Retry-After', () => {
    const error = map(
      429,
      { message: 'Rate limit reached for images per minute.', code: 'rate_limit_exceeded' },
      { 'retry-after': '7' },
    );
    expect(error.kind).toBe('rate_limit');
    expect(error.retryAfterSeconds).toBe(7);
    expect(error.hint).toMatch(/Wait 7 seconds/);
    expect(error.forward).toEqual({ action: 'wait', seconds: 7 });
    expect(error.retryable).toBe(true);
  });

  it('403 unsupported region vs 403 model access', () => {
    expect(
      map(403, { code: 'unsupported_country_region_territory', message: 'Country not supported' })
        .title,
    ).toMatch(/not available in your country/);
    const access = map(403, { message: 'Your organization must be verified to use gpt-image-1.' });
    expect(access.kind).toBe('permission');
    expect(access.hint).toMatch(/verified/);
  });

  it('400 naming a param → bad request naming the setting as the form labels it', () => {
    const error = map(400, {
      message: "Invalid size '999x999'.",
      type: 'invalid_request_error',
      param: 'size',
      code: 'invalid_value',
    });
    expect(error).toMatchObject({ kind: 'bad_request', param: 'size' });
    expect(error.title).toBe('OpenAI did not accept the Size setting.');
    expect(error.forward).toEqual({ action: 'fix-setting', param: 'size' });
    const n = map(400, { message: 'x', param: 'n' });
    expect(n.title).toMatch(/Number of images/);
  });

  it('404 without a model in the message → wrong base URL', () => {
    const error = map(
      404,
      undefined,
      {},
      ctx({ provider: { ...openaiWithKey, kind: 'compatible', name: 'Mine' } }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.hint).toMatch(/base URL/);
  });

  it('Azure DeploymentNotFound → the deployment name is at fault', () => {
    const azure = azureWith();
    const error = map(
      404,
      {
        code: 'DeploymentNotFound',
        message: 'The API deployment for this resource does not exist.',
      },
      {},
      ctx({ provider: azure }),
    );
    expect(error.kind).toBe('model_unavailable');
    expect(error.forward).toEqual({ action: 'open-provider-settings' });
  });

  it('500 and 503 → server error, retryable; an HTML body does not matter', () => {
    const error = map(500, undefined);
    expect(error.kind).toBe('server');
    expect(error.title).toMatch(/HTTP 500/);
    expect(error.retryable).toBe(true);
    expect(map(503, { message: 'overloaded' }, { 'retry-after': '2' }).retryAfterSeconds).toBe(2);
  });

  it('413 on an edit → the image is too large', () => {
    expect(map(413, undefined, {}, ctx({ operation: 'edit' }))).toMatchObject({
      kind: 'bad_request',
      param: 'image',
    });
  });

  it('413 on a generation → the prompt is what to shorten: a generation has no image to change', () => {
    const error = map(413, { message: 'Request entity too large' });
    expect(error).toMatchObject({
      kind: 'bad_request',
      title: 'OpenAI refused the request as too large (HTTP 413).',
      hint: 'Shorten the prompt and try again; your prompt and settings are kept.',
      forward: { action: 'reword-prompt' },
    });
    expect(error.param).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('parseRetryAfter reads seconds, milliseconds and HTTP dates', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '3' }))).toBe(3);
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(
      1.5,
    );
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(
      parseRetryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }), now),
    ).toBe(10);
    expect(parseRetryAfter(new Headers())).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
  });

  it('caps a Retry-After of years at an hour, in every form', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    for (const headers of [
      { 'retry-after': '999999999' } as Record<string, string>,
      { 'retry-after-ms': '999999999999' },
      { 'retry-after': 'Fri, 01 Jan 2100 00:00:00 GMT' },
    ]) {
      expect(parseRetryAfter(new Headers(headers), now)).toBe(3600);
    }
    expect(map(429, { message: 'slow down' }, { 'retry-after': '999999999' }).hint).toBe(
      'Wait 1 hour and try again; your prompt and settings are kept.',
    );
  });

  it('a rate limit on an edit says the picture and the painted mask are kept, as every other failure does', () => {
    const kept = 'your picture, painted mask, prompt and settings';
    const edit = ctx({ operation: 'edit', kept });
    const hint = map(429, { message: 'slow down' }, { 'retry-after': '20' }, edit).hint;
    expect(hint).toBe(`Wait 20 seconds and try again; ${kept} are kept.`);
    expect(map(429, { message: 'slow down' }, {}, edit).hint).toBe(
      `Wait a moment and try again; ${kept} are kept.`,
    );
    // The card counts the wait down and keeps the same words about what is kept.
    expect(rateLimitHint(0, keptOfRateLimitHint(hint))).toBe(
      `You can try again now; ${kept} are kept.`,
    );
  });
});
