import { gradedSteadyV } from '../src/neural/models/graded';
import { MODELS } from '../src/neural/models/index';
import { resolveNeuronParams } from '../src/neural/params';
import { adaptReceptors, applyReceptors, compileModulation, MIN_RECEPTOR_DRIVE_MV, RECEPTOR_REVERSAL, type Modulation } from '../src/neural/modulation';
import type { ReceptorSpec } from '../src/neural/types';
import type { ModelKind, NeuronModel, ParamValues, Population } from '../src/neural/types';

/** The modulators a bath can hold (the worm's four). */
export const BATH_MODULATORS = ['dopamine', 'serotonin', 'octopamine', 'tyramine'] as const;
/** How the bath's receptor acts: a current (null) or channels reversing at this potential, mV. */
export const BATH_CHANNELS: readonly { reversalMv: number | null; label: string }[] = [
  { reversalMv: null, label: 'a current' },
  { reversalMv: RECEPTOR_REVERSAL.potassiumMv, label: `K⁺ ${RECEPTOR_REVERSAL.potassiumMv} mV` },
  { reversalMv: RECEPTOR_REVERSAL.chlorideMv, label: `Cl⁻ ${RECEPTOR_REVERSAL.chlorideMv} mV` },
  { reversalMv: RECEPTOR_REVERSAL.cationMv, label: `cation ${RECEPTOR_REVERSAL.cationMv} mV` },
];
/** An adapting receptor (docs/neural.md, "Adapting receptors"): it reads C − adaptation × C's running mean over adaptationMs. */
export interface BathAdaptation {
  adaptation: number;
  adaptationMs: number;
}
/** Clearance after a wash-out, ms (the perfusion's exchange time). */
export const WASHOUT_MS = 2000;

/** A model choice in the lab: a model, optionally with a named preset. */
export interface LabModel {
  id: string;
  label: string;
  kind: ModelKind;
  preset?: string;
  /** Clamp current range and starting value, in the model's current unit. */
  current: { min: number; max: number; value: number };
  /** Integration step, ms. */
  dtMs: number;
}

export const LAB_MODELS: readonly LabModel[] = [
  { id: 'hh', label: 'Hodgkin–Huxley', kind: 'hodgkin-huxley', preset: 'squid', current: { min: -5, max: 40, value: 10 }, dtMs: 0.01 },
  { id: 'seed-calcium', label: 'Seed 003 (Ca²⁺)', kind: 'hodgkin-huxley', preset: 'seed-calcium', current: { min: -5, max: 40, value: 10 }, dtMs: 0.01 },
  { id: 'lif', label: 'LIF', kind: 'lif', current: { min: -5, max: 30, value: 12 }, dtMs: 0.05 },
  { id: 'izhikevich', label: 'Izhikevich', kind: 'izhikevich', preset: 'regular-spiking', current: { min: -5, max: 40, value: 10 }, dtMs: 0.05 },
  { id: 'graded', label: 'Graded', kind: 'graded', current: { min: -20, max: 40, value: 10 }, dtMs: 0.05 },
];

/** Parameters with their own slider: numbers only (pairs belong to the seed transmitter model), not the solver's substep. */
export function tunableParams(model: NeuronModel): string[] {
  return Object.entries(model.params)
    .filter(([name, spec]) => typeof spec.default === 'number' && name !== 'maxSubstepMs')
    .map(([name]) => name);
}

/**
 * One neuron under a repeating current-clamp pulse: `currentA` for
 * `pulseMs` out of every `periodMs` (pulse = period: a constant current).
 * Steps the model's own population (the engine's kernel), so what the lab
 * shows is what a circuit's neuron of that model does.
 */
export class LabNeuron {
  readonly model: NeuronModel;
  readonly params: ParamValues;
  private pop: Population;
  private readonly init: ParamValues;
  private readonly input = new Float64Array(1);
  timeMs = 0;
  currentA: number;
  pulseMs = 100;
  periodMs = 200;
  /** Current of the last step, for the stimulus plot. */
  lastCurrent = 0;
  /** The bath: one modulator read by one excitability receptor on this neuron, the engine's own state and receptor arithmetic (src/neural/modulation.ts). */
  private bath: Modulation | null = null;
  private bathDecay = 1;
  /** The receptor's current in the last step (gain × concentration, or its channels' g·(E − V)), in the model's current unit. */
  lastModCurrent = 0;
  /** Where the bath's channels are matched: the model's rest (or its starting V where it names none), mV. */
  readonly restMv: number;
  private readonly bathG = new Float64Array(1);

  constructor(readonly spec: LabModel) {
    this.model = MODELS[spec.kind];
    const resolved = resolveNeuronParams(this.model, { id: 'lab', model: spec.kind, ...(spec.preset !== undefined && { preset: spec.preset }) }, 'neuron lab');
    this.params = { ...resolved.params };
    this.init = resolved.init;
    this.pop = this.model.createPopulation([{ params: this.params, init: this.init }]);
    this.currentA = spec.current.value;
    this.restMv = typeof this.params.restMv === 'number' ? this.params.restMv : this.pop.v[0];
  }

  /** The bath channels this neuron can take: a current, and channels whose reversal is at least MIN_RECEPTOR_DRIVE_MV from its rest. */
  get bathChannels(): typeof BATH_CHANNELS {
    return BATH_CHANNELS.filter((c) => c.reversalMv === null || Math.abs(c.reversalMv - this.restMv) >= MIN_RECEPTOR_DRIVE_MV);
  }

  get v(): number {
    return this.pop.v[0];
  }
  get output(): number {
    return this.pop.output[0];
  }
  get variables(): Readonly<Record<string, Float64Array>> {
    return this.pop.variables;
  }
  get variableNames(): string[] {
    return Object.keys(this.pop.variables);
  }

