/**
 * Synapse tables in compact form (struct of arrays, global neuron indices in
 * spec order) and their validation. `NetworkSpec.synapses` converts to this;
 * stress networks of 10^5–10^6 neurons can be built in it directly without one
 * JavaScript object per synapse.
 */
import { resolvePlastic } from './plastic-rules';
import type { NetworkSpec, PlasticSpec, SynapseSpec } from './types';

export const CHEMICAL = 0;
export const ELECTRICAL = 1;

/** Chemical synapse models (CompactSynapses.model). */
export const CURRENT_BASED = 0;
export const CONDUCTANCE_BASED = 1;

/**
 * Conductance synapses: the defaults and ranges of their fields, shared by
 * the engine's checks, the circuit schema and the editor. Reversal potentials
 * by sign: cation channels (nicotinic ACh, glutamate AMPA-like GLR) near
 * 0 mV; chloride channels (GABA-A / UNC-49, glutamate-gated GluCl) at the
 * chloride reversal, about −70 to −80 mV in C. elegans neurons. Release:
 * s∞ = 1/(1 + e^(−(V − V½)/k)) (Wicks, Roehrig & Rankin 1996; Kunert,
 * Shlizerman & Kutz 2014 use β = 1/k = 0.125 mV⁻¹). Time constants: the COBA
 * network's 5 ms (excitatory) and 10 ms (inhibitory) (Brette et al. 2007).
 */
export const CONDUCTANCE_SYNAPSE = {
  excitatoryReversalMv: 0,
  chlorideReversalMv: -75,
  releaseHalfMv: -45,
  releaseSlopeMv: 8,
  tauExcitatoryMs: 5,
  tauInhibitoryMs: 10,
} as const;

export interface FieldRange {
  min: number;
  max: number;
  unit: string;
  help: string;
}

/** Ranges of a chemical synapse's conductance fields (the circuit schema and the editor show these). */
export const CONDUCTANCE_FIELDS: Readonly<Record<'reversalMv' | 'releaseHalfMv' | 'releaseSlopeMv' | 'tauMs', FieldRange>> = {
  reversalMv: { min: -120, max: 60, unit: 'mV', help: 'reversal potential: the current pulls V toward it and stops there (0 excitatory, −75 chloride)' },
  releaseHalfMv: { min: -120, max: 60, unit: 'mV', help: 'presynaptic potential of half-maximal release' },
  releaseSlopeMv: { min: 0.5, max: 50, unit: 'mV', help: 'release slope: release rises e-fold per this many mV (Kunert 2014: 8)' },
  tauMs: { min: 0, max: 10000, unit: 'ms', help: 'time constant of the synapse opening (graded) or closing after a spike; 0 = instant' },
};

export interface CompactSynapses {
  /** Presynaptic neuron (global index; for gap junctions, one side). */
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Chemical strength or gap-junction conductance, ≥ 0. */
  readonly weight: Float64Array;
  /** CHEMICAL or ELECTRICAL. */
  readonly kind: Uint8Array;
  /** Chemical sign: 0 = from the presynaptic transmitter, 1 = excitatory, −1 = inhibitory. */
  readonly sign: Int8Array;
  /** Axonal delay, ms (0 = none). Omitted: no delays. */
  readonly delayMs?: Float64Array;
  /** Short-term depression: resource used per spike (or per ms at full output); 0 = no depression. */
  readonly depressionUse?: Float64Array;
  /** Short-term depression: recovery time constant, ms (read where depressionUse > 0). */
  readonly depressionRecoveryMs?: Float64Array;
  /** Chemical: CURRENT_BASED or CONDUCTANCE_BASED. Omitted: all current-based. */
  readonly model?: Uint8Array;
  /** Conductance-based: reversal potential, mV; NaN = by sign (CONDUCTANCE_SYNAPSE). */
  readonly reversalMv?: Float64Array;
  /** Conductance-based from graded neurons: half-release potential and slope, mV; NaN = default. */
  readonly releaseHalfMv?: Float64Array;
  readonly releaseSlopeMv?: Float64Array;
  /** Conductance-based: activation (graded) or decay (spikes) time constant, ms; NaN = default by sign. */
  readonly tauMs?: Float64Array;
  /** Chemical: the learning rule (undefined = fixed weight). Omitted: none plastic. */
  readonly plastic?: readonly (PlasticSpec | undefined)[];
}

