/**
 * POST /v1/images/edits (multipart): `image` or repeated `image[]` (up to the model's count),
 * optional `mask` applied to the first image. See images/inpaint.ts for what gets painted.
 */
import { lineupOf } from '../context.ts';
import { createHash } from 'node:crypto';
import { badRequest, missingParam } from '../http/errors.ts';
import {
  checkDallE2EditMode,
  checkMask,
  checkSquare,
  decodeUpload,
  imageCheck,
  maskCheck,
  sampleUpload,
  type SampledImage,
} from '../images/decode.ts';
import { redrawWithDrift } from '../images/drift.ts';
import { editRegion, inpaint, regionSize, resizeRgba, restyle } from '../images/inpaint.ts';
import { parseParams } from '../request/params.ts';
import { resolveSize } from '../request/resolve.ts';
import type { OperationHandler } from './operation.ts';
import { respond } from './respond.ts';

const IMAGE_FIELDS = new Set(['image', 'image[]']);
/**
 * A drifting model continues the surroundings into a masked region over this many pixels
 * (a real model's fill has no hard edge of its own). Not with the image's own transparency
 * as the mask: there the "surroundings" under the region are hidden colour, not picture.
 */
const EDGE_FADE_PX = 16;

export const edit: OperationHandler = async (ctx, ex, body) => {
  for (const file of body.files) {
    if (!IMAGE_FIELDS.has(file.field) && file.field !== 'mask') {
      throw badRequest(`Unknown parameter: '${file.field}'.`, file.field, 'unknown_parameter');
    }
  }
  const { model, modelAsSent, params } = parseParams(
    'edit',
    body.fields,
    body.encoding,
    lineupOf(ctx, ex),
  );
  const rules = model.operations.edit!;
  const imageRule = rules.images!;
  const dallE2 = model.id === 'dall-e-2';
  const imageFiles = body.files.filter((f) => IMAGE_FIELDS.has(f.field));
  const maskFiles = body.files.filter((f) => f.field === 'mask');
  if (imageFiles.length === 0) throw missingParam('image');
  if (imageFiles.length > imageRule.maxCount) {
    throw badRequest(
      `Too many images: ${model.id} takes ${imageRule.maxCount === 1 ? 'one image' : `at most ${imageRule.maxCount} images`} per edit; ${imageFiles.length} were sent.`,
      'image',
      'too_many_images',
    );
  }
  if (maskFiles.length > 1)
    throw badRequest('Send at most one mask.', 'mask', 'invalid_mask_image');

  // The first image is edited, so all its pixels are needed; the others only lend colours.
  const first = await decodeUpload(imageFiles[0]!, imageCheck(imageRule, 1, dallE2));
  const references: SampledImage[] = [];
  for (const [i, file] of imageFiles.entries()) {
    if (i > 0) references.push(await sampleUpload(file, imageCheck(imageRule, i + 1, dallE2)));
  }
  if (dallE2) {
    checkDallE2EditMode(first);
    checkSquare(first);
  }
  const maskFile = maskFiles[0];
  const mask = maskFile ? await decodeUpload(maskFile, maskCheck(rules.mask!)) : null;
  if (mask) checkMask(mask, first);

  const size = resolveSize(rules, params.size, first);
  const base = await resizeRgba(first, size, 'lanczos3');
  const region = editRegion(mask ? await resizeRgba(mask, size, 'nearest') : base);
  const painted = regionSize(region);
  if (painted === 0 && mask) {
    throw badRequest(
      'The mask has no fully transparent pixels, so nothing is marked to edit. Paint the area to change (alpha 0) and send it again.',
      'mask',
      'invalid_mask_image',
    );
  }
  if (painted === 0 && dallE2) {
    throw badRequest(
      'The image has no transparent pixels and no mask was sent, so nothing is marked to edit. Send a mask, or an image whose area to change is transparent.',
      'image',
      'invalid_image_file',
    );
  }
  const colours = references.length > 0 ? references.flatMap((r) => r.colours) : undefined;
  const prompt = params.prompt!;
  // GPT image models redraw the whole picture (drift.ts); DALL·E 2 keeps unpainted pixels.
  const drifts = ctx.options.drift && !dallE2 && painted > 0;
  const fadeWidth = drifts && mask ? EDGE_FADE_PX : 0;
  return respond(ctx, ex, {
    operation: 'edit',
    model,
    params,
    size,
    count: params.n ?? 1,
    picture: async (index) =>
      painted === 0
        ? restyle(base, prompt, index)
        : inpaint({
            base: drifts
              ? await redrawWithDrift(base, size, { model: modelAsSent, prompt, index })
              : base,
            size,
            region,
            prompt,
            model: modelAsSent,
            index,
            transparent: params.background === 'transparent',
            colours,
            fadeWidth,
          }),
    inputs: [first, ...references],
  });
};

export const imageHash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