  /** Change a parameter, keeping the state where the model allows it (else the neuron restarts from rest). */
  setParam(name: string, value: number): void {
    this.params[name] = value;
    if (this.pop.setParam) this.pop.setParam(0, name, value);
    else this.pop = this.model.createPopulation([{ params: this.params, init: this.init }]);
  }

  /**
   * Bath-apply `name` at `concentration` (conc. units: 1 = one releaser at
   * full output) to a receptor with `gain` (current per conc.; > 0 excites,
   * < 0 inhibits); null washes it out: the level then clears with τ = WASHOUT_MS.
   * With `reversalMv` the receptor opens channels instead, matched at rest
   * (|gain| there; the channels decide the sign), so V stops at the reversal.
   */
  setBath(name: string, concentration: number | null, gain: number, reversalMv: number | null = null, adapt: BathAdaptation | null = null): void {
    const same = this.bath?.names[0] === name;
    const level = same && this.bath ? this.bath.conc[0] : 0;
    // A receptor that adapts keeps its running mean across a change of gain or channel (it is the same receptor).
    const mean = same && this.bath && this.bath.receptorAdaptation[0] > 0 ? this.bath.receptorMean[0] : level;
    const adapting = adapt !== null && adapt.adaptation > 0 ? { adaptation: adapt.adaptation, adaptationMs: adapt.adaptationMs } : {};
    const receptor: ReceptorSpec =
      reversalMv === null
        ? { neuron: 'lab', modulator: name, effect: 'excitability', gain, ...adapting }
        : { neuron: 'lab', modulator: name, effect: 'excitability', gain: Math.abs(gain) * Math.sign(reversalMv - this.restMv), reversalMv, ...adapting };
    const mods = [{ name, from: [], release: 0, clearanceMs: WASHOUT_MS }];
    const m = compileModulation(mods, [receptor], 1, (id) => (id === 'lab' ? 0 : -1), { restMv: () => this.restMv }) as Modulation;
    m.conc[0] = level;
    m.bath[0] = concentration ?? Number.NaN;
    // As the engine's modulators kernel sets them per dt (src/neural/compile/modulators.ts).
    if (m.receptorAdaptation[0] > 0) {
      m.receptorKeep[0] = Math.exp(-this.spec.dtMs / m.receptorAdaptationMs[0]);
      m.receptorMean[0] = mean;
    }
    this.bath = m;
    this.bathDecay = Math.exp(-this.spec.dtMs / WASHOUT_MS);
  }

  /** The bath's modulator and its concentration now (null: none applied yet). */
  get bathLevel(): { name: string; concentration: number; applied: boolean } | null {
    const m = this.bath;
    return m ? { name: m.names[0], concentration: m.conc[0], applied: !Number.isNaN(m.bath[0]) } : null;
  }

  /** One integration step. */
  step(): void {
    const dt = this.spec.dtMs;
    const inPulse = this.periodMs <= this.pulseMs || this.timeMs % this.periodMs < this.pulseMs;
    this.lastCurrent = inPulse ? this.currentA : 0;
    this.input[0] = this.lastCurrent;
    const m = this.bath;
    if (m) {
      // As the engine's modulators kernel with no releasers: held by the bath, else clearing at first order.
      m.conc[0] = Number.isNaN(m.bath[0]) ? m.conc[0] * this.bathDecay : m.bath[0];
      adaptReceptors(m);
      applyReceptors(m);
      this.bathG[0] = m.openG[0];
      this.lastModCurrent = m.excite[0] - m.openG[0] * this.pop.v[0];
      this.input[0] += m.excite[0];
    }
    if (this.bathG[0] > 0) this.pop.step(dt, this.input, this.bathG);
    else this.pop.step(dt, this.input);
    this.timeMs += dt;
  }

  reset(): void {
    this.pop.reset();
    if (this.bath) {
      this.bath.conc[0] = Number.isNaN(this.bath.bath[0]) ? 0 : this.bath.bath[0];
      this.bath.receptorMean[0] = this.bath.conc[0];
    }
    this.timeMs = 0;
  }
}

/** The graded neuron's steady-state I–V under current clamp: V at each held current, with its K⁺ rectifier and without (gKNs 0). */
export interface IvCurve {
  currentPa: Float64Array;
  vMv: Float64Array;
  /** The same cell as the old linear neuron (no rectifier, no plateau). */
  linearVMv: Float64Array;
}

/** Steady-state V over `points` currents from iMin to iMax (pA), from the graded model's own I–V relation. */
export function gradedIvCurve(params: ParamValues, iMin: number, iMax: number, points = 61): IvCurve {
  const num = (name: string): number => params[name] as number;
  const p = {
    capacitance: num('capacitance'),
    tauMs: num('tauMs'),
    restMv: num('restMv'),
    tonicPa: num('tonicPa'),
    gKNs: num('gKNs'),
    kHalfMv: num('kHalfMv'),
    kSlopeMv: num('kSlopeMv'),
    eKMv: num('eKMv'),
    plateauNs: num('plateauNs'),
    plateauHalfMv: num('plateauHalfMv'),
    plateauSlopeMv: num('plateauSlopeMv'),
    plateauEMv: num('plateauEMv'),
    plateauInactMs: num('plateauInactMs'),
  };
  const out: IvCurve = { currentPa: new Float64Array(points), vMv: new Float64Array(points), linearVMv: new Float64Array(points) };
  for (let k = 0; k < points; k++) {
    const i = iMin + ((iMax - iMin) * k) / (points - 1);
    out.currentPa[k] = i;
    out.vMv[k] = gradedSteadyV(p, i);
    out.linearVMv[k] = gradedSteadyV({ ...p, gKNs: 0, plateauNs: 0 }, i);
  }
  return out;
}
