/**
 * Kymographs: the body's curvature along its length (nose at the top, tail at
 * the bottom) against time, the picture worm labs read a gait from — a
 * forward wave runs as stripes sloping down (head to tail), a reversal turns
 * them over, an omega turn is a deep band. Computed from the recorded body
 * points (the same ones WCON exports), never from the neurons.
 */
import type { Poses } from '../scenario/runner';

export interface Kymograph {
  /** Sample times, ms. */
  t: number[];
  /** Per sample, the signed curvature (1/mm, positive = bending left) at each interior body point, head first. */
  k: Float64Array[];
}

/** Signed curvature at each interior point of one pose: the turning angle between the two segments meeting there over their mean length. */
export function curvatureAlong(x: readonly number[], y: readonly number[]): Float64Array {
  const n = x.length;
  const out = new Float64Array(Math.max(0, n - 2));
  for (let i = 1; i < n - 1; i++) {
    const ax = x[i]! - x[i - 1]!;
    const ay = y[i]! - y[i - 1]!;
    const bx = x[i + 1]! - x[i]!;
    const by = y[i + 1]! - y[i]!;
    const la = Math.hypot(ax, ay);
    const lb = Math.hypot(bx, by);
    if (la === 0 || lb === 0) continue;
    const turn = Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
    out[i - 1] = turn / ((la + lb) / 2);
  }
  return out;
}

/** The kymograph of a recorded run's first `maxMs` (a gait reads over seconds, not minutes), at most `maxColumns` samples, evenly picked. */
export function kymographOf(poses: Poses, maxColumns = 240, maxMs = 30_000): Kymograph {
  const end = poses.t.findIndex((ms) => ms - poses.t[0]! > maxMs);
  const n = end < 0 ? poses.t.length : end;
  const stride = Math.max(1, Math.ceil(n / maxColumns));
  const t: number[] = [];
  const k: Float64Array[] = [];
  for (let i = 0; i < n; i += stride) {
    t.push(poses.t[i]!);
    k.push(curvatureAlong(poses.x[i]!, poses.y[i]!));
  }
  return { t, k };
}

const f = (v: number) => v.toFixed(1);

/** Blue (bent right) – white – red (bent left), for c in −1..1. */
function colour(c: number): string {
  const a = Math.min(1, Math.abs(c));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * a);
  return c >= 0 ? `rgb(255,${mix(255, 60)},${mix(255, 50)})` : `rgb(${mix(255, 40)},${mix(255, 90)},255)`;
}

/**
 * One kymograph as SVG at (x0, y0), width × height px: a cell per sample and
 * body point, the colour scale fixed at ±`scale` 1/mm so two groups' pictures
 * compare directly. Axes: time (s) along the bottom, nose/tail on the left.
 */
export function kymographSvg(ky: Kymograph, x0: number, y0: number, width: number, height: number, scale: number, label: string): string {
  const cols = ky.t.length;
  const rows = ky.k[0]?.length ?? 0;
  const out: string[] = [`<text x="${x0}" y="${y0 - 6}" font-size="11">${label}</text>`];
  if (cols === 0 || rows === 0) return out.join('\n');
  const cw = width / cols;
  const rh = height / rows;
  for (let c = 0; c < cols; c++) {
    const col = ky.k[c]!;
    for (let r = 0; r < rows; r++) {
      out.push(`<rect x="${f(x0 + c * cw)}" y="${f(y0 + r * rh)}" width="${f(cw + 0.6)}" height="${f(rh + 0.6)}" fill="${colour(col[r]! / scale)}"/>`);
    }
  }
  out.push(`<rect x="${x0}" y="${y0}" width="${width}" height="${height}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${x0 - 4}" y="${y0 + 9}" text-anchor="end" font-size="10">nose</text>`);
  out.push(`<text x="${x0 - 4}" y="${y0 + height}" text-anchor="end" font-size="10">tail</text>`);
  const t0 = ky.t[0]! / 1000;
  const t1 = ky.t[cols - 1]! / 1000;
  out.push(`<text x="${x0}" y="${y0 + height + 12}" font-size="10">${t0.toFixed(1)} s</text>`);
  out.push(`<text x="${x0 + width}" y="${y0 + height + 12}" text-anchor="end" font-size="10">${t1.toFixed(1)} s</text>`);
  return out.join('\n');
}

/** A colour scale shared by kymographs: the 98th percentile of |curvature| over all of them (so one omega turn does not wash out the wave), rounded up to a tenth of 1/mm, at least 1. */
export function kymographScale(all: readonly Kymograph[]): number {
  const a: number[] = [];
  for (const ky of all) for (const col of ky.k) for (const v of col) a.push(Math.abs(v));
  if (a.length === 0) return 1;
  a.sort((x, y) => x - y);
  return Math.max(1, Math.ceil(a[Math.floor(0.98 * (a.length - 1))]! * 10) / 10);
}
