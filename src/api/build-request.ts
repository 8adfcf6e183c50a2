/**
 * Turns a provider, an operation and its parameters into the exact HTTP request: JSON for
 * generations, multipart for edits and variations. Only parameters the operation's schema
 * declares and the caller set are sent, under their API names; a request that breaks the
 * model's rules (checkParams) is refused here, before anything leaves the browser.
 */
import type { RequestParams } from './image-result.ts';
import { invalidParamsError } from './errors.ts';
import { EXTENSION, type ImageMime } from './image-bytes.ts';
import { rulesFor, type Operation } from './models.ts';
import { checkParams, FIELDS_BY_OPERATION, type ImageParams } from './params.ts';
import { authHeaders, imagesUrl, type Provider } from './provider.ts';

export interface BuiltRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string | FormData;
  /** Whether the answer will be an SSE stream (stream: true). */
  stream: boolean;
}

/** The files an edit or variation uploads. */
export interface UploadFiles {
  /** One or more input images; sent as `image` when one, as repeated `image[]` when several. */
  images: Blob[];
  /** The painted mask (edits only): PNG, alpha 0 where the image may change. */
  mask?: Blob;
}

/**
 * The parameters exactly as they will be sent (files aside), with `model` as the table's
 * id. Throws the first rule the parameters break, naming the setting.
 */
export function sendableParams(operation: Operation, params: ImageParams): RequestParams {
  const [issue] = checkParams(operation, params);
  if (issue) throw invalidParamsError(issue.param, issue.message);
  const allowed = FIELDS_BY_OPERATION[operation];
  const out: RequestParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || !allowed.includes(name)) continue;
    // stream: false is the API default; leaving it out keeps the request minimal.
    if (name === 'stream' && value === false) continue;
    if (name === 'user' && value === '') continue;
    out[name] = value as string | number | boolean;
  }
  return out;
}

/** POST {base}/images/generations with a JSON body. */
export function buildJsonRequest(
  provider: Provider,
  operation: Operation,
  params: ImageParams,
  servedModel: string,
): BuiltRequest {
  const sent = sendableParams(operation, params);
  const body = { ...sent, model: servedModel };
  const stream = sent.stream === true;
  return {
    url: imagesUrl(provider, operation, servedModel),
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: stream ? 'text/event-stream' : 'application/json',
      ...authHeaders(provider),
    },
    body: JSON.stringify(body),
    stream,
  };
}

const fileName = (stem: string, blob: Blob) =>
  `${stem}.${EXTENSION[blob.type as ImageMime] ?? 'png'}`;

/** POST {base}/images/edits or /images/variations as multipart/form-data. */
export function buildMultipartRequest(
  provider: Provider,
  operation: Operation,
  params: ImageParams,
  servedModel: string,
  files: UploadFiles,
): BuiltRequest {
  const sent = sendableParams(operation, params);
  checkFiles(operation, params, files);
  const form = new FormData();
  if (files.images.length === 1) {
    const [image] = files.images as [Blob];
    form.append('image', image, fileName('image', image));
  } else {
    files.images.forEach((image, i) =>
      form.append('image[]', image, fileName(`image-${i + 1}`, image)),
    );
  }
  if (files.mask) form.append('mask', files.mask, 'mask.png');
  // Multipart fields are strings on the wire; the server parses numbers and booleans back.
  for (const [name, value] of Object.entries({ ...sent, model: servedModel })) {
    form.append(name, String(value));
  }
  const stream = sent.stream === true;
  return {
    url: imagesUrl(provider, operation, servedModel),
    method: 'POST',
    // No Content-Type: fetch writes the multipart boundary itself.
    headers: {
      Accept: stream ? 'text/event-stream' : 'application/json',
      ...authHeaders(provider),
    },
    body: form,
    stream,
  };
}

function checkFiles(operation: Operation, params: ImageParams, files: UploadFiles): void {
  const rules = rulesFor(params.model, operation);
  const imageRule = rules?.images;
  if (!imageRule) return; // checkParams already refused the operation
  const count = files.images.length;
  if (count === 0) throw invalidParamsError('image', 'Choose an image first.');
  if (count > imageRule.maxCount) {
    throw invalidParamsError(
      'image',
      `${params.model} takes at most ${imageRule.maxCount} image${imageRule.maxCount === 1 ? '' : 's'}.`,
    );
  }
  const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
  for (const image of files.images) {
    if (image.size >= imageRule.maxBytes) {
      throw invalidParamsError(
        'image',
        `Each image must be smaller than ${mb(imageRule.maxBytes)}.`,
      );
    }
  }
  if (files.mask && rules.mask && files.mask.size >= rules.mask.maxBytes) {
    throw invalidParamsError('mask', `The mask must be smaller than ${mb(rules.mask.maxBytes)}.`);
  }
  if (files.mask && !rules.mask) throw invalidParamsError('mask', `${params.model} takes no mask.`);
}
