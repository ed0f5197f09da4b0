import { describe, expect, it } from 'vitest';
import { DiffusionGrid, MAX_STABLE_R, SUBSTEP_R } from './diffusion';
import { segmentWall, signedDistance } from './geometry';
import { FieldGrid } from './grid';
import { seededRand } from './testing';

/** K0 by its integral ∫0^∞ exp(−x cosh t) dt (trapezoid; ample for x ≥ 0.1). */
function besselK0(x: number): number {
  let s = 0;
  const h = 0.001;
  for (let t = 0; t < 30; t += h) s += Math.exp(-x * Math.cosh(t)) * (t === 0 ? 0.5 : 1);
  return s * h;
}

describe('DiffusionGrid', () => {
  it('conserves the total amount without decay, with a closed boundary and walls (to rounding)', () => {
    const g = new FieldGrid(6, 4, 0.1);
    const d = new DiffusionGrid(g, { diffusion: 0.2, decay: 0 });
    const wall = segmentWall(1, 0.5, 5, 3.2, 0.05);
    d.close((x, y) => signedDistance(wall, x, y) <= g.cellMm / 2);
    const rand = seededRand(11);
    for (let i = 0; i < d.c.length; i++) d.c[i] = d.open[i] * rand();
    const m0 = d.mass();
    const steps = d.advance(30);
    expect(steps).toBeGreaterThan(100);
    expect(Math.abs(d.mass() - m0) / m0).toBeLessThan(1e-12);
    // Nothing ever enters a closed cell.
    for (let i = 0; i < d.c.length; i++) if (d.open[i] === 0) expect(d.c[i]).toBe(0);
  });

  it('spreads a point release as the 2-D Gaussian M/(4πDt)·exp(−r²/4Dt)', () => {
    const g = new FieldGrid(10, 10, 0.1);
    const D = 0.01;
    const t = 20;
    const d = new DiffusionGrid(g, { diffusion: D, decay: 0 });
    const cx = g.centreX(50);
    const cy = g.centreY(50);
    expect(d.deposit(cx, cy, 1)).toBe(true);
    d.advance(t);
    // The explicit scheme's variance grows by exactly 2·D·dt per axis per step.
    let m = 0;
    let r2 = 0;
    const dx2 = g.cellMm * g.cellMm;
    for (let iy = 0; iy < g.ny; iy++)
      for (let ix = 0; ix < g.nx; ix++) {
        const c = d.c[g.index(ix, iy)] * dx2;
        m += c;
        r2 += c * ((g.centreX(ix) - cx) ** 2 + (g.centreY(iy) - cy) ** 2);
      }
    expect(m).toBeCloseTo(1, 12);
    expect(r2 / m).toBeCloseTo(4 * D * t, 9);
    const peak = 1 / (4 * Math.PI * D * t);
    let worst = 0;
    for (let iy = 30; iy <= 70; iy++)
      for (let ix = 30; ix <= 70; ix++) {
        const rr = (g.centreX(ix) - cx) ** 2 + (g.centreY(iy) - cy) ** 2;
        worst = Math.max(worst, Math.abs(d.c[g.index(ix, iy)] - peak * Math.exp(-rr / (4 * D * t))));
      }
    expect(worst / peak).toBeLessThan(0.005);
  });

  it('refuses an unstable step and sub-steps in advance()', () => {
    const g = new FieldGrid(2, 2, 0.1);
    const d = new DiffusionGrid(g, { diffusion: 0.5, decay: 0 });
    const dtMax = d.maxStableDt();
    expect((0.5 * dtMax) / 0.01).toBeCloseTo(MAX_STABLE_R, 12);
    expect(() => d.step(dtMax * 1.01)).toThrow(/unstable: D·dt\/dx² = 0\.252.*advance\(\) to sub-step/);
    expect(() => d.step(dtMax)).not.toThrow();
    // A big dt is split into equal stable steps; the result is the same as stepping by hand.
    d.deposit(1, 1, 1);
    const twin = new DiffusionGrid(g, { diffusion: 0.5, decay: 0 });
    twin.c.set(d.c);
    const n = d.advance(1);
    expect(n).toBe(Math.ceil(1 / ((dtMax * SUBSTEP_R) / MAX_STABLE_R)));
    for (let k = 0; k < n; k++) twin.step(1 / n);
    expect(Array.from(d.c)).toEqual(Array.from(twin.c));
    // Stable and positive: no new extremes.
    expect(Math.min(...d.c)).toBeGreaterThanOrEqual(0);
  });

  it('decays as (1 + k·dt)^(−n), close to e^(−kt) for small k·dt', () => {
    const g = new FieldGrid(1, 1, 0.25);
    const d = new DiffusionGrid(g, { diffusion: 0.1, decay: 0.3 });
    for (let iy = 0; iy < g.ny; iy++) for (let ix = 0; ix < g.nx; ix++) d.c[g.index(ix, iy)] = 2;
    const n = d.advance(5);
    expect(d.sample(0.5, 0.5)).toBeCloseTo(2 * (1 + (0.3 * 5) / n) ** -n, 12);
    expect(d.sample(0.5, 0.5) / (2 * Math.exp(-1.5))).toBeCloseTo(1, 1);
  });

  it('a source with decay settles to the steady state, which falls off as K0(r/L), L = √(D/k)', () => {
    const g = new FieldGrid(16, 16, 0.1);
    const D = 0.05;
    const k = 0.05;
    const d = new DiffusionGrid(g, { diffusion: D, decay: k });
    const i0 = g.cellAt(8, 8);
    d.source[i0] = 1 / (g.cellMm * g.cellMm);
    const res = d.solveSteady();
    expect(res.converged).toBe(true);
    const x0 = g.centreX(80);
    const y0 = g.centreY(80);
    const L = Math.sqrt(D / k);
    const c1 = d.sample(x0 + 1, y0);
    for (const r of [1.5, 2, 3, 4]) {
      const ratio = d.sample(x0 + r, y0) / c1;
      expect(Math.abs(ratio / (besselK0(r / L) / besselK0(1 / L)) - 1)).toBeLessThan(0.005);
    }
    // The explicit solver leaves a steady state where it is.
    const before = d.sample(x0 + 2, y0);
    d.advance(10);
    expect(Math.abs(d.sample(x0 + 2, y0) / before - 1)).toBeLessThan(1e-6);
    // Mass balance at steady state: emission = decay × mass.
    expect(d.mass() * k).toBeCloseTo(1, 5);
  });

  it('a wall of any thickness, at any angle, lets nothing through', () => {
    const g = new FieldGrid(4, 4, 0.1);
    const d = new DiffusionGrid(g, { diffusion: 0.1, decay: 0 });
    // A thin diagonal wall from corner to corner: the upper-right triangle is sealed off.
    const wall = segmentWall(0, 0, 4, 4, 0.01);
    d.close((x, y) => signedDistance(wall, x, y) <= g.cellMm / 2);
    expect(d.deposit(0.5, 3.5, 1)).toBe(true);
    d.advance(60);
    let other = 0;
    for (let iy = 0; iy < g.ny; iy++) for (let ix = 0; ix < g.nx; ix++) if (g.centreX(ix) > g.centreY(iy)) other += d.c[g.index(ix, iy)];
    expect(other).toBe(0);
    expect(d.mass()).toBeCloseTo(1, 12);
  });
});
