/**
 * Undo/redo as a stack of (before, after) snapshots. Documents are immutable
 * and share what an edit did not change, so a snapshot costs only the lists
 * and entries the edit replaced, and undo restores the exact document.
 *
 * A batch (a drag, a slider held down) folds every edit made while it is open
 * into one step.
 */
import type { CircuitDoc } from '../circuits/types';
import type { Selection } from './types';

export interface Snapshot {
  doc: CircuitDoc;
  fileName: string;
  selection: Selection;
}

export interface HistoryEntry {
  label: string;
  before: Snapshot;
  after: Snapshot;
  /** Whether any edit in it could change the simulated network or its bindings. */
  simulation: boolean;
}

export class History {
  private readonly done: HistoryEntry[] = [];
  private readonly undone: HistoryEntry[] = [];
  /** Label of the open batch, and whether its entry is on top of `done` yet. */
  private batch: { label: string; entry?: HistoryEntry } | undefined;

  constructor(readonly limit = 500) {}

  push(entry: HistoryEntry): void {
    this.undone.length = 0;
    if (this.batch?.entry && this.done[this.done.length - 1] === this.batch.entry) {
      this.batch.entry.after = entry.after;
      this.batch.entry.simulation ||= entry.simulation;
      return;
    }
    if (this.batch) {
      entry = { ...entry, label: this.batch.label };
      this.batch.entry = entry;
    }
    this.done.push(entry);
    if (this.done.length > this.limit) this.done.splice(0, this.done.length - this.limit);
  }

  undo(): HistoryEntry | undefined {
    this.end();
    const e = this.done.pop();
    if (e) this.undone.push(e);
    return e;
  }

  redo(): HistoryEntry | undefined {
    this.end();
    const e = this.undone.pop();
    if (e) this.done.push(e);
    return e;
  }

  begin(label: string): void {
    this.end();
    this.batch = { label };
  }

  /** Close the open batch; returns its entry if it recorded any edit. */
  end(): HistoryEntry | undefined {
    const e = this.batch?.entry;
    this.batch = undefined;
    return e;
  }

  /** Close the open batch and forget its entry (the caller restores the document). */
  discardBatch(): HistoryEntry | undefined {
    const e = this.end();
    if (e && this.done[this.done.length - 1] === e) this.done.pop();
    return e;
  }

  get inBatch(): boolean {
    return this.batch !== undefined;
  }

  canUndo(): boolean {
    return this.done.length > 0;
  }

  canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Labels for menus: "Undo Move 3 neurons". */
  undoLabel(): string | undefined {
    return this.done[this.done.length - 1]?.label;
  }

  redoLabel(): string | undefined {
    return this.undone[this.undone.length - 1]?.label;
  }

  get size(): number {
    return this.done.length;
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
    this.batch = undefined;
  }
}
