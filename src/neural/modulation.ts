/**
 * Neuromodulators as volume transmission: named modulators released by named
 * neurons into one shared volume, each a concentration C with first-order
 * release and clearance,
 *
 *     τ dC/dt = release · Σ output(releasers) − C          (exact per step)
 *
 * and receptors on named neurons that read C: a current (excitability), a
 * gain on the neuron's chemical inputs, or the third factor of its
 * three-factor plastic synapses. The sign is the receptor's (seed 004:
 * serotonin excites through one receptor and inhibits through another). A
 * bath fixes a modulator's concentration (the neuron lab's perfusion).
 * This module checks the specs and holds the state; compile/modulators.ts
 * runs it in the schedule.
 */
import type { ModulatorSpec, ReceptorEffect, ReceptorSpec } from './types';

export const RECEPTOR_EFFECTS: readonly ReceptorEffect[] = ['excitability', 'gain', 'plasticity'];
export const EFFECT_CODE: Readonly<Record<ReceptorEffect, number>> = { excitability: 0, gain: 1, plasticity: 2 };

/** Ranges of the modulator and receptor fields (the circuit schema shows these). */
export const MODULATOR_FIELDS = {
  release: { min: 0, max: 1000, unit: 'conc.', help: 'concentration one releaser holds at full output in steady state' },
  clearanceMs: { min: 1, max: 1e7, unit: 'ms', help: 'first-order clearance time constant' },
  gain: {
    min: -1e4,
    max: 1e4,
    unit: 'per conc.',
    help: 'excitability: current per unit concentration (negative inhibits); gain: input × (1 + gain·C); plasticity: third factor per unit concentration',
  },
  bath: { min: 0, max: 1000, unit: 'conc.', help: 'a fixed concentration, as if the bath held it' },
} as const;

export const MODULATOR_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

/** The compiled modulators and receptors of one network. */
export interface Modulation {
  readonly names: readonly string[];
  /** Concentration per modulator. */
  readonly conc: Float64Array;
  /** Fixed concentration per modulator, NaN = none (bath). */
  readonly bath: Float64Array;
  /** Releasers of modulator m: releasers[releaseStart[m] .. releaseStart[m + 1]). */
  readonly releaseStart: Int32Array;
  readonly releasers: Int32Array;
  readonly release: Float64Array;
  readonly clearanceMs: Float64Array;
  /** Receptors, one entry each. */
  readonly receptorNeuron: Int32Array;
  readonly receptorModulator: Int32Array;
  readonly receptorEffect: Uint8Array;
  readonly receptorGain: Float64Array;
  /** Per neuron, refreshed each step: the third factor of its three-factor synapses (Σ gain·C of its plasticity receptors). */
  readonly teach: Float64Array;
  /** Per neuron: input gain (1 = none) and excitability current, refreshed each step. */
  readonly inputGain: Float64Array;
  readonly excite: Float64Array;
}

function num(where: string, field: keyof typeof MODULATOR_FIELDS, x: unknown): number {
  const r = MODULATOR_FIELDS[field];
  if (typeof x !== 'number' || !Number.isFinite(x) || x < r.min || x > r.max)
    throw new Error(`${where}: "${field}" must be a number in ${r.min} .. ${r.max} ${r.unit} (${r.help}), got ${JSON.stringify(x)}`);
  return x;
}

