/**
 * Wiring tables → a circuit. Browser-safe (takes the tables' text); the CLI
 * reads files and writes the result, the editor calls this directly.
 *
 *   tables --layouts--> rows --names--> neurons, muscles, other cells
 *          --merge--> chemical synapses, gap junctions (one per pair), muscle bindings
 *          --transmitters, sign overrides, receptive fields, layout--> circuit doc
 *          --circuitFromDoc--> Circuit
 *
 * Every error in every table is collected and thrown at once as a
 * ConnectomeError (file, line, column, fix); nothing is returned then, so
 * nothing is half-imported. The rules are documented in docs/connectome-import.md.
 */
import type { ModelKind, NeuronRole, SynapseSpec, Transmitter } from '../../neural/types';
import { circuitFromDoc } from '../circuit';
import { DEFAULT_MODELS } from '../default-models';
import { CIRCUIT_FORMAT, type Circuit, type CircuitDoc, type ModelTable, type NeuronEntry, type SensorBinding, type Side } from '../types';
import { CURRENT_VERSION } from '../versions';
import { clean, muscleBindings, muscleSide } from './body-map';
import { parseTable, type FormatOption, type ParsedTable, type WiringRow } from './layouts';
import { classifyName, similarKnown, type Cell } from './names';
import { KNOWN_NEURONS, type KnownNeuron } from './neuron-classes';
import { bodyWarnings, scaleProblems } from './limits';
import { layeredLayout } from './positions';
import { ProblemLog, type ImportProblem } from './problems';
import { type AppliedOverride, DROP_REASONS, type DroppedRows, type DropReason, type ImportSummary } from './import-summary';
import { RECEPTIVE_FIELDS } from './receptive-fields';
import { TOUCH_OVERRIDES, type SignOverrideList } from './sign-overrides';
import { isClassical } from './transmitters';
import { applyWormModel, WORM_MODEL, type WormModel } from './worm-model';

export interface ConnectomeTable {
  /** File name, used in messages and the circuit's description. */
  name: string;
  text: string;
}

export interface ImportOptions {
  /** Layout of every table; default "auto" (from each table's header). */
  format?: FormatOption;
  /** Neuron model of every neuron; default "graded" (params left to the model's defaults). */
  model?: ModelKind;
  /** Connections (after merging rows) with fewer contacts are dropped; default 0 (keep all). Zero-contact rows are always dropped. */
  minContacts?: number;
  /** Chemical weight (pA) and gap-junction conductance (nS) per contact; default DEFAULT_WEIGHT_SCALE. */
  weightScale?: number;
  /** Muscle-binding gain per neuromuscular contact; default DEFAULT_MUSCLE_SCALE. */
  muscleScale?: number;
  /** Apply the built-in touch-circuit signs (AVM→AVB/PVC, ALM→PVC inhibitory); default true. */
  touchOverrides?: boolean;
  /** The user's sign overrides (parseSignOverrides reads a file); applied after the built-in ones, so they win. */
  signOverrides?: SignOverrideList;
  /**
   * Add the known neurons no table names (e.g. CANL/CANR, which have no synapses):
   * true, false, or "auto" (default): when the tables name at least half of the 302.
   */
  addUnconnected?: boolean | 'auto';
  /**
   * The class model (worm-model.json: per-class parameters, scales, sensory gains, stretch receptors)
   * applied to a graded import; default WORM_MODEL, the fitted one, with the app's model table (none with a
   * test's own `models`); false = every neuron the model's defaults.
   */
  classModel?: WormModel | false;
  /** Circuit name; default from the table names. */
  name?: string;
  /** File name the circuit is checked under (messages); default "imported connectome". */
  fileName?: string;
  /** Model table to check against; default the app's registry. */
  models?: ModelTable;
}

export { DROP_REASONS, type AppliedOverride, type DroppedRows, type DropReason, type ImportSummary };

export interface ConnectomeImport {
  circuit: Circuit;
  summary: ImportSummary;
  warnings: ImportProblem[];
}

interface Place {
  file: string;
  line: number;
}

interface NeuronInfo {
  id: string;
  known?: KnownNeuron;
  first: Place;
  hasMuscle: boolean;
  inSensorySheet: boolean;
  /** Transmitter labels from the tables: priority 0 chemical rows, 1 muscle rows, 2 the Sensory sheet. */
  votes: { t: Transmitter; priority: number; at: Place }[];
}

interface Connection {
  contacts: number;
  rows: Place[];
}

