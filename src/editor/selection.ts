/**
 * The editor's selection (tldraw keeps its selection in a manager of its own):
 * which neurons and synapses are selected, always only ones the document has.
 * Selecting notifies through `changed`; an edit that changes the document sets
 * the selection with `replace` and notifies itself.
 */
import type { CircuitDoc } from '../circuits/types';
import { synapseKey } from './ids';
import type { Rect, Selection, SelectMode, SynapseKey } from './types';

export const EMPTY_SELECTION: Selection = { neurons: new Set(), synapses: new Set() };

export class SelectionManager {
  private sel: Selection = EMPTY_SELECTION;

  constructor(
    private readonly doc: () => CircuitDoc,
    private readonly nodesInRect: (rect: Rect) => string[],
    private readonly changed: (label: string) => void,
  ) {}

  get value(): Selection {
    return this.sel;
  }

  /** Sets the selection as an edit leaves it (no notification: the edit notifies). */
  replace(s: Selection): void {
    this.sel = s;
  }

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
    this.set({ neurons: combine(this.sel.neurons, neurons), synapses: combine(this.sel.synapses, synapses) }, 'Select');
  }

  /** Box select: the neurons whose centres lie in rect (graph coordinates). */
  selectInRect(rect: Rect, mode: SelectMode = 'replace'): void {
    this.select({ neurons: this.nodesInRect(rect) }, mode);
  }

  selectAll(): void {
    const d = this.doc();
    this.set({ neurons: new Set(d.neurons.map((n) => n.id)), synapses: new Set((d.synapses ?? []).map(synapseKey)) }, 'Select all');
  }

  clear(): void {
    this.set(EMPTY_SELECTION, 'Select none');
  }

  /** The part of a selection the document still has. */
  existing(s: Selection): Selection {
    if (s.neurons.size === 0 && s.synapses.size === 0) return s;
    const d = this.doc();
    const ids = new Set(d.neurons.map((n) => n.id));
    const keys = s.synapses.size > 0 ? new Set((d.synapses ?? []).map(synapseKey)) : new Set<string>();
    const neurons = [...s.neurons].filter((id) => ids.has(id));
    const synapses = [...s.synapses].filter((k) => keys.has(k));
    if (neurons.length === s.neurons.size && synapses.length === s.synapses.size) return s;
    return { neurons: new Set(neurons), synapses: new Set(synapses) };
  }

  private set(s: Selection, label: string): void {
    const next = this.existing(s);
    const same = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));
    if (same(next.neurons, this.sel.neurons) && same(next.synapses, this.sel.synapses)) return;
    this.sel = next;
    this.changed(label);
  }
}
