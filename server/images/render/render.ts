/**
 * Renders the procedural picture for a prompt: the look (palette + scene) comes from the
 * prompt alone, the details from prompt, model, size and index, so one request's n images
 * are variations on one theme and every request is reproducible.
 */
import { lookFor, lookWithColours, type Look } from './palette.ts';
import { seededRandom } from './random.ts';
import { Raster, type Rgb } from './raster.ts';
import { SCENES } from './scenes.ts';

export interface RenderSpec {
  prompt: string;
  model: string;
  width: number;
  height: number;
  index: number;
  transparent?: boolean;
  /** Colours from reference images (edits with several images) to paint with. */
  colours?: readonly Rgb[];
}

export interface Rendered {
  /** RGBA, width*height*4 bytes. */
  pixels: Uint8ClampedArray;
  look: Look;
}

export function renderPicture(spec: RenderSpec): Rendered {
  const base = lookFor(spec.prompt);
  const look = spec.colours ? lookWithColours(base, spec.colours) : base;
  const rng = seededRandom(
    'detail',
    spec.prompt,
    spec.model,
    `${spec.width}x${spec.height}`,
    spec.index,
  );
  const raster = new Raster(spec.width, spec.height);
  SCENES[look.scene](raster, look, rng, spec.transparent ?? false);
  return { pixels: raster.data, look };
}
