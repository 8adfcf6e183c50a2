/**
 * The engine's GPT edits behave like the models they stand in for: the unpainted area comes
 * back redrawn with a small seeded drift (warm cast, blur, noise; a 1-pixel shift for
 * gpt-image-1-mini), the new picture fades in from the surroundings at the mask's edge, and
 * DALL·E 2 keeps every unpainted pixel exactly. See server/images/drift.ts.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPng, patternPng, pngFile, rgba, startTestEngine, type TestEngine } from './helpers.ts';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

const SIZE = 256;
const hole: [number, number, number, number] = [96, 96, 64, 64];
const inHole = (x: number, y: number) =>
  x >= hole[0] && x < hole[0] + hole[2] && y >= hole[1] && y < hole[1] + hole[3];

/** An RGBA PNG drawn by `colour(x, y)`. */
function picturePng(colour: (x: number, y: number) => [number, number, number]) {
  const data = Buffer.alloc(SIZE * SIZE * 4);
  for (let p = 0; p < SIZE * SIZE; p++) {
    data.set([...colour(p % SIZE, Math.floor(p / SIZE)), 255], p * 4);
  }
  return sharp(data, { raw: { width: SIZE, height: SIZE, channels: 4 } })
    .png()
    .toBuffer();
}

/** A smooth picture (a blur and a shift barely change it, so what changes is the drift). */
const smoothPng = () => picturePng((x, y) => [60 + x / 2, 80 + y / 3, 140 - x / 4]);

/** Texture a few pixels across: a one-pixel shift shows, a slight blur hardly does. */
const texturePng = () =>
  picturePng((x, y) => [
    128 + 90 * Math.sin(x / 3) * Math.cos(y / 4),
    128 + 90 * Math.cos(x / 5),
    128 + 90 * Math.sin(y / 4),
  ]);

async function edit(model: string, source: Buffer, prompt = 'a red kite') {
  const result = await engine.client.images.edit({
    model,
    image: await pngFile(source),
    mask: await pngFile(await maskPng(SIZE, SIZE, hole), 'mask.png'),
    prompt,
    size: model === 'dall-e-2' ? '256x256' : 'auto',
    ...(model === 'dall-e-2' ? { response_format: 'b64_json' as const } : {}),
  });
  return rgba(result.data![0]!.b64_json!);
}

/** Mean signed difference per channel (result − original) over the unpainted area. */
function meanShift(out: Buffer, input: Buffer, dx = 0, dy = 0) {
  const sum = [0, 0, 0];
  let abs = 0;
  let changed = 0;
  let count = 0;
  for (let y = 1; y < SIZE - 1; y++) {
    for (let x = 1; x < SIZE - 1; x++) {
      if (inHole(x, y) || inHole(x - dx, y - dy)) continue;
      const i = (y * SIZE + x) * 4;
      const j = ((y - dy) * SIZE + (x - dx)) * 4;
      let differs = false;
      for (let c = 0; c < 3; c++) {
        const d = out[i + c]! - input[j + c]!;
        sum[c]! += d;
        abs += Math.abs(d);
        differs ||= d !== 0;
      }
      changed += differs ? 1 : 0;
      count++;
    }
  }
  return { mean: sum.map((v) => v / count), abs: abs / count / 3, changed: changed / count };
}

describe('edit drift', () => {
  it('a GPT edit redraws the unpainted area: most pixels change, by a few levels, warmer', async () => {
    const source = await smoothPng();
    const out = await edit('gpt-image-1.5', source);
    const drift = meanShift(out.data, (await rgba(source)).data);
    expect(drift.changed).toBeGreaterThan(0.5);
    expect(drift.abs).toBeGreaterThan(1);
    expect(drift.abs).toBeLessThan(10);
    const [red, , blue] = drift.mean;
    expect(red).toBeGreaterThan(blue!);
  });

  it('the drift is seeded: the same request comes back byte for byte the same', async () => {
    const source = await patternPng(SIZE, SIZE);
    const [a, b] = [await edit('gpt-image-2', source), await edit('gpt-image-2', source)];
    expect(a.data.equals(b.data)).toBe(true);
    const other = await edit('gpt-image-2', source, 'a blue kite');
    expect(other.data.equals(a.data)).toBe(false);
  });

  it('gpt-image-1-mini also shifts the picture one pixel right and down', async () => {
    const source = await texturePng();
    const input = (await rgba(source)).data;
    // The cast and noise stay in both comparisons; the shift decides which one is closer.
    const closer = async (model: string) => {
      const out = (await edit(model, source)).data;
      return meanShift(out, input, 1, 1).abs < meanShift(out, input).abs * 0.6
        ? 'shifted'
        : 'in place';
    };
    expect(await closer('gpt-image-1-mini')).toBe('shifted');
    expect(await closer('gpt-image-1.5')).toBe('in place');
  });

  it('the new picture fades in from the surroundings at the mask edge', async () => {
    const source = await smoothPng();
    const input = (await rgba(source)).data;
    const out = (await edit('gpt-image-1.5', source)).data;
    const diffAt = (x: number, y: number) => {
      const i = (y * SIZE + x) * 4;
      return [0, 1, 2].reduce((s, c) => s + Math.abs(out[i + c]! - input[i + c]!), 0) / 3;
    };
    // One pixel inside the edge the result is still close to the (drifted) surroundings.
    let edge = 0;
    for (let x = hole[0] + 8; x < hole[0] + hole[2] - 8; x++) edge += diffAt(x, hole[1]);
    expect(edge / (hole[2] - 16)).toBeLessThan(12);
  });

  it('DALL·E 2 keeps every unpainted pixel exactly', async () => {
    const source = await patternPng(SIZE, SIZE, { alpha: true });
    const out = (await edit('dall-e-2', source)).data;
    const input = (await rgba(source)).data;
    expect(meanShift(out, input).changed).toBe(0);
  });
});