/** A gap junction's two directions: tables list each junction from both sides, or from one. */
interface GapPair {
  a: string;
  b: string;
  ab: Connection;
  ba: Connection;
}

/**
 * Default chemical weight and gap conductance per contact (pA, nS), for the
 * graded model's default neuron (C = 1 pF, τ = 10 ms: 10 mV per pA held).
 * With every presynaptic neuron fully releasing and every sensor at full
 * drive, no neuron of the White/Varshney import could leave −75..+25 mV
 * (AVAR: 225 excitatory contacts → −65 + 10·(0.04·225) = +25 mV; RMDDL: 24
 * inhibitory → −74.6 mV); 0.05 would allow +47.5 mV. Gap junctions do not
 * limit it (the engine relaxes stiff ones exactly). docs/connectome-import.md.
 */
export const DEFAULT_WEIGHT_SCALE = 0.04;
/**
 * Default muscle gain per neuromuscular contact: a muscle's drive saturates
 * (1) at 20 contacts' worth of full release, so the median body-wall muscle
 * (22 excitatory contacts) needs all its motor neurons fully on and the
 * busiest (58) a third of them; at rest (release 0.015) no muscle gets more
 * than 0.05. docs/connectome-import.md.
 */
export const DEFAULT_MUSCLE_SCALE = 0.05;

const CLASS_MODEL_NOTE =
  'Class model (worm-model.json, issue 18): graded parameters per neuron class, scales, sensory gains and B-type/head stretch receptors, each with its source.';

const ROLE_ORDER: Readonly<Record<NeuronRole, number>> = { sensory: 0, inter: 1, motor: 2 };
const AUTO_UNCONNECTED_MIN = 151;

