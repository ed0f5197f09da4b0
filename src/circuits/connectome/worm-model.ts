/**
 * The connectome worm's class model: what the importer chooses beside the
 * wiring, by neuron class (left/right and dorsal/ventral partners, and the
 * numbered cells of a motor class, share), so the imported circuit stays a
 * model of the real worm rather than a fit per synapse. Only what issue 18
 * allows: graded-model parameters per class, global scales, sensory
 * transduction gains and the stretch receptors the literature ascribes to
 * real neurons. No neuron, synapse or drawn wave is added.
 *
 * The values live in worm-model.json, each with its source or the fit that
 * chose it (docs/connectome-import.md, "The class model").
 */
import { gradedModel } from '../../neural/models/graded';
import type { ParamValues } from '../../neural/types';
import { scaleCellSize } from '../builtin/cell-size';
import type { CircuitDoc, SensorBinding, Side, StretchBinding } from '../types';
import { KNOWN_NEURONS } from './neuron-classes';
import WORM_MODEL_JSON from './worm-model.json';

/** A known neuron's class (AVAL → AVA, DB03 → DB); any other name is its own class. */
const classOf = (id: string): string => KNOWN_NEURONS.get(id)?.class.name ?? id;

/** Stretch receptors of one group of classes: each cell feels the curvature `reach` ahead of the centre of its muscles. */
export interface StretchRule {
  classes: readonly string[];
  /** Body fraction ahead (toward the head) of the cell's muscle centre where it feels the bend; 0 = at its own muscles. */
  reach: number;
  /** same: excited by a bend toward its own muscles' side (copies the bend ahead: B-type); opposite: by a bend away from it. */
  follow: 'same' | 'opposite';
  /** pA per unit of κ·L (curvature × body length). */
  gain: number;
  /** Rate sensitivity (ms): the receptor answers κL + rateMs·d(κL)/dt; omitted = the bend only. */
  rateMs?: number;
}

/** The wiring's own gap junctions between two groups of classes (either direction), their conductance × scale. */
export interface GapScale {
  between: readonly string[];
  and: readonly string[];
  scale: number;
}

/**
 * The wiring's own chemical synapses from any cell of the `from` classes onto any of the `to` classes, their weight
 * × scale and, where the literature gives the receptor, their sign (e.g. RIM ⊣ AVB: tyramine on the Cl⁻ channel
 * LGC-55, Pirri et al. 2009).
 */
export interface ChemicalScale {
  from: readonly string[];
  to: readonly string[];
  scale: number;
  sign?: 'excitatory' | 'inhibitory';
}

/** Allowed class sizes (× the cell as parameterised), gap-junction and chemical pathway scales. */
export const SIZE_RANGE = [0.01, 1000] as const;
export const GAP_SCALE_RANGE = [0, 100] as const;
export const CHEMICAL_SCALE_RANGE = [0, 1000] as const;

export interface WormModel {
  /** Multipliers of the importer's per-contact scales. */
  scales: { chemical: number; gap: number; muscle: number; gabaMuscle: number };
  /** Graded-model parameters every neuron gets (before its class's). */
  defaults: ParamValues;
  /** Graded-model parameters per class. */
  classes: Readonly<Record<string, ParamValues>>;
  /** Multipliers of the receptive fields' gains, per sensory class. */
  sensorGains: Readonly<Record<string, number>>;
  stretch: readonly StretchRule[];
  /** How every sensor and stretch binding reaches its neuron (src/controllers/transduction.ts). */
  transduction: 'current' | 'conductance';
  /**
   * Classes whose cells are k times larger (cell-size.ts: capacitance, leak, K⁺ rectifier and plateau × k, every
   * chemical, sensor and stretch input onto them × k, so they answer those inputs as before; their gap junctions are
   * not scaled, so their load on the larger cell falls). Omitted = 1.
   */
  sizes?: Readonly<Record<string, number>>;
  /** Scales of the gap junctions between pairs of class groups (after `scales.gap`). Omitted = none. */
  gaps?: readonly GapScale[];
  /** Scales (and signs) of the chemical synapses from one class group onto another (after `scales.chemical`). Omitted = none. */
  chemicals?: readonly ChemicalScale[];
}

interface Documented<T> {
  value: T;
  why: string;
}

