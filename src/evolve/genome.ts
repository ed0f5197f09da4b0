/**
 * A genome: the free values of a circuit in normalised coordinates, plus —
 * when topology evolves — the synapses ("links") and pool neurons it adds.
 * Plain data (it crosses threads, machines and checkpoints as JSON).
 */
import type { SynapseKind } from './spec';

/** A synapse between two groups of neurons (class, pair or single neuron, as the topology's share says). */
export interface LinkGene {
  /** Historical marking (NEAT): the same structural link always gets the same number. */
  innovation: number;
  from: string;
  to: string;
  kind: SynapseKind;
  /** Weight, normalised coordinate (reflected into the topology's weight range). */
  w: number;
  /** Sign, normalised coordinate (inhibitory below 0.5) when the topology's sign is free. */
  s: number;
}

export interface Genome {
  /** One normalised coordinate per gene (genes.ts). */
  x: number[];
  /** Topology links, in innovation order. */
  links: LinkGene[];
  /** Pool neurons present, in pool order. */
  neurons: string[];
}

export function valuesOnly(x: readonly number[]): Genome {
  return { x: [...x], links: [], neurons: [] };
}
