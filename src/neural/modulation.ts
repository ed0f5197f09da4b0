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
 *
 * An excitability receptor with a reversal potential E opens channels
 * instead of injecting a current: g = gain·C / (E − V_match), so the neuron
 * receives g·(E − V), exactly gain·C at V_match (its rest by default, as
 * sensory transduction is matched), less as V nears E and none at E: no
 * concentration takes V past E (DOP-3 through K⁺ channels, E_K ≈ −80 mV;
 * MOD-1, a serotonin-gated Cl⁻ channel, ≈ −70 mV). The network integrates g
 * with the membrane implicitly, so the bound holds at every step.
 * This module checks the specs and holds the state; compile/modulators.ts
 * runs it in the schedule.
 */
import type { ModulatorSpec, ReceptorEffect, ReceptorSpec } from './types';

export const RECEPTOR_EFFECTS: readonly ReceptorEffect[] = ['excitability', 'gain', 'plasticity', 'release'];
export const EFFECT_CODE: Readonly<Record<ReceptorEffect, number>> = { excitability: 0, gain: 1, plasticity: 2, release: 3 };

/** Ranges of the modulator and receptor fields (the circuit schema shows these). */
export const MODULATOR_FIELDS = {
  release: { min: 0, max: 1000, unit: 'conc.', help: 'concentration one releaser holds at full output in steady state' },
  clearanceMs: { min: 1, max: 1e7, unit: 'ms', help: 'first-order clearance time constant' },
  gain: {
    min: -1e4,
    max: 1e4,
    unit: 'per conc.',
    help: 'excitability: current per unit concentration (negative inhibits); gain: input × (1 + gain·C); plasticity: third factor per unit concentration (short-term synapses it sends: their pools recover 1 + gain·C times as fast); release: output × (1 + gain·C), at least 0 (what its muscles, current-based synapses and modulator release read)',
  },
  bath: { min: 0, max: 1000, unit: 'conc.', help: 'a fixed concentration, as if the bath held it' },
  reversalMv: {
    min: -120,
    max: 60,
    unit: 'mV',
    help: 'excitability receptor as channels: the potential they pull V toward and never past (K⁺ −80, Cl⁻ −70, cation 0); omit for a current',
  },
  matchMv: { min: -120, max: 60, unit: 'mV', help: 'where the receptor’s channels pass exactly gain × concentration (default the neuron’s rest)' },
  adaptation: {
    min: 0,
    max: 1,
    unit: '',
    help: 'how far the receptor desensitises, unitless (0 none, 1 full): it reads C − adaptation × C’s running mean (never below 0), so a sustained level acts (1 − adaptation) as strongly as a brief rise',
  },
  adaptationMs: { min: 1, max: 1e7, unit: 'ms', help: 'time constant of the running mean an adapting receptor subtracts' },
} as const;

/** Reversal potentials of the receptor channels the built-in circuits use, mV. */
export const RECEPTOR_REVERSAL = {
  /** K⁺ channels opened by inhibitory GPCRs (DOP-3 through Gαo: Chase, Pepper & Koelle 2004). */
  potassiumMv: -80,
  /** Ligand-gated Cl⁻ channels (serotonin's MOD-1: Ranganathan et al. 2000). */
  chlorideMv: -70,
  /** Cation channels (excitatory receptors). */
  cationMv: 0,
} as const;

/** Below this distance (mV) between reversal and match point the matching conductance would be huge: refused. */
export const MIN_RECEPTOR_DRIVE_MV = 2;

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
  /** Per receptor: reversal potential, mV (NaN = a current), and conductance per unit concentration (gain / (E − V_match)). */
  readonly receptorReversal: Float64Array;
  readonly receptorPerConc: Float64Array;
  /** Per receptor: adaptation (0 = none), its running mean's time constant (ms), e^(−dt/τ) for the current dt, and the running mean C̄. */
  readonly receptorAdaptation: Float64Array;
  readonly receptorAdaptationMs: Float64Array;
  readonly receptorKeep: Float64Array;
  readonly receptorMean: Float64Array;
  /** True when some receptor opens a conductance (the network must then take one). */
  readonly conducts: boolean;
  /** Per neuron, refreshed each step: the third factor of its three-factor synapses (Σ gain·C of its plasticity receptors). */
  readonly teach: Float64Array;
  /** Per neuron: input gain (1 = none) and excitability current, refreshed each step. */
  readonly inputGain: Float64Array;
  readonly excite: Float64Array;
  /** Per neuron: the receptors' conductance, refreshed each step (their current g·E is in `excite`). */
  readonly openG: Float64Array;
  /** Per neuron: output gain (1 = none), refreshed each step; `releaseNeurons` are the neurons a release receptor reads. */
  readonly releaseGain: Float64Array;
  readonly releaseNeurons: Int32Array;
}

/** What compileModulation may ask of the network about a receptor's neuron. */
export interface ReceptorHost {
  /** The neuron's resting potential, mV (undefined: the model has none). */
  restMv?: (g: number) => number | undefined;
  /** Whether the neuron takes a conductance input (the seed's transmitter neuron does not). */
  takesConductance?: (g: number) => boolean;
}

