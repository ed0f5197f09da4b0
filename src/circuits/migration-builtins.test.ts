/**
 * Format version 2 against every shipped circuit, both ways: the generators'
 * version-1 documents migrate to exactly the shipped version-2 circuits, the
 * shipped files written back as version 1 load as the same circuits, and they
 * run the old dynamics: current-based synapses, the linear graded neuron.
 */
import { describe, expect, it } from 'vitest';
import { Network } from '../neural/network';
import { Rng } from '../neural/rng';
import type { NetworkSpec } from '../neural/types';
import { builtinDocs } from './builtin/generate';
import { BUILTIN_CIRCUIT_NAMES, getBuiltinCircuit } from './builtin/index';
import { circuitFromDoc } from './circuit';
import type { CircuitDoc } from './types';

/** V of every neuron after each of `steps` 1-ms steps under the same seeded random input. */
function trajectory(spec: NetworkSpec, steps = 1500): Float64Array {
  const net = Network.fromSpec(spec);
  const rng = new Rng(7);
  const out = new Float64Array(steps * net.size);
  for (let t = 0; t < steps; t++) {
    if (t % 50 === 0) for (let i = 0; i < net.size; i++) net.input[i] = rng.next() < 0.2 ? 4 * rng.next() : 0;
    net.step(1);
    out.set(net.v, t * net.size);
  }
  return out;
}

/** The shipped version-2 document written as version 1: its graded neurons without the gKNs 0 the migration adds. */
function downgrade(doc: CircuitDoc): unknown {
  const old = structuredClone(doc) as CircuitDoc & { version: number };
  old.version = 1;
  for (const n of old.neurons) {
    if (n.model === 'graded' && n.params?.gKNs === 0) delete n.params.gKNs;
  }
  return old;
}

describe('format version 1 → 2 on every shipped circuit', () => {
  const v1 = builtinDocs();
  // The conductance worms (the default and the worms built on it) are written as version 2 from the start: they have no version-1 form to migrate from.
  const migrated = BUILTIN_CIRCUIT_NAMES.filter((name) => v1[name].version === 1);

  it('every built-in but the conductance worms has a version-1 generator document', () => {
    expect(BUILTIN_CIRCUIT_NAMES.filter((name) => !migrated.includes(name))).toEqual(['worm', 'learning-worm', 'choice-worm']);
  });

  it.each(migrated)('%s: the version-1 document migrates to the shipped circuit, and the shipped one reads back as version 1', (name) => {
    const shipped = getBuiltinCircuit(name);
    expect(v1[name].version).toBe(1);
    expect(shipped.doc.version).toBe(2);
    expect(circuitFromDoc(v1[name], `${name}.json`).network).toEqual(shipped.network);
    expect(circuitFromDoc(downgrade(shipped.doc), `${name}.json`).network).toEqual(shipped.network);
  });

  it.each(migrated)('%s runs as before version 2: current-based synapses, linear graded neurons', (name) => {
    const { network } = getBuiltinCircuit(name);
    for (const s of network.synapses) if (s.kind === 'chemical') expect(s.model ?? 'current').toBe('current');
    const graded = network.neurons.filter((n) => n.model === 'graded');
    for (const n of graded) expect(n.params?.gKNs).toBe(0);
    if (graded.length === 0) return;
    // The same circuit read as if it were version 2 (the rectifier on by default) runs differently: the migration is what keeps it.
    const unmigrated = { ...network, neurons: network.neurons.map((n) => (n.model === 'graded' ? { ...n, params: { ...n.params, gKNs: 0.5 } } : n)) };
    expect(trajectory(unmigrated)).not.toEqual(trajectory(network));
  });
});
