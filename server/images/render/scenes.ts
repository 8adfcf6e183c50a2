/**
 * The five procedural scenes. Each draws into a Raster from a Look (palette) and a seeded
 * random source (details), in coordinates relative to the picture so every size gets the
 * same composition. With `transparent`, the sky is left out and only the subject is drawn.
 */
import {
  disc,
  fillBelow,
  glow,
  meshGradient,
  mix,
  petals,
  rect,
  verticalGradient,
  type Raster,
  type Rgb,
} from './raster.ts';
import type { Look, SceneKind } from './palette.ts';
import { range, type Random } from './random.ts';

type Scene = (r: Raster, look: Look, rng: Random, transparent: boolean) => void;

function sky(r: Raster, look: Look, transparent: boolean): void {
  if (!transparent)
    verticalGradient(r, [
      [0, look.skyTop],
      [0.75, look.skyBottom],
      [1, look.skyBottom],
    ]);
}

/** A wavy line: the sum of a few seeded sines, `base` and `amp` as fractions of the height. */
function ridge(r: Raster, rng: Random, base: number, amp: number, roughness: number): Float32Array {
  const heights = new Float32Array(r.width);
  const waves = [1, 2.3, 5.1, 11.7].map((f, k) => ({
    f: f * range(rng, 0.7, 1.3) * (1 + roughness * k),
    p: rng() * Math.PI * 2,
    a: 1 / (k + 1) ** (1.6 - roughness),
  }));
  const norm = waves.reduce((s, w) => s + w.a, 0);
  for (let x = 0; x < r.width; x++) {
    const u = (x / r.width) * Math.PI * 2;
    let v = 0;
    for (const w of waves) v += w.a * Math.sin(u * w.f + w.p);
    heights[x] = (base - (amp * v) / norm) * r.height;
  }
  return heights;
}

function sun(r: Raster, look: Look, rng: Random, yMax: number): void {
  const s = Math.min(r.width, r.height);
  const cx = range(rng, 0.2, 0.8) * r.width;
  const cy = range(rng, 0.15, yMax) * r.height;
  const radius = range(rng, 0.06, 0.11) * s;
  const color = look.dark
    ? mix(look.accents[0]!, [255, 255, 240], 0.6)
    : mix(look.accents[0]!, [255, 246, 214], 0.55);
  glow(r, cx, cy, radius * 3.2, color, 0.35);
  disc(r, cx, cy, radius, color);
}

const landscape: Scene = (r, look, rng, transparent) => {
  sky(r, look, transparent);
  sun(r, look, rng, 0.4);
  look.layers.forEach((color, k) => {
    const base = 0.45 + k * 0.13 + range(rng, -0.03, 0.03);
    fillBelow(r, ridge(r, rng, base, 0.12 - k * 0.015, k * 0.08), color);
  });
};

const sea: Scene = (r, look, rng, transparent) => {
  sky(r, look, transparent);
  sun(r, look, rng, 0.3);
  const bands = 6;
  for (let k = 0; k < bands; k++) {
    const t = k / (bands - 1);
    const color = mix(look.layers[0]!, look.layers[3]!, t);
    const heights = new Float32Array(r.width);
    const f = range(rng, 2, 4) * (1 + t);
    const p = rng() * Math.PI * 2;
    const amp = (0.012 + 0.02 * t) * r.height;
    const base = (0.5 + 0.5 * t ** 1.3 * 0.9) * r.height;
    for (let x = 0; x < r.width; x++) {
      const u = (x / r.width) * Math.PI * 2;
      heights[x] = base - amp * Math.sin(u * f + p) - amp * 0.4 * Math.sin(u * f * 2.7 + p * 1.3);
    }
    fillBelow(r, heights, color);
  }
};

const city: Scene = (r, look, rng, transparent) => {
  sky(r, look, transparent);
  sun(r, look, rng, 0.3);
  const s = Math.min(r.width, r.height);
  for (let layer = 0; layer < 2; layer++) {
    const color = layer === 0 ? look.layers[1]! : look.layers[3]!;
    let x = -range(rng, 0, 0.05) * r.width;
    while (x < r.width) {
      const w = range(rng, 0.05, 0.12) * r.width;
      const top = (layer === 0 ? range(rng, 0.25, 0.5) : range(rng, 0.45, 0.7)) * r.height;
      rect(r, x, top, x + w - s * 0.004, r.height, color);
      if (layer === 1) {
        const pane = s * 0.012;
        const lit = look.accents[1]!;
        for (let wy = top + pane * 2; wy < r.height - pane * 2; wy += pane * 2.6) {
          for (let wx = x + pane * 1.2; wx < x + w - pane * 2; wx += pane * 2.2) {
            if (rng() < (look.dark ? 0.45 : 0.25))
              rect(r, wx, wy, wx + pane, wy + pane * 1.3, lit, 0.9);
          }
        }
      }
      x += w;
    }
  }
};

