import type { CircleShape } from './geometry';
import type { PillarsSpec } from './schema';

/** Pillars beyond this many in one field are refused (a typo in spacing, not a forest). */
export const MAX_PILLARS = 20_000;

/** How many pillar centres the field's lattice holds (before jitter and clearing). */
export function pillarCount(spec: Pick<PillarsSpec, 'from' | 'to' | 'spacing' | 'layout'>): number {
  const w = Math.abs(spec.to[0] - spec.from[0]);
  const h = Math.abs(spec.to[1] - spec.from[1]);
  const rowStep = spec.layout === 'hex' ? (spec.spacing * Math.sqrt(3)) / 2 : spec.spacing;
  return (Math.floor(w / spec.spacing + 1e-9) + 1) * (Math.floor(h / rowStep + 1e-9) + 1);
}

/**
 * A pillar forest: centres on a square or hexagonal lattice filling the
 * region between `from` and `to`, each moved by up to ±jitter in x and y.
 * `rand` returns uniform numbers in [0, 1) and is called twice per pillar in
 * row-major order, so a seeded generator gives the same forest every time.
 */
export function pillarField(spec: PillarsSpec, rand: () => number): CircleShape[] {
  const x0 = Math.min(spec.from[0], spec.to[0]);
  const x1 = Math.max(spec.from[0], spec.to[0]);
  const y0 = Math.min(spec.from[1], spec.to[1]);
  const y1 = Math.max(spec.from[1], spec.to[1]);
  const hex = spec.layout === 'hex';
  const rowStep = hex ? (spec.spacing * Math.sqrt(3)) / 2 : spec.spacing;
  const rows = Math.floor((y1 - y0) / rowStep + 1e-9) + 1;
  const out: CircleShape[] = [];
  for (let row = 0; row < rows; row++) {
    const y = y0 + row * rowStep;
    const shift = hex && row % 2 === 1 ? spec.spacing / 2 : 0;
    const cols = Math.floor((x1 - x0 - shift) / spec.spacing + 1e-9) + 1;
    for (let col = 0; col < cols; col++) {
      const jx = (2 * rand() - 1) * spec.jitter;
      const jy = (2 * rand() - 1) * spec.jitter;
      out.push({ type: 'circle', x: x0 + shift + col * spec.spacing + jx, y: y + jy, r: spec.radius });
    }
  }
  return out;
}
