/** Fuzz cases in JSON and about content types: random values, wrong types, huge and broken text. */
import { fieldsOf } from '../../../src/api/params.ts';
import type { Rng } from './assets.ts';
import { EDITS, GENERATE, GENERATE_MODELS, json, MB, VARIATIONS, type Generator } from './build.ts';

const INTEGER_FIELDS = new Set(['n', 'output_compression', 'partial_images']);

function randomJson(rng: Rng, depth = 0): unknown {
  const roll = rng.int(0, depth > 3 ? 4 : 6);
  if (roll === 0) return null;
  if (roll === 1) return rng.chance(0.5);
  if (roll === 2) return rng.pick([0, -1, 1.5, 1e308, -0, 2 ** 53 + 1]);
  if (roll === 3) return rng.text(rng.int(0, 40), 'aZ09 "\\/\u00e9\u4e2d\u{1f600}\n\t');
  if (roll === 4) return rng.text(rng.int(1, 12));
  if (roll === 5) return Array.from({ length: rng.int(0, 5) }, () => randomJson(rng, depth + 1));
  const object: Record<string, unknown> = {};
  for (let k = rng.int(1, 5); k > 0; k--) object[`zz_${rng.text(5)}`] = randomJson(rng, depth + 1);
  return object;
}

function wrongType(rng: Rng, name: string): unknown {
  if (INTEGER_FIELDS.has(name)) return rng.pick(['2', 1.5, true, [], {}, '', [2], { n: 1 }]);
  if (name === 'stream') return rng.pick(['true', 1, 0, [], {}, 'yes']);
  return rng.pick([42, 0, true, false, [], {}, ['a'], { value: 'x' }, 1.25]);
}

/** Values of the right type that no model takes. */
const OUT_OF_RANGE: [string, unknown[]][] = [
  ['n', [-1, 0, 11, 1_000_000_000]],
  ['size', ['abc', '0x0', '99999x99999', '1024x1024x3', '-1024x1024', '1024 x 1024', '']],
  ['quality', ['ultra', 'HIGHEST', 'lowest']],
  ['response_format', ['gif', 'base64', 'URL ']],
  ['output_format', ['gif', 'bmp', 'tiff']],
  ['output_compression', [-5, 101, 100000]],
  ['partial_images', [-1, 4, 99]],
  ['background', ['sparkly', 'none']],
  ['moderation', ['off', 'strict']],
  ['style', ['cubist', 'VIVID!']],
];

export const jsonCases: Generator[] = [
  // Random JSON: not an object, or an object of fields no operation has.
  (rng) => json('json: random value', randomJson(rng)),
  // Every field of a generation, in turn, with a value of the wrong type.
  (rng, round) => {
    const fields = fieldsOf('generate');
    const name = fields[round % fields.length]!;
    const body: Record<string, unknown> = { model: rng.pick(GENERATE_MODELS), prompt: 'a cat' };
    body[name] = wrongType(rng, name);
    return json(`json: wrong type for '${name}'`, body);
  },
  (rng) => {
    const [name, values] = rng.pick(OUT_OF_RANGE);
    const model = rng.pick(GENERATE_MODELS);
    return json(`json: '${name}' out of range`, {
      model,
      prompt: 'a cat',
      [name]: rng.pick(values),
    });
  },
  // Huge strings: prompts past every model's limit, then bodies past the 1 MB cap.
  (rng) => {
    // Decoded, every prompt is over 32,000 characters; encoded, some pass the 1 MB cap (413).
    const prompt = rng
      .pick(['a', 'é', '中', '\u{1f600}', '\\u0000'])
      .repeat(rng.int(33_000, 400_000));
    if (rng.chance(0.3))
      return json('json: body over 1 MB', `{"prompt":"${'x'.repeat(rng.int(MB, 3 * MB))}"}`);
    return json(
      'json: huge prompt',
      `{"model":"${rng.pick(GENERATE_MODELS)}","prompt":"${prompt}"}`,
    );
  },
  (rng) => {
    const valid = '{"model":"dall-e-2","prompt":"a cat","n":1}';
    const bad = rng.pick([
      () => valid.slice(0, rng.int(0, valid.length - 1)),
      () => rng.bytes(rng.int(1, 2048)).toString('latin1'),
      () => '{"prompt":"x",}',
      () => "{'prompt':'x'}",
      () => '{"prompt":NaN}',
      () => `\ufeff${valid}`,
      () => '['.repeat(rng.int(1000, 100_000)),
      () => '{"a":'.repeat(rng.int(100, 20_000)),
      () => rng.pick(['null', 'true', '42', '"text"', '[]', '']),
      () => '{"prompt":"x"}{"prompt":"y"}',
    ])();
    return json('json: malformed text', bad);
  },
  // Wrong content types, for every operation.
  (rng) => {
    const type = rng.pick([
      'text/plain',
      'text/html',
      'application/x-www-form-urlencoded',
      'application/xml',
      'image/png',
      'application/jsonp',
      'multipart/mixed; boundary=X',
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'application/octet-stream',
    ]);
    const path = rng.pick([GENERATE, EDITS, VARIATIONS]);
    const body = rng.pick(['prompt=x&model=dall-e-2', '{"prompt":"x","model":"dall-e-2"}', '<x/>']);
    return { ...json(`content type '${type}'`, body, type), path };
  },
  (rng) => ({
    ...json(
      'edit or variation sent as JSON',
      { model: 'dall-e-2', prompt: 'x', image: 'data:image/png;base64,AAAA' },
      rng.pick(['application/json', '']),
    ),
    path: rng.pick([EDITS, VARIATIONS]),
  }),
  // Empty bodies.
  (rng) => {
    const type = rng.pick([
      'application/json',
      'multipart/form-data; boundary=X',
      'text/plain',
      '',
    ]);
    return {
      ...json(`empty body (${type || 'no type'})`, '', type),
      path: rng.pick([GENERATE, EDITS, VARIATIONS]),
    };
  },
];
