/**
 * Individuals: one seed draws a whole worm within a documented biological
 * spread — where and how it is put down, its body length and muscle strength,
 * and a few % on each neuron's time constant, threshold and gain — so a
 * population of seeds behaves like a population, not like clones with
 * different channel noise. Everything is drawn from the simulation's one
 * seeded Rng (src/neural/rng.ts), in a fixed order, once, before the first
 * step; nothing random acts on the muscles while the worm runs. The table of
 * what varies and why is docs/individuals.md.
 */
import type { Rng } from '../neural/rng';
import { getModel } from '../neural/models';
import { resolveNeuronParams } from '../neural/params';
import type { ModelKind, NetworkSpec, NeuronSpec } from '../neural/types';

/**
 * One varied quantity: a factor (× N(1, sd)) or an offset (+ N(0, sd)),
 * truncated at ±2 sd (redrawn beyond it) so no individual is a freak.
 */
export interface Spread {
  readonly how: 'factor' | 'offset';
  readonly sd: number;
  readonly unit: string;
}

/** Which parameters of each neuron model vary; models left out (transmitter, izhikevich, hodgkin-huxley) are kept as written. */
export type NeuronSpread = Partial<Record<ModelKind, Readonly<Record<string, Spread>>>>;

export interface IndividualSpread {
  /** Nose placement, each axis, mm. */
  readonly startMm: Spread;
  /** Heading at placement, rad. */
  readonly headingRad: Spread;
  readonly bodyLength: Spread;
  readonly muscleForce: Spread;
  readonly neurons: NeuronSpread;
}

const factor = (sd: number): Spread => ({ how: 'factor', sd, unit: '×' });
const offset = (sd: number, unit: string): Spread => ({ how: 'offset', sd, unit });

/** The spread `individual: true` draws from (docs/individuals.md gives the reasons and sources). */
export const INDIVIDUAL_SPREAD: IndividualSpread = Object.freeze({
  startMm: offset(0.05, 'mm'),
  headingRad: offset((10 * Math.PI) / 180, 'rad'),
  bodyLength: factor(0.025),
  muscleForce: factor(0.05),
  neurons: Object.freeze({
    graded: Object.freeze({ tauMs: factor(0.01), vHalfMv: offset(0.5, 'mV'), slopeMv: factor(0.03) }),
    lif: Object.freeze({ tauMs: factor(0.05), thresholdMv: offset(0.5, 'mV'), resistance: factor(0.03) }),
  }),
});

/** What one individual is: its offsets and factors, all drawn from its seed. */
export interface Individual {
  /** Added to the nose's start position, mm, and to the heading, rad. */
  readonly start: { readonly dxMm: number; readonly dyMm: number; readonly dHeadingRad: number };
  /** Multiplies the body's length. */
  readonly bodyLengthFactor: number;
  /** Multiplies the muscles' force. */
  readonly muscleForceFactor: number;
  /** Per neuron id, the parameters that differ from the circuit's and their new values (in circuit order). */
  readonly neurons: ReadonlyMap<string, Readonly<Record<string, number>>>;
}

/** A clone: nothing drawn, nothing changed. */
export const CLONE: Individual = Object.freeze({
  start: Object.freeze({ dxMm: 0, dyMm: 0, dHeadingRad: 0 }),
  bodyLengthFactor: 1,
  muscleForceFactor: 1,
  neurons: new Map(),
});

/** One draw of `s`, truncated at ±2 sd: a factor around 1 or an offset around 0. */
function draw(rng: Rng, s: Spread): number {
  let z = rng.normal();
  while (Math.abs(z) > 2) z = rng.normal();
  return (s.how === 'factor' ? 1 : 0) + s.sd * z;
}

/**
 * Draws an individual: start (dx, dy, heading), body length, muscle force,
 * then each neuron in circuit order, each varied parameter in the spread's
 * order. Parameters whose varied value would leave the model's allowed range
 * are clamped to it. Same rng state, same spec → the same individual bit for bit.
 */
export function drawIndividual(rng: Rng, spec: NetworkSpec, spread: IndividualSpread = INDIVIDUAL_SPREAD): Individual {
  const start = { dxMm: draw(rng, spread.startMm), dyMm: draw(rng, spread.startMm), dHeadingRad: draw(rng, spread.headingRad) };
  const bodyLengthFactor = draw(rng, spread.bodyLength);
  const muscleForceFactor = draw(rng, spread.muscleForce);
  const neurons = new Map<string, Record<string, number>>();
  for (const n of spec.neurons) {
    const vary = spread.neurons[n.model];
    if (!vary) continue;
    const model = getModel(n.model);
    const { params } = resolveNeuronParams(model, n, `neuron ${n.id}`);
    const changed: Record<string, number> = {};
    for (const [name, s] of Object.entries(vary)) {
      const base = params[name];
      const d = draw(rng, s);
      if (typeof base !== 'number') continue;
      const p = model.params[name];
      const value = s.how === 'factor' ? base * d : base + d;
      changed[name] = Math.min(p.max, Math.max(p.min, value));
    }
    neurons.set(n.id, changed);
  }
  return { start, bodyLengthFactor, muscleForceFactor, neurons };
}

/** The network spec with the individual's neuron parameters written in (the original is not changed). */
export function individualNetwork(spec: NetworkSpec, ind: Individual): NetworkSpec {
  if (ind.neurons.size === 0) return spec;
  const neurons: NeuronSpec[] = spec.neurons.map((n) => {
    const changed = ind.neurons.get(n.id);
    return changed ? { ...n, params: { ...n.params, ...changed } } : n;
  });
  return { ...spec, neurons };
}
