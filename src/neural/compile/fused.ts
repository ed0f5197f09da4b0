/**
 * Kernel selection: a network of LIF neurons joined only by plain
 * spike-driven synapses (CUBA) runs a fused schedule, one pass per neuron
 * (LifPopulation.eventStep does input, I += g_e − g_i, the decay, the LIF
 * update and the spike list at once), to the same numbers bit for bit as the
 * general schedule (a property test), until an ablation sends it back to the
 * general one. Its `output` is computed only when read.
 */
import { isLifPopulation } from '../models/lif';
import { type ExponentialInstance, isExponentialInstance } from './exponential';
import type { Clock, SynapseKernelInstance } from './kernel-api';
import type { NetworkArrays, Populations } from './populations';
import type { ScheduledStep } from './schedule';

export interface FusedSchedule {
  readonly steps: readonly ScheduledStep[];
  /** Brings `output` up to date after fused steps (the clock's outputStale says when). */
  readonly refreshOutput: () => void;
}

/** The fused schedule where the network allows it, else null. */
export function selectFused(pops: Populations, kernels: readonly SynapseKernelInstance[], a: NetworkArrays, clock: Clock): FusedSchedule | null {
  const only = pops.identity ? pops.entries[0].pop : null;
  const exp: ExponentialInstance | null = kernels.length === 1 && isExponentialInstance(kernels[0]) ? kernels[0] : null;
  if (!only || !isLifPopulation(only) || !exp?.plainOnly || !exp.deliver) return null;
  const step = only.eventStep(a.input, exp.ge, exp.gi, a.current, a.fired);
  const { decay, deliver } = exp;
  return {
    steps: [
      {
        name: 'lif.fused',
        when: 'groups',
        run(dt) {
          clock.firedCount = step(dt, decay[0], decay[1]);
          clock.outputStale = true;
        },
      },
      { name: 'exponential.deliver', when: 'synapses', run: () => deliver(clock.firedCount) },
    ],
    refreshOutput: () => only.refreshOutput(),
  };
}
