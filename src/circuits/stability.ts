/**
 * Circuits that load but could only run into infinities are refused here.
 * The seed's transmitter neuron integrates what reaches its dendrites with no
 * leak, so each network step its gap junctions move its state by g·ΔV toward
 * its partners': an explicit diffusion step, which converges while the
 * conductances onto one neuron sum to at most 1 and diverges above
 * (measured on random networks: finite for 20,000 steps at a sum of 1,
 * NaN within 1,100 steps at 1.1; six neurons all-to-all at 1 each sum to 5).
 * Unlike the other models' gap currents this does not depend on the time
 * step (a transmitter neuron steps once per network step), so the loader
 * can decide it. Gap junctions of the other models: lint (gap-divergence.ts).
 */
import type { RawIssue } from './errors';
import { CIRCUIT_RANGES } from './ranges';
import type { CircuitDoc } from './types';

export const TRANSMITTER_GAP_LIMIT = CIRCUIT_RANGES['gap junctions onto one transmitter neuron, summed'].max;

/** Summed gap-junction conductance onto each neuron id. */
export function gapSums(doc: Pick<CircuitDoc, 'synapses'>): Map<string, number> {
  const sum = new Map<string, number>();
  for (const s of doc.synapses ?? []) {
    if (s.kind !== 'electrical' || s.from === s.to) continue;
    sum.set(s.from, (sum.get(s.from) ?? 0) + s.weight);
    sum.set(s.to, (sum.get(s.to) ?? 0) + s.weight);
  }
  return sum;
}

export function stabilityIssues(doc: CircuitDoc): RawIssue[] {
  const sums = gapSums(doc);
  const issues: RawIssue[] = [];
  doc.neurons.forEach((n, i) => {
    const g = sums.get(n.id) ?? 0;
    if (n.model !== 'transmitter' || g <= TRANSMITTER_GAP_LIMIT) return;
    issues.push({
      path: ['neurons', i],
      message:
        `the gap junctions onto transmitter neuron "${n.id}" sum to ${+g.toFixed(6) > TRANSMITTER_GAP_LIMIT ? +g.toFixed(6) : g}, and at most ${TRANSMITTER_GAP_LIMIT} is stable: ` +
        'the seed’s neuron has no leak, so its gap currents diverge above that (docs/circuit-format.md); lower their weights, or use another model',
    });
  });
  return issues;
}
