import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBandedSpd } from './banded';

/** Dense Gaussian elimination with partial pivoting, the reference. */
function denseSolve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

describe('banded SPD solver', () => {
  it('matches a dense solve on random banded SPD systems (B Bᵀ + εI with banded B)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 5 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 24 * 4, maxLength: 24 * 4 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 24, maxLength: 24 }),
        (n, p, vals, bv) => {
          // Lower-triangular B with bandwidth ⌊p/2⌋ makes A = B Bᵀ + 0.1 I banded with bandwidth ≤ p.
          const q = p >> 1;
          const B = Array.from({ length: n }, () => new Array<number>(n).fill(0));
          let v = 0;
          for (let i = 0; i < n; i++) for (let j = Math.max(0, i - q); j <= i; j++) B[i][j] = vals[v++ % vals.length];
          const A = Array.from({ length: n }, (_, i) =>
            Array.from({ length: n }, (_, j) => {
              let s = i === j ? 0.1 : 0;
              for (let k = 0; k < n; k++) s += B[i][k] * B[j][k];
              return s;
            }),
          );
          const band = createBandedSpd(n, p);
          for (let i = 0; i < n; i++) for (let j = Math.max(0, i - p); j <= i; j++) band.add(i, j, A[i][j]);
          const b = bv.slice(0, n);
          const x = new Float64Array(n);
          expect(band.solve(Float64Array.from(b), x)).toBe(true);
          const ref = denseSolve(A, b);
          // Residual check is scale-free: ‖A x − b‖ small relative to ‖b‖ + ‖A‖‖x‖.
          for (let i = 0; i < n; i++) {
            let r = -b[i];
            let scale = Math.abs(b[i]);
            for (let j = 0; j < n; j++) {
              r += A[i][j] * x[j];
              scale += Math.abs(A[i][j] * x[j]);
            }
            expect(Math.abs(r)).toBeLessThanOrEqual(1e-9 * (scale + 1));
            expect(x[i]).toBeCloseTo(ref[i], 5);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports a matrix that is not positive definite instead of returning garbage', () => {
    const band = createBandedSpd(3, 1);
    band.add(0, 0, 1);
    band.add(1, 0, 2); // [[1,2],[2,1]] block is indefinite
    band.add(1, 1, 1);
    band.add(2, 2, 1);
    const x = new Float64Array(3);
    expect(band.solve(Float64Array.of(1, 1, 1), x)).toBe(false);
    const nan = createBandedSpd(2, 1);
    nan.add(0, 0, NaN);
    nan.add(1, 1, 1);
    expect(nan.solve(Float64Array.of(1, 1), x)).toBe(false);
  });
});
