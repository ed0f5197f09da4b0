/**
 * Current-based circuits to conductance-based ones that keep their function:
 * a current-based synapse of weight w injects ±w·release whatever V_post; the
 * conductance g = w / |E_rev − V_match| passes the same current when the
 * postsynaptic neuron sits at V_match, more when V is farther from E_rev, and
 * none at E_rev (docs/neural.md, "Conductance-based synapses").
 *
 * V_match is by default the postsynaptic neuron's own release midpoint, the
 * middle of its working range: the built-in worm's neurons are driven
 * tonically and work well above rest, where an excitatory synapse matched at
 * rest is about half as strong and an inhibitory one several times stronger
 * (the gait core's motor neurons even rest below GABA's reversal, so matching
 * there is refused; matched at the midpoint 'touch-withdrawal' crawls at 0.14
 * body lengths/s, the current-based one 0.19: docs/neural.md).
 *
 * The release curve keeps its midpoint and its steepest slope: the
 * current-based graded release 0.5 + 0.5·u/√(1 + u²), u = (V − V½)/slope,
 * rises 1/(2·slope) per mV at V½, and the logistic 1/(1 + e^(−(V − V½)/k))
 * rises 1/(4k), so k = slope/2. The synapse stays instant (tauMs 0), as the
 * current-based one is.
 */
import { MIN_RECEPTOR_DRIVE_MV, RECEPTOR_REVERSAL } from '../neural/modulation';
import { CONDUCTANCE_SYNAPSE } from '../neural/synapses';
import { PLASTIC_RULES } from '../neural/plastic-rules';
import type { NeuronSpec, PlasticSpec, ReceptorSpec, SynapseSpec, Transmitter } from '../neural/types';
import { circuitFromDoc } from './circuit';
import type { CircuitDoc } from './types';

type ChemicalSynapse = Extract<SynapseSpec, { kind: 'chemical' }>;

/** Below this driving force (mV) at rest a conductance cannot stand in for a current: g would have to be huge. */
export const MIN_DRIVE_MV = 2;

/** The conductance with the same effect at V_match as a current-based weight: g = w / |E_rev − V_match|. */
export function conductanceFor(weight: number, reversalMv: number, matchMv: number): number {
  const drive = Math.abs(reversalMv - matchMv);
  if (!(drive >= MIN_DRIVE_MV)) {
    throw new RangeError(
      `${matchMv} mV is within ${MIN_DRIVE_MV} mV of the reversal potential ${reversalMv} mV, where a conductance has almost no effect; keep this synapse current-based or give it another reversalMv`,
    );
  }
  return weight / drive;
}

/** The reversal potential a synapse's sign implies (CONDUCTANCE_SYNAPSE): excitatory cation channels, inhibitory chloride channels. */
export function reversalFor(s: ChemicalSynapse, preTransmitter: Transmitter | undefined): number {
  const inhibitory = s.sign === 'inhibitory' || (s.sign === undefined && preTransmitter === 'GABA');
  return inhibitory ? CONDUCTANCE_SYNAPSE.chlorideReversalMv : CONDUCTANCE_SYNAPSE.excitatoryReversalMv;
}

/**
 * One current-based chemical synapse between graded neurons (complete params,
 * as a loaded circuit's network has them) as a conductance synapse with the
 * same effect at the postsynaptic V_match and the same release midpoint and slope.
 */
export function toConductanceSynapse(s: ChemicalSynapse, pre: NeuronSpec, post: NeuronSpec, matchAt: MatchAt = 'midpoint'): ChemicalSynapse {
  if (pre.model !== 'graded' || post.model !== 'graded') {
    throw new RangeError(`toConductanceSynapse: ${s.from} → ${s.to} is not between graded neurons (${pre.model} → ${post.model})`);
  }
  if (s.model === 'conductance') return { ...s };
  const num = (spec: NeuronSpec, name: string): number => {
    const x = spec.params?.[name];
    if (typeof x !== 'number') throw new RangeError(`toConductanceSynapse: ${spec.id} has no "${name}"; pass the loaded circuit's network (complete params)`);
    return x;
  };
  const reversalMv = reversalFor(s, pre.transmitter);
  const matchMv = num(post, matchAt === 'rest' ? 'restMv' : 'vHalfMv');
  const inhibitory = reversalMv < 0;
  if (inhibitory !== reversalMv < matchMv) {
    throw new RangeError(
      `${s.from} → ${s.to}: at ${s.to}'s ${matchAt} (${matchMv} mV) a synapse reversing at ${reversalMv} mV would ${inhibitory ? 'excite' : 'inhibit'}, not ${inhibitory ? 'inhibit' : 'excite'}; keep it current-based`,
    );
  }
  const { model: _model, ...rest } = structuredClone(s);
  // The pre cell's release ceiling (graded releaseMax) scales what it delivers either way.
  const releaseMax = typeof pre.params?.releaseMax === 'number' ? pre.params.releaseMax : 1;
  return {
    ...rest,
    ...(s.plastic && { plastic: toConductancePlastic(s.plastic, (w) => conductanceFor(w * releaseMax, reversalMv, matchMv)) }),
    weight: conductanceFor(s.weight * releaseMax, reversalMv, matchMv),
    model: 'conductance',
    reversalMv,
    releaseHalfMv: num(pre, 'vHalfMv'),
    releaseSlopeMv: num(pre, 'slopeMv') / 2,
    tauMs: 0,
  };
}

