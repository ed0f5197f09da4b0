/**
 * Free values ("genes") of a circuit: the spec's free entries resolved
 * against one circuit into a list of genes, each a number in a range that
 * sets one or more places of the circuit document (shared by class or pair).
 *
 * Optimisers search in normalised, unbounded coordinates. A coordinate x is
 * folded into [0, 1] by reflection at 0 and 1 (period 2), then mapped onto
 * the range, linearly or logarithmically. Why reflection rather than a
 * penalty or clipping: every x is a valid circuit (no wasted simulations), the
 * search distribution is not biased toward the bounds (clipping piles mass on
 * them, a penalty makes the optimiser learn the box), and the optimiser's own
 * samples are kept unrepaired, which leaves CMA-ES's update unbiased — the
 * boundary handling Hansen's tutorial (§B.3) recommends over penalties when
 * the optimum may lie near a bound.
 */
import { CIRCUIT_RANGES } from '../circuits/ranges';
import type { Circuit, CircuitDoc, ModelTable, NeuronEntry } from '../circuits/types';
import { resolveNeuron } from '../scenario/neurons';
import { nearest } from '../text/nearest';
import { groupBy, type Share } from './classes';
import type { FreeEntry, NeuronRefs, Scale } from './spec';

export type Target =
  | { kind: 'param' | 'init'; neuron: number; name: string }
  | { kind: 'weight' | 'weightScale' | 'delay' | 'sign'; synapse: number }
  | { kind: 'sensorGain'; binding: number }
  | { kind: 'muscleGain'; binding: number };

export interface Gene {
  /** Readable name: what it sets and on which group, e.g. `tauMs of DB` or `weight AVB→DB`. */
  label: string;
  /** Index of the spec's free entry it came from. */
  entry: number;
  lo: number;
  hi: number;
  scale: Scale;
  /** A sign gene (inhibitory below 0.5, excitatory above). */
  sign: boolean;
  targets: Target[];
  /** The circuit's own value as a normalised coordinate (for start: circuit). */
  current: number;
}

/** A problem found resolving the spec against its circuit: the path in the spec file, what is wrong, and the fix. */
export interface SpecProblem {
  path: Array<string | number>;
  message: string;
  fix: string;
}

export class GeneProblems extends Error {
  constructor(readonly problems: SpecProblem[]) {
    super(problems.map((p) => `${p.path.join('.')}: ${p.message} (fix: ${p.fix})`).join('\n'));
    this.name = 'GeneProblems';
  }
}

/** Fold an unbounded coordinate into [0, 1] by reflection at the bounds. */
export function reflect(x: number): number {
  if (!Number.isFinite(x)) return 0.5;
  const t = ((x % 2) + 2) % 2;
  return t <= 1 ? t : 2 - t;
}

/** Values are kept to 6 significant digits, so the circuit file written is exactly the circuit evaluated. */
export const round6 = (v: number): number => Number(v.toPrecision(6)) + 0;

/** The value a normalised coordinate stands for. */
export function decodeValue(x: number, lo: number, hi: number, scale: Scale): number {
  const u = reflect(x);
  return round6(scale === 'log' ? lo * (hi / lo) ** u : lo + u * (hi - lo));
}

/** The normalised coordinate of a value (clamped into the range). */
export function encodeValue(v: number, lo: number, hi: number, scale: Scale): number {
  const u = scale === 'log' ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo);
  return Number.isFinite(u) ? Math.min(1, Math.max(0, u)) : 0.5;
}

/** Neuron ids a list of references selects (`*` = all), and the references that select none. */
export function selectNeurons(refs: NeuronRefs, ids: readonly string[]): { ids: string[]; unknown: string[] } {
  if (refs.includes('*')) return { ids: [...ids], unknown: [] };
  const picked = new Set<string>();
  const unknown: string[] = [];
  for (const r of refs) {
    const hit = resolveNeuron(r, ids);
    if (hit.length === 0) unknown.push(r);
    for (const id of hit) picked.add(id);
  }
  return { ids: ids.filter((id) => picked.has(id)), unknown };
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);

