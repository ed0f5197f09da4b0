/**
 * Numeric fields the inspector edits, with what a player needs to see (range,
 * unit, one line of meaning), and the checks that refuse a bad value with a
 * message naming the field, the value, the allowed range and the unit.
 * Neuron params come from the model's own ParamSpec table; synapse and
 * binding fields are fixed by the circuit format (docs/circuit-format.md).
 */
import { CONDUCTANCE_FIELDS } from '../neural/synapses';
import type { ParamSpec } from '../neural/types';

/** A numeric field: like a model's ParamSpec, without a default pair. `above` makes min exclusive. */
export interface FieldSpec {
  min: number;
  max: number;
  /** Exclusive lower bound (the value must be > min). */
  above?: boolean;
  unit: string;
  help: string;
  integer?: boolean;
}

const INF = Number.POSITIVE_INFINITY;

/** Fields of a synapse; depression's two are `depression.use` and `depression.recoveryMs`. */
export const SYNAPSE_FIELDS = {
  weight: {
    min: 0,
    max: INF,
    unit: '',
    help: 'Current-based: the current at full release. Conductance-based and gap junctions: the conductance when open. The sign comes from "sign" or the presynaptic transmitter.',
  },
  reversalMv: { ...CONDUCTANCE_FIELDS.reversalMv, help: 'Reversal potential: the synapse pulls V toward it and never past it (0 excitatory, −75 chloride).' },
  releaseHalfMv: { ...CONDUCTANCE_FIELDS.releaseHalfMv, help: 'Presynaptic V of half-maximal release (graded neurons).' },
  releaseSlopeMv: { ...CONDUCTANCE_FIELDS.releaseSlopeMv, help: 'Release rises e-fold per this many mV (Kunert et al. 2014: 8).' },
  tauMs: { ...CONDUCTANCE_FIELDS.tauMs, help: 'How fast the synapse opens (graded) or closes after a spike; 0 = instant.' },
  delayMs: { min: 0, max: 1000, unit: 'ms', help: 'Transmission delay.' },
  'depression.use': { min: 0, max: 1, unit: '', help: 'Fraction of the resource used per spike, or per ms at full output: how fast the synapse tires.' },
  'depression.recoveryMs': { min: 0, above: true, max: 1e7, unit: 'ms', help: 'Recovery time constant of the resource: how fast it recovers with rest.' },
} as const satisfies Record<string, FieldSpec>;

/**
 * The weight field with its unit: the postsynaptic model's current unit for a
 * current-based synapse, its conductance unit otherwise (pA and nS onto
 * graded neurons); long unit descriptions are left to the help line.
 */
export function weightField(conductance: boolean, units: { currentUnit: string; conductanceUnit: string } | undefined): FieldSpec {
  const unit = units ? (conductance ? units.conductanceUnit : units.currentUnit) : '';
  return unit.length <= 8 ? { ...SYNAPSE_FIELDS.weight, unit } : { ...SYNAPSE_FIELDS.weight, help: `${SYNAPSE_FIELDS.weight.help} Unit: ${unit}.` };
}

/** Fields of sensor and muscle bindings (body positions are fractions: 0 = nose tip, 1 = tail tip). */
export const BINDING_FIELDS = {
  from: { min: 0, max: 1, unit: 'of the body length', help: 'Start of the body stretch, 0 = nose tip.' },
  to: { min: 0, max: 1, unit: 'of the body length', help: 'End of the body stretch, 1 = tail tip.' },
  at: { min: 0, max: 1, unit: 'of the body length', help: 'Body point whose bend is felt.' },
  gain: { min: -INF, max: INF, unit: '', help: 'Input per unit of signal (sensors); > 0 contracts, < 0 relaxes (muscles).' },
  excitatoryReversalMv: {
    ...CONDUCTANCE_FIELDS.reversalMv,
    help: 'Conductance transduction: a depolarising stimulus pulls V toward this and never past it (0: cation channels).',
  },
  inhibitoryReversalMv: {
    ...CONDUCTANCE_FIELDS.reversalMv,
    help: 'Conductance transduction: a hyperpolarising stimulus pulls V toward this and never past it (−75: chloride).',
  },
  matchMv: {
    ...CONDUCTANCE_FIELDS.reversalMv,
    help: 'Conductance transduction: at this V the neuron receives exactly gain × signal (default: its rest).',
  },
} as const satisfies Record<string, FieldSpec>;

/** The conductance-transduction fields of a sensor binding, in the order the inspector shows them. */
export const TRANSDUCTION_FIELDS = ['excitatoryReversalMv', 'inhibitoryReversalMv', 'matchMv'] as const;

/** `0.1 .. 1000 ms`, `≥ 0`, `> 0 and ≤ 10000000 ms`, `any number`, with "whole numbers" when integer. */
export function rangeText(spec: FieldSpec | ParamSpec): string {
  const u = spec.unit ? ` ${spec.unit}` : '';
  const above = 'above' in spec && spec.above === true;
  const lo = Number.isFinite(spec.min);
  const hi = Number.isFinite(spec.max);
  let s: string;
  if (lo && hi) s = above ? `> ${spec.min} and ≤ ${spec.max}${u}` : `${spec.min} .. ${spec.max}${u}`;
  else if (lo) s = `${above ? '>' : '≥'} ${spec.min}${u}`;
  else if (hi) s = `≤ ${spec.max}${u}`;
  else s = `any number${u}`;
  return spec.integer ? `whole numbers ${s}` : s;
}

const showValue = (v: unknown): string => {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (Array.isArray(v)) return JSON.stringify(v) ?? String(v);
  return v === undefined ? 'nothing' : String(JSON.stringify(v) ?? v);
};

/**
 * What is wrong with one number for `spec`, or undefined if it is allowed.
 * `name` is how the message names the field, e.g. `"tauMs" of AVAL (lif)`.
 */
export function numberProblem(name: string, spec: FieldSpec | ParamSpec, value: unknown): string | undefined {
  const allowed = `allowed: ${rangeText(spec)} (${spec.help})`;
  if (typeof value !== 'number' || Number.isNaN(value)) return `${name}: ${showValue(value)} is not a number; ${allowed}`;
  if (!Number.isFinite(value)) return `${name}: ${value} is not a finite number; ${allowed}`;
  if (spec.integer && !Number.isInteger(value)) return `${name}: ${value} is not a whole number; ${allowed}`;
  const above = 'above' in spec && spec.above === true;
  if (value < spec.min || value > spec.max || (above && value === spec.min)) {
    const u = spec.unit ? ` ${spec.unit}` : '';
    return `${name}: ${value}${u} is out of range; ${allowed}`;
  }
  return undefined;
}

/** What is wrong with a value for a model parameter (a number, or a pair [excitatory, inhibitory] when its default is a pair). */
export function paramProblem(name: string, spec: ParamSpec, value: unknown): string | undefined {
  if (Array.isArray(spec.default)) {
    if (!Array.isArray(value) || value.length !== 2) {
      return `${name}: ${showValue(value)} is not a pair; it takes [excitatory, inhibitory], each ${rangeText(spec)} (${spec.help})`;
    }
    return numberProblem(`${name} (excitatory)`, spec, value[0]) ?? numberProblem(`${name} (inhibitory)`, spec, value[1]);
  }
  if (Array.isArray(value)) return `${name}: ${showValue(value)} is a list, but it takes one number: ${rangeText(spec)} (${spec.help})`;
  return numberProblem(name, spec, value);
}

/** -0 is written as 0 in JSON; keep it 0 in memory too, so saving and loading give back the same document. */
export const noNegativeZero = (x: number): number => x + 0;
