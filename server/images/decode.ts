/**
 * Checks and decodes uploaded images the way the real API does: size limit, declared
 * mimetype, format by content (never by filename), pixel budget, dall-e-2's squareness and
 * colour-mode rule, and a mask's alpha channel. Corrupt or unreadable files are a clear 400
 * (`invalid_image_file`), never a 500. 16-bit, palette and grayscale PNGs decode to 8-bit RGBA.
 */
import sharp, { type Metadata } from 'sharp';
import type { ImageFileFormat, InputImageRule, MaskRule } from '../../src/api/model-types.ts';
import { ApiError, badRequest } from '../http/errors.ts';
import type { UploadedFile } from '../http/multipart.ts';
import type { Rgb } from './render/raster.ts';

/** Decompression-bomb guard: well above 3840x2160, far below what would exhaust memory. */
export const MAX_INPUT_PIXELS = 40_000_000;

export interface DecodedImage {
  width: number;
  height: number;
  format: ImageFileFormat;
  /** PIL-style colour mode of the file as sent (P, L, LA, RGB, RGBA, I;16, 1). */
  mode: string;
  hasAlpha: boolean;
  /** 8-bit RGBA, width*height*4 bytes, orientation applied. */
  rgba: Buffer;
}

const MIME_BY_FORMAT: Record<ImageFileFormat, readonly string[]> = {
  png: ['image/png'],
  jpeg: ['image/jpeg', 'image/jpg'],
  webp: ['image/webp'],
};

const listMimes = (formats: readonly ImageFileFormat[]) =>
  formats.map((f) => `'${MIME_BY_FORMAT[f][0]}'`).join(', ');

export interface FileCheck {
  /** The param to name in errors: 'image' or 'mask'. */
  param: 'image' | 'mask';
  /** 1-based position among the images, for messages. */
  position: number;
  maxBytes: number;
  formats: readonly ImageFileFormat[];
  /** dall-e-2 keeps its own observed wording for size/format refusals. */
  dallE2: boolean;
}

export function imageCheck(rule: InputImageRule, position: number, dallE2: boolean): FileCheck {
  return { param: 'image', position, maxBytes: rule.maxBytes, formats: rule.formats, dallE2 };
}

export function maskCheck(rule: MaskRule): FileCheck {
  return { param: 'mask', position: 1, maxBytes: rule.maxBytes, formats: ['png'], dallE2: false };
}

function pilMode(meta: Metadata): string {
  if (meta.isPalette) return 'P';
  switch (meta.channels) {
    case 1:
      return meta.bitsPerSample === 16 ? 'I;16' : meta.bitsPerSample === 1 ? '1' : 'L';
    case 2:
      return 'LA';
    case 3:
      return 'RGB';
    default:
      return 'RGBA';
  }
}

/** What the checks read from a file's header before any pixel is decoded. */
interface CheckedUpload {
  meta: Metadata;
  format: ImageFileFormat;
  width: number;
  height: number;
  unreadable: () => ApiError;
}

