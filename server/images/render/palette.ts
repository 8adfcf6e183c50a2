/**
 * A prompt's look: palette and scene chosen from words it contains (colours, moods, subjects)
 * and, where it names none, from a hash of the prompt. Different prompts land on clearly
 * different hues, schemes and scenes; the same prompt always looks the same.
 */
import { seededRandom, pick, range } from './random.ts';
import type { Rgb } from './raster.ts';

export type SceneKind = 'landscape' | 'sea' | 'city' | 'garden' | 'cosmos';

export interface Look {
  scene: SceneKind;
  dark: boolean;
  hue: number;
  skyTop: Rgb;
  skyBottom: Rgb;
  /** Layer colours from far (hazy) to near (deep). */
  layers: readonly Rgb[];
  /** Bright colours for suns, flowers, planets, windows. */
  accents: readonly Rgb[];
  /** Words for a revised prompt: "amber", "deep teal"... */
  name: string;
}

const HUE_WORDS: Record<string, number> = {
  red: 2,
  crimson: 350,
  scarlet: 5,
  orange: 26,
  amber: 38,
  gold: 45,
  golden: 45,
  yellow: 54,
  lime: 88,
  green: 128,
  emerald: 150,
  mint: 160,
  teal: 178,
  turquoise: 174,
  cyan: 188,
  blue: 214,
  azure: 205,
  navy: 226,
  indigo: 244,
  violet: 268,
  purple: 282,
  lavender: 270,
  magenta: 308,
  pink: 332,
  rose: 344,
  coral: 12,
  peach: 22,
};
const SCENE_WORDS: Record<SceneKind, readonly string[]> = {
  landscape: [
    'mountain',
    'mountains',
    'hill',
    'hills',
    'valley',
    'landscape',
    'desert',
    'forest',
    'field',
    'fields',
    'canyon',
    'sunset',
    'sunrise',
    'dune',
    'dunes',
    'meadow',
  ],
  sea: [
    'ocean',
    'sea',
    'wave',
    'waves',
    'beach',
    'lake',
    'river',
    'water',
    'surf',
    'coast',
    'harbor',
    'boat',
    'island',
  ],
  city: [
    'city',
    'town',
    'building',
    'buildings',
    'street',
    'skyline',
    'tower',
    'house',
    'houses',
    'castle',
    'village',
    'neon',
  ],
  garden: [
    'flower',
    'flowers',
    'garden',
    'bloom',
    'blossom',
    'petal',
    'petals',
    'tulip',
    'tulips',
    'daisy',
    'bouquet',
    'spring',
    'botanical',
  ],
  cosmos: [
    'planet',
    'planets',
    'space',
    'galaxy',
    'star',
    'stars',
    'orbit',
    'bubble',
    'bubbles',
    'sphere',
    'cosmos',
    'nebula',
    'astronaut',
  ],
};
const DARK_WORDS = [
  'night',
  'midnight',
  'dark',
  'moon',
  'moonlit',
  'space',
  'galaxy',
  'nebula',
  'noir',
  'neon',
  'starry',
];
const WARM_WORDS = ['sunset', 'autumn', 'fire', 'desert', 'warm', 'dusk', 'sunrise', 'ember'];
const SCENES: readonly SceneKind[] = ['landscape', 'sea', 'city', 'garden', 'cosmos'];
const HUE_NAMES: readonly [number, string][] = [
  [15, 'red'],
  [40, 'amber'],
  [65, 'golden'],
  [100, 'lime'],
  [150, 'green'],
  [190, 'teal'],
  [225, 'blue'],
  [260, 'indigo'],
  [290, 'violet'],
  [325, 'magenta'],
  [350, 'rose'],
  [361, 'red'],
];

export function hsl(h: number, s: number, l: number): Rgb {
  const hue = ((h % 360) + 360) % 360;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    hue < 60
      ? [c, x, 0]
      : hue < 120
        ? [x, c, 0]
        : hue < 180
          ? [0, c, x]
          : hue < 240
            ? [0, x, c]
            : hue < 300
              ? [x, 0, c]
              : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

export function words(prompt: string): string[] {
  return prompt.toLowerCase().match(/[a-z]+/g) ?? [];
}

export function lookFor(prompt: string): Look {
  const w = words(prompt);
  const rng = seededRandom('look', prompt.trim().toLowerCase());
  const hues = w.map((word) => HUE_WORDS[word]).filter((h) => h !== undefined);
  const named = hues[0];
  const warm = w.some((word) => WARM_WORDS.includes(word));
  const hue = named ?? (warm ? range(rng, 8, 40) : Math.floor(rng() * 360));
  const dark =
    w.some((word) => DARK_WORDS.includes(word)) || (named === undefined && !warm && rng() < 0.2);
  const scene =
    SCENES.find((kind) => w.some((word) => SCENE_WORDS[kind].includes(word))) ?? pick(rng, SCENES);
  // Scheme: analogous, complementary, triadic or split-complementary accents.
  const offsets = pick(rng, [
    [25, -25, 50],
    [180, 150, 210],
    [120, 240, 30],
    [150, 210, 180],
  ] as const);
  const sat = range(rng, 0.45, 0.75);
  // A second colour word colours the sky ("green hills under a blue sky"); otherwise the sky
  // is a neighbour of the main hue or a daylight blue.
  const skyHue =
    hues[1] ?? (dark ? hue + pick(rng, [0, 20, -20]) : pick(rng, [hue + 20, hue - 20, 205, 215]));
  const skyTop = dark ? hsl(skyHue, sat * 0.6, 0.1) : hsl(skyHue, sat * 0.7, range(rng, 0.55, 0.7));
  const skyBottom = dark
    ? hsl(skyHue + 30, sat * 0.7, 0.28)
    : hsl(skyHue + 25, sat * 0.8, range(rng, 0.82, 0.9));
  const layers = [0, 1, 2, 3].map((k) =>
    dark
      ? hsl(hue + k * 6, sat * 0.7, 0.32 - k * 0.07)
      : hsl(hue + k * 8, sat * (0.55 + k * 0.1), 0.7 - k * 0.14),
  );
  const accents = [0, ...offsets].map((o) =>
    hsl(hue + o, Math.min(1, sat + 0.2), dark ? 0.7 : 0.6),
  );
  const base = HUE_NAMES.find(([limit]) => ((hue % 360) + 360) % 360 < limit)![1];
  return {
    scene,
    dark,
    hue,
    skyTop,
    skyBottom,
    layers,
    accents,
    name: `${dark ? 'deep ' : ''}${base}`,
  };
}

/** Replaces a look's colours with colours taken from reference images (edit image[] inputs). */
export function lookWithColours(look: Look, colours: readonly Rgb[]): Look {
  if (colours.length < 2) return look;
  const sorted = [...colours].sort((a, b) => a[0] + a[1] + a[2] - (b[0] + b[1] + b[2]));
  const at = (t: number) => sorted[Math.min(sorted.length - 1, Math.floor(t * sorted.length))]!;
  return {
    ...look,
    skyTop: at(0.75),
    skyBottom: at(0.99),
    layers: [at(0.6), at(0.45), at(0.3), at(0.1)],
    accents: [at(0.9), at(0.7), at(0.5), at(0.35)],
  };
}