function num(where: string, field: keyof typeof MODULATOR_FIELDS, x: unknown): number {
  const r = MODULATOR_FIELDS[field];
  if (typeof x !== 'number' || !Number.isFinite(x) || x < r.min || x > r.max)
    throw new Error(`${where}: "${field}" must be a number in ${r.min} .. ${r.max} ${r.unit} (${r.help}), got ${JSON.stringify(x)}`);
  return x;
}

/** A conductance receptor's g per unit concentration, gain / (E − V_match), after checking that it can stand in for the current. */
function perConc(where: string, x: ReceptorSpec, g: number, host: ReceptorHost): number {
  const e = num(where, 'reversalMv', x.reversalMv);
  if (x.effect !== 'excitability')
    throw new Error(
      `${where}: "reversalMv" belongs to an "excitability" receptor (channels on the membrane), not "${x.effect}"; remove it or set "effect": "excitability"`,
    );
  if (host.takesConductance && !host.takesConductance(g))
    throw new Error(
      `${where}: ${x.neuron}'s model takes no conductance input (the seed's transmitter neuron); remove "reversalMv" to keep the receptor a current`,
    );
  const rest = host.restMv?.(g);
  const match = x.matchMv === undefined ? rest : num(where, 'matchMv', x.matchMv);
  if (match === undefined)
    throw new Error(
      `${where}: ${x.neuron}'s model has no resting potential to match the receptor at; give "matchMv" (mV, ${MODULATOR_FIELDS.matchMv.min} .. ${MODULATOR_FIELDS.matchMv.max})`,
    );
  const drive = e - match;
  if (!(Math.abs(drive) >= MIN_RECEPTOR_DRIVE_MV))
    throw new Error(
      `${where}: the match point ${match} mV is within ${MIN_RECEPTOR_DRIVE_MV} mV of "reversalMv" ${e} mV, where channels pass almost nothing; move "matchMv" or "reversalMv" apart`,
    );
  if (x.gain * drive < 0)
    throw new Error(
      `${where}: a gain of ${x.gain} ${x.gain < 0 ? 'inhibits' : 'excites'}, but channels reversing at ${e} mV ${drive < 0 ? 'inhibit' : 'excite'} a neuron at ${match} mV; ` +
        `use a reversal ${x.gain < 0 ? 'below' : 'above'} ${match} mV (${x.gain < 0 ? `K⁺ ${RECEPTOR_REVERSAL.potassiumMv}, Cl⁻ ${RECEPTOR_REVERSAL.chlorideMv}` : `cation ${RECEPTOR_REVERSAL.cationMv}`}) or flip the gain's sign`,
    );
  return x.gain / drive;
}

/** Checks and compiles modulators and receptors against the network's neuron ids; null when there are none. */
export function compileModulation(
  modulators: readonly ModulatorSpec[] | undefined,
  receptors: readonly ReceptorSpec[] | undefined,
  size: number,
  indexOf: (id: string) => number,
  host: ReceptorHost = {},
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
  const receptorReversal = new Float64Array(r).fill(Number.NaN);
  const receptorPerConc = new Float64Array(r);
  const receptorAdaptation = new Float64Array(r);
  const receptorAdaptationMs = new Float64Array(r).fill(1);
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
    if (x.reversalMv !== undefined) {
      receptorPerConc[k] = perConc(where, x, g, host);
      receptorReversal[k] = x.reversalMv;
    } else if (x.matchMv !== undefined) {
      throw new Error(`${where}: "matchMv" is the match point of a conductance receptor; give "reversalMv" too (mV) or remove "matchMv"`);
    }
    if (x.adaptation !== undefined) {
      receptorAdaptation[k] = num(where, 'adaptation', x.adaptation);
      if (x.adaptationMs === undefined)
        throw new Error(
          `${where}: "adaptation" needs "adaptationMs", the time constant of the running mean it subtracts (1 .. 1e7 ms), or remove "adaptation"`,
        );
    }
    if (x.adaptationMs !== undefined) {
      if (x.adaptation === undefined)
        throw new Error(`${where}: "adaptationMs" belongs to an adapting receptor; give "adaptation" (0 .. 1) or remove "adaptationMs"`);
      receptorAdaptationMs[k] = num(where, 'adaptationMs', x.adaptationMs);
    }
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
    receptorReversal,
    receptorPerConc,
    receptorAdaptation,
    receptorAdaptationMs,
    receptorKeep: new Float64Array(r),
    receptorMean: new Float64Array(r),
    conducts: receptorReversal.some((e) => !Number.isNaN(e)),
    teach: new Float64Array(size),
    inputGain: new Float64Array(size).fill(1),
    excite: new Float64Array(size),
    openG: new Float64Array(size),
    releaseGain: new Float64Array(size).fill(1),
    releaseNeurons: Int32Array.from(new Set(receptorNeuron.filter((_, k) => receptorEffect[k] === EFFECT_CODE.release))),
  };
}

