/**
 * The synapse kernels the compiler knows, one line each. A synapse goes to the
 * first kernel here that claims it; within a slot of the schedule, kernels'
 * steps run in this order (continuous and exponential currents add up before
 * the gap currents, as the step has always summed them). A new kind of
 * synapse is one module and one line here (docs/neural.md, "Adding a synapse
 * kernel"). The conductance kinds come first: they claim the synapses marked
 * conductance-based (and refuse the ones they cannot run, by name). The
 * plastic rules come first of all (they claim only synapses naming them, and
 * refuse what they cannot run); the modulators' receptors act after the
 * chemical currents and before the gap junctions (modulators.ts).
 */
import { bcmSynapses } from './bcm';
import { continuousSynapses } from './continuous';
import { exponentialSynapses } from './exponential';
import { gapJunctions } from './gap-junctions';
import { gradedConductance } from './graded-conductance';
import type { SynapseKernel } from './kernel-api';
import { modulators } from './modulators';
import { shortTermSynapses } from './short-term';
import { spikeConductance } from './spike-conductance';
import { stdpSynapses } from './stdp';
import { threeFactorSynapses } from './three-factor';
import { transmitterLinks } from './transmitter-links';

export const SYNAPSE_KERNELS: readonly SynapseKernel[] = [
  stdpSynapses,
  bcmSynapses,
  threeFactorSynapses,
  shortTermSynapses,
  gradedConductance,
  spikeConductance,
  continuousSynapses,
  exponentialSynapses,
  modulators,
  gapJunctions,
  transmitterLinks,
];