/** Rounds away float noise (3 × 0.1) without changing real values. */
export function importConnectome(tables: readonly ConnectomeTable[], options: ImportOptions = {}): ConnectomeImport {
  const log = new ProblemLog(tables.map((t) => t.name));
  const format = options.format ?? 'auto';
  const model = options.model ?? 'graded';
  const minContacts = options.minContacts ?? 0;
  const weightScale = options.weightScale ?? DEFAULT_WEIGHT_SCALE;
  const muscleScale = options.muscleScale ?? DEFAULT_MUSCLE_SCALE;
  const models = options.models ?? DEFAULT_MODELS;
  checkOptions(options, model, models, log);
  if (tables.length === 0) log.error({ file: 'import', message: 'no wiring table given; pass at least one CSV table' });

  const parsed: ParsedTable[] = [];
  for (const t of tables) {
    const p = parseTable(t.name, t.text, format, log);
    if (p) parsed.push(p);
  }

  // ---------------------------------------------------------------- rows → connections
  const neurons = new Map<string, NeuronInfo>();
  const unknownSeen = new Map<string, Place>();
  const chemical = new Map<string, Connection & { from: string; to: string }>();
  const gaps = new Map<string, GapPair>();
  /** neuron → side → muscle number → contacts (dorsal left and right fold onto the left row). */
  const nmj = new Map<string, Connection & { neuron: string; side: Side; number: number }>();
  const dropped = new Map<DropReason, DroppedRows>();
  const drop = (reason: DropReason, at: Place): void => {
    let d = dropped.get(reason);
    if (!d) dropped.set(reason, (d = { reason, rows: 0, examples: [] }));
    d.rows++;
    if (d.examples.length < 3) d.examples.push(`${at.file}:${at.line}`);
  };
  const neuronOf = (cell: Extract<Cell, { kind: 'neuron' }>, at: Place): NeuronInfo => {
    let n = neurons.get(cell.id);
    if (!n) {
      n = { id: cell.id, first: at, hasMuscle: false, inSensorySheet: false, votes: [] };
      if (cell.known) n.known = cell.known;
      else unknownSeen.set(cell.id, at);
      neurons.set(cell.id, n);
    }
    return n;
  };
  const tablesWithNeuronWiring = new Set<string>();

  for (const table of parsed) {
    const muscleSheet = table.layout === 'muscles';
    for (const row of table.wiring) {
      const at: Place = { file: table.name, line: row.line };
      const pre = classifyName(row.pre);
      const post = classifyName(row.post);
      let bad = false;
      for (const [cell, field] of [
        [pre, table.columns.pre],
        [post, table.columns.post],
      ] as const) {
        if (cell.kind === 'invalid') {
          log.error({ file: table.name, line: row.line, field, message: `${JSON.stringify(cell.name)} is not a usable name: ${cell.why}` });
          bad = true;
        }
      }
      if (muscleSheet && pre.kind !== 'neuron' && pre.kind !== 'invalid') {
        log.error({
          file: table.name,
          line: row.line,
          field: table.columns.pre,
          message: `${JSON.stringify(row.pre.trim())} is ${describe(pre)}, not a neuron; this column names the motor neuron`,
        });
        bad = true;
      }
      if (muscleSheet && post.kind === 'neuron') {
        log.error({
          file: table.name,
          line: row.line,
          field: table.columns.post,
          message: `${JSON.stringify(row.post.trim())} is not a muscle; write a body-wall muscle as MDL01..MVR24 (or dBWML1..vBWMR24), or MANAL/MVULVA`,
        });
        bad = true;
      }
      if (bad || pre.kind === 'invalid' || post.kind === 'invalid') continue;

      const preN = pre.kind === 'neuron' ? neuronOf(pre, at) : undefined;
      const postN = post.kind === 'neuron' ? neuronOf(post, at) : undefined;
      if (preN && row.transmitter !== undefined && (row.kind === 'chemical' || row.kind === 'nmj')) {
        preN.votes.push({ t: row.transmitter, priority: muscleSheet ? 1 : 0, at });
      }
      if (row.kind === 'receive') {
        drop('receive', at);
        continue;
      }
      if (!preN) {
        drop(post.kind === 'other' || pre.kind === 'other' ? 'other-cell' : 'not-from-neuron', at);
        continue;
      }
      if (row.contacts === 0) {
        drop('zero', at);
        continue;
      }
      if (post.kind === 'other') {
        drop(post.name.toUpperCase() === 'NMJ' ? 'nmj-no-muscle' : 'other-cell', at);
        continue;
      }
      if (post.kind === 'muscle') {
        if (row.kind === 'electrical') {
          drop('muscle-gap', at);
          continue;
        }
        preN.hasMuscle = true;
        const side = muscleSide(post.quadrant);
        const k = `${preN.id}\u0000${side}\u0000${post.number}`;
        let c = nmj.get(k);
        if (!c) nmj.set(k, (c = { neuron: preN.id, side, number: post.number, contacts: 0, rows: [] }));
        c.contacts += row.contacts;
        c.rows.push(at);
        continue;
      }
      // Neuron to neuron.
      if (!postN) continue;
      if (row.kind === 'nmj') {
        drop('nmj-no-muscle', at);
        continue;
      }
      if (preN.id === postN.id) {
        drop('self', at);
        log.warn({ file: at.file, line: at.line, message: `${row.kind === 'electrical' ? 'gap junction' : 'synapse'} from ${preN.id} to itself: dropped` });
        continue;
      }
      tablesWithNeuronWiring.add(table.name);
      if (row.kind === 'chemical') addChemical(chemical, preN.id, postN.id, row, at);
      else addGap(gaps, preN.id, postN.id, row, at);
    }
    for (const row of table.sensory) {
      const at: Place = { file: table.name, line: row.line };
      const cell = classifyName(row.neuron);
      if (cell.kind !== 'neuron') {
        const why = cell.kind === 'invalid' ? `not a usable name: ${cell.why}` : `${describe(cell)}, not a neuron`;
        log.error({ file: table.name, line: row.line, field: table.columns.neuron, message: `${JSON.stringify(row.neuron)} is ${why}` });
        continue;
      }
      const n = neuronOf(cell, at);
      n.inSensorySheet = true;
      if (row.transmitter !== undefined) n.votes.push({ t: row.transmitter, priority: 2, at });
    }
  }
  if (tablesWithNeuronWiring.size > 1) {
    log.warn({
      file: [...tablesWithNeuronWiring].join(', '),
      message: 'more than one table lists synapses between neurons; the contacts of a connection listed in several are added together',
    });
  }

  // ---------------------------------------------------------------- neurons
  const neuronsInTables = neurons.size;
  const knownInTables = [...neurons.values()].filter((n) => n.known).length;
  const addAll = options.addUnconnected === true || (options.addUnconnected !== false && knownInTables >= AUTO_UNCONNECTED_MIN);
  const unconnectedAdded: string[] = [];
  if (addAll) {
    for (const known of KNOWN_NEURONS.values()) {
      if (neurons.has(known.id)) continue;
      neurons.set(known.id, { id: known.id, known, first: { file: '', line: 0 }, hasMuscle: false, inSensorySheet: false, votes: [] });
      unconnectedAdded.push(known.id);
    }
  }
  for (const [id, at] of unknownSeen) {
    const like = similarKnown(id);
    log.warn({
      file: at.file,
      line: at.line,
      message: `"${id}" is not one of the 302 C. elegans neurons${like ? ` (did you mean "${like}"?)` : ''}; imported as a neuron with a role guessed from its rows`,
    });
  }

  const roleOf = (n: NeuronInfo): NeuronRole => n.known?.class.role ?? (n.hasMuscle ? 'motor' : n.inSensorySheet ? 'sensory' : 'inter');
  const ordered = [...neurons.values()].sort(
    (a, b) =>
      ROLE_ORDER[roleOf(a)] - ROLE_ORDER[roleOf(b)] ||
      (a.known ? a.known.order : Infinity) - (b.known ? b.known.order : Infinity) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const index = new Map(ordered.map((n, i) => [n.id, i]));

  const transmitters = new Map<string, Transmitter>();
  const tx = { fromTables: 0, fromBuiltIn: 0, replaced: [] as string[], unknown: 0 };
  for (const n of ordered) {
    const t = chooseTransmitter(n, log);
    const builtIn = n.known?.class.transmitter;
    if (t !== undefined && !isClassical(t) && isClassical(builtIn)) {
      transmitters.set(n.id, builtIn!);
      tx.replaced.push(n.id);
    } else if (t !== undefined) {
      transmitters.set(n.id, t);
      tx.fromTables++;
    } else if (builtIn !== undefined) {
      transmitters.set(n.id, builtIn);
      tx.fromBuiltIn++;
    } else tx.unknown++;
  }

  // ---------------------------------------------------------------- synapses
  const keep = (c: Connection): boolean => {
    if (c.contacts >= minContacts) return true;
    for (const at of c.rows) drop('min-contacts', at);
    return false;
  };
  const synapses: SynapseSpec[] = [];
  const chemicalAt = new Map<string, number>();
  let chemicalContacts = 0;
  for (const c of chemical.values()) {
    if (!keep(c)) continue;
    chemicalAt.set(`${c.from}\u0000${c.to}`, synapses.length);
    synapses.push({ from: c.from, to: c.to, kind: 'chemical', weight: clean(c.contacts * weightScale) });
    chemicalContacts += c.contacts;
  }
  let gapJunctions = 0;
  let gapContacts = 0;
  for (const g of gaps.values()) {
    // Listed from both sides (Cook, Varshney) or from one (a generic list): the junction has the larger count.
    const contacts = Math.max(g.ab.contacts, g.ba.contacts);
    if (!keep({ contacts, rows: [...g.ab.rows, ...g.ba.rows] })) continue;
    synapses.push({ from: g.a, to: g.b, kind: 'electrical', weight: clean(contacts * weightScale) });
    gapJunctions++;
    gapContacts += contacts;
  }

  const applied: AppliedOverride[] = [];
  const overrideLists: Array<[SignOverrideList, 'built-in' | 'user']> = [];
  if (options.touchOverrides !== false) overrideLists.push([TOUCH_OVERRIDES, 'built-in']);
  if (options.signOverrides) overrideLists.push([options.signOverrides, 'user']);
  for (const [list, source] of overrideLists) {
    list.entries.forEach((o, i) => {
      const line = list.lines?.[i];
      const ends = (['from', 'to'] as const).map((k) => {
        const cell = classifyName(o[k]);
        if (cell.kind === 'neuron' && neurons.has(cell.id)) return cell.id;
        if (source === 'user') {
          const like = cell.kind === 'neuron' ? similarKnown(cell.id) : undefined;
          log.error({
            file: list.file,
            line,
            field: `[${i}].${k}`,
            message: `"${o[k]}" is not a neuron of the imported circuit${like && neurons.has(like) ? ` (did you mean "${like}"?)` : ''}; name a neuron the tables contain`,
          });
        }
        return undefined;
      });
      const [from, to] = ends;
      if (from === undefined || to === undefined) return;
      const at = chemicalAt.get(`${from}\u0000${to}`);
      if (at === undefined) {
        if (source === 'user') {
          log.warn({
            file: list.file,
            line,
            field: `[${i}]`,
            message: `no chemical synapse from ${from} to ${to} in the tables; this sign override changes nothing`,
          });
        }
        return;
      }
      const s = synapses[at];
      if (s.kind === 'chemical') s.sign = o.sign;
      const prior = applied.findIndex((a) => a.from === from && a.to === to);
      if (prior >= 0) applied.splice(prior, 1);
      applied.push({ from, to, sign: o.sign, source });
    });
  }
  synapses.sort(
    (a, b) => index.get(a.from)! - index.get(b.from)! || index.get(a.to)! - index.get(b.to)! || (a.kind === b.kind ? 0 : a.kind === 'chemical' ? -1 : 1),
  );

  // ---------------------------------------------------------------- bindings
  const muscles = muscleBindings(nmj, keep, transmitters, muscleScale, index);
  const muscleContacts = [...nmj.values()].filter((c) => c.contacts >= minContacts).reduce((s, c) => s + c.contacts, 0);
  const sensors: SensorBinding[] = [];
  for (const n of ordered) for (const f of RECEPTIVE_FIELDS.get(n.id) ?? []) sensors.push({ neuron: n.id, ...f } as SensorBinding);

  log.throwIfFailed();
  for (const p of scaleProblems({ synapses, muscles, weightScale, muscleScale, transmitterModel: model === 'transmitter' })) log.error(p);
  log.throwIfFailed();
  for (const w of bodyWarnings(tables.map((t) => t.name).join(', '), muscles, sensors)) log.warn(w);

  // ---------------------------------------------------------------- the circuit
  const roles = ordered.map(roleOf);
  const { positions, width, height } = layeredLayout(roles);
  const entries: NeuronEntry[] = ordered.map((n, i) => {
    const e: NeuronEntry = { id: n.id, model, role: roles[i] };
    const t = transmitters.get(n.id);
    if (t !== undefined) e.transmitter = t;
    e.position = positions[i];
    return e;
  });
  const droppedList = [...dropped.values()].sort((a, b) => Object.keys(DROP_REASONS).indexOf(a.reason) - Object.keys(DROP_REASONS).indexOf(b.reason));
  const summary: ImportSummary = {
    tables: parsed.map((p) => ({ name: p.name, layout: p.layout, header: p.header, rows: p.rows })),
    neurons: ordered.length,
    neuronsInTables,
    unconnectedAdded,
    unknownNeurons: [...unknownSeen.keys()],
    roles: {
      sensory: roles.filter((r) => r === 'sensory').length,
      inter: roles.filter((r) => r === 'inter').length,
      motor: roles.filter((r) => r === 'motor').length,
    },
    transmitters: tx,
    chemicalSynapses: chemicalAt.size,
    chemicalContacts,
    gapJunctions,
    gapContacts,
    muscleBindings: muscles.length,
    muscleContacts,
    sensorBindings: sensors.length,
    droppedRows: droppedList.reduce((s, d) => s + d.rows, 0),
    dropped: droppedList,
    signOverrides: applied,
  };
  // The class model's parameters are the app's graded model's: a test's own model table gets it only when asked.
  const wantModel = options.classModel ?? (models === DEFAULT_MODELS ? WORM_MODEL : false);
  const classModel = model === 'graded' && wantModel !== false ? wantModel : undefined;
  const doc: CircuitDoc = {
    format: CIRCUIT_FORMAT,
    version: CURRENT_VERSION,
    name: options.name ?? `Connectome (${tables.map((t) => baseName(t.name)).join(' + ')})`.slice(0, 200),
    description: describeImport(summary, { model, weightScale, muscleScale, minContacts, classModel: classModel !== undefined }),
    neurons: entries,
    synapses,
    sensors,
    muscles,
    editor: { view: { x: width / 2, y: 0, zoom: Math.min(1, 1600 / Math.max(width, 1), 900 / Math.max(height, 1)) } },
  };
  if (classModel) doc.description += ` ${CLASS_MODEL_NOTE}`;
  const circuit = circuitFromDoc(classModel ? applyWormModel(doc, classModel) : doc, options.fileName ?? 'imported connectome', models);
  return { circuit, summary, warnings: log.warnings };
}

function checkOptions(options: ImportOptions, model: ModelKind, models: ModelTable | undefined, log: ProblemLog): void {
  const file = 'import options';
  const positive = (value: number | undefined, field: string, what: string): void => {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) log.error({ file, field, message: `${value} is not allowed; ${what} is a number > 0` });
  };
  positive(options.weightScale, 'weightScale (--weight-scale)', 'the weight per contact');
  positive(options.muscleScale, 'muscleScale (--muscle-scale)', 'the muscle gain per contact');
  const m = options.minContacts;
  if (m !== undefined && !(Number.isFinite(m) && m >= 0))
    log.error({ file, field: 'minContacts (--min-contacts)', message: `${m} is not allowed; it is a number ≥ 0` });
  if (options.name !== undefined && options.name.length > 200) {
    log.error({ file, field: 'name (--name)', message: `${options.name.length} characters; a circuit name is at most 200` });
  }
  if (models && !models[model]) {
    log.error({ file, field: 'model (--model)', message: `unknown neuron model "${model}"; allowed: ${Object.keys(models).join(', ')}` });
  }
}

