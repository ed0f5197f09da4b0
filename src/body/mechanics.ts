/**
 * The worm's overdamped mechanics, independent of matter-js: given the
 * segment centres and the muscle activations, compute how far each segment
 * moves in the next step.
 *
 * Model (see docs/body.md): N segment centres x_i joined by inextensible
 * links of length s = L/N. At each interior joint j the body bends by the
 * signed turning angle θ_j (tail → head, positive = bent to the left), i.e.
 * curvature κ_j = θ_j / s. The moment at the joint is
 *
 *   M_j = F_j r_j (A_L² − A_R²)                      active (the two muscle rows)
 *       − [EI_j + E_j r_j² (A_L + A_R)] κ_j          passive + active stiffness
 *       − [τ_p EI_j + τ_m E_j r_j² (A_L + A_R)] κ̇_j  passive + muscle viscosity
 *
 * which is exactly the side-muscle law F = κ·A·(L0 − A(L0 − Lmin) − L) − β·A·dL/dt
 * of Boyle et al. written as a moment (side length L = s(1 ∓ r κ), lever r,
 * E = F/(1 − Lmin/L0)). The moment acts on the three centres through the
 * gradient of θ. Resistive-force drag D_i = C∥ t tᵀ + C⊥ n nᵀ per segment
 * balances all forces (no inertia): D δ/dt = F(x + δ). We take one
 * linearised backward-Euler step (Gauss–Newton stiffness, damping implicit):
 *
 *   [D + Σ_j (K_j dt + H_j) g_j g_jᵀ + Σ_links k_ax dt h hᵀ] δ = dt · F(x)
 *
 * which is unconditionally stable, so neither the stiff zig-zag bending mode
 * (≈ 300× faster than the body wave at 20 segments) nor a large drag
 * coefficient can blow the chain up. Self-contact and contacts with walls
 * are one-sided stiff constraints solved by a small active-set loop (a
 * contact may push, never pull); pokes are force pulses.
 */
import { hypot } from '../lib/hypot';
import { createBandedSpd } from './banded';
import { radiusProfile, type ResolvedBodyOptions } from './params';

/** Axial link stiffness relative to the largest internal force per link: keeps stretch ≲ 0.1 %. */
const AXIAL_STIFFNESS_FACTOR = 2000;

export interface Mechanics {
  readonly segments: number;
  /** Rest distance between neighbouring segment centres, mm. */
  readonly linkMm: number;
  /** Body radius at each segment centre, mm. */
  readonly radii: Float64Array;
  /** Change the drag (µN·ms/mm² across, ratio across/along). */
  setDrag(dragNormal: number, dragRatio: number): void;
  /** Per-segment drag across / along the body, µN·ms/mm. */
  readonly drag: { readonly normal: number; readonly tangent: number };
  /**
   * Poke forces, explicit loads for the next solve: push k presses the body
   * point q = w·x[seg] + (1 − w)·x[seg + 1] with pushForce[k] µN along the
   * unit vector (pushNx, pushNy).
   */
  setPushes(count: number): void;
  readonly pushSeg: Int32Array;
  readonly pushW: Float64Array;
  readonly pushNx: Float64Array;
  readonly pushNy: Float64Array;
  readonly pushForce: Float64Array;
  /**
   * How fast the point w·x[seg] + (1 − w)·x[seg + 1] of the free body would
   * move along n per µN pushed on it there, mm/ms per µN (drag, bending and
   * links included; contacts ignored). Used to size pokes.
   */
  pointMobility(x: Float64Array, act: Float64Array, dtMs: number, seg: number, w: number, nx: number, ny: number): number;
  /**
   * Obstacles near or touching the body (walls, other worms): segment
   * obsSeg[k] may move at most obsGap[k] mm along −(obsNx, obsNy) this step
   * (the normal points out of the obstacle toward the segment; a negative gap
   * is an overlap the step must undo). Contacts from the last physics update
   * have gap 0; predicted contacts with static bodies carry their distance, so
   * a fast push stops at the surface within the step instead of one step late.
   * Capacity OBSTACLES_PER_SEGMENT × segments.
   */
  setObstacles(count: number): void;
  readonly obsSeg: Int32Array;
  readonly obsNx: Float64Array;
  readonly obsNy: Float64Array;
  readonly obsGap: Float64Array;
  /**
   * Displacement δ (mm, x,y interleaved) of every segment over the next dt ms.
   * x: centres in mm; act: 2N activations 0..1 (left row then right row).
   * Returns false if the system could not be solved (non-finite state).
   */
  solve(x: Float64Array, act: Float64Array, dtMs: number, delta: Float64Array): boolean;
  /** Signed curvature at the N − 2 interior joints, 1/mm (positive = bent left). */
  curvature(x: Float64Array, out: Float64Array): Float64Array;
}

