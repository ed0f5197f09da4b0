/**
 * Warnings about a valid circuit: things that load and run but are probably
 * not what the author meant. The editor shows them in place; they never block
 * loading or saving.
 */
import type { SynapseSpec, Transmitter } from '../neural/types';
import { gapDivergence } from './gap-divergence';
import type { Circuit, CircuitWarning } from './types';

/**
 * The sign a chemical synapse acts with: its own `sign`, else its presynaptic
 * neuron's transmitter (GABA inhibits; anything else, or none, excites).
 */
function isInhibitory(s: SynapseSpec, pre: Transmitter | undefined): boolean {
  if (s.kind !== 'chemical') return false;
  return s.sign !== undefined ? s.sign === 'inhibitory' : pre === 'GABA';
}

const MAX_NAMES = 8;
const names = (ids: readonly string[]): string =>
  ids.length <= MAX_NAMES ? ids.join(', ') : `${ids.slice(0, MAX_NAMES).join(', ')} and ${ids.length - MAX_NAMES} more`;

export function lintCircuit(circuit: Circuit): CircuitWarning[] {
  const { doc } = circuit;
  const warnings: CircuitWarning[] = [];
  const neurons = doc.neurons;
  const index = new Map(neurons.map((n, i) => [n.id, i]));
  const synapses = doc.synapses ?? [];
  const sensors = doc.sensors ?? [];
  const muscles = doc.muscles ?? [];

  const sensed = new Set(sensors.map((b) => b.neuron));
  const driving = new Set(muscles.map((b) => b.neuron));
  const wired = new Set([...sensed, ...driving, ...synapses.flatMap((s) => [s.from, s.to])]);

  neurons.forEach((n, i) => {
    const path = `neurons[${i}]`;
    if (n.role === 'motor' && !driving.has(n.id)) {
      warnings.push({ path, message: `motor neuron "${n.id}" drives no muscle: add a binding for it in "muscles", or change its role` });
    }
    if (n.role === 'sensory' && !sensed.has(n.id)) {
      warnings.push({ path, message: `sensory neuron "${n.id}" has no sensor: add a binding for it in "sensors", or change its role` });
    }
    if (neurons.length > 1 && !wired.has(n.id)) {
      warnings.push({ path, message: `"${n.id}" is connected to nothing (no synapse, sensor or muscle): connect it or remove it` });
    }
  });

  sensors.forEach((b, i) => {
    const n = neurons[index.get(b.neuron) ?? -1];
    // A motor neuron that feels the body's bend is proprioceptive (B-type motor neurons, SMD/RMD): no mistake.
    const proprioceptive = b.sensor === 'stretch' && n?.role === 'motor';
    if (n?.role !== undefined && n.role !== 'sensory' && !proprioceptive) {
      warnings.push({
        path: `sensors[${i}].neuron`,
        message: `sensor bound to "${n.id}", whose role is "${n.role}": bind a sensory neuron, or set its role to "sensory"`,
      });
    }
    if (b.sensor === 'touch' && b.from === b.to) {
      warnings.push({ path: `sensors[${i}].to`, message: `the receptive field ${b.from} .. ${b.to} covers no skin: make "to" larger than "from"` });
    }
  });
  muscles.forEach((b, i) => {
    const n = neurons[index.get(b.neuron) ?? -1];
    if (n?.role !== undefined && n.role !== 'motor') {
      warnings.push({
        path: `muscles[${i}].neuron`,
        message: `muscles bound to "${n.id}", whose role is "${n.role}": bind a motor neuron, or set its role to "motor"`,
      });
    }
    if (b.from === b.to) {
      warnings.push({ path: `muscles[${i}].to`, message: `the range ${b.from} .. ${b.to} covers no muscle: make "to" larger than "from"` });
    }
  });

  warnings.push(...runawayLoops(circuit, index), ...gapDivergence(circuit));
  return warnings;
}

/**
 * Loops of excitation that nothing inhibits: strongly connected groups in the
 * graph of excitatory chemical synapses (a self-excitation counts) where no
 * member receives an inhibitory synapse. Gap junctions are left out: they
 * only pull neighbours toward each other's potential and attenuate, so a loop
 * through them does not amplify the way chemical excitation can.
 */
function runawayLoops(circuit: Circuit, index: ReadonlyMap<string, number>): CircuitWarning[] {
  const { neurons } = circuit.doc;
  const synapses = circuit.doc.synapses ?? [];
  const n = neurons.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  const inhibited = new Uint8Array(n);
  const excitatory: Array<[number, number]> = [];
  for (const s of synapses) {
    const a = index.get(s.from);
    const b = index.get(s.to);
    if (a === undefined || b === undefined || s.weight === 0) continue;
    if (s.kind === 'electrical') continue;
    if (isInhibitory(s, neurons[a].transmitter)) inhibited[b] = 1;
    else {
      out[a].push(b);
      excitatory.push([a, b]);
    }
  }

  const component = stronglyConnected(out);
  const members = new Map<number, number[]>();
  component.forEach((c, i) => {
    const list = members.get(c);
    if (list) list.push(i);
    else members.set(c, [i]);
  });
  // A component is a loop if a synapse joins two of its members (or one to itself).
  const looping = new Set<number>();
  for (const [a, b] of excitatory) if (component[a] === component[b]) looping.add(component[a]);

  const warnings: CircuitWarning[] = [];
  for (const c of looping) {
    const group = members.get(c) as number[];
    if (group.some((i) => inhibited[i])) continue;
    group.sort((x, y) => x - y);
    const ids = group.map((i) => neurons[i].id);
    const loop = ids.length === 1 ? `"${ids[0]}" excites itself` : `${names(ids)} excite one another in a loop`;
    warnings.push({
      path: `neurons[${group[0]}]`,
      message: `${loop} and nothing inhibits them, so their activity can run away: add an inhibitory synapse onto one of them, or weaken the loop`,
    });
  }
  return warnings.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}

/** Tarjan's algorithm, iterative (no recursion depth limit on big imported connectomes). Returns a component id per node. */
function stronglyConnected(out: readonly number[][]): Int32Array {
  const n = out.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const work: Array<[node: number, edge: number]> = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    work.push([root, 0]);
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const top = work[work.length - 1];
      const [v, e] = top;
      if (e < out[v].length) {
        top[1]++;
        const w = out[v][e];
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v], order[w]);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === order[v]) {
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}