/**
 * A plastic rule's parameters in weight units (bounds, forgetting's target, BCM's rate: PLASTIC_RULES' unit
 * 'weight…') scaled as the weight is, so a converted learning synapse keeps its range and its naive weight
 * relative to the weight (left in pA, a learned conductance of 0.02 nS forgot toward 0.9 "nS"); the other
 * parameters are relative to them (× wMax) or not weights at all, and stay as they are.
 */
function toConductancePlastic(plastic: PlasticSpec, convert: (weight: number) => number): PlasticSpec {
  const units = PLASTIC_RULES[plastic.rule].params;
  if (!plastic.params) return { ...plastic };
  const params = Object.entries(plastic.params).map(([name, x]) => [name, x !== undefined && units[name]?.unit.startsWith('weight') ? convert(x) : x]);
  return { ...plastic, params: Object.fromEntries(params) };
}

/**
 * Where the conductance matches the current: the postsynaptic neuron's rest
 * (restMv), or the middle of its working range (vHalfMv, its own release
 * midpoint), where a neuron that is driven tonically spends its time.
 */
export type MatchAt = 'rest' | 'midpoint';

export interface ConductanceOptions {
  /** Default 'midpoint'. */
  matchAt?: MatchAt;
  /**
   * Turn on the graded neurons' K⁺ rectifier (the model default) where the
   * circuit asks for the linear neuron. Default false: circuits tuned on the
   * linear neuron (the built-in locomotion core) need retuning first.
   */
  rectifier?: boolean;
  /**
   * Make every sensor binding on a graded neuron transduce by conductance
   * (src/controllers/transduction.ts), matched at the same point as the
   * synapses (`matchAt`): the old current there, bounded by the reversals;
   * and every excitability receptor on a graded neuron open channels
   * (toConductanceReceptor), matched the same way. Default false.
   */
  transduction?: boolean;
}

/**
 * A circuit with every current-based chemical synapse between graded neurons
 * made conductance-based (toConductanceSynapse), plastic ones too (their rule
 * then scales the conductance: compile/plastic.ts; its bounds are converted as
 * the weight is); other synapses and gap
 * junctions unchanged. `network` is the loaded circuit's (complete params);
 * `doc` its document. Returns a new version-2 document.
 */
export function toConductanceCircuit(doc: CircuitDoc, network: { neurons: readonly NeuronSpec[] }, options: ConductanceOptions = {}): CircuitDoc {
  const byId = new Map(network.neurons.map((n) => [n.id, n]));
  const out = structuredClone(doc);
  out.synapses = (doc.synapses ?? []).map((s) => {
    if (s.kind !== 'chemical') return { ...s };
    const pre = byId.get(s.from);
    const post = byId.get(s.to);
    if (pre?.model !== 'graded' || post?.model !== 'graded') return structuredClone(s);
    return toConductanceSynapse(s, pre, post, options.matchAt);
  });
  if (options.transduction ?? false) {
    const matchAt = options.matchAt ?? 'midpoint';
    out.sensors = (doc.sensors ?? []).map((b) => {
      const n = byId.get(b.neuron);
      if (n?.model !== 'graded') return { ...b };
      // Sensory cells sit at rest until a stimulus moves them: matched there, whatever matchAt says. A binding that
      // names its own match point (a sensory cell that works lifted off its rest) keeps it.
      const at = b.matchMv ?? n.params?.[matchAt === 'rest' || n.role === 'sensory' ? 'restMv' : 'vHalfMv'];
      return { ...b, transduction: 'conductance', ...(typeof at === 'number' && { matchMv: at }) };
    });
  }
  if (options.transduction ?? false) {
    const matchAt = options.matchAt ?? 'midpoint';
    if (doc.receptors) out.receptors = doc.receptors.map((r) => toConductanceReceptor(r, byId.get(r.neuron), matchAt));
  }
  if (options.rectifier ?? false) {
    for (const n of out.neurons) {
      if (n.model === 'graded' && n.params?.gKNs === 0) delete n.params.gKNs;
    }
  }
  return out;
}

