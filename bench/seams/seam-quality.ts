/**
 * Seam quality, raw vs hard vs soft: each synthetic picture is edited through a spawned,
 * drifting engine (GPT Image 2, the painted ellipse grown as the studio grows it), then
 * composed in Node with the very functions the compose worker runs. Per picture: the seam
 * step at the composed area's edge and at the painted edge, relative to the original's
 * own; and the picture beyond the grown area against the original.
 */
import sharp from 'sharp';
import { startEngine } from '../../e2e/fixtures/engine.ts';
import {
  defaultComposeSettings,
  type ComposeSettings,
} from '../../src/lib/compose/compose-settings.ts';
import { composeEdit, selectionField } from '../../src/lib/compose/soft-compose.ts';
import { growRegion, regionBounds } from '../../src/lib/regions/coverage-ops.ts';
import { beyond, seamStep } from './measure.ts';
import { paintedEllipse, seamPictures, type Picture } from './pictures.ts';

export interface Variant {
  id: string;
  label: string;
  /** null: the raw result. */
  settings: (defaults: ComposeSettings) => ComposeSettings | null;
}

export const VARIANTS: Variant[] = [
  { id: 'raw', label: 'raw result', settings: () => null },
  { id: 'hard', label: 'hard paste', settings: (d) => ({ ...d, mode: 'hard' }) },
  { id: 'soft', label: 'soft (defaults)', settings: (d) => d },
  {
    id: 'soft-no-match',
    label: 'soft, colour match off',
    settings: (d) => ({ ...d, colourMatch: false }),
  },
  {
    id: 'soft-krita-band',
    label: "soft, Krita's band (grow + F/2, ≤ 25)",
    settings: (d) => ({ ...d, feather: Math.min(25, d.grow + (d.grow - 4)) }),
  },
];

export interface PictureSeams {
  picture: string;
  grow: number;
  feather: number;
  byVariant: Record<
    string,
    { edgeRatio: number; paintedRatio: number; beyondDiffering: number; beyondMean: number }
  >;
}

const raw = (p: Picture) => ({ raw: { width: p.width, height: p.height, channels: 4 as const } });

async function editThroughEngine(url: string, picture: Picture, sent: Uint8Array) {
  const mask = new Uint8ClampedArray(picture.width * picture.height * 4);
  for (let p = 0; p < sent.length; p++) mask[p * 4 + 3] = sent[p] ? 0 : 255;
  const form = new FormData();
  const png = async (data: Uint8ClampedArray) =>
    new Blob([new Uint8Array(await sharp(data, raw(picture)).png().toBuffer())], {
      type: 'image/png',
    });
  form.append('model', 'gpt-image-2');
  form.append('prompt', `a red kite in the ${picture.name}`);
  form.append('size', 'auto');
  form.append('image', await png(picture.rgba), 'image.png');
  form.append('mask', await png(mask), 'mask.png');
  const res = await fetch(`${url}/v1/images/edits`, { method: 'POST', body: form });
  const body = (await res.json()) as { data?: { b64_json: string }[] };
  if (!res.ok || !body.data?.[0]) throw new Error(`The engine answered ${res.status}`);
  const { data } = await sharp(Buffer.from(body.data[0].b64_json, 'base64'))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return new Uint8ClampedArray(data.buffer, data.byteOffset, data.length).slice();
}

/**
 * `shape`: a large painted area (grow above Krita's 25 px band cap) or a small touch-up
 * (grow under it, where the band's width decides whether the ramp reaches the painting).
 */
export async function measureSeams(
  width: number,
  height: number,
  shape: 'large' | 'small',
): Promise<PictureSeams[]> {
  const engine = await startEngine();
  try {
    const painted = paintedEllipse(width, height, shape === 'large' ? 1 : 0.3);
    const defaults = defaultComposeSettings(regionBounds(painted, width));
    const sent = growRegion(painted, width, defaults.grow);
    const field = selectionField(painted, width);
    const out: PictureSeams[] = [];
    for (const picture of seamPictures(width, height)) {
      const result = await editThroughEngine(engine.url, picture, sent);
      const inputs = { width, height, original: picture.rgba, result, selection: painted };
      const ownEdge = seamStep(picture.rgba, sent, width);
      const ownPainted = seamStep(picture.rgba, painted, width);
      const byVariant: PictureSeams['byVariant'] = {};
      for (const variant of VARIANTS) {
        const settings = variant.settings(defaults);
        const pixels = settings ? composeEdit(inputs, field, settings).pixels : result;
        const far = beyond(pixels, picture.rgba, (p) => !sent[p]);
        byVariant[variant.id] = {
          edgeRatio: seamStep(pixels, sent, width) / ownEdge,
          paintedRatio: seamStep(pixels, painted, width) / ownPainted,
          beyondDiffering: far.differing,
          beyondMean: far.meanDiff,
        };
      }
      out.push({
        picture: picture.name,
        grow: defaults.grow,
        feather: defaults.feather,
        byVariant,
      });
    }
    return out;
  } finally {
    await engine.stop();
  }
}
