import { importConnectome, type ConnectomeTable } from '../../src/circuits/connectome';
import type { EditorModel, Point } from '../../src/editor';
import { withoutPositions } from '../../src/editor/templates';
import { download } from '../download';
import { downloadRecording, type PlayRecorder } from '../recording';
import { loadWholeWorm, WHOLE_WORM_FILE, WHOLE_WORM_NAME } from '../whole-worm';
import type { Dialogs } from './dialogs';
import { button, h } from './dom';

/**
 * The editor's files and clipboard: Save (a download), Open, connectome
 * import, copying the circuit as text and pasting text. A file that fails is
 * refused with its problems in a dialog, and the work stays as it was.
 */
export class EditorFiles {
  constructor(
    private readonly model: EditorModel,
    private readonly dialogs: Dialogs,
    private readonly status: (text: string) => void,
    private readonly hoverGraph: () => Point | null,
  ) {}

  save(): void {
    const text = this.model.exportText();
    const name = /\.json$/i.test(this.model.fileName) ? this.model.fileName : `${this.model.fileName}.json`;
    download(name, text, 'application/json');
    this.model.markSaved();
    this.status(`Saved ${name}`);
  }

  async open(f: File): Promise<void> {
    let text: string;
    try {
      text = await f.text();
    } catch (e) {
      this.dialogs.showError(`Could not read ${f.name}`, (e as Error).message);
      return;
    }
    const r = this.model.importText(text, f.name);
    if (r.ok) {
      this.model.markSaved();
      this.status(`Opened ${f.name}`);
    } else {
      this.status(`Could not open ${f.name}: your circuit is unchanged`);
      this.dialogs.showError(`Could not open ${f.name}`, r.message);
    }
  }

  async importTables(files: File[]): Promise<void> {
    this.status(`Importing ${files.map((f) => f.name).join(', ')}…`);
    try {
      const tables: ConnectomeTable[] = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
      const t0 = performance.now();
      const res = importConnectome(tables);
      const name = `${files[0].name.replace(/\.csv$/i, '')}.json`;
      const r = this.model.load(res.circuit.doc, name);
      if (!r.ok) {
        this.dialogs.showError('The imported circuit is not valid', r.message);
        return;
      }
      this.model.zoomToFit();
      const s = res.summary;
      this.status(
        `Imported ${this.model.doc.neurons.length} neurons, ${s.chemicalSynapses} chemical synapses, ${s.gapJunctions} gap junctions in ${Math.round(performance.now() - t0)} ms` +
          (res.warnings.length ? ` (${res.warnings.length} warnings)` : ''),
      );
    } catch (e) {
      this.dialogs.showError('Could not import the connectome', (e as Error).message);
      this.status('Import failed: your circuit is unchanged');
    }
  }

  async copyCircuit(): Promise<void> {
    const text = this.model.exportText();
    try {
      await navigator.clipboard.writeText(text);
      this.status('Copied the circuit to the clipboard');
    } catch {
      this.dialogs.showText('Copy this circuit', text);
    }
  }

  pasteDialog(): void {
    const area = h('textarea', { 'aria-label': 'Circuit text', placeholder: 'Paste a circuit file or copied neurons here' });
    const err = h('div', { class: 'nwe-err' });
    const close = this.dialogs.modal(
      h('div', { class: 'nwe-h', text: 'Paste a circuit' }),
      h('div', { class: 'nwe-dim', text: 'A whole circuit file opens as a new circuit (undoable); copied neurons are added to this one.' }),
      area,
      err,
      h(
        'div',
        {},
        button('Add to this circuit', () => {
          const at = this.hoverGraph();
          const r = this.model.paste(area.value, at ? { at } : {});
          if (r.ok) close();
          else err.textContent = r.message;
        }),
        ' ',
        button('Open as the circuit', () => {
          const r = this.model.importText(area.value, 'pasted.json');
          if (r.ok) close();
          else err.textContent = r.message;
        }),
        ' ',
        button('Cancel', () => close()),
      ),
    );
    setTimeout(() => area.focus(), 0);
  }

  /** The whole connectome (loaded once per visit), laid out by the editor; undoable like any open. */
  async openWholeWorm(): Promise<void> {
    this.status('Loading the whole worm (302 neurons) from the published tables…');
    const t0 = performance.now();
    let doc: unknown;
    try {
      doc = withoutPositions((await loadWholeWorm()).doc);
    } catch (e) {
      this.dialogs.showError('Could not load the whole worm', (e as Error).message);
      return;
    }
    const r = this.model.load(doc, WHOLE_WORM_FILE);
    if (!r.ok) {
      this.dialogs.showError('Could not open the whole worm', r.message);
      return;
    }
    this.model.zoomToFit();
    const m = this.model.doc;
    this.status(
      `${WHOLE_WORM_NAME}: ${m.neurons.length} neurons, ${m.synapses?.length ?? 0} synapses (${Math.round(performance.now() - t0)} ms; Ctrl+Z goes back). It crawls and backs away from a gentle nose touch, not yet from a body or tail touch: explore its wiring, / finds a neuron`,
    );
  }

  /** Downloads what the player did to the live worm since it was last rebuilt, with the circuit file it ran. */
  exportRecording(recorder: PlayRecorder | null): void {
    if (!recorder) return;
    const said = downloadRecording(recorder, { name: this.model.fileName, text: this.model.exportText() });
    this.status(`${said.title}: ${said.detail}`);
  }
}
