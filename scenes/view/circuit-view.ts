import type { NetworkSpec, NeuronRole } from '../../src/neural/types';

/**
 * What the neural view and the editor draw: neurons in circuit order (the
 * order of Telemetry.v / output) and synapses as struct-of-arrays, sorted by
 * presynaptic neuron with CSR offsets so "edges of active neurons" is a slice.
 * Built from a NetworkSpec, never from a running engine.
 */
export interface CircuitView {
  readonly ids: readonly string[];
  readonly roles: readonly NeuronRole[];
  /** Optional saved positions, x,y interleaved in 0..1; NaN for none. */
  readonly positions: Float32Array | null;
  readonly synapseCount: number;
  readonly pre: Int32Array;
  readonly post: Int32Array;
  /** 0 chemical, 1 gap junction. */
  readonly kind: Uint8Array;
  /** +1 excitatory, −1 inhibitory, 0 for gap junctions. */
  readonly sign: Int8Array;
  readonly weight: Float32Array;
  /** Synapses of presynaptic neuron i are [preStart[i], preStart[i+1]). */
  readonly preStart: Int32Array;
}

export const CHEMICAL = 0;
export const GAP = 1;

export interface RawSynapse {
  pre: number;
  post: number;
  kind: 0 | 1;
  sign: -1 | 0 | 1;
  weight: number;
}

/** Packs neurons and synapses (by index) into a CircuitView. */
export function buildCircuitView(
  ids: readonly string[],
  roles: readonly NeuronRole[],
  synapses: readonly RawSynapse[],
  positions: Float32Array | null = null,
): CircuitView {
  const n = ids.length;
  if (roles.length !== n) throw new Error(`circuit view: ${n} neurons but ${roles.length} roles`);
  if (positions && positions.length !== 2 * n) throw new Error(`circuit view: positions must hold 2 × ${n} numbers, got ${positions.length}`);
  const m = synapses.length;
  const preStart = new Int32Array(n + 1);
  for (const s of synapses) {
    if (!(s.pre >= 0 && s.pre < n && s.post >= 0 && s.post < n)) {
      throw new Error(`circuit view: synapse ${s.pre} → ${s.post} names a neuron outside 0..${n - 1}`);
    }
    preStart[s.pre + 1]++;
  }
  for (let i = 0; i < n; i++) preStart[i + 1] += preStart[i];
  const fill = preStart.slice(0, n);
  const pre = new Int32Array(m);
  const post = new Int32Array(m);
  const kind = new Uint8Array(m);
  const sign = new Int8Array(m);
  const weight = new Float32Array(m);
  for (const s of synapses) {
    const j = fill[s.pre]++;
    pre[j] = s.pre;
    post[j] = s.post;
    kind[j] = s.kind;
    sign[j] = s.kind === GAP ? 0 : s.sign;
    weight[j] = s.weight;
  }
  return { ids, roles, positions, synapseCount: m, pre, post, kind, sign, weight, preStart };
}

/**
 * A CircuitView of a network spec. The sign of a chemical synapse is its own
 * `sign` if set, else inhibitory for GABAergic presynaptic neurons and
 * excitatory otherwise (the engine's default; glutamate may be either).
 * Neurons without a role are drawn as interneurons.
 */
export function circuitViewFromSpec(spec: NetworkSpec, layout?: Readonly<Record<string, { x: number; y: number }>>): CircuitView {
  const index = new Map<string, number>();
  spec.neurons.forEach((nrn, i) => {
    if (index.has(nrn.id)) throw new Error(`circuit view: neuron id "${nrn.id}" appears twice; ids must be unique`);
    index.set(nrn.id, i);
  });
  const raw: RawSynapse[] = spec.synapses.map((s, k) => {
    const pre = index.get(s.from);
    const post = index.get(s.to);
    if (pre === undefined || post === undefined) {
      throw new Error(`circuit view: synapses[${k}] (${s.from} → ${s.to}) names unknown neuron "${pre === undefined ? s.from : s.to}"`);
    }
    if (s.kind === 'electrical') return { pre, post, kind: GAP, sign: 0, weight: s.weight };
    const inhibitory = s.sign ? s.sign === 'inhibitory' : spec.neurons[pre].transmitter === 'GABA';
    return { pre, post, kind: CHEMICAL, sign: inhibitory ? -1 : 1, weight: s.weight };
  });
  let positions: Float32Array | null = null;
  if (layout) {
    positions = new Float32Array(2 * spec.neurons.length).fill(NaN);
    spec.neurons.forEach((nrn, i) => {
      const p = layout[nrn.id];
      if (p) {
        positions![2 * i] = p.x;
        positions![2 * i + 1] = p.y;
      }
    });
  }
  return buildCircuitView(
    spec.neurons.map((nrn) => nrn.id),
    spec.neurons.map((nrn) => nrn.role ?? 'inter'),
    raw,
    positions,
  );
}
