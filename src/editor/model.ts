/**
 * The circuit editor's state and operations, without any drawing (tldraw's
 * split: the editor is a plain object, views subscribe to it and call its
 * methods). It holds the working circuit document (the file as written), the
 * selection and the viewport, and derives the validated Circuit, its warnings
 * and its geometry on demand.
 *
 * Every edit is a pure function from document to document (doc-ops.ts),
 * checked, then validated whole with circuitFromDoc, then recorded as one
 * undo step; a refused edit changes nothing and returns the reason. So the
 * working document is valid at all times. Moves change positions only (finite
 * numbers, checked), so they skip the whole-circuit validation and stay cheap
 * enough to run on every pointer move of a drag on a 302-neuron circuit.
 */
import { Subject, type Observable } from 'rxjs';
import type { ModelKind, ParamSpec, SynapseSpec } from '../neural/types';
import { circuitFromDoc, parseCircuit, serializeCircuit } from '../circuits/circuit';
import { CircuitError } from '../circuits/errors';
import { lintCircuit } from '../circuits/lint';
import type { Circuit, CircuitDoc, ModelInfo, ModelTable, MuscleBinding, NeuronEntry, SensorBinding } from '../circuits/types';
import { copyFragment, parseClipboard, pasteFragment, type PastePlacement } from './clipboard';
import * as ops from './doc-ops';
import {
  buildGeometry,
  clampZoom,
  edgeAt,
  fitView,
  minimap,
  neighbourhood,
  nodeAt,
  nodesInRect,
  zoomAround,
  type GraphGeometry,
  type MinimapGeometry,
} from './geometry';
import { History, type HistoryEntry, type Snapshot } from './history';
import { parseSynapseKey, synapseKey } from './ids';
import { layeredLayout, type LayoutOptions } from './layout';
import { searchNeurons, type SearchHit } from './search';
import { blankDoc, type Template } from './templates';
import type { EditorChange, Point, Rect, Result, ScreenSize, Selection, SelectMode, SynapseKey, Viewport } from './types';
import { placeWarnings, type EditorWarning } from './warnings';

export interface EditorModelOptions {
  /** The neuron models circuits may use (the app passes its registry; tests pass fakes). */
  models: ModelTable;
  /** Starting document (validated; throws CircuitError if invalid). Default: a blank circuit. */
  doc?: unknown;
  /** Name used in messages and as the default export name. Default "circuit.json". */
  fileName?: string;
  /** Default: the document's editor.view, else zoom-to-fit. */
  viewport?: Viewport;
  /** Canvas size in px until the view reports its own (setScreenSize). */
  screen?: ScreenSize;
  /** Undo steps kept. Default 500. */
  historyLimit?: number;
}

/** An open or import that failed: the CircuitError lists every problem (file, line, field, fix). */
export type LoadResult = { ok: true; value: undefined } | { ok: false; message: string; error: CircuitError };

/** One row of the inspector: a model parameter or initial value with its spec and where its value comes from. */
export interface ParamRow {
  name: string;
  group: ops.ParamGroup;
  spec: ParamSpec;
  value: number | readonly [number, number];
  /** neuron: set on this neuron; preset: from its preset; default: the model's default. */
  source: 'neuron' | 'preset' | 'default';
}

export interface NeuronInspection {
  entry: NeuronEntry;
  /** The model's presets, for a drop-down. */
  presets: string[];
  params: ParamRow[];
  init: ParamRow[];
}

const EMPTY_SELECTION: Selection = { neurons: new Set(), synapses: new Set() };
/** Margin a fit leaves around the circuit, px. */
const FIT_PADDING_PX = 40;
/** Further room a fit leaves under the circuit for the bottom row's names and the canvas's legend, px. */
export const FIT_BOTTOM_PX = 28;
/** How far each paste of the same clipboard moves the copies (graph units). */
export const PASTE_OFFSET = 40;

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  else for (const k of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[k]);
  return value;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "My first reflex" → "my-first-reflex.json"; a name with no letters or digits → "circuit.json". */
