import type { SearchHit, Template } from '../../src/editor';
import { button, h } from './dom';

export interface ToolbarActions {
  templates: readonly Template[];
  loadTemplate(t: Template): void;
  /** Circuits that load on demand (the whole worm), listed after the templates. */
  loaders: readonly { id: string; name: string; open(): void }[];
  openFile(f: File): void;
  importTables(files: File[]): void;
  save(): void;
  copy(): void;
  paste(): void;
  undo(): void;
  redo(): void;
  fit(): void;
  layout(): void;
  test(): void;
  /** Opens or closes the Evolve panel. */
  evolve(): void;
  play(): void;
  /** What Play says (a challenge's circuit starts the challenge). */
  playLabel: string;
  /** Opens the autosaves that failed to restore (the button shows only while there are some). */
  keptSaves(): void;
  search(query: string, limit: number): SearchHit[];
  goTo(id: string): void;
}

/**
 * The editor's toolbar (HTML): templates, files, clipboard, undo/redo, view,
 * search, Test it, Play (a row that wraps in narrow windows), and under it
 * the status line.
 */
export class Toolbar {
  readonly el: HTMLDivElement;
  readonly status: HTMLDivElement;
  readonly undo: HTMLButtonElement;
  readonly redo: HTMLButtonElement;
  readonly searchInput: HTMLInputElement;
  private readonly hits: HTMLDivElement;
  private readonly openInput: HTMLInputElement;
  private readonly keptButton: HTMLButtonElement;

  constructor(private readonly a: ToolbarActions) {
    const newSel = h(
      'select',
      { 'aria-label': 'New circuit from template', title: 'Start from a template (undoable)', style: 'width: 72px' },
      h('option', { value: '', text: 'New…' }),
      ...a.templates.map((t) => h('option', { value: t.id, text: t.name })),
      ...a.loaders.map((l) => h('option', { value: l.id, text: l.name })),
    );
    newSel.addEventListener('change', () => {
      const t = a.templates.find((x) => x.id === newSel.value);
      const l = a.loaders.find((x) => x.id === newSel.value);
      newSel.value = '';
      newSel.blur(); // arrow keys must not pick another template
      if (t) a.loadTemplate(t);
      else l?.open();
    });
    this.openInput = h('input', { type: 'file', accept: '.json,application/json', style: 'display:none', 'data-testid': 'open-file' });
    const openInput = this.openInput;
    openInput.addEventListener('change', () => {
      const f = openInput.files?.[0];
      openInput.value = '';
      if (f) a.openFile(f);
    });
    const csvInput = h('input', { type: 'file', accept: '.csv,text/csv', multiple: true, style: 'display:none', 'data-testid': 'connectome-file' });
    csvInput.addEventListener('change', () => {
      const files = [...(csvInput.files ?? [])];
      csvInput.value = '';
      if (files.length) a.importTables(files);
    });
    this.undo = button('↶ Undo', () => a.undo(), 'Undo (Ctrl+Z)');
    this.redo = button('↷ Redo', () => a.redo(), 'Redo (Ctrl+Shift+Z)');
    this.searchInput = h('input', { type: 'search', placeholder: 'Find neuron (/)', 'aria-label': 'Find neuron', style: 'width: 100px' });
    this.hits = h('div', { class: 'nwe-hits', style: 'display:none' });
    this.searchInput.addEventListener('input', () => this.showHits());
    this.searchInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        const first = a.search(this.searchInput.value, 1)[0];
        if (first) this.goTo(first.id);
      } else if (e.key === 'Escape') {
        this.searchInput.value = '';
        this.showHits();
        this.searchInput.blur();
      }
    });
    this.status = h('div', { class: 'nwe-status', 'data-testid': 'status', role: 'status' });
    this.keptButton = button('Kept saves', () => a.keptSaves(), 'Autosaves that could not be restored, kept apart: download or read them');
    this.keptButton.style.display = 'none';
    const bar = h(
      'div',
      { class: 'nwe-bar' },
      newSel,
      button('Open…', () => openInput.click(), 'Open a circuit file (Ctrl+O)'),
      button('Save', () => a.save(), 'Save the circuit file (Ctrl+S)'),
      button('Copy', () => a.copy(), 'Copy the whole circuit to the clipboard as text'),
      button('Paste…', () => a.paste(), 'Paste a circuit (or part of one) from text'),
      button('Connectome…', () => csvInput.click(), 'Import a connectome wiring table (CSV: Cook 2019 edge list, White/Varshney, or generic)'),
      this.undo,
      this.redo,
      button('Fit', () => a.fit(), 'Zoom to fit (F)'),
      button('Layout', () => a.layout(), 'Automatic layout: sensory → inter → motor'),
      h('span', { class: 'nwe-search' }, this.searchInput, this.hits),
      button('Test it', () => a.test(), 'Run the built-in reflex scenarios on this circuit', 'primary'),
      button('Evolve', () => a.evolve(), 'Evolve the selected weights toward a goal (E)'),
      button(a.playLabel, () => a.play(), 'Run this circuit in the playground'),
      this.keptButton,
      openInput,
      csvInput,
    );
    // The status has a line of its own under the buttons and wraps rather than being cut.
    this.el = h('div', { class: 'nwe-toolbar', 'data-testid': 'toolbar' }, bar, this.status);
  }

  /** Shows how many autosaves are kept apart (the button hides at none). */
  setKept(count: number): void {
    this.keptButton.textContent = `⚠ Kept saves (${count})`;
    this.keptButton.style.display = count > 0 ? '' : 'none';
  }

  /** Ctrl+O: the file picker. */
  pickFile(): void {
    this.openInput.click();
  }

  private goTo(id: string): void {
    this.a.goTo(id);
    this.searchInput.value = '';
    this.showHits();
    this.searchInput.blur();
  }

  private showHits(): void {
    const q = this.searchInput.value.trim();
    const hits = q ? this.a.search(q, 8) : [];
    this.hits.style.display = hits.length ? '' : 'none';
    this.hits.replaceChildren(
      ...hits.map((hit) =>
        h('div', {
          text: hit.id,
          onmousedown: (e: Event) => {
            e.preventDefault();
            this.goTo(hit.id);
          },
        }),
      ),
    );
  }
}