/** The file's shape: every value beside the reason it has it. */
export interface WormModelFile {
  format: 'neuroworm-worm-model';
  version: 1;
  description: string;
  scales: Record<keyof WormModel['scales'], Documented<number>>;
  defaults: Documented<ParamValues>;
  classes: Record<string, Documented<ParamValues>>;
  sensorGains: Record<string, Documented<number>>;
  stretch: (StretchRule & { why: string })[];
  transduction: Documented<WormModel['transduction']>;
  sizes?: Record<string, Documented<number>>;
  gaps?: (GapScale & { why: string })[];
  chemicals?: (ChemicalScale & { why: string })[];
}

/** A worm-model.json's values without their sources (e.g. an earlier commit's file, to compare defaults). */
export function wormModelFromFile(file: WormModelFile): WormModel {
  const values = <T>(r: Record<string, Documented<T>>): Record<string, T> => Object.fromEntries(Object.entries(r).map(([k, d]) => [k, d.value]));
  return {
    scales: values(file.scales) as WormModel['scales'],
    defaults: file.defaults.value,
    classes: values(file.classes),
    sensorGains: values(file.sensorGains),
    stretch: file.stretch.map(({ why: _why, ...rule }) => rule),
    transduction: file.transduction.value,
    ...(file.sizes && { sizes: values(file.sizes) }),
    ...(file.gaps && { gaps: file.gaps.map(({ why: _why, ...g }) => g) }),
    ...(file.chemicals && { chemicals: file.chemicals.map(({ why: _why, ...c }) => c) }),
  };
}

/** Throws, naming the field, its allowed range and the fix, when a size, gap or chemical scale is out of range. */
function checkScales(model: WormModel): void {
  for (const [i, c] of (model.chemicals ?? []).entries())
    if (!(c.scale >= CHEMICAL_SCALE_RANGE[0] && c.scale <= CHEMICAL_SCALE_RANGE[1]) || c.from.length === 0 || c.to.length === 0)
      throw new RangeError(
        `class model: chemicals[${i}] (${c.from.join(',')} → ${c.to.join(',')}) scale ${c.scale}: must be ${CHEMICAL_SCALE_RANGE[0]}..${CHEMICAL_SCALE_RANGE[1]} with classes on both sides; remove it for 1`,
      );
  for (const [cls, k] of Object.entries(model.sizes ?? {}))
    if (!(k >= SIZE_RANGE[0] && k <= SIZE_RANGE[1]))
      throw new RangeError(`class model: sizes.${cls} = ${k}: must be ${SIZE_RANGE[0]}..${SIZE_RANGE[1]} (1 = the cell as parameterised); remove it for 1`);
  for (const [i, g] of (model.gaps ?? []).entries())
    if (!(g.scale >= GAP_SCALE_RANGE[0] && g.scale <= GAP_SCALE_RANGE[1]) || g.between.length === 0 || g.and.length === 0)
      throw new RangeError(
        `class model: gaps[${i}] (${g.between.join(',')} — ${g.and.join(',')}) scale ${g.scale}: must be ${GAP_SCALE_RANGE[0]}..${GAP_SCALE_RANGE[1]} with classes on both sides; remove it for 1`,
      );
}

/** The pair scale of a gap junction between a and b (classes), 1 when no entry names the pair. */
function gapScale(gaps: readonly GapScale[], a: string, b: string): number {
  let k = 1;
  for (const g of gaps) if ((g.between.includes(a) && g.and.includes(b)) || (g.between.includes(b) && g.and.includes(a))) k *= g.scale;
  return k;
}

/** A chemical synapse from class a onto class b with every matching pathway's scale and the last sign given (undefined: its own). */
function chemicalScale(chemicals: readonly ChemicalScale[], a: string, b: string): { k: number; sign?: ChemicalScale['sign'] } {
  let k = 1;
  let sign: ChemicalScale['sign'];
  for (const c of chemicals)
    if (c.from.includes(a) && c.to.includes(b)) {
      k *= c.scale;
      sign = c.sign ?? sign;
    }
  return { k, sign };
}

/** Membrane conductances of the graded model besides the leak: they grow with a cell's area (cell-size.ts). */
const MEMBRANE_CONDUCTANCES = ['gKNs', 'plateauNs'] as const;

