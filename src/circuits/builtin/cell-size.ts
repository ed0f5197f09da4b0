/**
 * A neuron made k times larger: capacitance and leak × k (τ unchanged, so the
 * leak conductance C/τ scales with the membrane area) and every input that
 * injects into it × k (chemical synapses onto it, sensor bindings, excitability
 * receptors, its tonic current), so its voltage answers those inputs exactly as
 * before. Gap junctions are left as they are: a junction's conductance acts on
 * both cells, and its load on the larger cell is what the size changes (AVA
 * against its twelve junctions to the A units: GAIT.avaSizeScale; AVB against
 * its fourteen to the B units: GAIT.avbSizeScale). The
 * simulation's white-noise current (the same pA into every cell) is not scaled
 * either: on AVA (C 15 pF, τ 300 ms) it moves V by ~0.016 mV sd, and by 1/k of
 * that on a larger cell. A model with membrane conductances besides the leak
 * (the graded model's K⁺ rectifier gKNs and plateau plateauNs) names them in
 * `conductances`: they scale with the area too (the connectome worm's class
 * sizes, worm-model.ts).
 */
import type { CircuitDoc } from '../types';

/** `doc` with neuron `id` k times larger (see the module comment); the same document when k is 1. */
export function scaleCellSize(doc: CircuitDoc, id: string, k: number, conductances: readonly string[] = []): CircuitDoc {
  if (k === 1) return doc;
  if (!(k > 0 && Number.isFinite(k))) throw new RangeError(`scaleCellSize: size of ${id} = ${k}: must be a positive finite factor (1 = as built)`);
  const out = structuredClone(doc);
  const cell = out.neurons?.find((n) => n.id === id);
  const c = cell?.params?.capacitance;
  if (cell?.params === undefined || typeof c !== 'number') {
    throw new RangeError(`scaleCellSize: ${id} is not in the document with an explicit params.capacitance to scale; build it first (addLocomotion)`);
  }
  cell.params.capacitance = c * k;
  for (const name of conductances) {
    const g = cell.params[name];
    if (typeof g !== 'number') throw new RangeError(`scaleCellSize: ${id} has no explicit params.${name} to scale; give it one (its model's default) first`);
    cell.params[name] = g * k;
  }
  if (typeof cell.params.tonicPa === 'number') cell.params.tonicPa *= k;
  for (const s of out.synapses ?? []) if (s.kind === 'chemical' && s.to === id) s.weight *= k;
  for (const b of out.sensors ?? []) if (b.neuron === id) b.gain *= k;
  for (const r of out.receptors ?? []) if (r.neuron === id && r.effect === 'excitability') r.gain *= k;
  return out;
}