/**
 * A document (any readable version: the generators' version-1 ones too) with
 * its synapses made conductance-based: the one call a generator needs to
 * switch a built-in circuit (`toConductanceDoc(buildWorm())`). Resolves the
 * neurons' parameters through the loader first; returns a version-2 document.
 */
export function toConductanceDoc(doc: CircuitDoc, options: ConductanceOptions = {}): CircuitDoc {
  const c = circuitFromDoc(doc, doc.name ?? 'circuit to convert');
  return toConductanceCircuit(c.doc, c.network, options);
}

/**
 * What the converter cannot know of a converted chemical synapse: the time constant (ms; 0 = instant, as converted) and
 * release midpoint (mV of the presynaptic cell; undefined = its own, as converted) a layer gives it on conductances.
 */
export interface ConvertedKinetics {
  from: string;
  to: readonly string[];
  tauMs: number;
  releaseHalfMv?: number;
}

/** A converted document with each rule's kinetics on its conductance synapses from `from` to any of `to`. */
export function withConvertedKinetics(doc: CircuitDoc, rules: readonly ConvertedKinetics[]): CircuitDoc {
  const active = rules.filter((r) => r.tauMs > 0 || r.releaseHalfMv !== undefined);
  if (active.length === 0 || !doc.synapses) return doc;
  const synapses = doc.synapses.map((s) => {
    const r = s.kind === 'chemical' && s.model === 'conductance' ? active.find((k) => k.from === s.from && k.to.includes(s.to)) : undefined;
    return r ? { ...s, ...(r.releaseHalfMv !== undefined && { releaseHalfMv: r.releaseHalfMv }), ...(r.tauMs > 0 && { tauMs: r.tauMs }) } : s;
  });
  return { ...doc, synapses };
}

/** Reversal potentials of the receptors the built-in circuits name (by label); others by the sign of their gain. */
const RECEPTOR_CHANNEL: Readonly<Record<string, number>> = {
  'DOP-3': RECEPTOR_REVERSAL.potassiumMv,
  'MOD-1': RECEPTOR_REVERSAL.chlorideMv,
};

/**
 * An excitability receptor on a graded neuron (complete params) as channels
 * with the same effect at the neuron's match point (as the synapses: its
 * working point, or its rest for a sensory cell or matchAt 'rest'): K⁺ for
 * DOP-3, Cl⁻ for MOD-1, else Cl⁻ for an inhibitory gain and cation channels
 * for an excitatory one. Other receptors, and receptors that already open
 * channels, are returned as they are.
 */
export function toConductanceReceptor(r: ReceptorSpec, neuron: NeuronSpec | undefined, matchAt: MatchAt = 'midpoint'): ReceptorSpec {
  if (r.effect !== 'excitability' || r.reversalMv !== undefined || neuron?.model !== 'graded') return { ...r };
  const matchMv = neuron.params?.[matchAt === 'rest' || neuron.role === 'sensory' ? 'restMv' : 'vHalfMv'];
  if (typeof matchMv !== 'number')
    throw new RangeError(`toConductanceReceptor: ${neuron.id} has no resolved potentials; pass the loaded circuit's network (complete params)`);
  const byLabel = r.label === undefined ? undefined : RECEPTOR_CHANNEL[r.label];
  const reversalMv = byLabel ?? (r.gain < 0 ? RECEPTOR_REVERSAL.chlorideMv : RECEPTOR_REVERSAL.cationMv);
  const drive = reversalMv - matchMv;
  if (Math.abs(drive) < MIN_RECEPTOR_DRIVE_MV || r.gain * drive < 0) {
    throw new RangeError(
      `${r.label ?? 'receptor'} for ${r.modulator} on ${neuron.id}: at its ${matchAt} (${matchMv} mV) channels reversing at ${reversalMv} mV cannot pass a ${r.gain < 0 ? 'hyperpolarising' : 'depolarising'} current; keep it a current (no "reversalMv")`,
    );
  }
  return { ...r, reversalMv, matchMv };
}
