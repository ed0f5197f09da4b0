import { openFindBox } from '../ui/find-box';
import type { Toast } from '../ui/Toast';
import type { CircuitView } from '../view/circuit-view';
import type { NeuralView } from '../view/NeuralView';
import { type Oscilloscope, TRACE_COLORS } from '../view/Oscilloscope';

/** Which neurons a player might want on the oscilloscope first. */
const DEFAULT_PROBES = ['ALML', 'AVAL', 'AVBL', 'AVA', 'AVB', 'VA5', 'DB3'];

/** The neurons on the playground's oscilloscope (up to six), ringed in the neural view in their trace colours. */
export class Probes {
  private list: number[] = [];
  private view: CircuitView | null = null;

  constructor(
    private readonly scope: Oscilloscope,
    private readonly neural: NeuralView,
  ) {}

  /** A new circuit: the first four of the usual suspects it has (AVA, AVB…), else its first neuron. */
  setCircuit(view: CircuitView): void {
    this.view = view;
    const picks = DEFAULT_PROBES.map((id) => view.ids.indexOf(id)).filter((i) => i >= 0);
    this.list = picks.length ? picks.slice(0, 4) : [0];
    this.apply();
  }

  has(i: number): boolean {
    return this.list.includes(i);
  }

  /** On if off, off if on; a seventh pushes out the oldest. */
  toggle(i: number): void {
    const k = this.list.indexOf(i);
    if (k >= 0) this.list.splice(k, 1);
    else {
      this.list.push(i);
      if (this.list.length > TRACE_COLORS.length) this.list.shift();
    }
    this.apply();
  }

  /** A search field over the neural view: the neuron found goes on the oscilloscope and into focus. Returns its closer. */
  find(ids: readonly string[], toast: Toast): () => void {
    const r = this.neural.bounds;
    return openFindBox(
      { x: r.x + r.w - 230, y: r.y + 6, w: 220 },
      ids,
      (id) => {
        const i = ids.indexOf(id);
        if (!this.has(i)) this.toggle(i);
        this.neural.setFocus(i);
        toast.announce({ title: `Found ${id}`, detail: 'on the oscilloscope; its synapses are lit' });
      },
      (text) => toast.announce({ title: text, kind: 'warn' }),
    );
  }

  private apply(): void {
    const ids = this.view?.ids ?? [];
    this.scope.setTraces(this.list.map((i, k) => ({ index: i, label: ids[i] ?? `#${i}`, color: TRACE_COLORS[k] })));
    this.neural.setPicked(
      this.list,
      this.list.map((_, k) => TRACE_COLORS[k]),
    );
  }
}
