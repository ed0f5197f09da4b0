/**
 * Symmetric positive-definite banded linear solver (Cholesky, no pivoting).
 *
 * The body's implicit step couples each degree of freedom only to those of
 * its neighbours along the chain, so the matrix is banded: for N segments
 * with x,y interleaved and bending over three neighbouring segments, n = 2N
 * and the half-bandwidth is 5. Factor + solve costs O(n·p²), a few µs.
 *
 * Storage: lower band, row by row; entry A[i][j] (i ≥ j, i − j ≤ p) lives at
 * a[i·(p+1) + (i − j)].
 */
export interface BandedSpd {
  readonly n: number;
  readonly p: number;
  /** Lower-band storage; overwritten by the factor in solve(). */
  readonly a: Float64Array;
  clear(): void;
  /** A[i][j] += v for i ≥ j (callers add only the lower triangle). */
  add(i: number, j: number, v: number): void;
  /**
   * Factors A in place and solves A x = b. Returns false (x untouched) when
   * A is not positive definite, i.e. the assembly produced a bad matrix.
   */
  solve(b: Float64Array, x: Float64Array): boolean;
}

export function createBandedSpd(n: number, p: number): BandedSpd {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(p) || p < 0) {
    throw new RangeError(`createBandedSpd: need integer n ≥ 1 and p ≥ 0, got n=${n}, p=${p}`);
  }
  const w = p + 1;
  const a = new Float64Array(n * w);
  const y = new Float64Array(n);
  const arrays = { a, y };

  return {
    n,
    p,
    a,
    clear() {
      a.fill(0);
    },
    add(i, j, v) {
      a[i * w + (i - j)] += v;
    },
    solve(b, x) {
      // Locals, not the closure's names, so V8 keeps the arrays' bases out of the loops (see mechanics.ts).
      const { a, y } = arrays;
      // Cholesky: L[i][j] = (A[i][j] − Σ_k L[i][k]·L[j][k]) / L[j][j].
      for (let i = 0; i < n; i++) {
        const k0 = Math.max(i - p, 0);
        const rowI = i * w;
        for (let j = k0; j <= i; j++) {
          const rowJ = j * w;
          let s = a[rowI + (i - j)];
          for (let k = k0; k < j; k++) s -= a[rowI + (i - k)] * a[rowJ + (j - k)];
          if (i === j) {
            if (!(s > 0)) return false;
            a[rowI] = Math.sqrt(s);
          } else {
            a[rowI + (i - j)] = s / a[rowJ];
          }
        }
      }
      // Forward: L y = b.
      for (let i = 0; i < n; i++) {
        const k0 = Math.max(i - p, 0);
        const rowI = i * w;
        let s = b[i];
        for (let k = k0; k < i; k++) s -= a[rowI + (i - k)] * y[k];
        y[i] = s / a[rowI];
      }
      // Backward: Lᵀ x = y.
      for (let i = n - 1; i >= 0; i--) {
        const k1 = Math.min(i + p, n - 1);
        let s = y[i];
        for (let k = i + 1; k <= k1; k++) s -= a[k * w + (k - i)] * x[k];
        x[i] = s / a[i * w];
      }
      return true;
    },
  };
}
