/**
 * Photo-like synthetic pictures for the seam benchmark: what a designer edits (a sky, a
 * textured field, hard edges of buildings, skin-like soft shading), made from seeded value
 * noise so every run measures the same pixels. RGBA, opaque.
 */
export interface Picture {
  name: string;
  width: number;
  height: number;
  rgba: Uint8ClampedArray<ArrayBuffer>;
}

/** Smooth seeded noise, 0..1, summed over octaves (fractal Brownian motion). */
function valueNoise(seed: number) {
  const hash = (x: number, y: number) => {
    let h = (x * 374761393 + y * 668265263 + seed * 2246822519) | 0;
    h = Math.imul(h ^ (h >>> 13), 1274126177);
    return ((h ^ (h >>> 16)) >>> 0) / 4294967295;
  };
  const smooth = (t: number) => t * t * (3 - 2 * t);
  const at = (x: number, y: number) => {
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const tx = smooth(x - x0);
    const ty = smooth(y - y0);
    const top = hash(x0, y0) + (hash(x0 + 1, y0) - hash(x0, y0)) * tx;
    const bottom = hash(x0, y0 + 1) + (hash(x0 + 1, y0 + 1) - hash(x0, y0 + 1)) * tx;
    return top + (bottom - top) * ty;
  };
  return (x: number, y: number, scale: number, octaves: number) => {
    let sum = 0;
    let amplitude = 0.5;
    let total = 0;
    for (let o = 0; o < octaves; o++) {
      const k = 2 ** o / scale;
      sum += at(x * k, y * k) * amplitude;
      total += amplitude;
      amplitude /= 2;
    }
    return sum / total;
  };
}

type Shade = (x: number, y: number) => [number, number, number];

function paint(name: string, width: number, height: number, shade: Shade): Picture {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = shade(x, y);
      rgba.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return { name, width, height, rgba };
}

export function seamPictures(width: number, height: number): Picture[] {
  const n = valueNoise(7);
  const sky: Shade = (x, y) => {
    const t = y / height;
    const cloud = Math.max(0, n(x, y, 220, 5) - 0.45) * 2.2;
    return [70 + 90 * t + 150 * cloud, 120 + 80 * t + 120 * cloud, 210 + 30 * t + 40 * cloud];
  };
  const field: Shade = (x, y) => {
    const grass = n(x, y, 6, 4);
    const patch = n(x + 999, y, 160, 3);
    return [60 + 60 * patch + 50 * grass, 110 + 50 * patch + 60 * grass, 40 + 30 * grass];
  };
  const city: Shade = (x, y) => {
    // Blocks of buildings with hard vertical edges and lit windows, against a dusk sky.
    const column = Math.floor(x / 96);
    const roof = height * (0.35 + 0.4 * n(column * 50, 0, 1, 1));
    if (y < roof)
      return [200 - (100 * y) / height, 140 - (60 * y) / height, 120 + (40 * y) / height];
    const window = x % 24 < 12 && y % 32 < 16 && n(x / 24, y / 32, 1, 1) > 0.5;
    const tone = 40 + 40 * n(column * 50, 3, 1, 1) + 10 * n(x, y, 3, 2);
    return window ? [230, 200, 120] : [tone, tone * 0.95, tone * 1.1];
  };
  const portrait: Shade = (x, y) => {
    const dx = (x - width / 2) / (width * 0.25);
    const dy = (y - height / 2) / (height * 0.35);
    const face = Math.max(0, 1 - dx * dx - dy * dy);
    const light = 0.6 + 0.4 * Math.sqrt(face) - 0.2 * (x / width);
    const grain = 8 * (n(x, y, 2, 2) - 0.5);
    return face > 0
      ? [225 * light + grain, 170 * light + grain, 140 * light + grain]
      : [40 + 30 * n(x, y, 80, 3), 50 + 20 * n(x, y, 80, 3), 70 + grain];
  };
  return [
    paint('sky', width, height, sky),
    paint('field', width, height, field),
    paint('city', width, height, city),
    paint('portrait', width, height, portrait),
  ];
}

/**
 * The area a designer would paint: an ellipse a little off centre (1 = painted); `scale` 1
 * covers about an eighth of the picture.
 */
export function paintedEllipse(width: number, height: number, scale = 1): Uint8Array {
  const region = new Uint8Array(width * height);
  const cx = width * 0.55;
  const cy = height * 0.5;
  const rx = width * 0.18 * scale;
  const ry = height * 0.22 * scale;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = (x - cx) / rx;
      const v = (y - cy) / ry;
      if (u * u + v * v <= 1) region[y * width + x] = 1;
    }
  }
  return region;
}
