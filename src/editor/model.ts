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
import type { ModelKind, ModulatorSpec, PlasticSpec, ReceptorSpec, SynapseSpec } from '../neural/types';
import { circuitFromDoc, parseCircuit, serializeCircuit } from '../circuits/circuit';
import { CircuitError } from '../circuits/errors';
import { lintCircuit } from '../circuits/lint';
import type { Circuit, CircuitDoc, ModelTable, MuscleBinding, NeuronEntry, SensorBinding } from '../circuits/types';
import { copyFragment, parseClipboard, pasteFragment, type PastePlacement } from './clipboard';
import * as ops from './doc-ops';
import * as vops from './volume-ops';
import { buildGeometry, edgeAt, neighbourhood, nodeAt, nodesInRect, type GraphGeometry, type MinimapGeometry } from './geometry';
import { EditorDocument, type ApplyOptions } from './document';
import { inspectNeuron, type NeuronInspection } from './inspect';
import { parseSynapseKey, synapseKey } from './ids';
import { layeredLayout, type LayoutOptions } from './layout';
import { SelectionManager } from './selection';
import { ViewportManager } from './viewport';
import { searchNeurons, type SearchHit } from './search';
import { blankDoc, type Template } from './templates';
export type { NeuronInspection, ParamRow } from './inspect';
import type { EditorChange, Point, Rect, Result, ScreenSize, Selection, SelectMode, SynapseKey, Viewport } from './types';
import { placeWarnings, type EditorWarning } from './warnings';
import { deepFreeze } from '../lib/deep-freeze';
import { plural } from '../text/plural';
import { fileNameFor } from './file-name';

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

/** How far each paste of the same clipboard moves the copies (graph units). */
export const PASTE_OFFSET = 40;

export class EditorModel {
  readonly models: ModelTable;
  /** Every change of the document, the selection or the viewport, after it happened. */
  readonly changes$: Observable<EditorChange>;

  private readonly subject = new Subject<EditorChange>();
  private readonly store: EditorDocument;
  private readonly selection_: SelectionManager;
  private readonly camera: ViewportManager;
  private warningsMemo: { structure: number; warnings: EditorWarning[] } | undefined;
  private geometryMemo: { doc: CircuitDoc; geometry: GraphGeometry } | undefined;
  private paste_: { text: string; count: number } | undefined;

  constructor(opts: EditorModelOptions) {
    this.models = opts.models;
    this.changes$ = this.subject.asObservable();
    const fileName = opts.fileName ?? 'circuit.json';
    this.selection_ = new SelectionManager(
      () => this.store.doc,
      (r) => this.nodesInRect(r),
      (label) => this.subject.next({ kind: 'selection', label, simulation: false }),
    );
    this.camera = new ViewportManager(
      () => this.geometry().nodes,
      () => this.geometry().bounds,
      () => this.subject.next({ kind: 'viewport', label: 'View', simulation: false }),
      opts.screen ?? { width: 1280, height: 720 },
    );
    const circuit = circuitFromDoc(opts.doc ?? blankDoc(), fileName, this.models);
    const doc = this.withPositions(deepFreeze(circuit.doc));
    this.store = new EditorDocument(this.models, { doc, circuit, fileName }, opts.historyLimit ?? 500, this.selection_, (c) => this.subject.next(c));
    this.camera.replace(opts.viewport ?? doc.editor?.view ?? this.camera.fit());
  }

  // ---------------------------------------------------------------- state

  /** The working document (frozen: change it only through the edit methods). */
  get doc(): CircuitDoc {
    return this.store.doc;
  }

  get fileName(): string {
    return this.store.fileName;
  }

  get selection(): Selection {
    return this.selection_.value;
  }

  get viewport(): Viewport {
    return this.camera.value;
  }

  get screen(): ScreenSize {
    return this.camera.screen;
  }

  /** The working document as a validated Circuit (what the simulation runs). Cached until the next edit. */
  circuit(): Circuit {
    return this.store.circuit();
  }

  /** lintCircuit's warnings, placed on neurons, synapses and bindings. Cached until an edit that can change them. */
  warnings(): EditorWarning[] {
    if (this.warningsMemo?.structure !== this.store.structure) {
      this.warningsMemo = { structure: this.store.structure, warnings: placeWarnings(this.doc, lintCircuit(this.circuit())) };
    }
    return this.warningsMemo.warnings;
  }

  /** Node and edge geometry for drawing and hit tests. Cached until the next edit. */
  geometry(): GraphGeometry {
    if (this.geometryMemo?.doc !== this.doc) this.geometryMemo = { doc: this.doc, geometry: buildGeometry(this.doc) };
    return this.geometryMemo.geometry;
  }

