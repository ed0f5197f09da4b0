/**
 * The synapse kernels the compiler knows, one line each. A synapse goes to the
 * first kernel here that claims it; within a slot of the schedule, kernels'
 * steps run in this order (continuous and exponential currents add up before
 * the gap currents, as the step has always summed them). A new kind of
 * synapse is one module and one line here (docs/neural.md, "Adding a synapse
 * kernel").
 */
import { continuousSynapses } from './continuous';
import { exponentialSynapses } from './exponential';
import { gapJunctions } from './gap-junctions';
import type { SynapseKernel } from './kernel-api';
import { transmitterLinks } from './transmitter-links';

export const SYNAPSE_KERNELS: readonly SynapseKernel[] = [continuousSynapses, exponentialSynapses, gapJunctions, transmitterLinks];
