/**
 * The agar look, generated: a warm translucent gel with soft low-frequency
 * mottling, fine grain, a gentle light falloff and a bright meniscus at the
 * dish wall. Pure pixels (RGBA) from a seed, so the same plate always looks
 * the same and the function is testable in Node.
 */

/** Deterministic hash of integer lattice coordinates to 0..1. */
function hash2(x: number, y: number, seed: number): number {
  let h = (x * 374761393 + y * 668265263 + seed * 2147483647) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Smooth value noise at (x, y) with lattice spacing 1. */
function valueNoise(x: number, y: number, seed: number): number {
  const xi = Math.floor(x);
  const yi = Math.floor(y);
  const fx = x - xi;
  const fy = y - yi;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const a = hash2(xi, yi, seed);
  const b = hash2(xi + 1, yi, seed);
  const c = hash2(xi, yi + 1, seed);
  const d = hash2(xi + 1, yi + 1, seed);
  return a + (b - a) * sx + (c - a) * sy + (a - b - c + d) * sx * sy;
}

export interface AgarOptions {
  width: number;
  height: number;
  /** Round dish (inscribed circle) or a rectangular tray. */
  round: boolean;
  seed?: number;
  /** Base colour 0xRRGGBB. */
  color?: number;
  /** Water looks clear and blue, with the faint light network a liquid layer casts (caustics). */
  medium?: 'agar' | 'water';
}

/** Caustics: thin bright ridges where two noise fields (rotated, so the lattice does not show) cross their midpoint, 0..~0.12. */
function caustic(u: number, v: number, seed: number): number {
  const ridge = (f: number, angle: number, s: number): number => {
    const c = Math.cos(angle);
    const n = Math.sin(angle);
    return 1 - Math.abs(2 * valueNoise((u * c - v * n) * f, (u * n + v * c) * f, s) - 1);
  };
  return 0.07 * ridge(23, 0.6, seed + 5) ** 12 + 0.05 * ridge(31, 2.1, seed + 6) ** 12;
}

export function agarPixels(o: AgarOptions): Uint8ClampedArray {
  const { width: w, height: h, round } = o;
  const seed = o.seed ?? 7;
  const water = o.medium === 'water';
  const base = o.color ?? (water ? 0x2a5f78 : 0x5b5237);
  const br = (base >> 16) & 255;
  const bg = (base >> 8) & 255;
  const bb = base & 255;
  const px = new Uint8ClampedArray(w * h * 4);
  const cx = w / 2;
  const cy = h / 2;
  const R = Math.min(w, h) / 2;
  const rim = Math.max(3, R * 0.025); // meniscus width in px
  const scale = Math.max(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Distance inside the edge, px (negative outside).
      let inside: number;
      if (round) inside = R - Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      else inside = Math.min(x + 0.5, y + 0.5, w - x - 0.5, h - y - 0.5);
      const i = 4 * (y * w + x);
      if (inside < -1) {
        px[i + 3] = 0;
        continue;
      }
      const u = x / scale;
      const v = y / scale;
      const mottle = valueNoise(u * 6, v * 6, seed) * 0.6 + valueNoise(u * 17, v * 17, seed + 1) * 0.4; // 0..1
      const grain = hash2(x, y, seed + 2) - 0.5;
      const speck = hash2(x >> 1, y >> 1, seed + 3) > 0.9985 ? 0.12 : 0;
      // Light from the upper left, falling off towards the far edge.
      const light = 1.06 - 0.16 * Math.hypot(x / w - 0.35, y / h - 0.3);
      let k = light * (0.92 + (mottle - 0.5) * (water ? 0.05 : 0.12)) + grain * (water ? 0.015 : 0.04) + (water ? caustic(u, v, seed) : speck);
      let r = br * k;
      let g = bg * k;
      let b = bb * k;
      // Meniscus: a bright band at the wall with a dark line just inside.
      if (inside < rim) {
        const t = 1 - Math.max(0, inside) / rim;
        const bright = t * t * 0.9;
        r += (0xcf - r) * bright;
        g += (0xc4 - g) * bright;
        b += (0xa0 - b) * bright;
      } else if (inside < rim * 2.2) {
        const t = 1 - (inside - rim) / (rim * 1.2);
        k = 1 - 0.22 * t;
        r *= k;
        g *= k;
        b *= k;
      }
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
      px[i + 3] = inside < 0 ? Math.round(255 * (inside + 1)) : 255;
    }
  }
  return px;
}
