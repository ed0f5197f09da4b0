/**
 * The editor's edits as pure functions: each takes a circuit document and
 * returns a new one (sharing every entry it did not change) or a refusal
 * with a message for the player. None mutates its input, which is what makes
 * undo exact: the model keeps the documents before and after each edit.
 *
 * These checks give the specific, friendly refusals; the model then validates
 * the whole new document with circuitFromDoc before accepting it, so nothing
 * a check here misses can make the working document invalid.
 */
import type { DepressionSpec, ModelKind, NeuronRole, ParamValues, PlasticSpec, SynapseModel, SynapseSpec, Transmitter } from '../neural/types';
import { ID_PATTERN } from '../circuits/schema';
import type { CircuitDoc, ModelInfo, ModelTable, MuscleBinding, NeuronEntry, SensorBinding } from '../circuits/types';
import { BINDING_FIELDS, noNegativeZero, numberProblem, paramProblem, SYNAPSE_FIELDS, TRANSDUCTION_FIELDS } from './fields';
import { nextNeuronId, synapseKey } from './ids';
import type { Point, SynapseKey } from './types';

export type Op<T = undefined> = { ok: true; doc: CircuitDoc; value: T } | { ok: false; message: string };

const refuse = (message: string): { ok: false; message: string } => ({ ok: false, message });
const done = <T>(doc: CircuitDoc, value: T): Op<T> => ({ ok: true, doc, value });
const unchanged = (doc: CircuitDoc): Op => ({ ok: true, doc, value: undefined });

const ID_RULE = 'ids are 1 to 64 letters, digits, "_", "." or "-", not starting with "." or "-" (e.g. "AVAL", "DB01")';

export function idProblem(id: unknown, doc: CircuitDoc, except?: string): string | undefined {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return `${JSON.stringify(id)} is not a valid neuron id: ${ID_RULE}`;
  if (id !== except && doc.neurons.some((n) => n.id === id)) return `there is already a neuron "${id}": choose another id`;
  return undefined;
}

function neuronIndex(doc: CircuitDoc, id: string): number {
  return doc.neurons.findIndex((n) => n.id === id);
}

const noNeuron = (id: string): string => `there is no neuron "${id}"`;

function replaceAt<T>(list: readonly T[], i: number, value: T): T[] {
  const out = list.slice();
  out[i] = value;
  return out;
}

function modelInfo(models: ModelTable, kind: string): ModelInfo | undefined {
  return Object.hasOwn(models, kind) ? models[kind as ModelKind] : undefined;
}

const modelList = (models: ModelTable): string => Object.keys(models).join(', ');

// ---------------------------------------------------------------- neurons

export interface NewNeuron {
  /** Omitted: the next free "N<number>". */
  id?: string;
  model: ModelKind;
  role?: NeuronRole;
  preset?: string;
  transmitter?: Transmitter;
  label?: string;
  position: Point;
}

export function addNeuron(doc: CircuitDoc, models: ModelTable, spec: NewNeuron): Op<string> {
  const info = modelInfo(models, spec.model);
  if (!info) return refuse(`unknown model ${JSON.stringify(spec.model)}; available: ${modelList(models)}`);
  const id = spec.id ?? nextNeuronId(new Set(doc.neurons.map((n) => n.id)));
  const bad = idProblem(id, doc);
  if (bad) return refuse(bad);
  if (spec.preset !== undefined && !Object.hasOwn(info.presets, spec.preset)) {
    return refuse(`model "${spec.model}" has no preset ${JSON.stringify(spec.preset)}; its presets: ${Object.keys(info.presets).join(', ') || 'none'}`);
  }
  const pos = positionProblem(spec.position);
  if (pos) return refuse(pos);
  // Fields in the format's order, so a saved file reads the same as one written by hand.
  const entry: NeuronEntry = { id, model: spec.model };
  if (spec.preset !== undefined) entry.preset = spec.preset;
  if (spec.role !== undefined) entry.role = spec.role;
  if (spec.transmitter !== undefined) entry.transmitter = spec.transmitter;
  if (spec.label !== undefined) entry.label = spec.label;
  entry.position = { x: noNegativeZero(spec.position.x), y: noNegativeZero(spec.position.y) };
  return done({ ...doc, neurons: [...doc.neurons, entry] }, id);
}

