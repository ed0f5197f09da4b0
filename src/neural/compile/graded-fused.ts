/**
 * Kernel selection for graded networks: a network of graded neurons alone
 * (one population, in a wasm arena: ../wasm/graded-arena.ts) joined only by
 * plain continuous synapses and gap junctions runs each step as one call into
 * WebAssembly (current = input, the scatter, the explicit gap junctions, the
 * neuron update) and then the exact relaxation of stiff gap junctions in JS:
 * the same numbers bit for bit as the general schedule (graded-arena.test.ts).
 * A step whose population needs another kernel (no rectifier and no plateau
 * anywhere, after an edit) runs the general schedule; an ablation sends
 * the network back to it for good, as for the fused LIF pass.
 */
import { isContinuousInstance } from './continuous';
import type { FusedSchedule } from './fused';
import { type GapInstance, isGapInstance } from './gap-junctions';
import type { CompileContext, SynapseKernelInstance } from './kernel-api';
import { gradedArenaOf } from './populations';
import { type ScheduledStep, scheduleRunner } from './schedule';

/** The fused graded schedule where the network allows it, else null. */
export function selectGradedFused(
  net: CompileContext,
  kernels: readonly SynapseKernelInstance[],
  general: readonly ScheduledStep[],
  external: boolean,
): FusedSchedule | null {
  const arena = gradedArenaOf(net.populations);
  const pop = net.populations.graded?.pop;
  if (!arena || !pop) return null;
  let scatter: { m: number; pre: Int32Array; post: Int32Array; w: Float64Array } | null = null;
  let gap: GapInstance | null = null;
  for (const k of kernels) {
    if (isContinuousInstance(k) && k.steps.every((s) => s.name === 'continuous.scatter')) scatter = k.scatter;
    else if (isGapInstance(k)) gap = k;
    else return null;
  }
  const tables = [scatter?.pre, scatter?.post, scatter?.w, gap?.explicit.a, gap?.explicit.b, gap?.explicit.g];
  if (!tables.every((t) => t === undefined || arena.holds(t))) return null;
  const { conductance, inputConductance } = net.arrays;
  const step = arena.step(external ? conductance : arena.array.zero, scatter, gap?.explicit ?? null);
  const slow = scheduleRunner(general);
  const clock = net.clock;
  return {
    steps: [
      {
        name: 'graded.fused',
        when: 'groups',
        run(dt) {
          if (!pop.prepare(dt)) {
            slow(dt);
            return;
          }
          const relax = gap ? gap.prepare(dt) : null;
          if (external) conductance.set(inputConductance);
          step(pop.plateau, pop.rectifier);
          if (relax) relax();
          clock.firedCount = 0; // graded neurons never fire
        },
      },
    ],
    refreshOutput: () => {},
  };
}
