/**
 * The compose worker: soft compose-back and mask refinement off the main thread, so
 * dragging the feather slider over a 4K result never freezes the page. One session per
 * shown result keeps the decoded pixels and the painted area's distance field, so a new
 * setting costs only the per-pixel work. Extend canvas's frames are built here too
 * (extend/extend-tasks.ts). Exposed through lib/worker-expose.ts (compose-client.ts).
 */
import { transfer } from 'comlink';
import { exposeApi } from '../../../lib/worker-expose.ts';
import { extendTasks } from '../extend/extend-tasks.ts';
import { growRegion, regionBounds, regionFromCoverage } from '../../../lib/regions/coverage-ops.ts';
import {
  defaultComposeSettings,
  type ComposeMode,
  type ComposeSettings,
} from '../../../lib/compose/compose-settings.ts';
import type { Registration } from '../../../lib/compose/registration.ts';
import { blendBand } from '../../../lib/compose/blend-band.ts';
import { SESSION_GONE } from './session-gone.ts';
import { apiMaskPng, readPixels, regionFromApiMask, toPng } from './worker-pixels.ts';
import {
  composeEdit,
  selectionField,
  type ComposeInputs,
  type ComposeReport,
  type SelectionField,
} from '../../../lib/compose/soft-compose.ts';

interface Session {
  inputs: ComposeInputs;
  field: SelectionField | null;
}

const sessions = new Map<string, Session>();
function session(key: string): Session {
  const found = sessions.get(key);
  if (!found) throw new Error(`This result is ${SESSION_GONE}; show it again.`);
  return found;
}

export const composeApi = {
  /**
   * Opens a result for composing: the original as sent, the result (scaled to the original's
   * size when the model answered another size) and the painted area (API mask convention).
   */
  async open(key: string, original: Blob, result: Blob, painted: Blob): Promise<ComposeSettings> {
    const o = await readPixels(original);
    const [r, m] = await Promise.all([
      readPixels(result, o.width, o.height),
      readPixels(painted, o.width, o.height),
    ]);
    const selection = regionFromApiMask(m);
    sessions.set(key, {
      inputs: { width: o.width, height: o.height, original: o.data, result: r.data, selection },
      field: selectionField(selection, o.width),
    });
    return defaultComposeSettings(regionBounds(selection, o.width));
  },

  /** The composed picture for display (an ImageBitmap, transferred) and what compose found. */
  async preview(
    key: string,
    settings: ComposeSettings,
  ): Promise<{ bitmap: ImageBitmap; report: ComposeReport; ms: number }> {
    const { inputs, field } = session(key);
    const start = performance.now();
    const { pixels, report } = composeEdit(inputs, field, settings);
    const ms = performance.now() - start;
    const bitmap = await createImageBitmap(new ImageData(pixels, inputs.width, inputs.height));
    return transfer({ bitmap, report, ms }, [bitmap]);
  },

  /** The composed picture as the PNG to store. */
  async png(key: string, settings: ComposeSettings): Promise<{ png: Blob; report: ComposeReport }> {
    const { inputs, field } = session(key);
    const { pixels, report } = composeEdit(inputs, field, settings);
    return { png: await toPng(pixels, inputs.width, inputs.height), report };
  },

  async close(key: string): Promise<void> {
    sessions.delete(key);
  },

  /**
   * Before an edit is sent: the compose settings for this painted area (defaults scaled to
   * its size, in `mode`) and the API mask to send, the painted area grown by their `grow`
   * (binary, alpha 0 = edit here), so the model redraws the rim the blend will use.
   */
  async prepareMask(
    mask: Blob,
    mode: ComposeMode,
  ): Promise<{ png: Blob; paintedPixels: number; settings: ComposeSettings }> {
    const m = await readPixels(mask);
    const painted = regionFromApiMask(m);
    const settings = { ...defaultComposeSettings(regionBounds(painted, m.width)), mode };
    const grown = growRegion(painted, m.width, settings.grow);
    let paintedPixels = 0;
    for (let p = 0; p < grown.length; p++) paintedPixels += grown[p]!;
    return { png: await apiMaskPng(grown, m.width, m.height), paintedPixels, settings };
  },

  /** One result composed and encoded, without keeping a session (for saving new results). */
  async composeOnce(
    original: Blob,
    result: Blob,
    painted: Blob,
    settings: ComposeSettings,
  ): Promise<{ png: Blob; registration: Registration }> {
    const key = `once-${crypto.randomUUID()}`;
    await composeApi.open(key, original, result, painted);
    try {
      const { png, report } = await composeApi.png(key, settings);
      return { png, registration: report.registration };
    } finally {
      composeApi.close(key);
    }
  },

  /**
   * The band soft compose will blend for this painted coverage (255 = painted), with the
   * settings an edit sent now would use: the stage's preview before Apply edit.
   */
  async blendBand(
    alpha: Uint8Array,
    width: number,
    height: number,
    mode: Exclude<ComposeMode, 'raw'>,
  ): Promise<{ band: Uint8Array; settings: ComposeSettings } | null> {
    const painted = regionFromCoverage(alpha);
    const field = selectionField(painted, width);
    if (!field) return null;
    const settings = { ...defaultComposeSettings(regionBounds(painted, width)), mode };
    const band = blendBand(field, width, height, settings);
    return transfer({ band, settings }, [band.buffer]);
  },

  /** Painted coverage (255 = painted) grown or shrunk by px, for the mask's Grow/Shrink. */
  async growCoverage(alpha: Uint8Array, width: number, px: number): Promise<Uint8Array> {
    const region = growRegion(regionFromCoverage(alpha), width, px);
    for (let p = 0; p < region.length; p++) region[p] = region[p] ? 255 : 0;
    return transfer(region, [region.buffer]);
  },
};

const api = { ...composeApi, ...extendTasks };

export type ComposeApi = typeof api;

exposeApi(api);