function positionProblem(p: Point): string | undefined {
  if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return `position (${p.x}, ${p.y}) is not a pair of finite numbers`;
  return undefined;
}

/** Set the positions of the listed neurons. */
export function setPositions(doc: CircuitDoc, positions: ReadonlyMap<string, Point>): Op {
  if (positions.size === 0) return unchanged(doc);
  let left = positions.size;
  let moved = false;
  for (const [id, p] of positions) {
    const bad = positionProblem(p);
    if (bad) return refuse(`${id}: ${bad}`);
  }
  const neurons = doc.neurons.map((n) => {
    const p = positions.get(n.id);
    if (!p) return n;
    left--;
    if (n.position && n.position.x === p.x && n.position.y === p.y) return n;
    moved = true;
    return { ...n, position: { x: noNegativeZero(p.x), y: noNegativeZero(p.y) } };
  });
  if (left > 0) return refuse(noNeuron([...positions.keys()].find((id) => neuronIndex(doc, id) < 0) as string));
  return moved ? done({ ...doc, neurons }, undefined) : unchanged(doc);
}

/** Move the listed neurons by (dx, dy); a neuron without a position starts at (0, 0). */
export function moveNeurons(doc: CircuitDoc, ids: Iterable<string>, dx: number, dy: number): Op {
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) return refuse(`a move by (${dx}, ${dy}) is not a pair of finite numbers`);
  const positions = new Map<string, Point>();
  for (const id of ids) {
    const i = neuronIndex(doc, id);
    if (i < 0) return refuse(noNeuron(id));
    const p = doc.neurons[i].position ?? { x: 0, y: 0 };
    positions.set(id, { x: p.x + dx, y: p.y + dy });
  }
  if (dx === 0 && dy === 0) return unchanged(doc);
  return setPositions(doc, positions);
}

/** Remove neurons with every synapse that touches them and every binding of theirs. */
export function deleteNeurons(doc: CircuitDoc, ids: Iterable<string>): Op {
  const gone = new Set(ids);
  if (gone.size === 0) return unchanged(doc);
  for (const id of gone) if (neuronIndex(doc, id) < 0) return refuse(noNeuron(id));
  const next: CircuitDoc = { ...doc, neurons: doc.neurons.filter((n) => !gone.has(n.id)) };
  if (doc.synapses) next.synapses = doc.synapses.filter((s) => !gone.has(s.from) && !gone.has(s.to));
  if (doc.sensors) next.sensors = doc.sensors.filter((b) => !gone.has(b.neuron));
  if (doc.muscles) next.muscles = doc.muscles.filter((b) => !gone.has(b.neuron));
  if (doc.modulators) next.modulators = doc.modulators.map((m) => ({ ...m, from: m.from.filter((id) => !gone.has(id)) }));
  if (doc.receptors) next.receptors = doc.receptors.filter((r) => !gone.has(r.neuron));
  return done(next, undefined);
}

/** Rename a neuron; its synapses and bindings follow. */
export function renameNeuron(doc: CircuitDoc, from: string, to: string): Op {
  const i = neuronIndex(doc, from);
  if (i < 0) return refuse(noNeuron(from));
  if (from === to) return unchanged(doc);
  const bad = idProblem(to, doc);
  if (bad) return refuse(bad);
  const r = (id: string): string => (id === from ? to : id);
  const next: CircuitDoc = { ...doc, neurons: replaceAt(doc.neurons, i, { ...doc.neurons[i], id: to }) };
  if (doc.synapses) next.synapses = doc.synapses.map((s) => (s.from === from || s.to === from ? { ...s, from: r(s.from), to: r(s.to) } : s));
  if (doc.sensors) next.sensors = doc.sensors.map((b) => (b.neuron === from ? { ...b, neuron: to } : b));
  if (doc.muscles) next.muscles = doc.muscles.map((b) => (b.neuron === from ? { ...b, neuron: to } : b));
  if (doc.modulators) next.modulators = doc.modulators.map((m) => (m.from.includes(from) ? { ...m, from: m.from.map(r) } : m));
  if (doc.receptors) next.receptors = doc.receptors.map((x) => (x.neuron === from ? { ...x, neuron: to } : x));
  return done(next, undefined);
}