/** Checks and compiles modulators and receptors against the network's neuron ids; null when there are none. */
export function compileModulation(
  modulators: readonly ModulatorSpec[] | undefined,
  receptors: readonly ReceptorSpec[] | undefined,
  size: number,
  indexOf: (id: string) => number,
): Modulation | null {
  const mods = modulators ?? [];
  const recs = receptors ?? [];
  if (mods.length === 0 && recs.length === 0) return null;
  const byName = new Map<string, number>();
  const releasers: number[] = [];
  const releaseStart = new Int32Array(mods.length + 1);
  mods.forEach((m, i) => {
    const where = `modulators[${i}]${typeof m?.name === 'string' ? ` (${JSON.stringify(m.name)})` : ''}`;
    if (typeof m?.name !== 'string' || !MODULATOR_NAME.test(m.name))
      throw new Error(`${where}: "name" must be 1 to 32 letters, digits, "_" or "-", starting with a letter (e.g. "dopamine"), got ${JSON.stringify(m?.name)}`);
    if (byName.has(m.name))
      throw new Error(`${where}: duplicate modulator name ${JSON.stringify(m.name)} (also modulators[${byName.get(m.name)}]); rename one`);
    byName.set(m.name, i);
    if (!Array.isArray(m.from)) throw new Error(`${where}: "from" must be a list of neuron ids (the neurons that release it), got ${JSON.stringify(m.from)}`);
    for (const id of m.from) {
      const g = indexOf(id);
      if (g < 0) throw new Error(`${where}: "from" names ${JSON.stringify(id)}, which is no neuron of the network`);
      releasers.push(g);
    }
    releaseStart[i + 1] = releasers.length;
    num(where, 'release', m.release);
    num(where, 'clearanceMs', m.clearanceMs);
  });
  const r = recs.length;
  const receptorNeuron = new Int32Array(r);
  const receptorModulator = new Int32Array(r);
  const receptorEffect = new Uint8Array(r);
  const receptorGain = new Float64Array(r);
  recs.forEach((x, k) => {
    const where = `receptors[${k}]`;
    const g = indexOf(x?.neuron);
    if (g < 0) throw new Error(`${where}: "neuron" ${JSON.stringify(x?.neuron)} is no neuron of the network`);
    const m = byName.get(x.modulator);
    if (m === undefined)
      throw new Error(
        `${where}: "modulator" ${JSON.stringify(x.modulator)} is not declared; declared: ${[...byName.keys()].join(', ') || 'none'} (add it to "modulators")`,
      );
    if (!RECEPTOR_EFFECTS.includes(x.effect))
      throw new Error(`${where}: "effect" must be one of ${RECEPTOR_EFFECTS.join(', ')}, got ${JSON.stringify(x.effect)}`);
    receptorNeuron[k] = g;
    receptorModulator[k] = m;
    receptorEffect[k] = EFFECT_CODE[x.effect];
    receptorGain[k] = num(where, 'gain', x.gain);
  });
  return {
    names: mods.map((m) => m.name),
    conc: new Float64Array(mods.length),
    bath: new Float64Array(mods.length).fill(Number.NaN),
    releaseStart,
    releasers: Int32Array.from(releasers),
    release: Float64Array.from(mods, (m) => m.release),
    clearanceMs: Float64Array.from(mods, (m) => m.clearanceMs),
    receptorNeuron,
    receptorModulator,
    receptorEffect,
    receptorGain,
    teach: new Float64Array(size),
    inputGain: new Float64Array(size).fill(1),
    excite: new Float64Array(size),
  };
}

/** Per neuron: teach, inputGain and excite from the concentrations (after each concentration update). */
export function applyReceptors(m: Modulation): void {
  const { teach, inputGain, excite, conc, receptorNeuron, receptorModulator, receptorEffect, receptorGain } = m;
  for (let k = 0; k < receptorNeuron.length; k++) {
    const g = receptorNeuron[k];
    teach[g] = 0;
    inputGain[g] = 1;
    excite[g] = 0;
  }
  for (let k = 0; k < receptorNeuron.length; k++) {
    const g = receptorNeuron[k];
    const x = receptorGain[k] * conc[receptorModulator[k]];
    const e = receptorEffect[k];
    if (e === 0) excite[g] += x;
    else if (e === 1) inputGain[g] += x;
    else teach[g] += x;
  }
  for (let k = 0; k < receptorNeuron.length; k++) {
    const g = receptorNeuron[k];
    if (inputGain[g] < 0) inputGain[g] = 0;
  }
}
