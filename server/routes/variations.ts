/** POST /v1/images/variations (multipart, dall-e-2): images related to the input, see images/variation.ts. */
import { lineupOf } from '../context.ts';
import { badRequest, missingParam } from '../http/errors.ts';
import { checkSquare, decodeUpload, imageCheck } from '../images/decode.ts';
import { resizeRgba } from '../images/inpaint.ts';
import { vary } from '../images/variation.ts';
import { parseParams } from '../request/params.ts';
import { resolveSize } from '../request/resolve.ts';
import { imageHash } from './edits.ts';
import type { OperationHandler } from './operation.ts';
import { respond } from './respond.ts';

export const variation: OperationHandler = async (ctx, ex, body) => {
  for (const file of body.files) {
    if (file.field !== 'image' && file.field !== 'image[]') {
      throw badRequest(`Unknown parameter: '${file.field}'.`, file.field, 'unknown_parameter');
    }
  }
  const { model, params } = parseParams('variation', body.fields, body.encoding, lineupOf(ctx, ex));
  const rules = model.operations.variation!;
  const file = body.files[0];
  if (!file) throw missingParam('image');
  if (body.files.length > 1) {
    throw badRequest(
      `Too many images: variations take one image; ${body.files.length} were sent.`,
      'image',
      'too_many_images',
    );
  }
  const image = await decodeUpload(file, imageCheck(rules.images!, 1, true));
  checkSquare(image);
  const size = resolveSize(rules, params.size);
  const base = await resizeRgba(image, size, 'lanczos3');
  const hash = imageHash(file.bytes);
  return respond(ctx, ex, {
    operation: 'variation',
    model,
    params,
    size,
    count: params.n ?? 1,
    picture: (index) => vary(base, size, hash, index),
  });
};
