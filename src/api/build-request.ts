/**
 * Turns a provider, an operation and its parameters into the exact HTTP request: JSON for
 * generations, multipart for edits and variations. sendableParams is the one check of a
 * request in the browser: it refuses parameters that break the model's rules (checkParams)
 * before anything leaves the browser, and keeps only what the operation's schema declares.
 * Each builder calls it once and hands its result on as `sent`.
 */
import { invalidParamsError } from './errors.ts';
import { EXTENSION, type ImageMime } from './image-bytes.ts';
import { rulesFor } from './model-lookup.ts';
import type { Operation } from './model-types.ts';
import { checkParams } from './params-check.ts';
import { fieldsOf, type ImageParams } from './params.ts';
import { authHeaders, imagesUrl, type Provider } from './provider.ts';

export interface BuiltRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string | FormData;
  /** Whether the answer will be an SSE stream (stream: true). */
  stream: boolean;
  /** The checked parameters as sent (files aside), for the job's record. */
  sent: ImageParams;
}

/** The files an edit or variation uploads. */
export interface UploadFiles {
  /** One or more input images; sent as `image` when one, as repeated `image[]` when several. */
  images: Blob[];
  /** The painted mask (edits only): PNG, alpha 0 where the image may change. */
  mask?: Blob;
}

/**
 * The parameters exactly as they will be sent (files aside), with `model` as the draft names
 * it. Throws the first rule the parameters break, naming the setting.
 */
export function sendableParams(operation: Operation, params: ImageParams): ImageParams {
  const [issue] = checkParams(operation, params);
  if (issue) throw invalidParamsError(issue.param, issue.message);
  const allowed: readonly string[] = fieldsOf(operation);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || !allowed.includes(name)) continue;
    // stream: false is the API default; leaving it out keeps the request minimal.
    if (name === 'stream' && value === false) continue;
    if (name === 'user' && value === '') continue;
    out[name] = value;
  }
  // Every key came from `params` and passed checkParams.
  return out as ImageParams;
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
    sent,
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
  checkFiles(operation, sent, files);
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
    sent,
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
