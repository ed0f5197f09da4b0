/**
 * Diffusion–decay of a chemical on a FieldGrid:
 *
 *   ∂c/∂t = D ∇²c − k c + s(x, y)
 *
 * c in a.u. (concentration), D in mm²/s, k in 1/s, s in a.u./s. Closed cells
 * (walls, obstacles, off the plate) hold no chemical and pass no flux: the
 * boundary is no-flux everywhere, so without decay and sources the total
 * Σ c·dx² is conserved (to rounding).
 *
 * Explicit 5-point scheme (forward Euler) for diffusion, stable and positive
 * for r = D·dt/dx² ≤ 1/4; decay is implicit,
 *
 *   c' = (c + r·Σ_open neighbours (c_j − c) + dt·s) / (1 + k·dt),
 *
 * so it never limits the step and the scheme's fixed point is exactly the
 * discrete steady state that `solveSteady` finds (a solved gradient does not
 * drift when stepping starts). `step` refuses a dt with r > 1/4; `advance`
 * sub-steps at r ≤ 1/5, where the grid-scale checkerboard mode (amplification
 * 1 − 8r) is damped rather than left to flip.
 */
import type { FieldGrid } from './grid';

/** Largest stable r = D·dt/dx² for the explicit 2-D scheme. */
export const MAX_STABLE_R = 0.25;
/** r used by `advance`: below the limit, so a point release spreads smoothly instead of in a checkerboard. */
export const SUBSTEP_R = 0.2;

export interface DiffusionOptions {
  /** D, mm²/s. */
  diffusion: number;
  /** k, 1/s. */
  decay: number;
}

export interface SteadyResult {
  iterations: number;
  /** Largest change in the last sweep relative to the largest concentration. */
  change: number;
  converged: boolean;
}

export class DiffusionGrid {
  /** Concentration at cell centres (padded layout of the grid). Replaced each step: read it after stepping, do not keep it. */
  c: Float64Array;
  private next: Float64Array;
  /** 1 for an open cell, 0 for a closed one (padding is closed). */
  readonly open: Float64Array;
  /** Number of open 4-neighbours of each cell. */
  private readonly nOpen: Float64Array;
  /** Source rate per cell, a.u./s (only open cells count). */
  readonly source: Float64Array;
  diffusion: number;
  decay: number;
  /** Cells were closed since nOpen was last counted. */
  private neighboursStale = false;

  constructor(
    readonly grid: FieldGrid,
    opts: DiffusionOptions,
  ) {
    if (!(opts.diffusion > 0) || !(opts.decay >= 0))
      throw new RangeError(`DiffusionGrid: diffusion must be > 0 and decay ≥ 0 (got ${opts.diffusion}, ${opts.decay})`);
    this.diffusion = opts.diffusion;
    this.decay = opts.decay;
    this.c = grid.newArray();
    this.next = grid.newArray();
    this.open = grid.newArray();
    this.nOpen = grid.newArray();
    this.source = grid.newArray();
    for (let iy = 0; iy < grid.ny; iy++) for (let ix = 0; ix < grid.nx; ix++) this.open[grid.index(ix, iy)] = 1;
    this.updateNeighbours();
  }

  /**
   * Close the cells whose centre passes `closed(x, y)` (and empty them);
   * `bounds` [x0, y0, x1, y1] (mm) limits the cells tested, for small shapes.
   */
  close(closed: (x: number, y: number) => boolean, bounds?: readonly [number, number, number, number]): void {
    const g = this.grid;
    const h = g.cellMm;
    const ix0 = bounds ? Math.max(0, Math.floor(bounds[0] / h - 0.5)) : 0;
    const iy0 = bounds ? Math.max(0, Math.floor(bounds[1] / h - 0.5)) : 0;
    const ix1 = bounds ? Math.min(g.nx - 1, Math.ceil(bounds[2] / h - 0.5)) : g.nx - 1;
    const iy1 = bounds ? Math.min(g.ny - 1, Math.ceil(bounds[3] / h - 0.5)) : g.ny - 1;
    for (let iy = iy0; iy <= iy1; iy++)
      for (let ix = ix0; ix <= ix1; ix++) {
        if (!closed(g.centreX(ix), g.centreY(iy))) continue;
        const i = g.index(ix, iy);
        this.open[i] = 0;
        this.c[i] = 0;
      }
    this.neighboursStale = true;
  }

  private updateNeighbours(): void {
    const { open, nOpen } = this;
    const s = this.grid.stride;
    for (let i = s; i < open.length - s; i++) nOpen[i] = open[i] ? open[i - 1] + open[i + 1] + open[i - s] + open[i + s] : 0;
    this.neighboursStale = false;
  }

  /** Largest stable step, s. */
  maxStableDt(): number {
    return (MAX_STABLE_R * this.grid.cellMm * this.grid.cellMm) / this.diffusion;
  }