/** Switch a neuron to another model; its preset, params and init are dropped (the new model's defaults apply). */
export function setNeuronModel(doc: CircuitDoc, models: ModelTable, id: string, model: ModelKind): Op {
  const i = neuronIndex(doc, id);
  if (i < 0) return refuse(noNeuron(id));
  if (!modelInfo(models, model)) return refuse(`unknown model ${JSON.stringify(model)}; available: ${modelList(models)}`);
  const n = doc.neurons[i];
  if (n.model === model) return unchanged(doc);
  const { preset: _preset, params: _params, init: _init, ...kept } = n;
  return done({ ...doc, neurons: replaceAt(doc.neurons, i, { ...kept, model }) }, undefined);
}

export type ParamGroup = 'params' | 'init';

/** Set one parameter (group "params") or initial value (group "init") of a neuron; refused unless the model allows the value. */
export function setNeuronParam(
  doc: CircuitDoc,
  models: ModelTable,
  id: string,
  name: string,
  value: number | readonly [number, number],
  group: ParamGroup = 'params',
): Op {
  const i = neuronIndex(doc, id);
  if (i < 0) return refuse(noNeuron(id));
  const n = doc.neurons[i];
  const info = modelInfo(models, n.model) as ModelInfo;
  const specs = info[group];
  const what = group === 'params' ? 'parameter' : 'initial value';
  if (!Object.hasOwn(specs, name)) {
    return refuse(`model "${n.model}" has no ${what} ${JSON.stringify(name)}; its ${what}s: ${Object.keys(specs).join(', ') || 'none'}`);
  }
  const bad = paramProblem(`${name} of ${id} (${n.model})`, specs[name], value);
  if (bad) return refuse(bad);
  const v = typeof value === 'number' ? noNegativeZero(value) : ([noNegativeZero(value[0]), noNegativeZero(value[1])] as const);
  const own = n[group];
  if (own && Object.hasOwn(own, name) && sameValue(own[name], v)) return unchanged(doc);
  const values: ParamValues = { ...own, [name]: v };
  return done({ ...doc, neurons: replaceAt(doc.neurons, i, { ...n, [group]: values }) }, undefined);
}

const sameValue = (a: number | readonly [number, number], b: number | readonly [number, number]): boolean =>
  typeof a === 'number' || typeof b === 'number' ? a === b : a[0] === b[0] && a[1] === b[1];

/** Drop a neuron's own value, so the preset's or the model default applies again. */
export function clearNeuronParam(doc: CircuitDoc, id: string, name: string, group: ParamGroup = 'params'): Op {
  const i = neuronIndex(doc, id);
  if (i < 0) return refuse(noNeuron(id));
  const n = doc.neurons[i];
  const own = n[group];
  if (!own || !Object.hasOwn(own, name)) return unchanged(doc);
  const { [name]: _dropped, ...rest } = own;
  const entry: NeuronEntry = { ...n };
  if (Object.keys(rest).length === 0) delete entry[group];
  else entry[group] = rest;
  return done({ ...doc, neurons: replaceAt(doc.neurons, i, entry) }, undefined);
}

/** Choose a preset of the neuron's model, or none (undefined). The neuron's own values still override it. */
export function setNeuronPreset(doc: CircuitDoc, models: ModelTable, id: string, preset: string | undefined): Op {
  const i = neuronIndex(doc, id);
  if (i < 0) return refuse(noNeuron(id));
  const n = doc.neurons[i];
  if (n.preset === preset) return unchanged(doc);
  const entry: NeuronEntry = { ...n };
  if (preset === undefined) delete entry.preset;
  else {
    const info = modelInfo(models, n.model) as ModelInfo;
    if (!Object.hasOwn(info.presets, preset)) {
      return refuse(`model "${n.model}" has no preset ${JSON.stringify(preset)}; its presets: ${Object.keys(info.presets).join(', ') || 'none'}`);
    }
    entry.preset = preset;
  }
  return done({ ...doc, neurons: replaceAt(doc.neurons, i, entry) }, undefined);
}

/** Fields of a neuron set directly; null removes one. */
export interface NeuronPatch {
  role?: NeuronRole | null;
  transmitter?: Transmitter | null;
  label?: string | null;
}