export const MAX_PUSHES = 16;
/** Obstacle constraints a segment may carry (a corner, a wall and a worm at once). */
export const OBSTACLES_PER_SEGMENT = 4;
const MAX_ACTIVE_SET_ITERATIONS = 8;

export function createMechanics(o: ResolvedBodyOptions): Mechanics {
  const N = o.segments;
  const s = o.lengthMm / N;
  const R = o.radiusMm;
  const r = radiusProfile(N, R);
  const lam = o.muscleMinLength;
  const tauP = o.bendingDampingMs;
  const tauM = o.muscleDampingMs;

  // Per-joint constants (index j = 1..N−2; entries 0 and N−1 unused).
  const kPas = new Float64Array(N); // passive stiffness, µN·mm per rad
  const kMus = new Float64Array(N); // muscle stiffness per unit activation, µN·mm per rad
  const mAct = new Float64Array(N); // active moment at full one-sided activation, µN·mm
  for (let j = 1; j < N - 1; j++) {
    const f = r[j] / R;
    const ei = o.bendingStiffness * f * f * f;
    const fm = o.muscleForceUN * f;
    const em = fm / (1 - lam);
    kPas[j] = ei / s;
    kMus[j] = (em * r[j] * r[j]) / s;
    mAct[j] = fm * r[j];
  }
  // Largest internal force a link can feel (µN), to size the axial stiffness.
  const maxInternal = o.muscleForceUN + (2 * (o.bendingStiffness + (o.muscleForceUN * R * R) / (1 - lam))) / (s * s);
  const kAx = (AXIAL_STIFFNESS_FACTOR * maxInternal) / s; // µN/mm

  // Self-contact candidates: pairs far enough apart along the body never to touch when straight.
  const pairI: number[] = [];
  const pairJ: number[] = [];
  for (let i = 0; i < N; i++) {
    for (let j = i + 2; j < N; j++) {
      if ((j - i) * s > 1.25 * (r[i] + r[j])) {
        pairI.push(i);
        pairJ.push(j);
      }
    }
  }
  const contactI = Int32Array.from(pairI);
  const contactJ = Int32Array.from(pairJ);
  const nContacts = o.selfContact ? contactI.length : 0;

  const n = 2 * N;
  const band = createBandedSpd(n, 5);
  const rhs = new Float64Array(n);
  const scratch = new Float64Array(n);
  const tx = new Float64Array(N);
  const ty = new Float64Array(N);
  const g = new Float64Array(6);

  const drag = { normal: 0, tangent: 0 };
  const setDrag = (dragNormal: number, dragRatio: number) => {
    drag.normal = dragNormal * s;
    drag.tangent = drag.normal / dragRatio;
  };
  setDrag(o.dragNormal, o.dragRatio);

  const pushSeg = new Int32Array(MAX_PUSHES);
  const pushNx = new Float64Array(MAX_PUSHES);
  const pushNy = new Float64Array(MAX_PUSHES);
  const pushW = new Float64Array(MAX_PUSHES);
  const pushForce = new Float64Array(MAX_PUSHES);
  let pushes = 0;

  const a = band.a;
  const W = 6; // band row width (p + 1)

  const jointActivation = (act: Float64Array, side: number, j: number): number => {
    const b = side * N;
    if (j === 1) return 0.5 * (act[b] + act[b + 1]);
    if (j === N - 2) return 0.5 * (act[b + N - 2] + act[b + N - 1]);
    return act[b + j];
  };

  // Unilateral constraints: segment seg must move at least `target` mm along the
  // unit vector n this step (a contact that pushes, never pulls).
  const CAP = 8 * N;
  const cSeg = new Int32Array(CAP);
  const cNx = new Float64Array(CAP);
  const cNy = new Float64Array(CAP);
  const cTarget = new Float64Array(CAP);
  const cOn = new Uint8Array(CAP);
  let nc = 0;
  const base = new Float64Array(a.length);
  const rhsBase = new Float64Array(n);
  const OBS = OBSTACLES_PER_SEGMENT * N;
  const obsSeg = new Int32Array(OBS);
  const obsNx = new Float64Array(OBS);
  const obsNy = new Float64Array(OBS);
  const obsGap = new Float64Array(OBS);
  let obstacles = 0;

  /** A constraint starts active when it must push now (target ≥ 0), inactive when it only limits how far the segment may go. */
  const addConstraint = (seg: number, nx: number, ny: number, target: number) => {
    if (nc === CAP) return;
    cSeg[nc] = seg;
    cNx[nc] = nx;
    cNy[nc] = ny;
    cTarget[nc] = target;
    cOn[nc] = target >= 0 ? 1 : 0;
    nc++;
  };
  /** Adds w·n nᵀ to the segment's diagonal block and w·target·n to its load. */
  const loadConstraint = (k: number, w: number) => {
    const d = 2 * cSeg[k];
    const nx = cNx[k];
    const ny = cNy[k];
    a[d * W] += w * nx * nx;
    a[(d + 1) * W + 1] += w * ny * nx;
    a[(d + 1) * W] += w * ny * ny;
    rhs[d] += w * cTarget[k] * nx;
    rhs[d + 1] += w * cTarget[k] * ny;
  };
  const reaction = (k: number, delta: Float64Array): number => {
    const d = 2 * cSeg[k];
    return cTarget[k] - (delta[d] * cNx[k] + delta[d + 1] * cNy[k]);
  };

  /** Fills the band matrix and dt·F into rhs: drag, links, bending, muscles, poke forces. */
  // The hot functions read their arrays into locals first: V8 then keeps each array's base and length
  // out of the loops, which it does not for the closure's captured names (the same bits, a faster
  // solve: docs/benchmarks.md, session 9).
  const arrays = { a, rhs, tx, ty, g, kPas, kMus, mAct };
  const assemble = (x: Float64Array, act: Float64Array, dt: number): number => {
    const { a, rhs, tx, ty, g, kPas, kMus, mAct } = arrays;
    a.fill(0);
    rhs.fill(0);

    // Tangents (unit, pointing toward the head).
    for (let i = 0; i < N; i++) {
      const i0 = i > 0 ? i - 1 : 0;
      const i1 = i < N - 1 ? i + 1 : N - 1;
      const dx = x[2 * i0] - x[2 * i1];
      const dy = x[2 * i0 + 1] - x[2 * i1 + 1];
      const l = hypot(dx, dy);
      tx[i] = l > 0 ? dx / l : 1;
      ty[i] = l > 0 ? dy / l : 0;
    }

    // Resistive-force drag: D = C⊥ I + (C∥ − C⊥) t tᵀ.
    const cn = drag.normal;
    const dc = drag.tangent - drag.normal;
    for (let i = 0; i < N; i++) {
      const d = 2 * i;
      a[d * W] += cn + dc * tx[i] * tx[i];
      a[(d + 1) * W + 1] += dc * ty[i] * tx[i];
      a[(d + 1) * W] += cn + dc * ty[i] * ty[i];
    }

    // Inextensible links as stiff implicit springs (matter-js constraints clean up the rest).
    const wAx = kAx * dt;
    for (let i = 0; i < N - 1; i++) {
      const d = 2 * i;
      const dx = x[d + 2] - x[d];
      const dy = x[d + 3] - x[d + 1];
      const l = hypot(dx, dy);
      const hx = dx / l;
      const hy = dy / l;
      const f = wAx * (l - s); // dt × tension
      rhs[d] += f * hx;
      rhs[d + 1] += f * hy;
      rhs[d + 2] -= f * hx;
      rhs[d + 3] -= f * hy;
      const xx = wAx * hx * hx;
      const xy = wAx * hx * hy;
      const yy = wAx * hy * hy;
      // Diagonal blocks (i,i) and (i+1,i+1): +hhᵀ; off-diagonal (i+1,i): −hhᵀ.
      a[d * W] += xx;
      a[(d + 1) * W + 1] += xy;
      a[(d + 1) * W] += yy;
      a[(d + 2) * W] += xx;
      a[(d + 3) * W + 1] += xy;
      a[(d + 3) * W] += yy;
      a[(d + 2) * W + 2] -= xx; // (d+2, d)
      a[(d + 2) * W + 1] -= xy; // (d+2, d+1)
      a[(d + 3) * W + 3] -= xy; // (d+3, d)
      a[(d + 3) * W + 2] -= yy; // (d+3, d+1)
    }

    // Bending joints: passive + muscle moments through ∂θ/∂x.
    for (let j = 1; j < N - 1; j++) {
      const ax = x[2 * j] - x[2 * j + 2];
      const ay = x[2 * j + 1] - x[2 * j + 3];
      const bx = x[2 * j - 2] - x[2 * j];
      const by = x[2 * j - 1] - x[2 * j + 1];
      const la2 = ax * ax + ay * ay;
      const lb2 = bx * bx + by * by;
      const theta = Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
      // g over (x_{j−1}, x_j, x_{j+1}).
      g[0] = -by / lb2;
      g[1] = bx / lb2;
      g[4] = -ay / la2;
      g[5] = ax / la2;
      g[2] = -g[0] - g[4];
      g[3] = -g[1] - g[5];
      const aL = jointActivation(act, 0, j);
      const aR = jointActivation(act, 1, j);
      const coAct = aL + aR;
      const K = kPas[j] + kMus[j] * coAct;
      const H = tauP * kPas[j] + tauM * kMus[j] * coAct;
      const M = mAct[j] * (aL * aL - aR * aR) - K * theta;
      const d0 = 2 * j - 2;
      const wB = K * dt + H;
      for (let p = 0; p < 6; p++) {
        rhs[d0 + p] += dt * M * g[p];
        const row = (d0 + p) * W;
        const gp = wB * g[p];
        for (let q = 0; q <= p; q++) a[row + (p - q)] += gp * g[q];
      }
    }

    // Pokes: explicit force pulses (always pushing; bounded, so a pick cannot
    // drive the body through a wall, only press it there).
    for (let k = 0; k < pushes; k++) {
      const d = 2 * pushSeg[k];
      const w0 = pushW[k];
      const fx = dt * pushForce[k] * pushNx[k];
      const fy = dt * pushForce[k] * pushNy[k];
      rhs[d] += w0 * fx;
      rhs[d + 1] += w0 * fy;
      if (w0 < 1) {
        rhs[d + 2] += (1 - w0) * fx;
        rhs[d + 3] += (1 - w0) * fy;
      }
    }
    return wAx;
  };

  const solve = (x: Float64Array, act: Float64Array, dt: number, delta: Float64Array): boolean => {
    const wAx = assemble(x, act, dt);

    // One-sided contacts (self-contact, walls) as an active set of stiff constraints.
    nc = 0;
    for (let c = 0; c < nContacts; c++) {
      const i = contactI[c];
      const j = contactJ[c];
      const dx = x[2 * j] - x[2 * i];
      const dy = x[2 * j + 1] - x[2 * i + 1];
      const rr = r[i] + r[j];
      const d2 = dx * dx + dy * dy;
      if (d2 >= rr * rr || d2 === 0) continue;
      const d = Math.sqrt(d2);
      // Each of the two segments is driven to take half the overlap, away from the other.
      addConstraint(i, -dx / d, -dy / d, 0.5 * (rr - d));
      addConstraint(j, dx / d, dy / d, 0.5 * (rr - d));
    }
    for (let k = 0; k < obstacles; k++) addConstraint(obsSeg[k], obsNx[k], obsNy[k], -obsGap[k]);

    if (nc === 0) return band.solve(rhs, delta);
    base.set(a);
    rhsBase.set(rhs);
    for (let iter = 0; iter < MAX_ACTIVE_SET_ITERATIONS; iter++) {
      if (iter > 0) {
        a.set(base);
        rhs.set(rhsBase);
      }
      for (let k = 0; k < nc; k++) if (cOn[k]) loadConstraint(k, wAx);
      if (!band.solve(rhs, delta)) return false;
      // A contact may push but never pull: drop those whose reaction came out
      // negative; take in those the free motion would cross (predicted contacts).
      let changed = false;
      for (let k = 0; k < nc; k++) {
        const r = reaction(k, delta);
        if (cOn[k] && r < -1e-12) {
          cOn[k] = 0;
          changed = true;
        } else if (!cOn[k] && r > 1e-12) {
          cOn[k] = 1;
          changed = true;
        }
      }
      if (!changed) break;
    }
    return true;
  };

  const pointMobility = (x: Float64Array, act: Float64Array, dt: number, seg: number, w: number, nx: number, ny: number): number => {
    const saved = pushes;
    pushes = 0;
    assemble(x, act, dt);
    pushes = saved;
    rhs.fill(0);
    const d = 2 * seg;
    const w1 = seg < N - 1 ? 1 - w : 0;
    const w0 = 1 - w1;
    rhs[d] = w0 * nx;
    rhs[d + 1] = w0 * ny;
    if (w1 > 0) {
      rhs[d + 2] = w1 * nx;
      rhs[d + 3] = w1 * ny;
    }
    if (!band.solve(rhs, scratch)) return NaN;
    let m = w0 * (scratch[d] * nx + scratch[d + 1] * ny);
    if (w1 > 0) m += w1 * (scratch[d + 2] * nx + scratch[d + 3] * ny);
    return m; // A δ = dt·F with F = c: δ·c per unit force per step is dt·(cᵀA⁻¹c); rate = cᵀA⁻¹c
  };

  const curvature = (x: Float64Array, out: Float64Array): Float64Array => {
    for (let j = 1; j < N - 1; j++) {
      const ax = x[2 * j] - x[2 * j + 2];
      const ay = x[2 * j + 1] - x[2 * j + 3];
      const bx = x[2 * j - 2] - x[2 * j];
      const by = x[2 * j - 1] - x[2 * j + 1];
      const theta = Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
      out[j - 1] = (2 * theta) / (hypot(ax, ay) + hypot(bx, by));
    }
    return out;
  };

  return {
    segments: N,
    linkMm: s,
    radii: r,
    drag,
    setDrag,
    setPushes(count: number) {
      pushes = count;
    },
    setObstacles(count: number) {
      obstacles = count;
    },
    obsSeg,
    obsNx,
    obsNy,
    obsGap,
    pushSeg,
    pushW,
    pushNx,
    pushNy,
    pushForce,
    pointMobility,
    solve,
    curvature,
  };
}