/** Resolve the spec's free entries against a circuit; every problem is collected and thrown at once (GeneProblems). */
export function resolveGenes(circuit: Circuit, entries: readonly FreeEntry[], models: ModelTable): Gene[] {
  const doc = circuit.doc;
  const ids = doc.neurons.map((n) => n.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const synapses = doc.synapses ?? [];
  const problems: SpecProblem[] = [];
  const genes: Gene[] = [];
  const pick = (refs: NeuronRefs, path: Array<string | number>): Set<string> => {
    const { ids: got, unknown } = selectNeurons(refs, ids);
    for (const u of unknown) {
      const near = nearest(u, ids);
      problems.push({
        path,
        message: `circuit "${doc.name ?? circuit.fileName}" has no neuron or class "${u}"`,
        fix: near ? `did you mean "${near}"?` : `use one of its neurons: ${preview(ids)}`,
      });
    }
    return new Set(got);
  };

  entries.forEach((e, i) => {
    const at: Array<string | number> = ['free', i];
    const groups: Array<{ key: string; targets: Target[]; current: number }> = [];
    const add = (key: string, t: Target, current: number) => {
      let g = groups.find((x) => x.key === key);
      if (!g) groups.push((g = { key, targets: [], current }));
      g.targets.push(t);
    };
    switch (e.what) {
      case 'param':
      case 'init': {
        const chosen = [...pick(e.of, [...at, 'of'])];
        const spec = circuit.network.neurons;
        const byKey = groupBy(chosen, e.share);
        for (const [key, members] of byKey)
          for (const id of members) {
            const k = index.get(id)!;
            const model = models[spec[k].model];
            const p = e.what === 'param' ? model?.params[e.name] : model?.init[e.name];
            if (!p) {
              const known = Object.keys((e.what === 'param' ? model?.params : model?.init) ?? {});
              problems.push({
                path: [...at, e.what],
                message: `neuron ${id} (model ${spec[k].model}) has no ${e.what === 'param' ? 'parameter' : 'initial value'} "${e.name}"`,
                fix: `its model's ${e.what === 'param' ? 'parameters' : 'initial values'}: ${known.join(', ')}`,
              });
              continue;
            }
            if (typeof p.default !== 'number') {
              problems.push({
                path: [...at, e.what],
                message: `"${e.name}" of model ${spec[k].model} is a pair of numbers`,
                fix: 'evolve sets single numbers; choose another value',
              });
              continue;
            }
            if (e.range[0] < p.min || e.range[1] > p.max)
              problems.push({
                path: [...at, 'range'],
                message: `range ${e.range[0]} .. ${e.range[1]} leaves the model's allowed ${p.min} .. ${p.max} ${p.unit} for "${e.name}" of ${id}`,
                fix: `keep the range inside ${p.min} .. ${p.max}`,
              });
            const values = e.what === 'param' ? spec[k].params : spec[k].init;
            add(key, { kind: e.what, neuron: k, name: e.name }, num(values[e.name]));
          }
        break;
      }
      case 'weight':
      case 'weightScale':
      case 'delay':
      case 'sign': {
        const from = pick(e.from, [...at, 'from']);
        const to = pick(e.to, [...at, 'to']);
        const kind = e.what === 'weight' || e.what === 'weightScale' ? e.kind : 'chemical';
        let heaviest: { weight: number; at: number } | undefined;
        synapses.forEach((s, k) => {
          if (kind !== undefined && s.kind !== kind) return;
          const forward = from.has(s.from) && to.has(s.to);
          const backward = s.kind === 'electrical' && from.has(s.to) && to.has(s.from);
          if (!forward && !backward) return;
          const [a, b] = forward ? [s.from, s.to] : [s.to, s.from];
          const key = linkKey(a, b, s.kind, e.share);
          if (e.what === 'weight') add(key, { kind: 'weight', synapse: k }, s.weight);
          // The circuit's own weights are scale 1.
          else if (e.what === 'weightScale') {
            add(key, { kind: 'weightScale', synapse: k }, 1);
            if (!heaviest || s.weight > heaviest.weight) heaviest = { weight: s.weight, at: k };
          } else if (e.what === 'delay') add(key, { kind: 'delay', synapse: k }, s.kind === 'chemical' ? (s.delayMs ?? 0) : 0);
          else if (s.kind === 'chemical') {
            const pre = doc.neurons[index.get(s.from)!].transmitter;
            const inhibitory = s.sign !== undefined ? s.sign === 'inhibitory' : pre === 'GABA';
            add(key, { kind: 'sign', synapse: k }, inhibitory ? -1 : 1);
          }
        });
        if (e.what === 'weight' && e.range[0] < 0)
          problems.push({
            path: [...at, 'range'],
            message: `a synapse weight cannot be negative (range ${e.range[0]} .. ${e.range[1]})`,
            fix: 'weights are ≥ 0; evolve the sign with a sign entry',
          });
        if (e.what === 'weightScale' && e.range[0] < 0)
          problems.push({
            path: [...at, 'range'],
            message: `a weight scale cannot be negative (range ${e.range[0]} .. ${e.range[1]}): it multiplies weights that are ≥ 0`,
            fix: 'keep the range ≥ 0 (1 = the circuit as it is); evolve the sign with a sign entry',
          });
        if (e.what === 'weightScale' && heaviest) {
          const s = synapses[heaviest.at];
          const max = CIRCUIT_RANGES[s.kind === 'chemical' ? 'synapses[].weight (chemical)' : 'synapses[].weight (electrical)'].max;
          if (s.weight * e.range[1] > max)
            problems.push({
              path: [...at, 'range'],
              message: `scale ${e.range[1]} takes the ${s.kind} synapse ${s.from}→${s.to} (weight ${s.weight}) above the format's ${max}`,
              fix: `keep the range's high bound ≤ ${round6(max / s.weight)}`,
            });
        }
        if (e.what === 'delay' && (e.range[0] < 0 || e.range[1] > 1000))
          problems.push({
            path: [...at, 'range'],
            message: `delay range ${e.range[0]} .. ${e.range[1]} ms leaves 0 .. 1000 ms`,
            fix: 'keep delays within 0 .. 1000 ms',
          });
        break;
      }
      case 'sensorGain': {
        const of = pick(e.of, [...at, 'of']);
        (doc.sensors ?? []).forEach((b, k) => {
          if (!of.has(b.neuron) || (e.sensor !== undefined && b.sensor !== e.sensor)) return;
          add(`${groupKeyOf(b.neuron, e.share)}:${b.sensor}`, { kind: 'sensorGain', binding: k }, b.gain);
        });
        break;
      }
      case 'muscleGain': {
        const of = pick(e.of, [...at, 'of']);
        (doc.muscles ?? []).forEach((b, k) => {
          if (of.has(b.neuron)) add(groupKeyOf(b.neuron, e.share), { kind: 'muscleGain', binding: k }, b.gain);
        });
        break;
      }
    }
    if (groups.length === 0 && !problems.some((p) => p.path[1] === i))
      problems.push({ path: at, message: `this free entry selects nothing in circuit "${doc.name ?? circuit.fileName}"`, fix: describeEmpty(e) });
    const sign = e.what === 'sign';
    for (const g of groups)
      genes.push({
        label: `${geneWord(e)} ${e.share === 'all' && 'from' in e ? `${e.from.join(',')}${g.key.includes('—') ? '—' : '→'}${e.to.join(',')}` : g.key}`,
        entry: i,
        lo: sign ? 0 : e.range[0],
        hi: sign ? 1 : e.range[1],
        scale: sign ? 'linear' : e.scale,
        sign,
        targets: g.targets,
        current: sign ? (g.current < 0 ? 0.25 : 0.75) : encodeValue(g.current, e.range[0], e.range[1], e.scale),
      });
  });
  if (problems.length > 0) throw new GeneProblems(problems);
  return genes;
}

/** The first word of a gene's label: what it sets. */
function geneWord(e: FreeEntry): string {
  switch (e.what) {
    case 'param':
    case 'init':
      return e.name;
    case 'sensorGain':
      return 'sensor gain';
    case 'muscleGain':
      return 'muscle gain';
    case 'weightScale':
      return `${e.kind ?? 'synapse'} scale`;
    default:
      return e.what;
  }
}

function groupKeyOf(id: string, share: Share): string {
  return [...groupBy([id], share).keys()][0];
}

/** Key of a synapse's group: its ends' groups (electrical junctions have no direction). */
export function linkKey(from: string, to: string, kind: 'chemical' | 'electrical', share: Share): string {
  const a = groupKeyOf(from, share);
  const b = groupKeyOf(to, share);
  if (kind === 'electrical') return a <= b ? `${a}—${b}` : `${b}—${a}`;
  return `${a}→${b}`;
}

function describeEmpty(e: FreeEntry): string {
  if (e.what === 'weight' || e.what === 'weightScale' || e.what === 'delay' || e.what === 'sign')
    return `no ${(e.what === 'weight' || e.what === 'weightScale') && e.kind ? `${e.kind} ` : ''}synapse of the circuit goes from [${e.from.join(', ')}] to [${e.to.join(', ')}]; check the names, or add synapses with topology`;
  return 'check the neuron names and the sensor kind';
}

function preview(ids: readonly string[]): string {
  return ids.length <= 12 ? ids.join(', ') : `${ids.slice(0, 12).join(', ')}, … (${ids.length} in all)`;
}

/** The value of every gene for a genotype x (one coordinate per gene). */
export function decodeGenes(genes: readonly Gene[], x: readonly number[]): number[] {
  if (x.length !== genes.length) throw new Error(`genome has ${x.length} values for ${genes.length} genes`);
  return genes.map((g, i) => (g.sign ? (reflect(x[i]) < 0.5 ? -1 : 1) : decodeValue(x[i], g.lo, g.hi, g.scale)));
}

/**
 * Write gene values into a copy of the document (the base is not changed).
 * Weight scales go last: a scale multiplies the weight the synapse has after
 * every other gene (the base's, or a weight gene's), and two scales on one
 * synapse multiply.
 */
export function applyGenes(base: CircuitDoc, genes: readonly Gene[], values: readonly number[]): CircuitDoc {
  const doc: CircuitDoc = structuredClone(base);
  const neurons = doc.neurons;
  const scales: Array<[number, number]> = [];
  genes.forEach((g, i) => {
    const v = values[i];
    for (const t of g.targets) {
      switch (t.kind) {
        case 'param':
        case 'init': {
          const n: NeuronEntry = neurons[t.neuron];
          const field = t.kind === 'param' ? 'params' : 'init';
          n[field] = { ...(n[field] ?? {}), [t.name]: v };
          break;
        }
        case 'weight':
          doc.synapses![t.synapse].weight = v;
          break;
        case 'weightScale':
          scales.push([t.synapse, v]);
          break;
        case 'delay': {
          const s = doc.synapses![t.synapse];
          if (s.kind === 'chemical') s.delayMs = v;
          break;
        }
        case 'sign': {
          const s = doc.synapses![t.synapse];
          if (s.kind === 'chemical') s.sign = v < 0 ? 'inhibitory' : 'excitatory';
          break;
        }
        case 'sensorGain':
          doc.sensors![t.binding].gain = v;
          break;
        case 'muscleGain':
          doc.muscles![t.binding].gain = v;
          break;
      }
    }
  });
  for (const [k, v] of scales) doc.synapses![k].weight *= v;
  return doc;
}