export function updateNeuron(doc: CircuitDoc, id: string, patch: NeuronPatch): Op {
  const i = neuronIndex(doc, id);
  if (i < 0) return refuse(noNeuron(id));
  const entry: NeuronEntry = { ...doc.neurons[i] };
  let changed = false;
  for (const key of ['role', 'transmitter', 'label'] as const) {
    if (!Object.hasOwn(patch, key) || patch[key] === undefined) continue;
    const v = patch[key];
    if (v === null) {
      if (Object.hasOwn(entry, key)) {
        delete entry[key];
        changed = true;
      }
    } else if (entry[key] !== v) {
      (entry as unknown as Record<string, unknown>)[key] = v;
      changed = true;
    }
  }
  return changed ? done({ ...doc, neurons: replaceAt(doc.neurons, i, entry) }, undefined) : unchanged(doc);
}

// ---------------------------------------------------------------- synapses

export interface NewSynapse {
  from: string;
  to: string;
  kind: SynapseSpec['kind'];
  /** Default 1. */
  weight?: number;
  sign?: 'excitatory' | 'inhibitory';
  model?: SynapseModel;
  reversalMv?: number;
  releaseHalfMv?: number;
  releaseSlopeMv?: number;
  tauMs?: number;
  delayMs?: number;
  depression?: DepressionSpec;
  /** A learning rule (a plastic synapse: no delay, no depression; current- or conductance-based). */
  plastic?: PlasticSpec;
}

/** The conductance synapse's own fields (docs/circuit-format.md): only with "model": "conductance". */
const CONDUCTANCE_ONLY = ['reversalMv', 'releaseHalfMv', 'releaseSlopeMv', 'tauMs'] as const;

function synapseIndex(doc: CircuitDoc, key: SynapseKey): number {
  return (doc.synapses ?? []).findIndex((s) => synapseKey(s) === key);
}

function describeSynapse(s: Pick<SynapseSpec, 'kind' | 'from' | 'to'>): string {
  return s.kind === 'electrical' ? `a gap junction between "${s.from}" and "${s.to}"` : `a chemical synapse from "${s.from}" to "${s.to}"`;
}

function synapseProblem(doc: CircuitDoc, s: SynapseSpec, except?: SynapseKey): string | undefined {
  for (const end of [s.from, s.to]) if (neuronIndex(doc, end) < 0) return noNeuron(end);
  if (s.kind === 'electrical' && s.from === s.to) return `a gap junction from "${s.from}" to itself carries no current; connect two different neurons`;
  const key = synapseKey(s);
  if (key !== except && synapseIndex(doc, key) >= 0) {
    const either = s.kind === 'electrical' ? ' (a gap junction works both ways, so its direction does not matter)' : '';
    return `there is already ${describeSynapse(s)}${either}: select it to change its weight`;
  }
  const fields: Array<[keyof typeof SYNAPSE_FIELDS, unknown]> = [['weight', s.weight]];
  if (s.kind === 'chemical') {
    if (s.model === 'conductance') {
      const seed = [s.from, s.to].find((id) => doc.neurons[neuronIndex(doc, id)]?.model === 'transmitter');
      if (seed)
        return `"${seed}" is a transmitter neuron (the seed article's), which has no membrane potential for a conductance synapse: keep this synapse current-based`;
    }
    for (const f of CONDUCTANCE_ONLY) if (s[f] !== undefined) fields.push([f, s[f]]);
    if (s.delayMs !== undefined) fields.push(['delayMs', s.delayMs]);
    if (s.depression !== undefined) fields.push(['depression.use', s.depression.use], ['depression.recoveryMs', s.depression.recoveryMs]);
  }
  for (const [name, v] of fields) {
    const bad = numberProblem(`${name} of ${describeSynapse(s)}`, SYNAPSE_FIELDS[name], v);
    if (bad) return bad;
  }
  return undefined;
}

function cleanSynapse(s: NewSynapse): SynapseSpec {
  const weight = noNegativeZero(s.weight ?? 1);
  if (s.kind === 'electrical') return { from: s.from, to: s.to, kind: 'electrical', weight };
  const out: SynapseSpec = { from: s.from, to: s.to, kind: 'chemical', weight };
  if (s.sign !== undefined) out.sign = s.sign;
  if (s.model !== undefined) out.model = s.model;
  // The conductance fields belong to conductance synapses only (the format refuses them elsewhere).
  if (s.model === 'conductance') for (const f of CONDUCTANCE_ONLY) if (s[f] !== undefined) out[f] = noNegativeZero(s[f]);
  if (s.delayMs !== undefined) out.delayMs = noNegativeZero(s.delayMs);
  if (s.depression !== undefined) out.depression = { use: noNegativeZero(s.depression.use), recoveryMs: s.depression.recoveryMs };
  if (s.plastic !== undefined) out.plastic = s.plastic;
  return out;
}

