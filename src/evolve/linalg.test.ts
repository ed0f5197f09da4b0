import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './linalg';

/** B · diag(values) · Bᵀ */
function recompose(values: Float64Array, vectors: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += vectors[i * n + k] * values[k] * vectors[j * n + k];
      out[i * n + j] = s;
    }
  return out;
}

const symmetric = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((xs) => {
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = xs[i * n + j];
    return { n, a };
  }),
);

describe('symmetricEigen', () => {
  it('finds the eigenvalues of a known matrix', () => {
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3, eigenvectors (1, −1)/√2 and (1, 1)/√2.
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    expect(Math.abs(vectors[0 * 2 + 1])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0 * 2 + 1] * vectors[1 * 2 + 1]).toBeGreaterThan(0);
    expect(vectors[0 * 2 + 0] * vectors[1 * 2 + 0]).toBeLessThan(0);
  });

  it('handles a diagonal matrix and repeated eigenvalues', () => {
    const a = Float64Array.from([3, 0, 0, 0, 1, 0, 0, 0, 3]);
    const { values } = symmetricEigen(a, 3);
    expect([...values]).toEqual([1, 3, 3]);
  });

  it('recomposes the matrix from orthonormal eigenvectors, eigenvalues ascending (property)', () => {
    fc.assert(
      fc.property(symmetric, ({ n, a }) => {
        const { values, vectors } = symmetricEigen(a, n);
        const scale = Math.max(1, ...a.map(Math.abs));
        const back = recompose(values, vectors, n);
        for (let k = 0; k < n * n; k++) expect(Math.abs(back[k] - a[k])).toBeLessThan(1e-10 * scale * n);
        for (let p = 0; p < n; p++)
          for (let q = 0; q < n; q++) {
            let dot = 0;
            for (let k = 0; k < n; k++) dot += vectors[k * n + p] * vectors[k * n + q];
            expect(Math.abs(dot - (p === q ? 1 : 0))).toBeLessThan(1e-12 * n);
          }
        for (let k = 1; k < n; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a matrix of the wrong size', () => {
    expect(() => symmetricEigen(new Float64Array(5), 2)).toThrow(/5 entries, expected 2 × 2/);
  });
});
