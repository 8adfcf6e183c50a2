/**
 * The sizes the studio sends for a typed custom size or an aspect preset (the Size field's
 * snapping, api/size-snap.ts) are sizes the engine
 * acting as OpenAI takes, for every live model with free sizes, in generations and edits —
 * and the typed sizes themselves, unsnapped, are refused, so the snapping is what makes
 * them go through.
 */
import OpenAI, { toFile } from 'openai';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../src/api/models.ts';
import type { ModelId } from '../../src/api/model-types.ts';
import { ASPECT_PRESETS, presetSize, snapSize } from '../../src/api/size-snap.ts';
import { patternPng, startTestEngine, type TestEngine } from './helpers.ts';

const DEC_5 = Date.parse('2026-12-05T09:00:00Z');

/** What designers type: off the multiple, too oblong, too small, too large, or fine. */
const TYPED = [
  { width: 1000, height: 1000 },
  { width: 1920, height: 1080 },
  { width: 4000, height: 1000 },
  { width: 64, height: 64 },
  { width: 3000, height: 3000 },
  { width: 5000, height: 5000 },
];

let engine: TestEngine;
let liveWithFreeSizes: ModelId[];
beforeAll(async () => {
  engine = await startTestEngine({ like: 'openai' });
  engine.clock.now = DEC_5;
  // One model per distinct size rule: the live ones with free sizes share one today.
  const rules = new Set<unknown>();
  liveWithFreeSizes = [];
  for (const { id } of (await engine.client.models.list()).data) {
    const rule = findModel(id)?.operations.generate?.customSize;
    if (!rule || rules.has(rule) || findModel(id)!.id !== id) continue;
    rules.add(rule);
    liveWithFreeSizes.push(id as ModelId);
  }
});
afterAll(() => engine.close());

/**
 * The parameters the studio sends for a typed custom size: its effectiveSize (the Size
 * field, prompt/settings/draft-settings.ts) snaps with the operation's rule, as here.
 */
function studioParams(operation: 'generate' | 'edit', model: ModelId, size: string) {
  const [width, height] = size.split('x').map(Number) as [number, number];
  const rule = findModel(model)!.operations[operation]!.customSize!;
  const snapped = snapSize({ width, height }, rule)!;
  return {
    model,
    prompt: 'a kite over the dunes',
    quality: 'low' as const,
    size: `${snapped.width}x${snapped.height}`,
  };
}

async function sizeOf(data: OpenAI.Images.ImagesResponse['data']) {
  const meta = await sharp(Buffer.from(data![0]!.b64_json!, 'base64')).metadata();
  return `${meta.width}x${meta.height}`;
}

async function refusal(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OpenAI.APIError) return error;
    throw error;
  }
  throw new Error('expected the engine to refuse');
}

describe('custom sizes against the engine acting as OpenAI', () => {
  it('serves at least one live model with free sizes today', () => {
    expect(liveWithFreeSizes).toContain('gpt-image-2.5-flare');
  });

  it('every typed size is sent snapped, and the engine draws exactly that size', async () => {
    for (const model of liveWithFreeSizes) {
      for (const typed of TYPED) {
        const asTyped = `${typed.width}x${typed.height}`;
        const params = studioParams('generate', model, asTyped);
        const result = await engine.client.images.generate(
          params as OpenAI.Images.ImageGenerateParamsNonStreaming,
        );
        expect(await sizeOf(result.data), `${model} typed ${asTyped}`).toBe(params.size);
        if (params.size !== asTyped) {
          const refused = await refusal(
            engine.client.images.generate({
              ...(params as OpenAI.Images.ImageGenerateParamsNonStreaming),
              size: asTyped as '1024x1024',
            }),
          );
          expect(refused.status, `${model} unsnapped ${asTyped}`).toBe(400);
          expect(refused.param).toBe('size');
        }
      }
    }
  }, 180_000);

  it('every aspect preset at the default area is a size the engine takes', async () => {
    for (const model of liveWithFreeSizes) {
      const rule = findModel(model)!.operations.generate!.customSize!;
      for (const preset of ASPECT_PRESETS) {
        const { width, height } = presetSize(preset, 2048 * 1152, rule);
        const result = await engine.client.images.generate({
          model,
          prompt: `a ${preset.label} frame`,
          quality: 'low',
          size: `${width}x${height}` as '1024x1024',
        });
        expect(await sizeOf(result.data), `${model} ${preset.label}`).toBe(`${width}x${height}`);
      }
    }
  }, 180_000);

  it('an edit with a typed size is sent snapped and answered at that size', async () => {
    const image = await toFile(await patternPng(640, 400), 'photo.png', { type: 'image/png' });
    for (const model of liveWithFreeSizes) {
      const params = studioParams('edit', model, '1000x625');
      const result = await engine.client.images.edit({
        ...(params as Omit<OpenAI.Images.ImageEditParamsNonStreaming, 'image'>),
        image,
      });
      expect(await sizeOf(result.data), model).toBe(params.size);
    }
  }, 120_000);
});