/** Add a synapse; refused if the same one exists (a gap junction a↔b is the same as b↔a). Returns its key. */
export function connect(doc: CircuitDoc, spec: NewSynapse): Op<SynapseKey> {
  if (spec.kind !== 'chemical' && spec.kind !== 'electrical') return refuse(`unknown synapse kind ${JSON.stringify(spec.kind)}; allowed: chemical, electrical`);
  if (spec.kind === 'electrical' && (spec.sign !== undefined || spec.delayMs !== undefined || spec.depression !== undefined)) {
    return refuse('a gap junction has no sign, delay or depression (those are for chemical synapses)');
  }
  const s = cleanSynapse(spec);
  const bad = synapseProblem(doc, s);
  if (bad) return refuse(bad);
  return done({ ...doc, synapses: [...(doc.synapses ?? []), s] }, synapseKey(s));
}

export function deleteSynapses(doc: CircuitDoc, keys: Iterable<SynapseKey>): Op {
  const gone = new Set(keys);
  if (gone.size === 0) return unchanged(doc);
  for (const k of gone) if (synapseIndex(doc, k) < 0) return refuse(`there is no synapse ${k}`);
  return done({ ...doc, synapses: (doc.synapses ?? []).filter((s) => !gone.has(synapseKey(s))) }, undefined);
}

/** Fields of a synapse set directly; null removes an optional one. */
export interface SynapsePatch {
  weight?: number;
  sign?: 'excitatory' | 'inhibitory' | null;
  /** null or 'current': current-based, which drops the conductance fields. */
  model?: SynapseModel | null;
  reversalMv?: number | null;
  releaseHalfMv?: number | null;
  releaseSlopeMv?: number | null;
  tauMs?: number | null;
  delayMs?: number | null;
  depression?: DepressionSpec | null;
}

export function updateSynapse(doc: CircuitDoc, key: SynapseKey, patch: SynapsePatch): Op {
  const i = synapseIndex(doc, key);
  if (i < 0) return refuse(`there is no synapse ${key}`);
  const old = (doc.synapses as SynapseSpec[])[i];
  const next: Record<string, unknown> = { ...old };
  for (const field of ['weight', 'sign', 'model', ...CONDUCTANCE_ONLY, 'delayMs', 'depression'] as const) {
    if (!Object.hasOwn(patch, field) || patch[field] === undefined) continue;
    if (old.kind === 'electrical' && field !== 'weight') {
      if (patch[field] === null) continue;
      return refuse(`${describeSynapse(old)} has no ${field === 'delayMs' ? 'delay' : field} (only chemical synapses do): change its kind to chemical first`);
    }
    if ((CONDUCTANCE_ONLY as readonly string[]).includes(field) && patch[field] !== null && (patch.model ?? next.model) !== 'conductance') {
      return refuse(`${field} belongs to conductance synapses, and ${describeSynapse(old)} is current-based: make it conductance-based first`);
    }
    if (patch[field] === null) {
      if (field === 'weight') return refuse('a synapse must have a weight');
      delete next[field];
    } else next[field] = patch[field];
  }
  const s = cleanSynapse(next as unknown as NewSynapse);
  const bad = synapseProblem(doc, s, key);
  if (bad) return refuse(bad);
  if (JSON.stringify(s) === JSON.stringify(old)) return unchanged(doc);
  return done({ ...doc, synapses: replaceAt(doc.synapses as SynapseSpec[], i, s) }, undefined);
}

/**
 * Chemical ↔ electrical, keeping the ends and the weight. A chemical synapse's
 * sign, delay and depression are dropped (gap junctions have none). Returns the new key.
 */
export function retypeSynapse(doc: CircuitDoc, key: SynapseKey, kind: SynapseSpec['kind']): Op<SynapseKey> {
  const i = synapseIndex(doc, key);
  if (i < 0) return refuse(`there is no synapse ${key}`);
  const old = (doc.synapses as SynapseSpec[])[i];
  if (old.kind === kind) return done(doc, key);
  const s = cleanSynapse({ from: old.from, to: old.to, kind, weight: old.weight });
  const bad = synapseProblem(doc, s, key);
  if (bad) return refuse(bad);
  return done({ ...doc, synapses: replaceAt(doc.synapses as SynapseSpec[], i, s) }, synapseKey(s));
}

