/**
 * Stiff gap junctions: which ones explicit currents cannot carry at a dt,
 * and their exact relaxation instead (docs/neural.md, "Stiff gap junctions").
 *
 * Explicit gap currents are stable only while dt·Σg/C stays below about 1
 * per neuron. For every graded neuron its explicit ratio ρ says how close it
 * is; junctions between two graded neurons of which one has
 * ρ > STIFF_GAP_RATIO leave the explicit sum and are relaxed exactly after the
 * population's step (operator splitting: stable at any conductance,
 * charge-conserving, no overshoot). With no such neuron the explicit path
 * runs alone, bit for bit as before stiff junctions existed.
 */
import type { GradedPopulation } from './models/graded';

/**
 * Above this explicit ratio ρ a graded neuron's gap junctions (to other graded
 * neurons) are relaxed exactly instead of explicitly. ρ ≤ 1 is where explicit
 * gap currents are guaranteed stable; from ρ ≈ 0.5 they overshoot (an
 * isolated pair's difference changes sign every step), so the switch is there.
 */
export const STIFF_GAP_RATIO = 0.5;

/** How stiff a network's gap junctions are at one dt (Network.gapStiffness). */
export interface GapStiffness {
  dtMs: number;
  /**
   * Per neuron (spec order), graded neurons only (0 for other models and for
   * neurons without junctions): ρ = 2·k·Σg / (1 + d), d = e^(−dt/τ),
   * k = (1 − d)·τ/C, Σg its live junctions' conductance. Explicit gap
   * currents keep every neuron with ρ ≤ 1 stable.
   */
  ratio: Float64Array;
  /** Ids of the neurons with ρ > STIFF_GAP_RATIO, spec order. */
  stiff: string[];
  /** Junctions the engine relaxes exactly at this dt (of the live ones). */
  relaxedJunctions: number;
  /** Live junctions in all. */
  junctions: number;
}

/** A network's gap junctions: one entry per junction (global indices, conductance ≥ 0; 0 once cut or ablated). */
export interface GapTable {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly g: Float64Array;
}

/** The graded population as the stiffness check sees it. */
export interface GradedCells {
  readonly pop: GradedPopulation;
  /** Global index of each graded neuron. */
  readonly globals: Int32Array;
  /** Whether global neuron j is graded. */
  isGraded(j: number): boolean;
}

/** ρ per neuron at dt, and the junctions to relax (indices into the table, in table order). */
export function stiffnessAt(n: number, gaps: GapTable, cells: GradedCells | null, dt: number): { ratio: Float64Array; relaxed: number[] } {
  const { a: gA, b: gB, g: gG } = gaps;
  const ratio = new Float64Array(n);
  const relaxed: number[] = [];
  if (!cells || gG.length === 0) return { ratio, relaxed };
  const sum = new Float64Array(n);
  for (let k = 0; k < gG.length; k++) {
    if (gA[k] === gB[k]) continue; // carries nothing
    sum[gA[k]] += gG[k];
    sum[gB[k]] += gG[k];
  }
  const { pop, globals } = cells;
  for (let k = 0; k < globals.length; k++) {
    const g = globals[k];
    if (sum[g] === 0) continue;
    const tau = pop.tauMs[k],
      d = Math.exp(-dt / tau);
    ratio[g] = (2 * (((1 - d) * tau) / pop.capacitance[k]) * sum[g]) / (1 + d);
  }
  for (let k = 0; k < gG.length; k++) {
    const a = gA[k],
      b = gB[k];
    if (gG[k] > 0 && a !== b && cells.isGraded(a) && cells.isGraded(b) && (ratio[a] > STIFF_GAP_RATIO || ratio[b] > STIFF_GAP_RATIO)) relaxed.push(k);
  }
  return { ratio, relaxed };
}

/** The report of Network.gapStiffness. */
export function gapStiffness(ids: readonly string[], gaps: GapTable, cells: GradedCells | null, dtMs: number): GapStiffness {
  const { ratio, relaxed } = stiffnessAt(ids.length, gaps, cells, dtMs);
  const stiff: string[] = [];
  ratio.forEach((r, g) => {
    if (r > STIFF_GAP_RATIO) stiff.push(ids[g]);
  });
  let live = 0;
  for (let k = 0; k < gaps.g.length; k++) if (gaps.g[k] > 0) live++;
  return { dtMs, ratio, stiff, relaxedJunctions: relaxed.length, junctions: live };
}

/**
 * Splits the junctions for dt: `explicit` gets their conductances with 0 for
 * the ones relaxed exactly, and the result is the relaxation kernel for those
 * (null when there are none). `localOf` maps a global index to the graded
 * population's. The graded population relaxes each pair exactly
 * (GradedPopulation.gapRelaxation: it knows its capacitances and release curve).
 */
export function splitStiff(n: number, gaps: GapTable, cells: GradedCells | null, localOf: Int32Array, dt: number, explicit: Float64Array): (() => void) | null {
  explicit.set(gaps.g);
  const { relaxed } = stiffnessAt(n, gaps, cells, dt);
  if (relaxed.length === 0 || !cells) return null;
  const m = relaxed.length;
  const a = new Int32Array(m),
    b = new Int32Array(m),
    g = new Float64Array(m);
  relaxed.forEach((k, j) => {
    a[j] = localOf[gaps.a[k]];
    b[j] = localOf[gaps.b[k]];
    g[j] = gaps.g[k];
    explicit[k] = 0;
  });
  return cells.pop.gapRelaxation(a, b, g, dt);
}