export function fileNameFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'circuit'}.json`;
}

export class EditorModel {
  readonly models: ModelTable;
  /** Every change of the document, the selection or the viewport, after it happened. */
  readonly changes$: Observable<EditorChange>;

  private readonly subject = new Subject<EditorChange>();
  private readonly history: History;
  private current: CircuitDoc;
  private name: string;
  private sel: Selection = EMPTY_SELECTION;
  private view: Viewport;
  private size: ScreenSize;
  private savedDoc: CircuitDoc;
  /** Bumped whenever anything but positions or the title changed: warnings are kept per value. */
  private structure = 0;
  private circuitMemo: { doc: CircuitDoc; circuit: Circuit } | undefined;
  private warningsMemo: { structure: number; warnings: EditorWarning[] } | undefined;
  private geometryMemo: { doc: CircuitDoc; geometry: GraphGeometry } | undefined;
  private drag: { start: Map<string, Point> } | undefined;
  private paste_: { text: string; count: number } | undefined;

  constructor(opts: EditorModelOptions) {
    this.models = opts.models;
    this.history = new History(opts.historyLimit ?? 500);
    this.changes$ = this.subject.asObservable();
    this.name = opts.fileName ?? 'circuit.json';
    this.size = opts.screen ?? { width: 1280, height: 720 };
    const circuit = circuitFromDoc(opts.doc ?? blankDoc(), this.name, this.models);
    this.current = this.withPositions(deepFreeze(circuit.doc));
    if (this.current === circuit.doc) this.circuitMemo = { doc: this.current, circuit };
    this.savedDoc = this.current;
    this.view = opts.viewport ?? this.current.editor?.view ?? this.fit();
  }

  // ---------------------------------------------------------------- state

  /** The working document (frozen: change it only through the edit methods). */
  get doc(): CircuitDoc {
    return this.current;
  }

  get fileName(): string {
    return this.name;
  }

  get selection(): Selection {
    return this.sel;
  }

  get viewport(): Viewport {
    return this.view;
  }

  get screen(): ScreenSize {
    return this.size;
  }

  /** The working document as a validated Circuit (what the simulation runs). Cached until the next edit. */
  circuit(): Circuit {
    if (this.circuitMemo?.doc !== this.current) this.circuitMemo = { doc: this.current, circuit: circuitFromDoc(this.current, this.name, this.models) };
    return this.circuitMemo.circuit;
  }

  /** lintCircuit's warnings, placed on neurons, synapses and bindings. Cached until an edit that can change them. */
  warnings(): EditorWarning[] {
    if (this.warningsMemo?.structure !== this.structure) {
      this.warningsMemo = { structure: this.structure, warnings: placeWarnings(this.current, lintCircuit(this.circuit())) };
    }
    return this.warningsMemo.warnings;
  }

  /** Node and edge geometry for drawing and hit tests. Cached until the next edit. */
  geometry(): GraphGeometry {
    if (this.geometryMemo?.doc !== this.current) this.geometryMemo = { doc: this.current, geometry: buildGeometry(this.current) };
    return this.geometryMemo.geometry;
  }

  neuron(id: string): NeuronEntry | undefined {
    return this.current.neurons.find((n) => n.id === id);
  }

  synapse(key: SynapseKey): SynapseSpec | undefined {
    return this.current.synapses?.find((s) => synapseKey(s) === key);
  }

  /** Everything the inspector shows about a neuron's parameters. */
  inspectNeuron(id: string): NeuronInspection | undefined {
    const entry = this.neuron(id);
    if (!entry) return undefined;
    const info = this.models[entry.model] as ModelInfo;
    const preset = entry.preset !== undefined ? info.presets[entry.preset] : undefined;
    const rows = (group: ops.ParamGroup): ParamRow[] =>
      Object.entries(info[group]).map(([name, spec]) => {
        const own = entry[group];
        if (own && Object.hasOwn(own, name)) return { name, group, spec, value: own[name], source: 'neuron' };
        if (preset && Object.hasOwn(preset, name)) return { name, group, spec, value: preset[name], source: 'preset' };
        return { name, group, spec, value: spec.default, source: 'default' };
      });
    return { entry, presets: Object.keys(info.presets), params: rows('params'), init: rows('init') };
  }

  /** Neurons by id or label: exact matches first, then prefixes, then substrings. */
  search(query: string, limit?: number): SearchHit[] {
    return searchNeurons(this.current.neurons, query, limit);
  }

  nodeAt(x: number, y: number): string | undefined {
    return nodeAt(this.geometry(), x, y);
  }

  /** The synapse within `tolerance` graph units of (x, y); default 6 screen px at the current zoom. */
  edgeAt(x: number, y: number, tolerance = 6 / this.view.zoom): SynapseKey | undefined {
    return edgeAt(this.geometry(), x, y, tolerance);
  }

  nodesInRect(rect: Rect): string[] {
    return nodesInRect(this.geometry(), rect);
  }

  /** Synapses into, out of, and by gap junction at a neuron (to highlight them). */
  neighbourhood(id: string): { incoming: SynapseKey[]; outgoing: SynapseKey[]; gap: SynapseKey[] } {
    return neighbourhood(this.geometry(), id);
  }

  // ---------------------------------------------------------------- edits

  /** Add a neuron (id: the given one, else the next free N<number>); it becomes the selection. */
  addNeuron(spec: ops.NewNeuron): Result<string> {
    return this.apply(`Add ${spec.id ?? 'neuron'}`, (d) => ops.addNeuron(d, this.models, spec), {
      select: (id) => ({ neurons: new Set([id]), synapses: new Set() }),
    });
  }

  moveNeurons(ids: Iterable<string>, dx: number, dy: number): Result {
    const list = [...ids];
    return this.apply(`Move ${plural(list.length, 'neuron')}`, (d) => ops.moveNeurons(d, list, dx, dy), { positionsOnly: true });
  }

  setPositions(positions: ReadonlyMap<string, Point>): Result {
    return this.apply(`Move ${plural(positions.size, 'neuron')}`, (d) => ops.setPositions(d, positions), { positionsOnly: true });
  }

  /** Delete neurons with their synapses and bindings. */
  deleteNeurons(ids: Iterable<string>): Result {
    const list = [...ids];
    return this.apply(`Delete ${plural(list.length, 'neuron')}`, (d) => ops.deleteNeurons(d, list));
  }

  /** Rename a neuron; synapses, bindings and the selection follow. */
  renameNeuron(from: string, to: string): Result {
    return this.apply(`Rename ${from} to ${to}`, (d) => ops.renameNeuron(d, from, to), {
      select: () => ({
        neurons: new Set([...this.sel.neurons].map((id) => (id === from ? to : id))),
        synapses: new Set(
          [...this.sel.synapses].map((k) => {
            const s = parseSynapseKey(k);
            return s ? synapseKey({ kind: s.kind, from: s.from === from ? to : s.from, to: s.to === from ? to : s.to }) : k;
          }),
        ),
      }),
    });
  }

  /** Switch model; params, init and preset go back to the new model's defaults (undo brings them back). */
  setNeuronModel(id: string, model: ModelKind): Result {
    return this.apply(`Change ${id} to ${model}`, (d) => ops.setNeuronModel(d, this.models, id, model));
  }

  /** Set a parameter (or, with group "init", an initial value); refused with a message naming the value, range and unit. */
  setNeuronParam(id: string, name: string, value: number | readonly [number, number], group: ops.ParamGroup = 'params'): Result {
    return this.apply(`Set ${id} ${name}`, (d) => ops.setNeuronParam(d, this.models, id, name, value, group));
  }

  /** Back to the preset's or the model's value. */
  clearNeuronParam(id: string, name: string, group: ops.ParamGroup = 'params'): Result {
    return this.apply(`Reset ${id} ${name}`, (d) => ops.clearNeuronParam(d, id, name, group));
  }

  setNeuronPreset(id: string, preset: string | undefined): Result {
    return this.apply(`Set ${id} preset`, (d) => ops.setNeuronPreset(d, this.models, id, preset));
  }

  /** Role, transmitter, label (null removes). */
  updateNeuron(id: string, patch: ops.NeuronPatch): Result {
    return this.apply(`Edit ${id}`, (d) => ops.updateNeuron(d, id, patch));
  }

  /** Add a chemical synapse or a gap junction (weight 1 unless given); it becomes the selection. */
  connect(spec: ops.NewSynapse): Result<SynapseKey> {
    const arrow = spec.kind === 'electrical' ? '↔' : '→';
    return this.apply(`Connect ${spec.from} ${arrow} ${spec.to}`, (d) => ops.connect(d, spec), {
      select: (key) => ({ neurons: new Set(), synapses: new Set([key]) }),
    });
  }

  deleteSynapses(keys: Iterable<SynapseKey>): Result {
    const list = [...keys];
    return this.apply(`Delete ${plural(list.length, 'synapse')}`, (d) => ops.deleteSynapses(d, list));
  }

  /** Weight, sign override, delay, depression (null removes an optional one). */
  updateSynapse(key: SynapseKey, patch: ops.SynapsePatch): Result {
    return this.apply('Edit synapse', (d) => ops.updateSynapse(d, key, patch));
  }

  /** Chemical ↔ electrical; returns the synapse's new key (the selection follows). */
  retypeSynapse(key: SynapseKey, kind: SynapseSpec['kind']): Result<SynapseKey> {
    return this.apply(kind === 'electrical' ? 'Make gap junction' : 'Make chemical synapse', (d) => ops.retypeSynapse(d, key, kind), {
      select: (next) => ({ neurons: this.sel.neurons, synapses: new Set([...this.sel.synapses].map((k) => (k === key ? next : k))) }),
    });
  }

  /** Bind a sensory neuron to a sensor; returns the binding's index in doc.sensors. */
  addSensor(binding: SensorBinding): Result<number> {
    return this.apply(`Bind ${binding.neuron} to ${binding.sensor}`, (d) => ops.addBinding(d, 'sensors', binding));
  }

  updateSensor(index: number, binding: SensorBinding): Result {
    return this.apply(`Edit ${binding.neuron} ${binding.sensor} sensor`, (d) => ops.updateBinding(d, 'sensors', index, binding));
  }

  removeSensor(index: number): Result {
    return this.apply('Unbind sensor', (d) => ops.removeBinding(d, 'sensors', index));
  }

  /** Bind a motor neuron to muscles; returns the binding's index in doc.muscles. */
  addMuscle(binding: MuscleBinding): Result<number> {
    return this.apply(`Bind ${binding.neuron} to muscles`, (d) => ops.addBinding(d, 'muscles', binding));
  }

  updateMuscle(index: number, binding: MuscleBinding): Result {
    return this.apply(`Edit ${binding.neuron} muscles`, (d) => ops.updateBinding(d, 'muscles', index, binding));
  }

  removeMuscle(index: number): Result {
    return this.apply('Unbind muscles', (d) => ops.removeBinding(d, 'muscles', index));
  }

  /**
   * Circuit name, description, editor notes (null removes). Renaming a circuit
   * whose file is named after it (a template's, or one saved under its name)
   * renames the file too, so Save offers the new name; a file the player named
   * otherwise keeps its name.
   */
  setMeta(patch: ops.MetaPatch): Result {
    const follows = typeof patch.name === 'string' && patch.name !== this.current.name && this.name === fileNameFor(this.current.name ?? '');
    return this.apply('Edit circuit details', (d) => ops.setMeta(d, patch), {
      simulation: false,
      ...(follows && { fileName: fileNameFor(patch.name as string) }),
    });
  }

  /** Lay out every neuron: sensory above inter above motor, crossings reduced; then zoom to fit. */
  autoLayout(opts?: LayoutOptions): Result {
    const r = this.setPositions(layeredLayout(this.current.neurons, this.current.synapses ?? [], { aspect: this.aspect(), ...opts }));
    if (r.ok) this.zoomToFit();
    return r;
  }

  // ---------------------------------------------------------------- selection-based edits

  /** Delete the selected synapses and neurons (with the neurons' synapses and bindings). */
  deleteSelection(): Result {
    const neurons = [...this.sel.neurons];
    const synapses = [...this.sel.synapses];
    if (neurons.length === 0 && synapses.length === 0) return { ok: true, value: undefined };
    const what = [neurons.length ? plural(neurons.length, 'neuron') : '', synapses.length ? plural(synapses.length, 'synapse') : '']
      .filter(Boolean)
      .join(' and ');
    return this.apply(`Delete ${what}`, (d) => {
      // A selected synapse of a selected neuron goes either way; drop it first so both orders agree.
      const s = ops.deleteSynapses(d, synapses);
      return s.ok ? ops.deleteNeurons(s.doc, neurons) : s;
    });
  }

  /** Arrow keys: move the selected neurons. */
  nudgeSelection(dx: number, dy: number): Result {
    if (this.sel.neurons.size === 0) return { ok: true, value: undefined };
    return this.moveNeurons(this.sel.neurons, dx, dy);
  }

  /** Clipboard text of the selected neurons, the synapses among them and their bindings; undefined if none is selected. */
  copySelection(): string | undefined {
    const payload = copyFragment(this.current, this.sel.neurons);
    if (!payload) return undefined;
    const text = JSON.stringify(payload);
    this.paste_ = { text, count: 0 };
    return text;
  }

  /**
   * Paste clipboard text (a copy, or a whole circuit file): clashing ids are
   * renamed, copies are moved (each paste of the same text 40 units further,
   * or centred at place.at). The pasted neurons become the selection.
   */
  paste(text: string, place?: PastePlacement): Result<string[]> {
    const parsed = parseClipboard(text);
    if (!parsed.ok) return parsed;
    let where = place;
    if (!where) {
      const count = this.paste_?.text === text ? this.paste_.count + 1 : 1;
      this.paste_ = { text, count };
      where = { offset: { x: PASTE_OFFSET * count, y: PASTE_OFFSET * count } };
    }
    const p = where;
    return this.apply(`Paste ${plural(parsed.payload.neurons.length, 'neuron')}`, (d) => pasteFragment(d, parsed.payload, p), {
      select: (ids) => ({ neurons: new Set(ids), synapses: new Set() }),
    });
  }

  /** Copy and paste the selection in one step (Ctrl+D), without touching the clipboard. */
  duplicateSelection(): Result<string[]> {
    const payload = copyFragment(this.current, this.sel.neurons);
    if (!payload) return { ok: false, message: 'select neurons to duplicate' };
    return this.apply(
      `Duplicate ${plural(payload.neurons.length, 'neuron')}`,
      (d) => pasteFragment(d, payload, { offset: { x: PASTE_OFFSET, y: PASTE_OFFSET } }),
      {
        select: (ids) => ({ neurons: new Set(ids), synapses: new Set() }),
      },
    );
  }

  // ---------------------------------------------------------------- drags

  /** Start dragging neurons (default: the selection). Until endDrag, every dragTo is part of one undo step. */
  beginDrag(ids: Iterable<string> = this.sel.neurons): void {
    const start = new Map<string, Point>();
    for (const id of ids) {
      const n = this.neuron(id);
      if (n) start.set(id, n.position ?? { x: 0, y: 0 });
    }
    this.history.begin(`Move ${plural(start.size, 'neuron')}`);
    this.drag = { start };
  }

  /** Move the dragged neurons to their start positions plus (dx, dy), the pointer's total movement in graph units. */
  dragTo(dx: number, dy: number): Result {
    if (!this.drag) return { ok: false, message: 'no drag in progress: call beginDrag first' };
    const positions = new Map<string, Point>();
    for (const [id, p] of this.drag.start) positions.set(id, { x: p.x + dx, y: p.y + dy });
    return this.apply('Move', (d) => ops.setPositions(d, positions), { positionsOnly: true });
  }

  endDrag(): void {
    this.drag = undefined;
    this.history.end();
  }

  /** Escape during a drag: the neurons go back and no undo step is left. */
  cancelDrag(): void {
    this.drag = undefined;
    this.cancelBatch();
  }

  /** Fold the following edits into one undo step (a slider held down, a multi-part edit), until endBatch. */
  beginBatch(label: string): void {
    this.drag = undefined;
    this.history.begin(label);
  }

  endBatch(): void {
    this.history.end();
  }

  /** Undo everything since beginBatch and leave no undo step. */
  cancelBatch(): void {
    const e = this.history.discardBatch();
    if (e) this.restore(e.before, `Cancel ${e.label}`, e.simulation);
  }

  // ---------------------------------------------------------------- history

  undo(): boolean {
    this.drag = undefined;
    const e = this.history.undo();
    if (e) this.restore(e.before, `Undo ${e.label}`, e.simulation);
    return e !== undefined;
  }

  redo(): boolean {
    this.drag = undefined;
    const e = this.history.redo();
    if (e) this.restore(e.after, `Redo ${e.label}`, e.simulation);
    return e !== undefined;
  }

  canUndo(): boolean {
    return this.history.canUndo();
  }

  canRedo(): boolean {
    return this.history.canRedo();
  }

  /** What Undo would undo ("Move 3 neurons"), for a menu item or tooltip. */
  undoLabel(): string | undefined {
    return this.history.undoLabel();
  }

  redoLabel(): string | undefined {
    return this.history.redoLabel();
  }

  // ---------------------------------------------------------------- files

  /**
   * Open a circuit document (validated; positions laid out for neurons without
   * them). Undoable, so opening over your work by mistake is one Ctrl+Z away.
   * On failure nothing changes and the CircuitError is returned.
   */
  load(doc: unknown, fileName: string): LoadResult {
    let circuit: Circuit;
    try {
      circuit = circuitFromDoc(doc, fileName, this.models);
    } catch (e) {
      if (e instanceof CircuitError) return { ok: false, message: e.message, error: e };
      throw e;
    }
    this.open(circuit, `Open ${fileName}`);
    return { ok: true, value: undefined };
  }

  /** Open circuit file text (a file picked or pasted). A malformed file returns its CircuitError and leaves the work untouched. */
  importText(text: string, fileName: string): LoadResult {
    let circuit: Circuit;
    try {
      circuit = parseCircuit(text, fileName, this.models);
    } catch (e) {
      if (e instanceof CircuitError) return { ok: false, message: e.message, error: e };
      throw e;
    }
    this.open(circuit, `Open ${fileName}`);
    return { ok: true, value: undefined };
  }

  /** Start from a template (blank or a built-in circuit), its file named after it; undoable. */
  loadTemplate(t: Template): LoadResult {
    return this.load(t.doc, fileNameFor(t.doc.name ?? t.id));
  }

  /** The circuit file's text, with the current viewport saved in editor.view. */
  exportText(): string {
    const doc: CircuitDoc = { ...this.current, editor: { ...this.current.editor, view: { ...this.view } } };
    return serializeCircuit(circuitFromDoc(doc, this.name, this.models));
  }

  /** Remember the current document as saved (after writing it to a file). */
  markSaved(): void {
    this.savedDoc = this.current;
  }

  /** Whether the document differs from the one last opened or marked saved. */
  isDirty(): boolean {
    return this.current !== this.savedDoc;
  }

  // ---------------------------------------------------------------- selection

  select(target: { neurons?: Iterable<string>; synapses?: Iterable<SynapseKey> }, mode: SelectMode = 'replace'): void {
    const neurons = new Set(target.neurons ?? []);
    const synapses = new Set(target.synapses ?? []);
    const combine = <T>(old: ReadonlySet<T>, given: Set<T>): Set<T> => {
      if (mode === 'replace') return given;
      const out = new Set(old);
      for (const x of given) {
        if (mode === 'toggle' && out.has(x)) out.delete(x);
        else out.add(x);
      }
      return out;
    };
    this.setSelection({ neurons: combine(this.sel.neurons, neurons), synapses: combine(this.sel.synapses, synapses) }, 'Select');
  }

  /** Box select: the neurons whose centres lie in rect (graph coordinates). */
  selectInRect(rect: Rect, mode: SelectMode = 'replace'): void {
    this.select({ neurons: this.nodesInRect(rect) }, mode);
  }

  selectAll(): void {
    this.setSelection(
      { neurons: new Set(this.current.neurons.map((n) => n.id)), synapses: new Set((this.current.synapses ?? []).map(synapseKey)) },
      'Select all',
    );
  }

  clearSelection(): void {
    this.setSelection(EMPTY_SELECTION, 'Select none');
  }

  // ---------------------------------------------------------------- viewport

  /** The canvas size in px (call on resize); fits and zooms use it. */
  setScreenSize(width: number, height: number): void {
    this.size = { width, height };
  }

  setViewport(v: Viewport): void {
    if (!Number.isFinite(v.x) || !Number.isFinite(v.y) || !Number.isFinite(v.zoom) || v.zoom <= 0) return;
    this.view = { x: v.x, y: v.y, zoom: clampZoom(v.zoom) };
    this.subject.next({ kind: 'viewport', label: 'View', simulation: false });
  }

  /** Pan by a drag of (dx, dy) screen px. */
  panBy(dx: number, dy: number): void {
    this.setViewport({ x: this.view.x - dx / this.view.zoom, y: this.view.y - dy / this.view.zoom, zoom: this.view.zoom });
  }

  /** Zoom by factor around a screen point (the pointer; default the centre). */
  zoomAt(factor: number, screenPoint: Point = { x: this.size.width / 2, y: this.size.height / 2 }): void {
    this.setViewport(zoomAround(this.view, this.size, screenPoint, factor));
  }

  /** F: show every neuron. */
  zoomToFit(): void {
    this.setViewport(this.fit());
  }

  /** Centre the view on a neuron (a search result). */
  centerOn(id: string): void {
    const n = this.neuron(id);
    if (n?.position) this.setViewport({ ...this.view, x: n.position.x, y: n.position.y });
  }

  /** Minimap geometry for a minimap of mapSize px. */
  minimap(mapSize: ScreenSize): MinimapGeometry {
    return minimap(this.geometry().bounds, this.view, this.size, mapSize);
  }

  // ---------------------------------------------------------------- internals

  /** Width / height of the part of the canvas a fit fills: the automatic layout suits it. */
  private aspect(): number {
    return Math.max(1, this.size.width - 2 * FIT_PADDING_PX) / Math.max(1, this.size.height - 2 * FIT_PADDING_PX - FIT_BOTTOM_PX);
  }

  private fit(): Viewport {
    return fitView(this.geometry().nodes, this.size.width, this.size.height, { padding: FIT_PADDING_PX, bottom: FIT_BOTTOM_PX });
  }

  /**
   * Run an edit: check and apply it, validate the new document (unless only
   * positions changed: finite numbers, checked by the op), record one undo
   * step, update the selection, notify. A refusal changes nothing.
   * `simulation: false` marks edits that cannot change the network, its
   * bindings or the warnings (the title), so views need not rebuild the worm.
   */
  private apply<T>(
    label: string,
    op: (doc: CircuitDoc) => ops.Op<T>,
    opts: { positionsOnly?: boolean; simulation?: boolean; select?: (value: T) => Selection; fileName?: string } = {},
  ): Result<T> {
    const r = op(this.current);
    if (!r.ok) return r;
    if (r.doc === this.current) return { ok: true, value: r.value };
    const simulation = !opts.positionsOnly && opts.simulation !== false;
    if (!opts.positionsOnly) {
      try {
        this.circuitMemo = { doc: r.doc, circuit: circuitFromDoc(r.doc, this.name, this.models) };
      } catch (e) {
        if (!(e instanceof CircuitError)) throw e;
        return { ok: false, message: e.issues.map((i) => `${i.where === '' ? 'the circuit' : i.where}: ${i.message}`).join('; ') };
      }
    }
    const before = this.snapshot();
    this.current = deepFreeze(r.doc);
    if (opts.fileName !== undefined) this.name = opts.fileName;
    if (simulation) this.structure++;
    let selection = opts.select ? opts.select(r.value) : this.sel;
    if (simulation) selection = this.existing(selection);
    this.sel = selection;
    this.history.push({ label, before, after: this.snapshot(), simulation });
    this.subject.next({ kind: 'doc', label, simulation });
    return { ok: true, value: r.value };
  }

  private snapshot(): Snapshot {
    return { doc: this.current, fileName: this.name, selection: this.sel };
  }

  private restore(s: Snapshot, label: string, simulation: boolean): void {
    this.current = s.doc;
    this.name = s.fileName;
    this.sel = this.existing(s.selection);
    this.structure++;
    this.subject.next({ kind: 'doc', label, simulation });
  }

  private open(circuit: Circuit, label: string): void {
    const doc = this.withPositions(deepFreeze(circuit.doc));
    const entry: HistoryEntry = { label, before: this.snapshot(), after: { doc, fileName: circuit.fileName, selection: EMPTY_SELECTION }, simulation: true };
    this.drag = undefined;
    this.history.end();
    this.history.push(entry);
    this.current = doc;
    if (doc === circuit.doc) this.circuitMemo = { doc, circuit };
    this.name = circuit.fileName;
    this.sel = EMPTY_SELECTION;
    this.savedDoc = doc;
    this.structure++;
    this.subject.next({ kind: 'doc', label, simulation: true });
    this.view = doc.editor?.view ?? this.fit();
    this.subject.next({ kind: 'viewport', label: 'View', simulation: false });
  }

  /** Give neurons without a position one: all of them by the layered layout, or a few below the rest. */
  private withPositions(doc: CircuitDoc): CircuitDoc {
    const missing = doc.neurons.filter((n) => !n.position);
    if (missing.length === 0) return doc;
    const placed = layeredLayout(missing, doc.synapses ?? [], { aspect: this.aspect() });
    if (missing.length < doc.neurons.length) {
      const ys = doc.neurons.flatMap((n) => (n.position ? [n.position.y] : []));
      const xs = doc.neurons.flatMap((n) => (n.position ? [n.position.x] : []));
      const dy = Math.max(...ys) + 120;
      const dx = Math.min(...xs);
      const minX = Math.min(...[...placed.values()].map((p) => p.x));
      for (const [id, p] of placed) placed.set(id, { x: p.x - minX + dx, y: p.y + dy });
    }
    const r = ops.setPositions(doc, placed);
    return r.ok ? deepFreeze(r.doc) : doc;
  }

  private existing(s: Selection): Selection {
    if (s.neurons.size === 0 && s.synapses.size === 0) return s;
    const ids = new Set(this.current.neurons.map((n) => n.id));
    const keys = s.synapses.size > 0 ? new Set((this.current.synapses ?? []).map(synapseKey)) : new Set<string>();
    const neurons = [...s.neurons].filter((id) => ids.has(id));
    const synapses = [...s.synapses].filter((k) => keys.has(k));
    if (neurons.length === s.neurons.size && synapses.length === s.synapses.size) return s;
    return { neurons: new Set(neurons), synapses: new Set(synapses) };
  }

  private setSelection(s: Selection, label: string): void {
    const next = this.existing(s);
    const same = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));
    if (same(next.neurons, this.sel.neurons) && same(next.synapses, this.sel.synapses)) return;
    this.sel = next;
    this.subject.next({ kind: 'selection', label, simulation: false });
  }
}
