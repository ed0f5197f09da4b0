/**
 * The one piece of linear algebra CMA-ES needs: the eigendecomposition of a
 * symmetric matrix, by cyclic Jacobi rotations (Golub & Van Loan §8.5). For
 * the tens of free parameters a circuit has it is exact to rounding, a few
 * dozen lines, deterministic, and fast enough (CMA-ES decomposes C only every
 * few generations); no linear-algebra package is worth a dependency for it.
 */

/** A square matrix, row-major: a[i * n + j]. */
export type Matrix = Float64Array;

export interface Eigen {
  /** Eigenvalues, ascending. */
  values: Float64Array;
  /** Eigenvectors as columns, row-major: column k is (vectors[0 * n + k], …, vectors[(n - 1) * n + k]) and belongs to values[k]. */
  vectors: Matrix;
}

/**
 * Eigenvalues and orthonormal eigenvectors of the symmetric n × n matrix `a`
 * (only its upper triangle is read; `a` is not changed). Sweeps rotate away
 * every off-diagonal element until their sum of squares is below
 * (1e-15 × the norm)², which in practice takes 6–10 sweeps.
 */
export function symmetricEigen(a: Matrix, n: number): Eigen {
  if (a.length !== n * n) throw new Error(`symmetricEigen: matrix has ${a.length} entries, expected ${n} × ${n}`);
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      m[i * n + j] = a[i * n + j];
      m[j * n + i] = a[i * n + j];
    }
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let norm2 = 0;
  for (let k = 0; k < n * n; k++) norm2 += m[k] * m[k];
  const tol2 = norm2 * 1e-30;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += m[i * n + j] * m[i * n + j];
    if (off <= tol2 || off === 0) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        // The rotation that zeroes m[p][q]: t = tan θ, the smaller root of t² + 2τt − 1 = 0.
        const tau = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p];
          const mkq = m[k * n + q];
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k];
          const mqk = m[q * n + k];
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  // Sort ascending (stable on ties, so the result does not depend on anything but the input).
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => m[x * n + x] - m[y * n + y] || x - y);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = m[src * n + src];
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src];
  });
  return { values, vectors };
}