/** The doc with each cell of a sized class k times larger, its parameters first made explicit (the graded model's defaults). */
function sizeClasses(doc: CircuitDoc, sizes: Readonly<Record<string, number>>): CircuitDoc {
  let out = doc;
  for (const n of doc.neurons) {
    const k = sizes[classOf(n.id)];
    if (k === undefined || k === 1 || n.model !== 'graded') continue;
    const explicit: ParamValues = {};
    for (const name of ['capacitance', ...MEMBRANE_CONDUCTANCES]) explicit[name] = n.params?.[name] ?? gradedModel.params[name].default;
    out = { ...out, neurons: out.neurons.map((x) => (x.id === n.id ? { ...x, params: { ...x.params, ...explicit } } : x)) };
    out = scaleCellSize(out, n.id, k, MEMBRANE_CONDUCTANCES);
  }
  return out;
}

/** The fitted default (worm-model.json). */
export const WORM_MODEL: WormModel = wormModelFromFile(WORM_MODEL_JSON as WormModelFile);

const clean = (x: number): number => Number(x.toPrecision(12));

/**
 * A stretch receptor reads one side's bend, which means something only for a cell whose muscles lie
 * on one side: RMDL/RMDR, which reach both, get none.
 */
const ONE_SIDED = 0.75;

/** Centre (body fraction) and side of a motor neuron's muscles, weighted by |gain|; undefined for a cell with none or with both sides. */
function muscleCentre(doc: CircuitDoc, id: string): { at: number; side: Side } | undefined {
  let w = 0;
  let sum = 0;
  let left = 0;
  for (const m of doc.muscles ?? []) {
    if (m.neuron !== id) continue;
    const g = Math.abs(m.gain);
    w += g;
    sum += g * (m.from + m.to) * 0.5;
    if (m.side === 'left') left += g;
  }
  if (w === 0 || Math.max(left, w - left) < ONE_SIDED * w) return undefined;
  return { at: sum / w, side: left * 2 >= w ? 'left' : 'right' };
}

/** The doc with the model applied: a new doc, the input untouched. Only graded neurons take parameters. */
export function applyWormModel(doc: CircuitDoc, model: WormModel): CircuitDoc {
  checkScales(model);
  const { scales } = model;
  const gaps = model.gaps ?? [];
  const chemicals = model.chemicals ?? [];
  const neurons = doc.neurons.map((n) => {
    if (n.model !== 'graded') return n;
    const params = { ...model.defaults, ...model.classes[classOf(n.id)], ...n.params };
    return Object.keys(params).length > 0 ? { ...n, params } : n;
  });
  const transmitter = new Map(doc.neurons.map((n) => [n.id, n.transmitter]));
  const synapses = (doc.synapses ?? []).map((s) => {
    if (s.kind === 'electrical') return { ...s, weight: clean(s.weight * scales.gap * gapScale(gaps, classOf(s.from), classOf(s.to))) };
    const { k, sign } = chemicalScale(chemicals, classOf(s.from), classOf(s.to));
    return { ...s, weight: clean(s.weight * scales.chemical * k), ...(sign && { sign }) };
  });
  const muscles = (doc.muscles ?? []).map((m) => ({
    ...m,
    gain: clean(m.gain * scales.muscle * (transmitter.get(m.neuron) === 'GABA' ? scales.gabaMuscle : 1)),
  }));
  const sensors: SensorBinding[] = (doc.sensors ?? []).map((s) => {
    const k = model.sensorGains[classOf(s.neuron)];
    return k === undefined ? s : { ...s, gain: clean(s.gain * k) };
  });
  for (const rule of model.stretch) {
    const classes = new Set(rule.classes);
    for (const n of doc.neurons) {
      if (!classes.has(classOf(n.id))) continue;
      const c = muscleCentre(doc, n.id);
      if (!c) continue;
      const side: Side = rule.follow === 'same' ? c.side : c.side === 'left' ? 'right' : 'left';
      const at = clean(Math.min(0.98, Math.max(0.02, c.at - rule.reach)));
      const rate = rule.rateMs ? { rateMs: rule.rateMs } : {};
      sensors.push({ neuron: n.id, sensor: 'stretch', at, side, gain: rule.gain, ...rate } satisfies StretchBinding);
    }
  }
  const transduced = model.transduction === 'conductance' ? sensors.map((s) => ({ ...s, transduction: 'conductance' as const })) : sensors;
  const modelled = { ...doc, neurons, synapses, muscles, sensors: transduced };
  return model.sizes ? sizeClasses(modelled, model.sizes) : modelled;
}