  neuron(id: string): NeuronEntry | undefined {
    return this.doc.neurons.find((n) => n.id === id);
  }

  synapse(key: SynapseKey): SynapseSpec | undefined {
    return this.doc.synapses?.find((s) => synapseKey(s) === key);
  }

  /** Everything the inspector shows about a neuron's parameters. */
  inspectNeuron(id: string): NeuronInspection | undefined {
    const entry = this.neuron(id);
    return entry ? inspectNeuron(this.models, entry) : undefined;
  }

  /** Neurons by id or label: exact matches first, then prefixes, then substrings. */
  search(query: string, limit?: number): SearchHit[] {
    return searchNeurons(this.doc.neurons, query, limit);
  }

  nodeAt(x: number, y: number): string | undefined {
    return nodeAt(this.geometry(), x, y);
  }

  /** The synapse within `tolerance` graph units of (x, y); default 6 screen px at the current zoom. */
  edgeAt(x: number, y: number, tolerance = 6 / this.viewport.zoom): SynapseKey | undefined {
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
        neurons: new Set([...this.selection.neurons].map((id) => (id === from ? to : id))),
        synapses: new Set(
          [...this.selection.synapses].map((k) => {
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
      select: (next) => ({ neurons: this.selection.neurons, synapses: new Set([...this.selection.synapses].map((k) => (k === key ? next : k))) }),
    });
  }

  /** A chemical synapse's learning rule and its parameters; null: it stops learning. */
  setPlastic(key: SynapseKey, plastic: PlasticSpec | null): Result {
    return this.apply(plastic ? `Make synapse learn (${plastic.rule})` : 'Stop synapse learning', (d) => vops.setPlastic(d, key, plastic));
  }

  /** Add (name undefined), change (a rename follows into its receptors) or remove (null, with its receptors) a modulator. */
  putModulator(name: string | undefined, spec: ModulatorSpec | null): Result {
    const label = spec === null ? `Remove ${name}` : name === undefined ? `Add ${spec.name}` : `Edit ${name}`;
    return this.apply(label, (d) => vops.putModulator(d, name, spec));
  }

  /** Add (index undefined), change or remove (null) a receptor of doc.receptors. */
  putReceptor(index: number | undefined, spec: ReceptorSpec | null): Result {
    return this.apply(spec ? `${index === undefined ? 'Add' : 'Edit'} ${spec.modulator} receptor on ${spec.neuron}` : 'Remove receptor', (d) =>
      vops.putReceptor(d, index, spec),
    );
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
    const follows = typeof patch.name === 'string' && patch.name !== this.doc.name && this.fileName === fileNameFor(this.doc.name ?? '');
    return this.apply('Edit circuit details', (d) => ops.setMeta(d, patch), {
      simulation: false,
      ...(follows && { fileName: fileNameFor(patch.name as string) }),
    });
  }

  /** Replace the whole network by another document (an evolved circuit), validated, as one undo step; positions, file name and selection stay. */
  replaceDoc(doc: CircuitDoc, label: string): Result {
    return this.apply(label, () => ({ ok: true, doc: this.withPositions(doc), value: undefined }));
  }

  /** Lay out every neuron: sensory above inter above motor, crossings reduced; then zoom to fit. */
  autoLayout(opts?: LayoutOptions): Result {
    const r = this.setPositions(layeredLayout(this.doc.neurons, this.doc.synapses ?? [], { aspect: this.camera.aspect(), ...opts }));
    if (r.ok) this.zoomToFit();
    return r;
  }

  // ---------------------------------------------------------------- selection-based edits

  /** Delete the selected synapses and neurons (with the neurons' synapses and bindings). */
  deleteSelection(): Result {
    const neurons = [...this.selection.neurons];
    const synapses = [...this.selection.synapses];
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
    if (this.selection.neurons.size === 0) return { ok: true, value: undefined };
    return this.moveNeurons(this.selection.neurons, dx, dy);
  }

  /** Clipboard text of the selected neurons, the synapses among them and their bindings; undefined if none is selected. */
  copySelection(): string | undefined {
    const payload = copyFragment(this.doc, this.selection.neurons);
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
    const payload = copyFragment(this.doc, this.selection.neurons);
    if (!payload) return { ok: false, message: 'select neurons to duplicate' };
    return this.apply(
      `Duplicate ${plural(payload.neurons.length, 'neuron')}`,
      (d) => pasteFragment(d, payload, { offset: { x: PASTE_OFFSET, y: PASTE_OFFSET } }),
      {
        select: (ids) => ({ neurons: new Set(ids), synapses: new Set() }),
      },
    );
  }

  // ---------------------------------------------------------------- drags and history (document.ts)

  /** Start dragging neurons (default: the selection). Until endDrag, every dragTo is part of one undo step. */
  beginDrag(ids: Iterable<string> = this.selection.neurons): void {
    const start = new Map<string, Point>();
    for (const id of ids) {
      const n = this.neuron(id);
      if (n) start.set(id, n.position ?? { x: 0, y: 0 });
    }
    this.store.beginDrag(start, `Move ${plural(start.size, 'neuron')}`);
  }

  /** Move the dragged neurons to their start positions plus (dx, dy), the pointer's total movement in graph units. */
  dragTo(dx: number, dy: number): Result {
    return this.store.dragTo(dx, dy);
  }

  endDrag(): void {
    this.store.endDrag();
  }

  /** Escape during a drag: the neurons go back and no undo step is left. */
  cancelDrag(): void {
    this.store.cancelDrag();
  }

  /** Fold the following edits into one undo step (a slider held down, a multi-part edit), until endBatch. */
  beginBatch(label: string): void {
    this.store.beginBatch(label);
  }

  endBatch(): void {
    this.store.endBatch();
  }

  /** Undo everything since beginBatch and leave no undo step. */
  cancelBatch(): void {
    this.store.cancelBatch();
  }

  undo(): boolean {
    return this.store.undo();
  }

  redo(): boolean {
    return this.store.redo();
  }

  canUndo(): boolean {
    return this.store.canUndo();
  }

  canRedo(): boolean {
    return this.store.canRedo();
  }

  /** What Undo would undo ("Move 3 neurons"), for a menu item or tooltip. */
  undoLabel(): string | undefined {
    return this.store.undoLabel();
  }

  redoLabel(): string | undefined {
    return this.store.redoLabel();
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
    const doc: CircuitDoc = { ...this.doc, editor: { ...this.doc.editor, view: { ...this.viewport } } };
    return serializeCircuit(circuitFromDoc(doc, this.fileName, this.models));
  }

  /** Remember the current document as saved (after writing it to a file). */
  markSaved(): void {
    this.store.markSaved();
  }

  /** Whether the document differs from the one last opened or marked saved. */
  isDirty(): boolean {
    return this.store.isDirty();
  }

  // ---------------------------------------------------------------- selection (selection.ts)

  select(target: { neurons?: Iterable<string>; synapses?: Iterable<SynapseKey> }, mode: SelectMode = 'replace'): void {
    this.selection_.select(target, mode);
  }

  /** Box select: the neurons whose centres lie in rect (graph coordinates). */
  selectInRect(rect: Rect, mode: SelectMode = 'replace'): void {
    this.selection_.selectInRect(rect, mode);
  }

  selectAll(): void {
    this.selection_.selectAll();
  }

  clearSelection(): void {
    this.selection_.clear();
  }

  // ---------------------------------------------------------------- viewport (viewport.ts)

  /** The canvas size in px (call on resize); fits and zooms use it. */
  setScreenSize(width: number, height: number): void {
    this.camera.setScreenSize(width, height);
  }

  setViewport(v: Viewport): void {
    this.camera.set(v);
  }

  /** Pan by a drag of (dx, dy) screen px. */
  panBy(dx: number, dy: number): void {
    this.camera.panBy(dx, dy);
  }

  /** Zoom by factor around a screen point (the pointer; default the centre). */
  zoomAt(factor: number, screenPoint?: Point): void {
    this.camera.zoomAt(factor, screenPoint);
  }

  /** F: show every neuron. */
  zoomToFit(): void {
    this.camera.zoomToFit();
  }

  /** Centre the view on a neuron (a search result). */
  centerOn(id: string): void {
    const n = this.neuron(id);
    if (n?.position) this.camera.centerOn(n.position);
  }

  /** Minimap geometry for a minimap of mapSize px. */
  minimap(mapSize: ScreenSize): MinimapGeometry {
    return this.camera.minimap(mapSize);
  }

  // ---------------------------------------------------------------- internals

  private apply<T>(label: string, op: (doc: CircuitDoc) => ops.Op<T>, opts: ApplyOptions<T> = {}): Result<T> {
    return this.store.apply(label, op, opts);
  }

  private open(circuit: Circuit, label: string): void {
    const doc = this.withPositions(deepFreeze(circuit.doc));
    this.store.open(circuit, doc, label);
    this.camera.replace(doc.editor?.view ?? this.camera.fit());
    this.subject.next({ kind: 'viewport', label: 'View', simulation: false });
  }

  /** Give neurons without a position one: all of them by the layered layout, or a few below the rest. */
  private withPositions(doc: CircuitDoc): CircuitDoc {
    const missing = doc.neurons.filter((n) => !n.position);
    if (missing.length === 0) return doc;
    const placed = layeredLayout(missing, doc.synapses ?? [], { aspect: this.camera.aspect() });
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
}
