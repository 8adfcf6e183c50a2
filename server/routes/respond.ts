/**
 * Builds what the API answers for finished pictures: the ImagesResponse JSON (GPT image models
 * with background/output_format/size/quality/usage; DALL·E with url or b64_json and, for
 * dall-e-3, revised_prompt), or the server-sent events of spec §3 when `stream` is true.
 *
 * Pictures are drawn one at a time and encoded at once, so a request holds one picture's
 * RGBA at a time (n=10 at 3840x2160 would otherwise hold 330 MB of pixels).
 */
import type { Dimensions, ImageModel, Operation } from '../../src/api/model-types.ts';
import type { ImageParams } from '../../src/api/params.ts';
import type { EngineContext, Exchange } from '../context.ts';
import { CONTENT_TYPES, encodeImage, isOpaque, previewPixels } from '../images/encode.ts';
import { sizeLabel } from '../../src/api/image-size.ts';
import { estimateUsage } from '../../src/api/image-tokens.ts';
import { reportedQuality } from '../request/resolve.ts';

type Pixels = Uint8Array | Uint8ClampedArray;

export type Outcome =
  | { kind: 'json'; body: unknown }
  | { kind: 'stream'; events: AsyncIterable<{ event: string; data: unknown }> };

export interface Finished {
  operation: Operation;
  model: ImageModel;
  params: ImageParams;
  size: Dimensions;
  /** How many pictures, and each one's RGBA pixels, drawn when asked for. */
  count: number;
  picture: (index: number) => Pixels | Promise<Pixels>;
  inputs?: readonly Dimensions[];
  revisedPrompt?: string;
}

export async function respond(ctx: EngineContext, ex: Exchange, done: Finished): Promise<Outcome> {
  const created = Math.floor(ctx.now() / 1000);
  const { width, height } = done.size;
  if (done.model.family === 'dall-e') {
    const data = [];
    const asUrl = (done.params.response_format ?? 'url') === 'url';
    for (let index = 0; index < done.count; index++) {
      ex.gone.throwIfAborted(); // the client left: draw nothing more for it
      const pixels = await done.picture(index);
      const png = await encodeImage(pixels, width, height, { format: 'png' });
      const image: Record<string, string> = {};
      if (asUrl) {
        const { id } = ctx.urls.put(png, CONTENT_TYPES.png);
        image.url = `${ex.origin}/v1/images/files/${id}.png`;
      } else {
        image.b64_json = png.toString('base64');
      }
      if (done.revisedPrompt) image.revised_prompt = done.revisedPrompt;
      data.push(image);
    }
    return { kind: 'json', body: { created, data } };
  }

  const format = (done.params.output_format ?? 'png') as 'png' | 'jpeg' | 'webp';
  const encode = (pixels: Pixels, opaque?: boolean) =>
    encodeImage(pixels, width, height, {
      format,
      quality: done.params.output_compression,
      opaque,
    });
  /** `background` as reported: transparent when asked for, or (auto) when a picture has alpha. */
  const meta = (anyTransparent: boolean) => ({
    background:
      format !== 'jpeg' &&
      (done.params.background === 'transparent' ||
        (done.params.background !== 'opaque' && anyTransparent))
        ? 'transparent'
        : 'opaque',
    output_format: format,
    size: sizeLabel(done.size),
    quality: reportedQuality(done.params.quality),
  });
  const usage = estimateUsage(done.model.id, done.params, done.size, done.count, done.inputs);

  if (done.params.stream) {
    const prefix = done.operation === 'edit' ? 'image_edit' : 'image_generation';
    const partials = done.params.partial_images ?? 0;
    const delay = ctx.options.streamDelayMs;
    async function* events() {
      for (let index = 0; index < done.count; index++) {
        ex.gone.throwIfAborted();
        const pixels = await done.picture(index);
        const opaque = isOpaque(pixels);
        const look = meta(!opaque);
        for (let k = 0; k < partials; k++) {
          const preview = await previewPixels(pixels, width, height, k, partials);
          yield {
            event: `${prefix}.partial_image`,
            data: {
              type: `${prefix}.partial_image`,
              b64_json: (await encode(preview)).toString('base64'),
              created_at: created,
              ...look,
              partial_image_index: k,
            },
          };
          if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        }
        yield {
          event: `${prefix}.completed`,
          data: {
            type: `${prefix}.completed`,
            b64_json: (await encode(pixels, opaque)).toString('base64'),
            created_at: created,
            ...look,
            usage,
          },
        };
      }
    }
    return { kind: 'stream', events: events() };
  }

  const data = [];
  let anyTransparent = false;
  for (let index = 0; index < done.count; index++) {
    ex.gone.throwIfAborted();
    const pixels = await done.picture(index);
    const opaque = isOpaque(pixels);
    anyTransparent ||= !opaque;
    data.push({ b64_json: (await encode(pixels, opaque)).toString('base64') });
  }
  return { kind: 'json', body: { created, data, ...meta(anyTransparent), usage } };
}
