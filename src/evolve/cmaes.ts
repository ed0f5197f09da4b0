/**
 * CMA-ES, the (μ/μ_w, λ) evolution strategy with covariance matrix
 * adaptation, as in Hansen's tutorial (arXiv 1604.00772, Appendix A and the
 * default parameters of its Table 1 with positive recombination weights):
 * cumulative step-size adaptation, rank-one update through the evolution
 * path p_c, rank-μ update, and a lazy eigendecomposition of C.
 *
 * It minimises. It is an ask/tell object so the caller owns evaluation
 * (worker threads, a job queue, Web Workers), and its whole state is plain
 * JSON: a run checkpointed after `tell` resumes bit for bit, because the
 * samples of generation g come from a generator seeded with (seed, g).
 * Unbounded: box bounds are the genome's business (genes.ts mirrors values
 * into their range, which leaves this distribution's update unbiased).
 */
import { symmetricEigen } from './linalg';
import { rngFor } from './seeds';

export interface CmaesOptions {
  /** Initial mean (its length is the dimension n). */
  mean: readonly number[];
  /** Initial step size σ0 (the same in every coordinate: scale the coordinates to match). */
  sigma: number;
  seed: number;
  /** Population size λ; default 4 + ⌊3 ln n⌋. */
  lambda?: number;
}

/** Everything a run needs to continue: plain numbers, safe to JSON.stringify and parse back exactly. */
export interface CmaesState {
  n: number;
  lambda: number;
  seed: number;
  generation: number;
  evaluations: number;
  mean: number[];
  sigma: number;
  sigma0: number;
  /** Covariance matrix, row-major n × n. */
  C: number[];
  /** C = B diag(D²) Bᵀ as of the last decomposition (eigenvectors as columns, row-major). */
  B: number[];
  D: number[];
  pc: number[];
  ps: number[];
  /** Evaluation count at the last decomposition. */
  eigenAt: number;
}

export class Cmaes {
  readonly n: number;
  readonly lambda: number;
  readonly mu: number;
  private readonly weights: Float64Array;
  private readonly mueff: number;
  private readonly cs: number;
  private readonly ds: number;
  private readonly cc: number;
  private readonly c1: number;
  private readonly cmu: number;
  /** E‖N(0, I)‖. */
  private readonly chiN: number;

  private constructor(private readonly s: CmaesState) {
    const n = s.n;
    this.n = n;
    this.lambda = s.lambda;
    this.mu = Math.floor(s.lambda / 2);
    const w = Float64Array.from({ length: this.mu }, (_, i) => Math.log((s.lambda + 1) / 2) - Math.log(i + 1));
    const sum = w.reduce((a, b) => a + b, 0);
    for (let i = 0; i < w.length; i++) w[i] /= sum;
    this.weights = w;
    this.mueff = 1 / w.reduce((a, b) => a + b * b, 0);
    const mueff = this.mueff;
    this.cs = (mueff + 2) / (n + mueff + 5);
    this.ds = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + this.cs;
    this.cc = (4 + mueff / n) / (n + 4 + (2 * mueff) / n);
    this.c1 = 2 / ((n + 1.3) ** 2 + mueff);
    this.cmu = Math.min(1 - this.c1, (2 * (mueff - 2 + 1 / mueff)) / ((n + 2) ** 2 + mueff));
    this.chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
  }

