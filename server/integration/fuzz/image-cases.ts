/** Fuzz cases about files: corrupt and odd images, wrong masks, too many images, oversized uploads. */
import { flipBytes, png, type FilePart, type FuzzAssets, type Part, type Rng } from './assets.ts';
import {
  EDIT_MODELS,
  EDITS,
  field,
  file,
  form,
  GENERATE,
  json,
  MB,
  validEditParts,
  VARIATIONS,
  type Generator,
} from './build.ts';

export function imageCases(assets: FuzzAssets): Generator[] {
  /** An edit whose image is `image` and whose mask certainly does not fit: always a 400. */
  const editWith = (kind: string, model: string, image: FilePart) =>
    form(kind, EDITS, [
      field('model', model),
      field('prompt', 'x'),
      file('image', image),
      file('mask', png(assets.maskWrongSize, 'mask.png')),
    ]);
  const oddFile = (rng: Rng): FilePart => {
    const roll = rng.int(0, 13);
    if (roll === 0) return png(rng.pick(assets.corrupt).bytes, 'x.png');
    if (roll === 1) return png(flipBytes(rng, rng.pick(assets.valid).bytes));
    if (roll === 2) return png(flipBytes(rng, assets.rgba));
    if (roll === 3)
      return { filename: 'a.jpg', type: 'image/jpeg', bytes: flipBytes(rng, assets.jpeg) };
    if (roll === 4)
      return { filename: 'a.webp', type: 'image/webp', bytes: flipBytes(rng, assets.webp) };
    if (roll === 5) return png(assets.rgba.subarray(0, rng.int(0, assets.rgba.length - 13)));
    if (roll === 6) return png(Buffer.alloc(0));
    if (roll === 7) return png(rng.bytes(rng.int(1, 4096)));
    if (roll === 8) return png(assets.gif, 'a.gif');
    if (roll === 9)
      return rng.pick([
        png(assets.svg, 'a.svg'),
        { filename: 'a.svg', type: 'image/svg+xml', bytes: assets.svg },
      ]);
    if (roll === 10)
      return {
        filename: 'a.png',
        type: rng.pick([
          'application/octet-stream',
          'text/plain',
          'image/gif',
          'image/PNG; x=1',
          '',
        ]),
        bytes: assets.rgba,
      };
    if (roll === 11) return { filename: 'a.png', type: null, bytes: assets.rgba };
    if (roll === 12) return png(rng.pick(assets.claimedHuge), 'huge.png');
    return png(assets.realHuge, 'huge.png');
  };

  return [
    // Files that are not (readable) images, in edits and variations.
    (rng) => editWith('edit: odd image', rng.pick(EDIT_MODELS), oddFile(rng)),
    (rng) => {
      const roll = rng.int(0, 5);
      const image =
        roll === 0
          ? png(flipBytes(rng, assets.wide)) // corrupt, or readable but not square
          : roll === 1
            ? png(rng.pick(assets.corrupt).bytes)
            : roll === 2
              ? png(assets.wide.subarray(0, rng.int(0, assets.wide.length - 13)))
              : roll === 3
                ? png(rng.pick(assets.claimedHuge))
                : roll === 4
                  ? png(rng.pick([assets.gif, assets.svg, rng.bytes(100)]))
                  : png(assets.realHuge);
      return form('variation: odd image', VARIATIONS, [
        field('model', 'dall-e-2'),
        file('image', image),
      ]);
    },
    // Masks of every wrong kind.
    (rng) => {
      const model = rng.pick(EDIT_MODELS);
      const roll = rng.int(0, 9);
      const base = validEditParts(assets, model);
      const mask = (bytes: Buffer, type = 'image/png') =>
        file('mask', { filename: 'mask.png', type, bytes });
      const parts: Part[] =
        roll === 0
          ? [...base, mask(assets.maskWrongSize)]
          : roll === 1
            ? [...base, mask(assets.maskNoAlpha)]
            : roll === 2
              ? [...base, mask(assets.maskOpaque)]
              : roll === 3
                ? [...base, mask(assets.maskJpeg, rng.pick(['image/png', 'image/jpeg']))]
                : roll === 4
                  ? [...base, mask(flipBytes(rng, assets.maskWrongSize))]
                  : roll === 5
                    ? [...base, mask(assets.mask), mask(assets.mask)]
                    : roll === 6
                      ? [...base, mask(Buffer.alloc(0))]
                      : roll === 7
                        ? [...base, field('mask', 'not a file')]
                        : roll === 8
                          ? [...base, mask(rng.pick(assets.claimedHuge))]
                          : [...base, mask(rng.pick(assets.corrupt).bytes)];
      return form('edit: bad mask', EDITS, parts);
    },
    // Too many images.
    (rng) => {
      const roll = rng.int(0, 3);
      const images = (count: number, name = 'image[]') =>
        Array.from({ length: count }, () => file(name, png(assets.rgba)));
      if (roll === 0)
        return form('edit: 17+ images', EDITS, [
          field('model', rng.pick(EDIT_MODELS.slice(1))),
          field('prompt', 'x'),
          ...images(rng.int(17, 24)),
        ]);
      if (roll === 1)
        return form('edit: dall-e-2 with several images', EDITS, [
          field('model', 'dall-e-2'),
          field('prompt', 'x'),
          ...images(rng.int(2, 5), rng.pick(['image', 'image[]'])),
        ]);
      if (roll === 2)
        return form('variation: several images', VARIATIONS, images(rng.int(2, 4), 'image'));
      return form('generation: with files', GENERATE, [
        field('prompt', 'x'),
        ...images(rng.int(1, 3), 'image'),
      ]);
    },
    // Oversized: files past the model's limit, bodies past the caps (refused before they are read).
    (rng, round) => {
      const roll = round % 20 === 0 ? 0 : rng.int(1, 4);
      if (roll === 0) {
        // One file past 50 MB (a few per run: it moves real megabytes).
        return form('edit: file over 50 MB', EDITS, [
          field('model', 'gpt-image-1'),
          field('prompt', 'x'),
          file('image', png(Buffer.concat([assets.rgba, Buffer.alloc(50 * MB + 1)]))),
        ]);
      }
      if (roll === 1)
        return form('edit: dall-e-2 file over 4 MB', EDITS, [
          field('model', 'dall-e-2'),
          field('prompt', 'x'),
          file('image', png(Buffer.concat([assets.rgba, Buffer.alloc(4 * MB)]))),
        ]);
      if (roll === 2)
        return form('variation: file over 4 MB', VARIATIONS, [
          file('image', png(Buffer.concat([assets.rgba, Buffer.alloc(rng.int(4 * MB, 6 * MB))]))),
        ]);
      const declared = rng.pick([129 * MB, 2 ** 31, 2 ** 40]);
      const path = rng.pick([EDITS, VARIATIONS, GENERATE]);
      const base =
        path === GENERATE && rng.chance(0.5)
          ? json('', '{"prompt":"')
          : form('', path, validEditParts(assets, 'dall-e-2'));
      return {
        ...base,
        kind: 'declared length over the cap',
        path,
        headers: { ...base.headers, 'content-length': declared },
        sendBytes: 64 * 1024,
        body: () => Buffer.alloc(64 * 1024, 0x41),
      };
    },
  ];
}