function describe(cell: Cell): string {
  if (cell.kind === 'muscle') return 'a body-wall muscle';
  if (cell.kind === 'other') return cell.what;
  return 'a neuron';
}

function addChemical(map: Map<string, Connection & { from: string; to: string }>, from: string, to: string, row: WiringRow, at: Place): void {
  const k = `${from}\u0000${to}`;
  let c = map.get(k);
  if (!c) map.set(k, (c = { from, to, contacts: 0, rows: [] }));
  c.contacts += row.contacts;
  c.rows.push(at);
}

function addGap(map: Map<string, GapPair>, x: string, y: string, row: WiringRow, at: Place): void {
  const [a, b] = x < y ? [x, y] : [y, x];
  const k = `${a}\u0000${b}`;
  let g = map.get(k);
  if (!g) map.set(k, (g = { a, b, ab: { contacts: 0, rows: [] }, ba: { contacts: 0, rows: [] } }));
  const dir = x === a ? g.ab : g.ba;
  dir.contacts += row.contacts;
  dir.rows.push(at);
}

/** The table's label for a neuron: the most common at the best priority; disagreement at that priority is a warning. */
function chooseTransmitter(n: NeuronInfo, log: ProblemLog): Transmitter | undefined {
  if (n.votes.length === 0) return undefined;
  const best = Math.min(...n.votes.map((v) => v.priority));
  const votes = n.votes.filter((v) => v.priority === best);
  const counts = new Map<Transmitter, { n: number; at: Place[] }>();
  for (const v of votes) {
    const c = counts.get(v.t) ?? { n: 0, at: [] };
    c.n++;
    c.at.push(v.at);
    counts.set(v.t, c);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].n - a[1].n);
  if (ranked.length > 1) {
    const lines = (at: Place[]): string =>
      at
        .slice(0, 3)
        .map((p) => `${p.file}:${p.line}`)
        .join(', ') + (at.length > 3 ? ', ...' : '');
    log.warn({
      file: n.first.file,
      line: n.first.line,
      message: `the tables give ${n.id} different transmitters: ${ranked.map(([t, c]) => `${t} (${c.n} rows: ${lines(c.at)})`).join('; ')}; using ${ranked[0][0]}`,
    });
  }
  return ranked[0][0];
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function describeImport(s: ImportSummary, o: { model: ModelKind; weightScale: number; muscleScale: number; minContacts: number; classModel: boolean }): string {
  const tables = s.tables.map((t) => `${baseName(t.name)} (${t.layout} layout)`).join(', ');
  const n = s.signOverrides.length;
  // Listed when few, so the description stays short whatever an override file holds.
  const listed = n > 0 && n <= 12 ? ` (${s.signOverrides.map((a) => `${a.from}→${a.to} ${a.sign}`).join(', ')})` : '';
  const overrides = n === 0 ? 'no sign overrides' : `${n} sign override${n === 1 ? '' : 's'}${listed}`;
  return [
    `Imported from ${tables} by neuroworm import-connectome.`,
    `${s.neurons} neurons (model ${o.model}, ${o.classModel ? 'class-model parameters' : 'default parameters'}), ${s.chemicalSynapses} chemical synapses (${s.chemicalContacts} contacts), ${s.gapJunctions} gap junctions (${s.gapContacts} contacts), ${s.muscleBindings} muscle bindings, ${s.sensorBindings} sensor bindings.`,
    `Chemical weight and gap conductance = contacts × ${o.weightScale}; a gap junction listed from both sides counts once, with the larger count.` +
      (o.minContacts > 0 ? ` Connections with fewer than ${o.minContacts} contacts dropped.` : ''),
    `Signs follow each neuron's transmitter (GABA inhibitory), with ${overrides}.`,
    `Muscles: dorsal rows drive the left side, ventral rows the right side; muscle k of 24 spans body (k-1)/24..k/24; gain = contacts × ${o.muscleScale}, negative for GABA neurons.`,
    'Sensors: the built-in receptive-field table (touch, tap, nose touch, chemical, temperature, toxin). See docs/connectome-import.md.',
  ].join(' ');
}