/** Adapting receptors' running means take one step toward the present concentrations (before the effects; self-contained: ../kernel.ts). */
export function receptorAdaptKernel(
  conc: Float64Array,
  receptorModulator: Int32Array,
  receptorAdaptation: Float64Array,
  receptorKeep: Float64Array,
  receptorMean: Float64Array,
): () => void {
  // The adapting receptors (adaptation ≠ 0), listed once: the tables never change after the build.
  const list: number[] = [];
  for (let k = 0; k < receptorModulator.length; k++) if (receptorAdaptation[k] !== 0) list.push(k);
  const adapting = Int32Array.from(list);
  const r = adapting.length;
  return () => {
    for (let q = 0; q < r; q++) {
      const k = adapting[q];
      const c = conc[receptorModulator[k]];
      receptorMean[k] = c + (receptorMean[k] - c) * receptorKeep[k];
    }
  };
}

/** receptorAdaptKernel once over m (the neuron lab; networks keep a fresh kernel). */
export function adaptReceptors(m: Modulation): void {
  receptorAdaptKernel(m.conc, m.receptorModulator, m.receptorAdaptation, m.receptorKeep, m.receptorMean)();
}

/** receptorEffectsKernel once over m: teach, inputGain, excite, openG and releaseGain per neuron (the neuron lab, once a frame; networks step a fresh kernel). */
export function applyReceptors(m: Modulation): void {
  receptorEffectsKernel(
    m.teach,
    m.inputGain,
    m.excite,
    m.openG,
    m.releaseGain,
    m.conc,
    m.receptorNeuron,
    m.receptorModulator,
    m.receptorEffect,
    m.receptorGain,
    m.receptorReversal,
    m.receptorPerConc,
    m.receptorAdaptation,
    m.receptorMean,
  )();
}

/**
 * The receptors' effects per neuron from the concentrations: teach,
 * inputGain, excite, openG and releaseGain (after each concentration update). Adapting
 * receptors see the concentration above adaptation × their running mean.
 * Self-contained (../kernel.ts): compile/modulators.ts makes a fresh copy per
 * network over the Modulation's arrays.
 */
export function receptorEffectsKernel(
  teach: Float64Array,
  inputGain: Float64Array,
  excite: Float64Array,
  openG: Float64Array,
  releaseGain: Float64Array,
  conc: Float64Array,
  receptorNeuron: Int32Array,
  receptorModulator: Int32Array,
  receptorEffect: Uint8Array,
  receptorGain: Float64Array,
  receptorReversal: Float64Array,
  receptorPerConc: Float64Array,
  receptorAdaptation: Float64Array,
  receptorMean: Float64Array,
): () => void {
  // The receptors grouped by neuron (first appearance), in their order within a neuron, and where each neuron's
  // last one is: each neuron's sums then run in locals and are stored once, the same additions in the same
  // order as adding into the arrays receptor by receptor.
  const r = receptorNeuron.length;
  const members: number[] = [];
  for (let k = 0; k < r; k++) {
    const g = receptorNeuron[k];
    let seen = false;
    for (let q = 0; q < members.length; q++) if (receptorNeuron[members[q]] === g) seen = true;
    if (!seen) for (let q = k; q < r; q++) if (receptorNeuron[q] === g) members.push(q);
  }
  const order = Int32Array.from(members);
  const last = Uint8Array.from(members, (k, q) => (q + 1 === r || receptorNeuron[members[q + 1]] !== receptorNeuron[k] ? 1 : 0));
  return () => {
    let te = 0;
    let ig = 1;
    let ex = 0;
    let og = 0;
    let rg = 1;
    for (let q = 0; q < r; q++) {
      const k = order[q];
      const a = receptorAdaptation[k];
      const c = a === 0 ? conc[receptorModulator[k]] : Math.max(0, conc[receptorModulator[k]] - a * receptorMean[k]);
      const rev = receptorReversal[k];
      if (!Number.isNaN(rev)) {
        // Channels: conductance g and its current g·E (the membrane integrates −g·V).
        const open = receptorPerConc[k] * c;
        og += open;
        ex += open * rev;
      } else {
        const x = receptorGain[k] * c;
        const e = receptorEffect[k];
        if (e === 0) ex += x;
        else if (e === 1) ig += x;
        else if (e === 2) te += x;
        else rg += x;
      }
      if (last[q] === 1) {
        const g = receptorNeuron[k];
        teach[g] = te;
        // biome-ignore lint/complexity/useMathMinMax: Math.max(0, −0) is +0; the clamp keeps a −0 as the arrays' did
        inputGain[g] = ig < 0 ? 0 : ig;
        excite[g] = ex;
        openG[g] = og;
        // biome-ignore lint/complexity/useMathMinMax: as above, −0 stays −0
        releaseGain[g] = rg < 0 ? 0 : rg;
        te = 0;
        ig = 1;
        ex = 0;
        og = 0;
        rg = 1;
      }
    }
  };
}
