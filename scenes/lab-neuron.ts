import { gradedSteadyV } from '../src/neural/models/graded';
import { MODELS } from '../src/neural/models/index';
import { resolveNeuronParams } from '../src/neural/params';
import type { ModelKind, NeuronModel, ParamValues, Population } from '../src/neural/types';

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

  constructor(readonly spec: LabModel) {
    this.model = MODELS[spec.kind];
    const resolved = resolveNeuronParams(this.model, { id: 'lab', model: spec.kind, ...(spec.preset !== undefined && { preset: spec.preset }) }, 'neuron lab');
    this.params = { ...resolved.params };
    this.init = resolved.init;
    this.pop = this.model.createPopulation([{ params: this.params, init: this.init }]);
    this.currentA = spec.current.value;
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

  /** One integration step. */
  step(): void {
    const dt = this.spec.dtMs;
    const inPulse = this.periodMs <= this.pulseMs || this.timeMs % this.periodMs < this.pulseMs;
    this.lastCurrent = inPulse ? this.currentA : 0;
    this.input[0] = this.lastCurrent;
    this.pop.step(dt, this.input);
    this.timeMs += dt;
  }

  reset(): void {
    this.pop.reset();
    this.timeMs = 0;
  }
}

/** The graded neuron's steady-state I–V under current clamp: V at each held current, with its K⁺ rectifier and without (gKNs 0). */
export interface IvCurve {
  currentPa: Float64Array;
  vMv: Float64Array;
  /** The same cell as the old linear neuron. */
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
  };
  const out: IvCurve = { currentPa: new Float64Array(points), vMv: new Float64Array(points), linearVMv: new Float64Array(points) };
  for (let k = 0; k < points; k++) {
    const i = iMin + ((iMax - iMin) * k) / (points - 1);
    out.currentPa[k] = i;
    out.vMv[k] = gradedSteadyV(p, i);
    out.linearVMv[k] = gradedSteadyV({ ...p, gKNs: 0 }, i);
  }
  return out;
}