/** Every check that needs only the bytes and the header: size, mimetype, format, pixel budget. */
async function checkUpload(file: UploadedFile, check: FileCheck): Promise<CheckedUpload> {
  const { param } = check;
  const what = param === 'mask' ? 'The mask' : `Image ${check.position}`;
  const megabytes = Math.round(check.maxBytes / 1024 / 1024);
  if (file.overLimit || file.bytes.length >= check.maxBytes) {
    throw check.dallE2
      ? badRequest(
          `Uploaded image must be a PNG and less than ${megabytes} MB.`,
          param,
          'image_too_large',
        )
      : badRequest(
          `${what} is ${file.overLimit ? 'over' : 'at'} the ${megabytes} MB limit; send a smaller file.`,
          param,
          'image_too_large',
        );
  }
  const mimes = check.formats.flatMap((f) => MIME_BY_FORMAT[f]);
  if (!mimes.includes(file.contentType.toLowerCase())) {
    throw badRequest(
      `Invalid file '${param}': unsupported mimetype ('${file.contentType}'). Supported file formats are ${listMimes(check.formats)}.`,
      param,
      'unsupported_file_mimetype',
    );
  }
  if (file.bytes.length === 0) {
    throw badRequest(`${what} is an empty file.`, param, 'invalid_image_file');
  }
  const unreadable = () =>
    badRequest(
      `Invalid image file or mode for ${param === 'mask' ? 'the mask' : `image ${check.position}`}, please check your image file. It could not be decoded as ${check.formats.map((f) => f.toUpperCase()).join(', ')}.`,
      param,
      'invalid_image_file',
    );
  let meta: Metadata;
  try {
    meta = await sharp(file.bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  const format = meta.format as string;
  if (!(check.formats as readonly string[]).includes(format)) {
    if (check.dallE2) {
      throw badRequest(
        `Uploaded image must be a PNG and less than ${megabytes} MB.`,
        param,
        'invalid_image_format',
      );
    }
    throw badRequest(
      `${what} is not a ${check.formats.map((f) => f.toUpperCase()).join(', ')} image (its content is ${format ? format.toUpperCase() : 'unrecognised'}).`,
      param,
      'invalid_image_format',
    );
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > MAX_INPUT_PIXELS) {
    throw badRequest(
      `${what} is ${width}x${height}; the engine takes at most ${MAX_INPUT_PIXELS.toLocaleString('en-US')} pixels.`,
      param,
      'image_too_large',
    );
  }
  return { meta, format: format as ImageFileFormat, width, height, unreadable };
}

/** Checks an upload, then decodes all of its pixels to 8-bit RGBA. */
export async function decodeUpload(file: UploadedFile, check: FileCheck): Promise<DecodedImage> {
  const { meta, format, unreadable } = await checkUpload(file, check);
  try {
    const { data, info } = await sharp(file.bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .autoOrient()
      .toColourspace('srgb')
      .ensureAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    return {
      width: info.width,
      height: info.height,
      format,
      mode: pilMode(meta),
      hasAlpha: meta.hasAlpha ?? false,
      rgba: data,
    };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw unreadable();
  }
}

export interface SampledImage {
  width: number;
  height: number;
  /** The image's colours on a 3x3 grid, row by row. */
  colours: Rgb[];
}

/**
 * Checks an upload and reads only a few representative colours (edits' reference images).
 * libvips shrinks while it decodes, so a large reference image never sits in memory as RGBA:
 * sixteen 6000x6000 references cost what one does. Corrupt pixel data is still refused.
 */
export async function sampleUpload(file: UploadedFile, check: FileCheck): Promise<SampledImage> {
  const { width, height, unreadable } = await checkUpload(file, check);
  let data: Buffer;
  try {
    data = await sharp(file.bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .autoOrient()
      .toColourspace('srgb')
      .removeAlpha()
      .resize(3, 3, { fit: 'fill' })
      .raw({ depth: 'uchar' })
      .toBuffer();
  } catch {
    throw unreadable();
  }
  const colours: Rgb[] = [];
  for (let i = 0; i + 2 < data.length; i += 3) colours.push([data[i]!, data[i + 1]!, data[i + 2]!]);
  return { width, height, colours };
}

/** dall-e-2 edits take only images with alpha or grayscale (observed: "format must be in ['RGBA', 'LA', 'L']"). */
export function checkDallE2EditMode(image: DecodedImage): void {
  if (!['RGBA', 'LA', 'L'].includes(image.mode)) {
    throw badRequest(
      `Invalid input image - format must be in ['RGBA', 'LA', 'L'], got ${image.mode}.`,
      'image',
      'invalid_image_format',
    );
  }
}

export function checkSquare(image: DecodedImage): void {
  if (image.width !== image.height) {
    throw badRequest(
      `Invalid input image - image must be square (this one is ${image.width}x${image.height}).`,
      'image',
      'invalid_image_file',
    );
  }
}

export function checkMask(mask: DecodedImage, image: DecodedImage): void {
  if (!mask.hasAlpha) {
    throw new ApiError(
      400,
      'Invalid mask image format - mask image missing alpha channel',
      'image_generation_user_error',
      'mask',
      'invalid_mask_image_format',
    );
  }
  if (mask.width !== image.width || mask.height !== image.height) {
    throw badRequest(
      `Invalid mask image - the mask must be the same size as the image (mask ${mask.width}x${mask.height}, image ${image.width}x${image.height}).`,
      'mask',
      'invalid_mask_image',
    );
  }
}