/** Empty-table factory for builders (bench, importers); conductance fields start at NaN (the defaults). */
export function allocateSynapses(count: number, options: { delays?: boolean; depression?: boolean; conductance?: boolean } = {}): CompactSynapses {
  const unset = () => new Float64Array(count).fill(Number.NaN);
  return {
    from: new Int32Array(count),
    to: new Int32Array(count),
    weight: new Float64Array(count),
    kind: new Uint8Array(count),
    sign: new Int8Array(count),
    ...(options.delays ? { delayMs: new Float64Array(count) } : {}),
    ...(options.depression ? { depressionUse: new Float64Array(count), depressionRecoveryMs: new Float64Array(count) } : {}),
    ...(options.conductance ? { model: new Uint8Array(count), reversalMv: unset(), releaseHalfMv: unset(), releaseSlopeMv: unset(), tauMs: unset() } : {}),
  };
}

function checkField(where: string, name: keyof typeof CONDUCTANCE_FIELDS, x: unknown): number {
  const r = CONDUCTANCE_FIELDS[name];
  if (typeof x !== 'number' || !Number.isFinite(x) || x < r.min || x > r.max) {
    throw new Error(`${where}: "${name}" must be a number in ${r.min}..${r.max} ${r.unit} (${r.help}), got ${JSON.stringify(x)}`);
  }
  return x;
}

function describe(s: SynapseSpec, i: number): string {
  return `synapses[${i}] (${s.kind} ${JSON.stringify(s.from)} → ${JSON.stringify(s.to)})`;
}

/** Converts and validates a spec's synapse list; `indexOf` maps ids (−1 = unknown). */
export function compactFromSpec(synapses: NetworkSpec['synapses'], indexOf: (id: string) => number): CompactSynapses {
  const n = synapses.length;
  const anyDelay = synapses.some((s) => s.kind === 'chemical' && s.delayMs !== undefined && s.delayMs !== 0);
  const anyDepression = synapses.some((s) => s.kind === 'chemical' && s.depression !== undefined);
  const conductance = synapses.some((s) => s.kind === 'chemical' && s.model === 'conductance');
  const anyPlastic = synapses.some((s) => s.kind === 'chemical' && s.plastic !== undefined);
  const base = allocateSynapses(n, { delays: anyDelay, depression: anyDepression, conductance });
  const plastic: (PlasticSpec | undefined)[] | undefined = anyPlastic ? new Array(n).fill(undefined) : undefined;
  const out: CompactSynapses = plastic ? { ...base, plastic } : base;
  synapses.forEach((s, i) => {
    const where = describe(s, i);
    if (s.kind !== 'chemical' && s.kind !== 'electrical') {
      throw new Error(`${where}: "kind" must be "chemical" or "electrical", got ${JSON.stringify((s as { kind: unknown }).kind)}`);
    }
    const from = indexOf(s.from);
    const to = indexOf(s.to);
    if (from < 0) throw new Error(`${where}: "from" names no neuron of the network`);
    if (to < 0) throw new Error(`${where}: "to" names no neuron of the network`);
    if (typeof s.weight !== 'number' || !Number.isFinite(s.weight) || s.weight < 0) {
      throw new Error(`${where}: "weight" must be a finite number ≥ 0, got ${JSON.stringify(s.weight)}`);
    }
    out.from[i] = from;
    out.to[i] = to;
    out.weight[i] = s.weight;
    if (s.kind === 'electrical') {
      out.kind[i] = ELECTRICAL;
      return;
    }
    out.kind[i] = CHEMICAL;
    if (s.sign !== undefined && s.sign !== 'excitatory' && s.sign !== 'inhibitory') {
      throw new Error(`${where}: "sign" must be "excitatory" or "inhibitory", got ${JSON.stringify(s.sign)}`);
    }
    out.sign[i] = s.sign === 'excitatory' ? 1 : s.sign === 'inhibitory' ? -1 : 0;
    if (s.model !== undefined && s.model !== 'current' && s.model !== 'conductance') {
      throw new Error(`${where}: "model" must be "current" or "conductance", got ${JSON.stringify(s.model)}`);
    }
    const fields = (['reversalMv', 'releaseHalfMv', 'releaseSlopeMv', 'tauMs'] as const).filter((f) => s[f] !== undefined);
    if (s.model !== 'conductance') {
      if (fields.length > 0) {
        throw new Error(`${where}: "${fields[0]}" belongs to conductance-based synapses; add "model": "conductance" or remove it`);
      }
    } else {
      out.model![i] = CONDUCTANCE_BASED;
      for (const f of fields) out[f]![i] = checkField(where, f, s[f]);
    }
    if (s.delayMs !== undefined) {
      if (typeof s.delayMs !== 'number' || !Number.isFinite(s.delayMs) || s.delayMs < 0 || s.delayMs > 1000) {
        throw new Error(`${where}: "delayMs" must be a number in 0..1000 ms, got ${JSON.stringify(s.delayMs)}`);
      }
      if (out.delayMs) out.delayMs[i] = s.delayMs;
    }
    if (s.depression !== undefined) {
      const { use, recoveryMs } = s.depression;
      if (typeof use !== 'number' || !(use >= 0 && use <= 1)) {
        throw new Error(`${where}: "depression.use" must be a number in 0..1, got ${JSON.stringify(use)}`);
      }
      if (typeof recoveryMs !== 'number' || !Number.isFinite(recoveryMs) || !(recoveryMs > 0)) {
        throw new Error(`${where}: "depression.recoveryMs" must be a number > 0 (ms), got ${JSON.stringify(recoveryMs)}`);
      }
      out.depressionUse![i] = use;
      out.depressionRecoveryMs![i] = recoveryMs;
    }
    if (s.plastic !== undefined) {
      resolvePlastic(s.plastic, where, s.weight);
      plastic![i] = s.plastic;
    }
  });
  return out;
}

