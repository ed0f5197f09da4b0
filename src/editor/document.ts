/**
 * The editor's working document with its undo history (tldraw keeps its
 * store apart from its managers): every edit is a pure function from document
 * to document (doc-ops.ts), checked, then validated whole with circuitFromDoc,
 * then recorded as one undo step with the selection and file name it leaves;
 * a refused edit changes nothing and returns the reason, so the document is
 * valid at all times. Moves change positions only (finite numbers, checked),
 * so they skip the validation and stay cheap on every pointer move of a drag.
 */
import { circuitFromDoc } from '../circuits/circuit';
import { CircuitError } from '../circuits/errors';
import type { Circuit, CircuitDoc, ModelTable } from '../circuits/types';
import type * as ops from './doc-ops';
import { setPositions } from './doc-ops';
import { History, type HistoryEntry, type Snapshot } from './history';
import { EMPTY_SELECTION, type SelectionManager } from './selection';
import type { EditorChange, Point, Result, Selection } from './types';

export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  else for (const k of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[k]);
  return value;
}

export interface ApplyOptions<T> {
  /** Only positions change: no validation, the network is untouched. */
  positionsOnly?: boolean;
  /** false for edits that cannot change the network, its bindings or the warnings (the title). */
  simulation?: boolean;
  /** The selection the edit leaves. */
  select?: (value: T) => Selection;
  /** The file name the edit leaves (a rename the file follows). */
  fileName?: string;
}

export class EditorDocument {
  private readonly history: History;
  private current: CircuitDoc;
  private name: string;
  private savedDoc: CircuitDoc;
  /** Bumped whenever anything but positions or the title changed: warnings are kept per value. */
  private structure_ = 0;
  private circuitMemo: { doc: CircuitDoc; circuit: Circuit } | undefined;
  private drag: { start: Map<string, Point> } | undefined;

  constructor(
    private readonly models: ModelTable,
    start: { doc: CircuitDoc; circuit: Circuit; fileName: string },
    historyLimit: number,
    private readonly selection: SelectionManager,
    private readonly emit: (c: EditorChange) => void,
  ) {
    this.history = new History(historyLimit);
    this.current = start.doc;
    this.name = start.fileName;
    if (start.doc === start.circuit.doc) this.circuitMemo = { doc: start.doc, circuit: start.circuit };
    this.savedDoc = start.doc;
  }

  get doc(): CircuitDoc {
    return this.current;
  }

  get fileName(): string {
    return this.name;
  }

  get structure(): number {
    return this.structure_;
  }

  /** The document as a validated Circuit (what the simulation runs). Cached until the next edit. */
  circuit(): Circuit {
    if (this.circuitMemo?.doc !== this.current) this.circuitMemo = { doc: this.current, circuit: circuitFromDoc(this.current, this.name, this.models) };
    return this.circuitMemo.circuit;
  }

  /**
   * Run an edit: check and apply it, validate the new document (unless only
   * positions changed), record one undo step, update the selection, notify.
   */
  apply<T>(label: string, op: (doc: CircuitDoc) => ops.Op<T>, opts: ApplyOptions<T> = {}): Result<T> {
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
    if (simulation) this.structure_++;
    let selection = opts.select ? opts.select(r.value) : this.selection.value;
    if (simulation) selection = this.selection.existing(selection);
    this.selection.replace(selection);
    this.history.push({ label, before, after: this.snapshot(), simulation });
    this.emit({ kind: 'doc', label, simulation });
    return { ok: true, value: r.value };
  }

  /** Open a validated circuit (its document already given positions) as one undoable step. */
  open(circuit: Circuit, doc: CircuitDoc, label: string): void {
    const entry: HistoryEntry = { label, before: this.snapshot(), after: { doc, fileName: circuit.fileName, selection: EMPTY_SELECTION }, simulation: true };
    this.drag = undefined;
    this.history.end();
    this.history.push(entry);
    this.current = doc;
    if (doc === circuit.doc) this.circuitMemo = { doc, circuit };
    this.name = circuit.fileName;
    this.selection.replace(EMPTY_SELECTION);
    this.savedDoc = doc;
    this.structure_++;
    this.emit({ kind: 'doc', label, simulation: true });
  }

  // ---------------------------------------------------------------- drags and batches

  /** Start dragging neurons from these positions. Until endDrag, every dragTo is part of one undo step. */
  beginDrag(start: Map<string, Point>, label: string): void {
    this.history.begin(label);
    this.drag = { start };
  }

  dragTo(dx: number, dy: number): Result {
    if (!this.drag) return { ok: false, message: 'no drag in progress: call beginDrag first' };
    const positions = new Map<string, Point>();
    for (const [id, p] of this.drag.start) positions.set(id, { x: p.x + dx, y: p.y + dy });
    return this.apply('Move', (d) => setPositions(d, positions), { positionsOnly: true });
  }

  endDrag(): void {
    this.drag = undefined;
    this.history.end();
  }

  cancelDrag(): void {
    this.drag = undefined;
    this.cancelBatch();
  }

  beginBatch(label: string): void {
    this.drag = undefined;
    this.history.begin(label);
  }

  endBatch(): void {
    this.history.end();
  }

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

  undoLabel(): string | undefined {
    return this.history.undoLabel();
  }

  redoLabel(): string | undefined {
    return this.history.redoLabel();
  }

  markSaved(): void {
    this.savedDoc = this.current;
  }

  isDirty(): boolean {
    return this.current !== this.savedDoc;
  }

  private snapshot(): Snapshot {
    return { doc: this.current, fileName: this.name, selection: this.selection.value };
  }

  private restore(s: Snapshot, label: string, simulation: boolean): void {
    this.current = s.doc;
    this.name = s.fileName;
    this.selection.replace(this.selection.existing(s.selection));
    this.structure_++;
    this.emit({ kind: 'doc', label, simulation });
  }
}