// ---------------------------------------------------------------- bindings

function bindingProblem(doc: CircuitDoc, b: SensorBinding | MuscleBinding, what: string): string | undefined {
  if (neuronIndex(doc, b.neuron) < 0) return noNeuron(b.neuron);
  const rec = b as unknown as Record<string, unknown>;
  for (const field of ['from', 'to', 'at', 'gain', ...TRANSDUCTION_FIELDS] as const) {
    if (!Object.hasOwn(rec, field)) continue;
    const bad = numberProblem(`${field} of ${what} of "${b.neuron}"`, BINDING_FIELDS[field], rec[field]);
    if (bad) return bad;
  }
  if (typeof rec.from === 'number' && typeof rec.to === 'number' && rec.from > rec.to) {
    return `${what} of "${b.neuron}": from ${rec.from} is after to ${rec.to}; body positions run from 0 (nose tip) to 1 (tail tip), so "from" must be ≤ "to"`;
  }
  return undefined;
}

function cleanBinding<T extends SensorBinding | MuscleBinding>(b: T): T {
  const out = { ...b } as Record<string, unknown>;
  for (const k of Object.keys(out)) if (typeof out[k] === 'number') out[k] = noNegativeZero(out[k] as number);
  return out as T;
}

type BindingList = 'sensors' | 'muscles';
type BindingOf<L extends BindingList> = L extends 'sensors' ? SensorBinding : MuscleBinding;
const bindingWhat = (list: BindingList, b: SensorBinding | MuscleBinding): string =>
  list === 'sensors' ? `the ${(b as SensorBinding).sensor} sensor` : 'the muscle binding';

/** Append a binding; returns its index in doc.sensors or doc.muscles. */
export function addBinding<L extends BindingList>(doc: CircuitDoc, list: L, binding: BindingOf<L>): Op<number> {
  const bad = bindingProblem(doc, binding, bindingWhat(list, binding));
  if (bad) return refuse(bad);
  const items = (doc[list] ?? []) as BindingOf<L>[];
  return done({ ...doc, [list]: [...items, cleanBinding(binding)] }, items.length);
}

/** Replace the binding at `index` (the whole binding: a sensor's kind may change). */
export function updateBinding<L extends BindingList>(doc: CircuitDoc, list: L, index: number, binding: BindingOf<L>): Op {
  const items = (doc[list] ?? []) as BindingOf<L>[];
  if (!Number.isInteger(index) || index < 0 || index >= items.length) return refuse(`there is no ${list}[${index}]`);
  const bad = bindingProblem(doc, binding, bindingWhat(list, binding));
  if (bad) return refuse(bad);
  const b = cleanBinding(binding);
  if (JSON.stringify(b) === JSON.stringify(items[index])) return unchanged(doc);
  return done({ ...doc, [list]: replaceAt(items, index, b) }, undefined);
}

export function removeBinding(doc: CircuitDoc, list: BindingList, index: number): Op {
  const items = doc[list] ?? [];
  if (!Number.isInteger(index) || index < 0 || index >= items.length) return refuse(`there is no ${list}[${index}]`);
  return done({ ...doc, [list]: items.filter((_, i) => i !== index) }, undefined);
}

// ---------------------------------------------------------------- the circuit's own fields

/** Name, description and the editor's notes; null removes one. */
export interface MetaPatch {
  name?: string | null;
  description?: string | null;
  notes?: string | null;
}

export function setMeta(doc: CircuitDoc, patch: MetaPatch): Op {
  const next: CircuitDoc = { ...doc };
  let changed = false;
  for (const key of ['name', 'description'] as const) {
    const v = patch[key];
    if (v === undefined || v === doc[key] || (v === null && !Object.hasOwn(doc, key))) continue;
    if (v === null) delete next[key];
    else next[key] = v;
    changed = true;
  }
  const notes = patch.notes;
  if (notes !== undefined && notes !== doc.editor?.notes && !(notes === null && doc.editor?.notes === undefined)) {
    const editor = { ...doc.editor };
    if (notes === null) delete editor.notes;
    else editor.notes = notes;
    if (Object.keys(editor).length === 0) delete next.editor;
    else next.editor = editor;
    changed = true;
  }
  return changed ? done(next, undefined) : unchanged(doc);
}