const garden: Scene = (r, look, rng, transparent) => {
  const s = Math.min(r.width, r.height);
  if (!transparent) {
    meshGradient(
      r,
      [0, 1, 2, 3].map((k) => ({
        x: range(rng, 0, 1) * r.width,
        y: range(rng, 0, 1) * r.height,
        radius: s * 0.5,
        color: k % 2 === 0 ? look.skyBottom : mix(look.skyTop, look.layers[0]!, 0.5),
      })),
    );
  }
  const flowers = 7 + Math.floor(rng() * 6);
  for (let k = 0; k < flowers; k++) {
    const cx = range(rng, 0.05, 0.95) * r.width;
    const cy = range(rng, 0.08, 0.95) * r.height;
    const radius = range(rng, 0.06, 0.16) * s;
    const color = look.accents[k % look.accents.length]!;
    petals(r, cx, cy, radius, 5 + Math.floor(rng() * 4), range(rng, 0.3, 0.6), rng() * 6.28, color);
    petals(
      r,
      cx,
      cy,
      radius * 0.55,
      5 + Math.floor(rng() * 3),
      0.35,
      rng() * 6.28,
      mix(color, [255, 255, 255], 0.35),
    );
    disc(r, cx, cy, radius * 0.18, look.layers[3]!);
  }
};

const cosmos: Scene = (r, look, rng, transparent) => {
  const s = Math.min(r.width, r.height);
  if (!transparent) {
    meshGradient(r, [
      {
        x: 0.2 * r.width,
        y: 0.2 * r.height,
        radius: s * 0.6,
        color: mix(look.skyTop, [0, 0, 0], 0.5),
      },
      { x: 0.8 * r.width, y: 0.7 * r.height, radius: s * 0.5, color: look.skyTop },
      {
        x: range(rng, 0.3, 0.7) * r.width,
        y: range(rng, 0.3, 0.7) * r.height,
        radius: s * 0.35,
        color: mix(look.skyBottom, look.accents[2]!, 0.4),
      },
    ]);
    const stars = Math.round((r.width * r.height) / 4000);
    for (let k = 0; k < stars; k++) {
      disc(
        r,
        rng() * r.width,
        rng() * r.height,
        range(rng, 0.4, 1.6) * (s / 1024),
        [255, 255, 245],
        range(rng, 0.4, 1),
      );
    }
  }
  const planets = 2 + Math.floor(rng() * 3);
  for (let k = 0; k < planets; k++) {
    const cx = range(rng, 0.15, 0.85) * r.width;
    const cy = range(rng, 0.15, 0.85) * r.height;
    const radius = (k === 0 ? range(rng, 0.16, 0.26) : range(rng, 0.04, 0.1)) * s;
    const lit = look.accents[k % look.accents.length]!;
    const shadow = mix(lit, [10, 10, 30], 0.75);
    const lx = -0.6;
    const ly = -0.5;
    disc(r, cx, cy, radius, lit, 1, (nx, ny) => {
      const nz = Math.sqrt(Math.max(0, 1 - nx * nx - ny * ny));
      const light = Math.max(0, -(nx * lx + ny * ly) * 0.8 + nz * 0.6);
      const band = 0.08 * Math.sin(ny * 14 + k);
      return mix(shadow, lit, Math.min(1, light + band));
    });
    if (k === 0) {
      // A ring: two thin discs would hide the planet, so draw it as a flattened annulus of dots.
      const ringColor = mix(look.accents[1]!, [255, 255, 255], 0.3);
      for (let t = 0; t < 720; t++) {
        const a = (t / 720) * Math.PI * 2;
        if (Math.sin(a) < 0 && Math.abs(Math.cos(a)) < 0.62) continue; // behind the planet
        disc(
          r,
          cx + Math.cos(a) * radius * 1.7,
          cy + Math.sin(a) * radius * 0.35,
          radius * 0.035,
          ringColor,
          0.8,
        );
      }
    }
  }
};

export const SCENES: Record<SceneKind, Scene> = { landscape, sea, city, garden, cosmos };
export type { Rgb };
