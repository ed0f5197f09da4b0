import { withLearnedWeights } from '../../src/circuits/learned';
import { printJson } from '../../src/circuits/print-json';
import { type EditorModel, synapseKey, type SynapseKey } from '../../src/editor';
import { download } from '../download';
import type { LiveWorm } from './LiveWorm';

/**
 * What the live worm learned, for the editor: its plastic synapses' weights
 * now (read once per frame, by synapse key, for the graph's line widths and
 * the inspector's readout), written into the circuit as one undo step, or
 * saved as a file beside the circuit (the engine's withLearnedWeights).
 */
export class LearnedWeights {
  private frame = -1;
  private weights: Map<SynapseKey, number> | null = null;
  /** Whether the live worm runs the edited circuit (not the Evolve panel's best), so its weights belong to it. */
  ownWorm = true;

  constructor(
    private readonly model: EditorModel,
    private readonly live: LiveWorm,
    private readonly status: (text: string) => void,
  ) {}

  /** The running worm's plastic weights by synapse key (null: no worm, or it runs another circuit); one read per frame. */
  now(frame: number): ReadonlyMap<SynapseKey, number> | null {
    if (frame === this.frame) return this.weights;
    this.frame = frame;
    const sim = this.live.sim;
    if (!sim || !this.ownWorm) return (this.weights = null);
    const list = sim.plasticWeights();
    if (!list.length) return (this.weights = null);
    this.weights = new Map(list.map((w) => [synapseKey({ kind: 'chemical', from: w.from, to: w.to }), w.weight]));
    return this.weights;
  }

  private learnedDoc(): ReturnType<typeof withLearnedWeights> | null {
    const sim = this.live.sim;
    if (!sim || !this.ownWorm) {
      this.status('No worm runs this circuit: nothing was learned to keep');
      return null;
    }
    try {
      return withLearnedWeights(this.model.doc, sim.plasticWeights());
    } catch (e) {
      this.status(`Could not take the learned weights: ${(e as Error).message}`);
      return null;
    }
  }

  /** The learned weights become the circuit's (one undo step; the worm restarts from them). */
  keep(): void {
    const doc = this.learnedDoc();
    if (!doc) return;
    const r = this.model.replaceDoc(doc, 'Keep learned weights');
    this.status(r.ok ? 'The circuit now holds the learned weights (Ctrl+Z gives the old ones back)' : `Refused: ${r.message}`);
  }

  /** Downloads NAME-learned.json; the edited circuit is untouched. */
  save(): void {
    const doc = this.learnedDoc();
    if (!doc) return;
    const name = `${this.model.fileName.replace(/\.json$/i, '')}-learned.json`;
    download(name, `${printJson(doc)}\n`, 'application/json');
    this.status(`Saved ${name}: the circuit with the weights the worm learned`);
  }
}
