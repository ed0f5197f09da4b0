import { seededUniform } from '../../src/neural/rng';
import type { NeuronRole } from '../../src/neural/types';
import { buildCircuitView, type CircuitView, type RawSynapse } from './circuit-view';

/**
 * Synthetic data for the renderer test card and frame-rate measurements:
 * a random circuit of connectome size (302 neurons, ~7,300 synapses) and a
 * moving activity pattern. Invented numbers, seeded; not C. elegans wiring
 * and not a simulation.
 */

export interface SyntheticSize {
  sensory: number;
  inter: number;
  motor: number;
  chemical: number;
  gap: number;
}

export const CONNECTOME_SIZE: SyntheticSize = { sensory: 82, inter: 100, motor: 120, chemical: 6400, gap: 900 };

export function syntheticCircuit(size: SyntheticSize = CONNECTOME_SIZE, seed = 302): CircuitView {
  const rnd = seededUniform(seed);
  const ids: string[] = [];
  const roles: NeuronRole[] = [];
  const add = (prefix: string, n: number, role: NeuronRole): void => {
    for (let i = 1; i <= n; i++) {
      ids.push(`${prefix}${i}`);
      roles.push(role);
    }
  };
  add('S', size.sensory, 'sensory');
  add('I', size.inter, 'inter');
  add('M', size.motor, 'motor');
  const s0 = 0,
    i0 = size.sensory,
    m0 = size.sensory + size.inter,
    n = ids.length;
  const pick = (from: number, count: number): number => from + Math.floor(rnd() * count);
  // Mostly feed-forward with local bias (neighbours in index talk more), like sensory → inter → motor wiring.
  const near = (from: number, count: number, centre: number, spread: number): number => {
    const k = Math.round(centre + (rnd() + rnd() + rnd() - 1.5) * spread);
    return from + Math.min(count - 1, Math.max(0, k));
  };
  const synapses: RawSynapse[] = [];
  for (let k = 0; k < size.chemical; k++) {
    const r = rnd();
    let pre: number;
    let post: number;
    if (r < 0.3) {
      pre = pick(s0, size.sensory);
      post = near(i0, size.inter, ((pre - s0) / size.sensory) * size.inter, size.inter * 0.3);
    } else if (r < 0.55) {
      pre = pick(i0, size.inter);
      post = near(i0, size.inter, pre - i0, size.inter * 0.25);
    } else if (r < 0.85) {
      pre = pick(i0, size.inter);
      post = near(m0, size.motor, ((pre - i0) / size.inter) * size.motor, size.motor * 0.3);
    } else {
      pre = pick(m0, size.motor);
      post = near(m0, size.motor, pre - m0, 8);
    }
    if (pre === post) continue;
    synapses.push({ pre, post, kind: 0, sign: rnd() < 0.75 ? 1 : -1, weight: Math.exp(rnd() * 2.5 - 1) });
  }
  for (let k = 0; k < size.gap; k++) {
    const pre = pick(0, n);
    const post = Math.min(n - 1, Math.max(0, pre + Math.round((rnd() - 0.5) * 30)));
    if (pre === post) continue;
    synapses.push({ pre, post, kind: 1, sign: 0, weight: 0.2 + rnd() });
  }
  return buildCircuitView(ids, roles, synapses);
}

/**
 * A moving activity pattern: a slow wave sweeping through each layer plus
 * sparse random spikes. Writes output (0..1), v (mV) and spiked in place.
 */
export class SyntheticActivity {
  private readonly rnd: () => number;
  private readonly phase: Float64Array;
  readonly output: Float64Array;
  readonly v: Float64Array;
  readonly spiked: Uint8Array;
  timeMs = 0;

  constructor(
    readonly size: number,
    seed = 7,
  ) {
    this.rnd = seededUniform(seed);
    this.phase = new Float64Array(size);
    for (let i = 0; i < size; i++) this.phase[i] = (i / size) * Math.PI * 6 + this.rnd() * 0.8;
    this.output = new Float64Array(size);
    this.v = new Float64Array(size);
    this.spiked = new Uint8Array(size);
  }

  step(dtMs: number): void {
    this.timeMs += dtMs;
    const w = (2 * Math.PI * this.timeMs) / 2500;
    const pSpike = Math.min(1, dtMs / 1500);
    for (let i = 0; i < this.size; i++) {
      const s = Math.sin(w - this.phase[i]);
      const o = Math.max(0, s) ** 3;
      this.output[i] = o;
      this.v[i] = -65 + 45 * o + 2 * Math.sin(w * 3.1 + i);
      this.spiked[i] = dtMs > 0 && this.rnd() < pSpike ? 1 : 0;
    }
  }
}
