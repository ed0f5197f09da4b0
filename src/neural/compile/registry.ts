/**
 * The synapse kernels the compiler knows, one line each. A synapse goes to the
 * first kernel here that claims it; within a slot of the schedule, kernels'
 * steps run in this order (continuous and exponential currents add up before
 * the gap currents, as the step has always summed them). A new kind of
 * synapse is one module and one line here (docs/neural.md, "Adding a synapse
 * kernel"). The conductance kinds come first: they claim the synapses marked
 * conductance-based (and refuse the ones they cannot run, by name).
 */
import { continuousSynapses } from './continuous';
import { exponentialSynapses } from './exponential';
import { gapJunctions } from './gap-junctions';
import { gradedConductance } from './graded-conductance';
import type { SynapseKernel } from './kernel-api';
import { spikeConductance } from './spike-conductance';
import { transmitterLinks } from './transmitter-links';

export const SYNAPSE_KERNELS: readonly SynapseKernel[] = [
  gradedConductance,
  spikeConductance,
  continuousSynapses,
  exponentialSynapses,
  gapJunctions,
  transmitterLinks,
];
