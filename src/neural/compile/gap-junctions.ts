/**
 * Gap junctions (electrical synapses): I_i += g (V_j − V_i), I_j −= the same
 * number, stored once per junction (previous step's V). Stiff ones between
 * graded neurons leave the explicit sum and are relaxed exactly after the
 * populations step (../gaps.ts); which ones is decided again whenever dt, a
 * parameter, an ablation or a cut changes it.
 */
import { type GapStiffness, type GapTable, type GradedCells, gapStiffness, splitStiff } from '../gaps';
import { freshKernel } from '../kernel';
import type { CompileContext, SynapseKernel, SynapseKernelInstance } from './kernel-api';
import { gradedArenaOf } from './populations';
import { zeroingEdits } from './kernel-api';
import type { ScheduledStep } from './schedule';
import { ELECTRICAL } from '../synapses';

/** One entry per pair, applied both ways with the same number (exactly antisymmetric). Self-contained (see ../kernel.ts). */
export function gapKernel(m: number, a: Int32Array, b: Int32Array, g: Float64Array, v: Float64Array, I: Float64Array): () => void {
  return () => {
    for (let k = 0; k < m; k++) {
      const i = a[k],
        j = b[k];
      const c = g[k] * (v[j] - v[i]);
      I[i] += c;
      I[j] -= c;
    }
  };
}

/** The gap junctions of one network, for Network.gapStiffness. */
export interface GapInstance extends SynapseKernelInstance {
  readonly kind: 'gap';
  stiffness(dtMs: number): GapStiffness;
  /** The explicit kernel's table: conductance g (0 for junctions relaxed exactly) between a and b (the graded fused step reads it). */
  readonly explicit: { readonly m: number; readonly a: Int32Array; readonly b: Int32Array; readonly g: Float64Array };
  /** Decides which junctions are stiff at dt where an edit or a new dt asks for it; returns their exact relaxation, or null. */
  prepare(dt: number): (() => void) | null;
}

export function isGapInstance(k: SynapseKernelInstance): k is GapInstance {
  return k.kind === 'gap';
}

function gradedCells(net: CompileContext): GradedCells | null {
  const graded = net.populations.graded;
  if (!graded) return null;
  const at = net.populations.entries.indexOf(graded.entry);
  const popOf = net.populations.popOf;
  return { pop: graded.pop, globals: graded.entry.globals, isGraded: (j) => popOf[j] === at };
}

export const gapJunctions: SynapseKernel = {
  kind: 'gap',
  claims: (net, s) => net.synapses.kind[s] === ELECTRICAL,
  build(net, members) {
    if (members.length === 0) return null;
    const syn = net.synapses;
    const m = members.length;
    const table: GapTable = { a: net.tables.i32(m), b: net.tables.i32(m), g: new Float64Array(m) };
    for (let j = 0; j < m; j++) {
      const s = members[j];
      table.a[j] = syn.from[s];
      table.b[j] = syn.to[s];
      table.g[j] = syn.weight[s];
    }
    /** The explicit kernel's conductances: table.g, with 0 for the junctions relaxed exactly. */
    const explicit = net.tables.f64(m);
    explicit.set(table.g);
    const cells = gradedCells(net);
    let dirty = true;
    let relax: (() => void) | null = null;
    const markDirty = () => {
      dirty = true;
    };
    // In a graded arena (the tables, V and current its own) the explicit sum is one wasm call, the same additions in the same order.
    const arena = gradedArenaOf(net.populations);
    const inArena = arena !== null && [table.a, table.b, explicit, net.arrays.v, net.arrays.current].every((t) => arena.holds(t));
    const currents = inArena
      ? arena.gaps({ m, a: table.a, b: table.b, g: explicit })
      : freshKernel(gapKernel)(members.length, table.a, table.b, explicit, net.arrays.v, net.arrays.current);
    const prepare = (dt: number) => {
      if (dirty) {
        dirty = false;
        relax = splitStiff(net.size, table, cells, net.populations.localOf, dt, explicit);
      }
      return relax;
    };
    const steps: ScheduledStep[] = [
      {
        name: 'gap.explicit',
        when: 'currents',
        run(dt) {
          prepare(dt);
          currents();
        },
      },
    ];
    if (cells) {
      steps.push({
        name: 'gap.relax',
        when: 'after-groups',
        run() {
          if (relax) relax();
        },
      });
    }
    const instance: GapInstance = {
      kind: 'gap',
      steps,
      ...zeroingEdits(
        net,
        members,
        'electrical',
        (j) => {
          table.g[j] = 0;
          explicit[j] = 0;
        },
        markDirty,
      ),
      layout: markDirty,
      paramsChanged: markDirty, // capacitance and τ set a graded neuron's stiffness
      loadWeights() {
        // Which junctions are stiff follows g: decided again (with `explicit`) before the next step.
        for (let j = 0; j < m; j++) table.g[j] = explicit[j] = syn.weight[members[j]];
        markDirty();
      },
      stiffness: (dtMs) => gapStiffness(net.ids, table, cells, dtMs),
      explicit: { m, a: table.a, b: table.b, g: explicit },
      prepare,
    };
    return instance;
  },
};
