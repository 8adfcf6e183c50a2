/** Fuzz cases in multipart/form-data: broken structure, odd boundaries, fields of the wrong kind. */
import { fieldsOf } from '../../../src/api/params.ts';
import { multipart, type FuzzAssets } from './assets.ts';
import {
  EDIT_MODELS,
  EDITS,
  field,
  form,
  GENERATE,
  MB,
  poison,
  validEditParts,
  VARIATIONS,
  type Generator,
} from './build.ts';

export const multipartCases = (assets: FuzzAssets): Generator[] => [
  // Malformed multipart.
  (rng) => {
    const path = rng.pick([EDITS, VARIATIONS, GENERATE]);
    const parts = [...validEditParts(assets, rng.pick(EDIT_MODELS)), poison(rng)];
    const roll = rng.int(0, 11);
    if (roll === 0)
      return form('multipart: boundary mismatch', path, parts, {
        declared: 'multipart/form-data; boundary=other',
      });
    if (roll === 1)
      return form('multipart: no closing boundary', path, parts.slice(0, 3), { close: false });
    if (roll === 2)
      return form('multipart: garbage part', path, [
        parts[0]!,
        { raw: rng.bytes(rng.int(1, 4000)) },
        ...parts.slice(1),
      ]);
    if (roll === 3)
      return form('multipart: enormous part header', path, [
        field('prompt', 'x'),
        {
          name: 'model',
          value: 'dall-e-2',
          headers: [`X-Pad: ${'a'.repeat(rng.int(17_000, 200_000))}`],
        },
        ...parts,
      ]);
    if (roll === 4)
      return form(
        'multipart: too many parts',
        path,
        Array.from({ length: rng.int(90, 400) }, (_, k) => field(`f${k}`, 'x')),
      );
    if (roll === 5)
      return form('multipart: field over 512 KB', path, [
        field('prompt', 'p'.repeat(rng.int(512 * 1024 + 1, 2 * MB))),
        ...parts.slice(2),
      ]);
    if (roll === 6)
      return form('multipart: field sent twice', path, [
        field('model', 'dall-e-2'),
        field('model', 'dall-e-2'),
        ...parts.slice(1),
      ]);
    if (roll === 7)
      return form('multipart: part without a name', path, [
        { raw: 'Content-Disposition: form-data\r\n\r\nx' },
        ...parts,
      ]);
    if (roll === 8) {
      const boundary = rng.pick([
        '',
        '"',
        'a'.repeat(rng.int(71, 500)),
        'has space',
        '--',
        '"quoted;="',
      ]);
      return form('multipart: odd boundary', path, parts, {
        boundary,
        declared: `multipart/form-data; boundary=${boundary}`,
      });
    }
    if (roll === 9) {
      const whole = multipart('cut', parts);
      const cut = rng.int(0, whole.length - 12);
      return {
        ...form('multipart: cut off', path, parts, { boundary: 'cut' }),
        body: () => whole.subarray(0, cut),
      };
    }
    if (roll === 10)
      return {
        ...form('multipart: LF line endings', path, parts),
        body: () =>
          Buffer.from(
            multipart('easel-fuzz-boundary', parts).toString('latin1').replaceAll('\r\n', '\n'),
            'latin1',
          ),
      };
    return {
      ...form('multipart: random bytes', path, parts),
      body: () => rng.bytes(rng.int(0, 8192)),
    };
  },
  // Fields of the wrong type or value in a multipart edit.
  (rng, round) => {
    const fields = fieldsOf('edit').filter((f) => !['image', 'mask', 'prompt', 'user'].includes(f));
    const name = fields[round % fields.length]!;
    const value =
      name === 'model'
        ? `model-${rng.text(8)}`
        : rng.pick([
            'abc',
            '1e999',
            '-1',
            '1.5',
            '',
            ' ',
            '99999',
            `x${rng.text(8)}`,
            'true false',
          ]);
    const parts = validEditParts(assets, rng.pick(EDIT_MODELS)).filter(
      (p) => !('name' in p) || p.name !== name,
    );
    return form(`edit: field '${name}' = '${value.slice(0, 12)}'`, EDITS, [
      ...parts,
      field(name, value),
    ]);
  },
];