/** Checks a compact table against a network of n neurons (indices, weights, delays, depression), naming the synapse. */
export function checkCompact(synapses: CompactSynapses, n: number): void {
  for (let s = 0; s < synapses.from.length; s++) {
    const a = synapses.from[s],
      b = synapses.to[s],
      w = synapses.weight[s];
    if (!(a >= 0 && a < n && b >= 0 && b < n)) throw new Error(`synapses[${s}]: neuron index out of range 0..${n - 1}`);
    if (!(w >= 0 && Number.isFinite(w))) throw new Error(`synapses[${s}]: weight must be a finite number ≥ 0, got ${w}`);
    const d = synapses.delayMs?.[s] ?? 0;
    if (!(d >= 0 && d <= 1000)) throw new Error(`synapses[${s}]: delayMs must be in 0..1000 ms, got ${d}`);
    const use = synapses.depressionUse?.[s] ?? 0;
    if (!(use >= 0 && use <= 1)) throw new Error(`synapses[${s}]: depression use must be in 0..1, got ${use}`);
    if (use > 0 && !((synapses.depressionRecoveryMs?.[s] ?? 0) > 0)) throw new Error(`synapses[${s}]: depression recoveryMs must be > 0`);
    const rule = synapses.plastic?.[s];
    if (rule !== undefined) resolvePlastic(rule, `synapses[${s}]`, w);
    const model = synapses.model?.[s] ?? CURRENT_BASED;
    if (model !== CURRENT_BASED && model !== CONDUCTANCE_BASED)
      throw new Error(`synapses[${s}]: model code must be 0 (current) or 1 (conductance), got ${model}`);
    if (model === CONDUCTANCE_BASED) {
      for (const f of ['reversalMv', 'releaseHalfMv', 'releaseSlopeMv', 'tauMs'] as const) {
        const x = synapses[f]?.[s] ?? Number.NaN;
        if (!Number.isNaN(x)) checkField(`synapses[${s}]`, f, x);
      }
    }
  }
}
