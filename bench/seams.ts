/**
 * Seams suite (`npm run bench:seams`): how clean Easel's edits are against a drifting model,
 * and what composing costs.
 * - Seam quality, raw vs hard vs soft (and two tuning variants), on four photo-like
 *   1536x1024 pictures edited through a spawned drifting engine, for a large painted area
 *   and a small touch-up: the seam step at the composed edge relative to the original's own
 *   (per picture; median and max), and pixels changed beyond the grown area (must be 0).
 * - Compose timing: a 3840x2160 edit in the studio, 12 Feather steps in Compare, each
 *   composed in the worker (median, p99, max) and shown; the main thread's longest task.
 * Smoke: 384x256 pictures, one shape; a 640x360 edit with 2 steps.
 */
import { sampled, single, type Metric } from './harness/result.ts';
import type { Suite } from './harness/suite.ts';
import { measureComposeTiming } from './seams/compose-timing.ts';
import { measureSeams, VARIANTS } from './seams/seam-quality.ts';

export const seamsSuite: Suite = {
  name: 'seams',
  title: 'seam step raw vs hard vs soft against a drifting engine; 4K compose time',
  async run(ctx) {
    const { smoke, log } = ctx;
    const [w, h] = smoke ? [384, 256] : [1536, 1024];
    const shapes = smoke ? (['large'] as const) : (['large', 'small'] as const);
    const metrics: Metric[] = [];
    for (const shape of shapes) {
      log(`seams: ${shape} painted area on four ${w}x${h} pictures…`);
      const pictures = await measureSeams(w, h, shape);
      for (const variant of VARIANTS) {
        const of = (pick: (v: (typeof pictures)[0]['byVariant'][string]) => number) =>
          pictures.map((p) => pick(p.byVariant[variant.id]!));
        metrics.push(
          sampled(
            `edge-ratio.${variant.id}.${shape}`,
            `seam step at the composed edge ÷ original's, ${variant.label}, ${shape} area`,
            'ratio',
            of((v) => v.edgeRatio),
            2,
          ),
          sampled(
            `painted-ratio.${variant.id}.${shape}`,
            `seam step at the painted edge ÷ original's, ${variant.label}, ${shape} area`,
            'ratio',
            of((v) => v.paintedRatio),
            2,
          ),
          sampled(
            `beyond-changed.${variant.id}.${shape}`,
            `pixels changed beyond the grown area, ${variant.label}, ${shape} area`,
            'count',
            of((v) => v.beyondDiffering),
            0,
          ),
          sampled(
            `beyond-diff.${variant.id}.${shape}`,
            `mean difference beyond the grown area, ${variant.label}, ${shape} area`,
            'levels',
            of((v) => v.beyondMean),
            2,
          ),
        );
      }
      metrics.push(
        single(`grow.${shape}`, `default grow, ${shape} area`, 'count', pictures[0]!.grow),
      );
    }

    const [cw, ch, steps] = smoke ? [640, 360, 2] : [3840, 2160, 12];
    log(`seams: a ${cw}x${ch} edit in the studio, ${steps} compose steps…`);
    const timing = await measureComposeTiming(ctx, cw, ch, steps);
    const size = `${cw}x${ch}`;
    metrics.push(
      single(
        `edit-to-compare.${size}`,
        `Apply edit until Compare can compose, ${size}`,
        'ms',
        timing.openMs,
      ),
      sampled(`compose.${size}`, `compose in the worker, ${size}`, 'ms', timing.composeMs),
      sampled(`compose-shown.${size}`, `compose until shown, ${size}`, 'ms', timing.shownMs),
      single(
        `longest-task.${size}`,
        `longest main-thread task while composing, ${size}`,
        'ms',
        Math.max(0, ...timing.longTasks),
      ),
      single(
        `long-tasks.${size}`,
        `main-thread tasks over 50 ms, ${size}`,
        'count',
        timing.longTasks.length,
      ),
    );
    return {
      suite: 'seams',
      measuredAt: new Date().toISOString(),
      config: { pictures: `${w}x${h}`, shapes, model: 'gpt-image-2', compose: size, steps },
      metrics,
    };
  },
};