  /** One explicit step of dtS seconds; throws if D·dt/dx² > 1/4 (use `advance` to sub-step). */
  step(dtS: number): void {
    const dx = this.grid.cellMm;
    const r = (this.diffusion * dtS) / (dx * dx);
    if (!(r <= MAX_STABLE_R * (1 + 1e-12)) || !(dtS >= 0))
      throw new RangeError(
        `diffusion step unstable: D·dt/dx² = ${r.toPrecision(4)} > ${MAX_STABLE_R} (D ${this.diffusion} mm²/s, dt ${dtS} s, dx ${dx} mm); use dt ≤ ${this.maxStableDt()} s or advance() to sub-step`,
      );
    if (this.neighboursStale) this.updateNeighbours();
    const { c, next, open, nOpen, source } = this;
    const f = 1 / (1 + this.decay * dtS);
    const s = this.grid.stride;
    const end = c.length - s;
    // Closed cells hold 0, so the sum of the four neighbours is the sum over open ones.
    for (let i = s; i < end; i++) {
      const ci = c[i];
      next[i] = open[i] * f * (ci + r * (c[i - 1] + c[i + 1] + c[i - s] + c[i + s] - nOpen[i] * ci) + dtS * source[i]);
    }
    this.next = c;
    this.c = next;
  }

  /** Advance dtS seconds in equal sub-steps with r ≤ SUBSTEP_R; returns the number of sub-steps. */
  advance(dtS: number): number {
    if (!(dtS > 0)) return 0;
    const h = this.grid.cellMm;
    const n = Math.max(1, Math.ceil(dtS / ((SUBSTEP_R * h * h) / this.diffusion) - 1e-9));
    const sub = dtS / n;
    for (let k = 0; k < n; k++) this.step(sub);
    return n;
  }

  /**
   * Solve the steady state D∇²c − kc + s = 0 by red-black successive
   * over-relaxation (needs k > 0, else it only exists without sources).
   */
  solveSteady(opts: { tolerance?: number; maxIterations?: number } = {}): SteadyResult {
    if (!(this.decay > 0)) throw new RangeError('solveSteady needs decay > 0: without decay the odour never settles');
    const tol = opts.tolerance ?? 1e-8;
    const maxIt = opts.maxIterations ?? 20_000;
    if (this.neighboursStale) this.updateNeighbours();
    const g = this.grid;
    const { c, open, nOpen, source } = this;
    const a = this.diffusion / (g.cellMm * g.cellMm);
    const k = this.decay;
    const s = g.stride;
    // 1 / diagonal of the operator on open cells, 0 on closed ones: closed cells then stay 0 without a branch.
    const inv = g.newArray();
    for (let i = 0; i < inv.length; i++) inv[i] = open[i] / (a * nOpen[i] + k);
    /** One red-black sweep with relaxation omega; returns the largest change relative to the largest value. */
    const sweep = (omega: number): number => {
      let maxDelta = 0;
      let maxC = 0;
      for (let colour = 0; colour < 2; colour++) {
        for (let iy = 0; iy < g.ny; iy++) {
          const rowEnd = (iy + 1) * s + 1 + g.nx;
          for (let i = (iy + 1) * s + 1 + ((iy + colour) & 1); i < rowEnd; i += 2) {
            const ci = c[i];
            const d = omega * ((a * (c[i - 1] + c[i + 1] + c[i - s] + c[i + s]) + source[i]) * inv[i] - ci);
            const v = ci + d;
            c[i] = v;
            const ad = d < 0 ? -d : d;
            if (ad > maxDelta) maxDelta = ad;
            if (v > maxC) maxC = v;
          }
        }
      }
      return maxC > 0 ? maxDelta / maxC : maxDelta;
    };
    // The optimal ω of the square Poisson problem; decay only speeds convergence.
    const omega = 2 / (1 + Math.sin(Math.PI / Math.max(g.nx, g.ny, 2)));
    let change = Infinity;
    let it = 0;
    while (it < maxIt) {
      change = sweep(omega);
      it++;
      if (change <= tol) return { iterations: it, change, converged: true };
    }
    return { iterations: it, change, converged: false };
  }

  /** Total amount Σ c·dx² over the plate, a.u.·mm². */
  mass(): number {
    const dx2 = this.grid.cellMm * this.grid.cellMm;
    let m = 0;
    for (let i = 0; i < this.c.length; i++) m += this.c[i];
    return m * dx2;
  }

  /** Put `amount` (a.u.·mm²) into the cell containing (x, y); returns false (and does nothing) if that cell is closed. */
  deposit(x: number, y: number, amount: number): boolean {
    const i = this.grid.cellAt(x, y);
    if (this.open[i] === 0) return false;
    this.c[i] += amount / (this.grid.cellMm * this.grid.cellMm);
    return true;
  }

  /** Concentration at (x, y), bilinear over open cells. */
  sample(x: number, y: number): number {
    return this.grid.sampleMasked(this.c, this.open, x, y);
  }

  clear(): void {
    this.c.fill(0);
  }
}