  static create(opts: CmaesOptions): Cmaes {
    const n = opts.mean.length;
    if (n < 1) throw new Error('CMA-ES needs at least one free parameter');
    if (!(opts.sigma > 0) || !Number.isFinite(opts.sigma)) throw new Error(`CMA-ES: sigma must be a positive number, got ${opts.sigma}`);
    if (!opts.mean.every(Number.isFinite)) throw new Error('CMA-ES: the initial mean must be finite');
    const lambda = opts.lambda ?? defaultLambda(n);
    if (!Number.isInteger(lambda) || lambda < 2) throw new Error(`CMA-ES: population size must be a whole number ≥ 2, got ${lambda}`);
    const eye = (v: number) => Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? v : 0));
    return new Cmaes({
      n,
      lambda,
      seed: opts.seed >>> 0,
      generation: 0,
      evaluations: 0,
      mean: [...opts.mean],
      sigma: opts.sigma,
      sigma0: opts.sigma,
      C: eye(1),
      B: eye(1),
      D: Array(n).fill(1),
      pc: Array(n).fill(0),
      ps: Array(n).fill(0),
      eigenAt: 0,
    });
  }

  /** Continue from a state written by `state()`. */
  static restore(state: CmaesState): Cmaes {
    return new Cmaes(structuredClone(state));
  }

  state(): CmaesState {
    return structuredClone(this.s);
  }

  get generation(): number {
    return this.s.generation;
  }
  get evaluations(): number {
    return this.s.evaluations;
  }
  get sigma(): number {
    return this.s.sigma;
  }
  get mean(): readonly number[] {
    return this.s.mean;
  }

  /** The λ candidates of this generation: x_k = m + σ B D z_k with z_k ~ N(0, I). The same every time it is asked. */
  ask(): number[][] {
    const { n, B, D, mean, sigma } = this.s;
    const rng = rngFor(this.s.seed, this.s.generation);
    const out: number[][] = [];
    const z = new Float64Array(n);
    for (let k = 0; k < this.lambda; k++) {
      for (let i = 0; i < n; i++) z[i] = D[i] * rng.normal();
      const x = new Array<number>(n);
      for (let i = 0; i < n; i++) {
        let y = 0;
        for (let j = 0; j < n; j++) y += B[i * n + j] * z[j];
        x[i] = mean[i] + sigma * y;
      }
      out.push(x);
    }
    return out;
  }

  /** Update from this generation's candidates (as `ask` gave them) and their fitness values (lower is better). */
  tell(xs: readonly (readonly number[])[], fitness: readonly number[]): void {
    const s = this.s;
    const n = s.n;
    if (xs.length !== this.lambda || fitness.length !== this.lambda)
      throw new Error(`CMA-ES: tell needs ${this.lambda} candidates and fitness values, got ${xs.length} and ${fitness.length}`);
    // NaN ranks last; ties keep the sampling order, so the ranking is deterministic.
    const key = (f: number) => (Number.isNaN(f) ? Infinity : f);
    const order = Array.from({ length: this.lambda }, (_, k) => k).sort((a, b) => key(fitness[a]) - key(fitness[b]) || a - b);
    const old = s.mean;
    const ys: Float64Array[] = [];
    for (let i = 0; i < this.mu; i++) {
      const x = xs[order[i]];
      const y = new Float64Array(n);
      for (let j = 0; j < n; j++) y[j] = (x[j] - old[j]) / s.sigma;
      ys.push(y);
    }
    const yw = new Float64Array(n);
    for (let i = 0; i < this.mu; i++) for (let j = 0; j < n; j++) yw[j] += this.weights[i] * ys[i][j];
    s.mean = old.map((m, j) => m + s.sigma * yw[j]);

    // p_σ ← (1 − c_σ) p_σ + √(c_σ (2 − c_σ) μ_eff) C^(−1/2) y_w, with C^(−1/2) = B D⁻¹ Bᵀ.
    const bty = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      let v = 0;
      for (let i = 0; i < n; i++) v += s.B[i * n + k] * yw[i];
      bty[k] = v / s.D[k];
    }
    const csn = Math.sqrt(this.cs * (2 - this.cs) * this.mueff);
    let psNorm2 = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let k = 0; k < n; k++) v += s.B[i * n + k] * bty[k];
      s.ps[i] = (1 - this.cs) * s.ps[i] + csn * v;
      psNorm2 += s.ps[i] * s.ps[i];
    }
    const psNorm = Math.sqrt(psNorm2);
    s.evaluations += this.lambda;
    s.generation += 1;
    // h_σ stalls the update of p_c when ‖p_σ‖ is large (σ is about to grow fast).
    const hsig = psNorm / Math.sqrt(1 - (1 - this.cs) ** (2 * s.generation)) / this.chiN < 1.4 + 2 / (n + 1) ? 1 : 0;
    const ccn = Math.sqrt(this.cc * (2 - this.cc) * this.mueff);
    for (let i = 0; i < n; i++) s.pc[i] = (1 - this.cc) * s.pc[i] + hsig * ccn * yw[i];

    // C ← (1 − c1 − cμ) C + c1 (p_c p_cᵀ + (1 − h_σ) c_c (2 − c_c) C) + cμ Σ w_i y_i y_iᵀ
    const keep = 1 - this.c1 - this.cmu + (1 - hsig) * this.c1 * this.cc * (2 - this.cc);
    for (let i = 0; i < n; i++)
      for (let j = i; j < n; j++) {
        let rankMu = 0;
        for (let k = 0; k < this.mu; k++) rankMu += this.weights[k] * ys[k][i] * ys[k][j];
        const v = keep * s.C[i * n + j] + this.c1 * s.pc[i] * s.pc[j] + this.cmu * rankMu;
        s.C[i * n + j] = v;
        s.C[j * n + i] = v;
      }
    s.sigma *= Math.exp((this.cs / this.ds) * (psNorm / this.chiN - 1));

    // Decompose C again once enough evaluations have passed that it has moved (O(n²) per evaluation on average).
    if (s.evaluations - s.eigenAt > this.lambda / (this.c1 + this.cmu) / n / 10) this.decompose();
  }

  /** Why to stop, if the distribution has collapsed or degenerated (the caller also stops on budget and target). */
  stopReason(): string | null {
    const s = this.s;
    const maxD = Math.max(...s.D);
    const minD = Math.min(...s.D);
    if (!Number.isFinite(s.sigma) || !s.mean.every(Number.isFinite)) return 'the search distribution is no longer finite';
    if (s.sigma * maxD < 1e-12 * s.sigma0) return `the step size collapsed (σ·max √eig(C) = ${(s.sigma * maxD).toExponential(2)})`;
    if ((maxD / minD) ** 2 > 1e14) return `the covariance matrix is ill-conditioned (condition number > 1e14)`;
    return null;
  }

  private decompose(): void {
    const s = this.s;
    const n = s.n;
    const { values, vectors } = symmetricEigen(Float64Array.from(s.C), n);
    s.B = Array.from(vectors);
    // Rounding can leave a tiny negative eigenvalue; clamp so D stays real.
    s.D = Array.from(values, (v) => Math.sqrt(Math.max(v, 1e-300)));
    s.eigenAt = s.evaluations;
  }
}

export function defaultLambda(n: number): number {
  return 4 + Math.floor(3 * Math.log(n));
}
