import type Phaser from 'phaser';
import type { Subscription } from 'rxjs';
import { BUILTIN_CIRCUIT_NAMES, getBuiltinCircuit } from '../src/circuits/builtin';
import { importConnectome, type ConnectomeTable } from '../src/circuits/connectome';
import type { Circuit, Side } from '../src/circuits/types';
import { Autosave, EditorModel, restoreAutosave, templates, webStorage, type Point, type Template } from '../src/editor';
import { MODELS } from '../src/neural/models';
import type { ModelKind } from '../src/neural/types';
import { app } from './app';
import { BaseScene, HEADER_H } from './BaseScene';
import { BodyDiagram } from './editor/BodyDiagram';
import { h, installStyle, place } from './editor/dom';
import { GraphView, type Placing } from './editor/GraphView';
import { Inspector } from './editor/Inspector';
import { LiveWorm } from './editor/LiveWorm';
import { NEW_GAP_WEIGHT, NEW_MUSCLE_GAIN, NEW_SYNAPSE_WEIGHT, NEW_TOUCH_GAIN } from './editor/defaults';
import { writePlaygroundCircuit } from './editor/shared-circuit';
import { TestRunner } from './editor/test-it';
import { SCENES } from './keys';
import { browserStore } from './storage';
import { provideProbe } from './testing-hook';
import { TimeBar } from './ui/TimeBar';
import { css, palette } from './ui/theme';
import { Oscilloscope, TRACE_COLORS } from './view/Oscilloscope';
import { simulationScope } from './view/scope-sources';

/** Where the editor was opened from (Back returns there). */
export interface EditorSceneData {
  from?: string;
}

const PAD = 8;

/** The built-in circuits, loaded once (a broken one is left out with a console warning rather than breaking the editor). */
function builtinCircuits(): Circuit[] {
  const out: Circuit[] = [];
  for (const name of BUILTIN_CIRCUIT_NAMES) {
    try {
      out.push(getBuiltinCircuit(name));
    } catch (e) {
      console.warn(`neuroworm: built-in circuit ${name} not offered: ${(e as Error).message}`);
    }
  }
  return out;
}

function readFileText(file: File): Promise<string> {
  return file.text();
}

/**
 * The circuit editor (issue 7): the graph on a canvas in the middle, the
 * palette on the left, the inspector on the right, and the live worm running
 * the edited circuit below, with its body diagram (bindings), an
 * oscilloscope of probed neurons and the time controls. State lives in
 * EditorModel (src/editor); this scene draws it and forwards input.
 */
export class EditorScene extends BaseScene {
  private model!: EditorModel;
  private autosave!: Autosave;
  private graph!: GraphView;
  private live!: LiveWorm;
  private body!: BodyDiagram;
  private scope!: Oscilloscope;
  private timeBar!: TimeBar;
  private inspector!: Inspector;
  private tests!: TestRunner;
  private root!: HTMLDivElement;
  private toolbar!: HTMLDivElement;
  private palettePanel!: HTMLDivElement;
  private statusEl!: HTMLSpanElement;
  private undoBtn!: HTMLButtonElement;
  private redoBtn!: HTMLButtonElement;
  private probeList!: HTMLDivElement;
  private placeButtons = new Map<string, HTMLButtonElement>();
  private connectBtn!: HTMLButtonElement;
  private gapBtn!: HTMLButtonElement;
  private chemBtn!: HTMLButtonElement;
  private modelSelect!: HTMLSelectElement;
  private searchInput!: HTMLInputElement;
  private hitsEl!: HTMLDivElement;
  private subs: Subscription[] = [];
  private placing: Placing | null = null;
  private connectMode = false;
  private gapMode = false;
  private probes: string[] = [];
  private pendingRebuild = false;
  private clipboard = '';
  private hoverGraph: Point | null = null;
  private builtins: Circuit[] = [];
  private statusText = '';
  private store = browserStore();
  private fitted = false;
  private restoredView = false;

  constructor() {
    super(SCENES.editor);
  }

  protected build(data?: unknown): void {
    const from = (data as EditorSceneData | undefined)?.from;
    // Back returns to the playground or the challenges when opened from there (pass { from } to scene.start).
    this.backTo = from === SCENES.playground || from === SCENES.challenges ? from : SCENES.title;
    this.placing = null;
    this.connectMode = false;
    this.gapMode = false;
    this.probes = [];
    this.subs = [];
    this.placeButtons = new Map();
    this.fitted = false;
    this.addHeader('Circuit editor');
    this.builtins = builtinCircuits();

    // The model: the autosave if there is one, else the first built-in circuit, else a blank one.
    const kv = webStorage(this.store);
    const saved = restoreAutosave(kv, MODELS);
    const first = this.builtins[0];
    this.model = new EditorModel({
      models: MODELS,
      screen: { width: 800, height: 500 },
      doc: saved.restored?.circuit.doc ?? first?.doc,
      fileName: saved.restored?.fileName ?? (first ? first.fileName.replace(/^.*\//, '') : 'circuit.json'),
      ...(saved.restored?.viewport && { viewport: saved.restored.viewport }),
    });
    this.restoredView = !!saved.restored?.viewport;
    if (!saved.restored) this.model.markSaved();
    this.autosave = new Autosave(this.model, kv);
    const flush = (): void => {
      this.autosave.flush();
    };
    window.addEventListener('pagehide', flush);
    this.onShutdown(() => {
      window.removeEventListener('pagehide', flush);
      this.autosave.flush();
      this.autosave.dispose();
    });

    this.buildDom();
    this.graph = new GraphView(this, this.model, {
      placing: () => this.placing,
      place: (p, keep) => this.placeNeuron(p, keep),
      connectMode: () => this.connectMode,
      gapMode: () => this.gapMode,
      connect: (a, b, gap) => this.connect(a, b, gap),
      activity: () => {
        const sim = this.live.sim;
        if (!sim) return null;
        const t = sim.telemetry();
        return { ids: sim.neuronIds, output: t.output, v: t.v };
      },
      status: (t) => this.setStatus(t),
      probe: (id) => this.toggleProbe(id),
    });
    this.live = new LiveWorm(this, 20);
    this.body = new BodyDiagram(this, {
      focus: () => this.focusNeuron(),
      bind: (a, b, side) => this.bindRange(a, b, side),
      muscles: () => (this.live.sim ? { values: this.live.sim.telemetry().muscles, segments: this.live.sim.segments } : null),
    });
    this.scope = new Oscilloscope(this, {
      windowMs: 5000,
      unit: 'mV',
      range: 'auto',
      title: 'Oscilloscope · membrane potential',
      depth: 20,
      emptyText: 'Double-click a neuron to probe it',
    });
    this.timeBar = new TimeBar(this, {
      onPauseChange: (paused) => this.live.setPaused(paused),
      onStep: () => this.live.step(),
      onSpeedChange: (s) => (this.live.speed = s),
    }).setDepth(30);
    this.onShutdown(this.timeBar.bindShortcuts(app().shortcuts, this.scene.key));
    this.tests = new TestRunner(
      this.root,
      () => this.model.circuit(),
      (t) => this.setStatus(t),
    );
    this.onShutdown(() => this.tests.dispose());

    this.subs.push(
      this.model.changes$.subscribe((c) => {
        if (c.kind !== 'viewport') this.inspector.refresh();
        this.updateButtons();
        if (c.kind === 'doc') {
          this.setStatus(c.label);
          if (c.simulation) {
            this.pendingRebuild = true;
            // The playground runs what the player edits (opening the editor alone changes nothing there).
            writePlaygroundCircuit(this.store, this.model.exportText());
          }
        }
      }),
      this.autosave.status$.subscribe((s) => {
        if (s.state === 'error') this.setStatus(s.message);
      }),
    );
    this.onShutdown(() => this.subs.forEach((s) => s.unsubscribe()));
    this.rebuildWorm();
    this.inspector.refresh();
    this.updateButtons();
    this.bindKeys();
    this.provideHook();
    this.setStatus(saved.restored ? `Restored your circuit from the autosave (${new Date(saved.restored.savedAt).toLocaleTimeString()})` : 'Ready');
    if (saved.skipped.length) this.setStatus(`Restored an older autosave; ${saved.skipped.length} newer one(s) were damaged`);
  }

  // ---------------------------------------------------------------- DOM

  private button(text: string, onclick: () => void, title = '', cls = ''): HTMLButtonElement {
    return h('button', { text, title: title || undefined, class: cls || undefined, onclick: () => onclick() });
  }

  private buildDom(): void {
    installStyle();
    this.root = h('div', { class: 'nwe-root', 'data-testid': 'editor-root' });
    document.body.append(this.root);
    this.onShutdown(() => this.root.remove());

    // Toolbar.
    const tpl = templates(this.builtins);
    const newSel = h(
      'select',
      { 'aria-label': 'New circuit from template', title: 'Start from a template (undoable)' },
      h('option', { value: '', text: 'New…' }),
      ...tpl.map((t) => h('option', { value: t.id, text: t.name })),
    );
    newSel.addEventListener('change', () => {
      const t = tpl.find((x) => x.id === newSel.value);
      newSel.value = '';
      newSel.blur(); // arrow keys must not pick another template
      if (t) this.loadTemplate(t);
    });
    const openInput = h('input', { type: 'file', accept: '.json,application/json', style: 'display:none', 'data-testid': 'open-file' });
    openInput.addEventListener('change', () => {
      const f = openInput.files?.[0];
      openInput.value = '';
      if (f) void this.openFile(f);
    });
    const csvInput = h('input', { type: 'file', accept: '.csv,text/csv', multiple: true, style: 'display:none', 'data-testid': 'connectome-file' });
    csvInput.addEventListener('change', () => {
      const files = [...(csvInput.files ?? [])];
      csvInput.value = '';
      if (files.length) void this.importTables(files);
    });
    this.undoBtn = this.button('↶ Undo', () => this.undo(), 'Undo (Ctrl+Z)');
    this.redoBtn = this.button('↷ Redo', () => this.redo(), 'Redo (Ctrl+Shift+Z)');
    this.searchInput = h('input', { type: 'search', placeholder: 'Find neuron (/)', 'aria-label': 'Find neuron', style: 'width: 150px' });
    this.hitsEl = h('div', { class: 'nwe-hits', style: 'display:none' });
    this.searchInput.addEventListener('input', () => this.showHits());
    this.searchInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        const first = this.model.search(this.searchInput.value, 1)[0];
        if (first) this.goTo(first.id);
      } else if (e.key === 'Escape') {
        this.searchInput.value = '';
        this.showHits();
        this.searchInput.blur();
      }
    });
    this.statusEl = h('span', { class: 'nwe-status', 'data-testid': 'status' });
    this.toolbar = h(
      'div',
      { class: 'nwe-bar', 'data-testid': 'toolbar' },
      newSel,
      this.button('Open…', () => openInput.click(), 'Open a circuit file (Ctrl+O)'),
      this.button('Save', () => this.save(), 'Save the circuit file (Ctrl+S)'),
      this.button('Copy', () => void this.exportClipboard(), 'Copy the whole circuit to the clipboard as text'),
      this.button('Paste…', () => this.importClipboardDialog(), 'Paste a circuit (or part of one) from text'),
      this.button('Connectome…', () => csvInput.click(), 'Import a connectome wiring table (CSV: Cook 2019 edge list, White/Varshney, or generic)'),
      this.undoBtn,
      this.redoBtn,
      this.button('Fit', () => this.model.zoomToFit(), 'Zoom to fit (F)'),
      this.button('Layout', () => this.layout_(), 'Automatic layout: sensory → inter → motor'),
      h('span', { class: 'nwe-search' }, this.searchInput, this.hitsEl),
      this.button('Test it', () => void this.tests.run(), 'Run the built-in reflex scenarios on this circuit', 'primary'),
      this.button('Play ▶', () => this.toPlayground(), 'Run this circuit in the playground'),
      this.statusEl,
      openInput,
      csvInput,
    );

    // Palette.
    this.modelSelect = h(
      'select',
      { 'aria-label': 'Model of new neurons', style: 'width: 100%' },
      ...(Object.keys(MODELS) as ModelKind[]).map((k) => h('option', { value: k, text: k, selected: k === 'graded' })),
    );
    const roles: { role: Placing['role']; label: string; color: number }[] = [
      { role: 'sensory', label: 'Sensory neuron', color: palette.sensory },
      { role: 'inter', label: 'Interneuron', color: palette.inter },
      { role: 'motor', label: 'Motor neuron', color: palette.motor },
    ];
    const roleButtons = roles.map((r) => {
      const b = h(
        'button',
        { 'data-place': r.role, title: `Then click the canvas to place it (Shift+click: place several)` },
        h('span', { class: 'nwe-chip', style: `background:${css(r.color)}` }),
        `+ ${r.label}`,
      );
      b.addEventListener('click', () => this.arm(this.placing?.role === r.role ? null : r.role));
      this.placeButtons.set(r.role, b);
      return b;
    });
    this.chemBtn = this.button('→ Chemical synapse', () => this.setGap(false), 'Drags between neurons make chemical synapses (arrows)');
    this.gapBtn = this.button('⇢ Gap junction', () => this.setGap(true), 'Drags between neurons make gap junctions (dashed, no head); Alt flips it');
    this.connectBtn = this.button(
      'Connect tool (C)',
      () => this.setConnectMode(!this.connectMode),
      'Every drag from a neuron connects (otherwise drag from its rim)',
    );
    this.probeList = h('div', { class: 'nwe-dim' });
    const legend = (color: number, text: string, dashed = false): HTMLElement =>
      h(
        'div',
        {},
        h('span', { style: `display:inline-block;width:22px;border-top:3px ${dashed ? 'dashed' : 'solid'} ${css(color)};margin-right:6px;vertical-align:3px` }),
        text,
      );
    this.palettePanel = h(
      'div',
      { class: 'nwe-panel', 'data-testid': 'palette' },
      h('div', { class: 'nwe-h', text: 'Palette' }),
      h('div', { class: 'nwe-sub', text: 'Add neuron' }),
      this.modelSelect,
      h('div', { class: 'nwe-stack', style: 'margin-top:6px' }, ...roleButtons),
      h('div', { class: 'nwe-sub', text: 'Connect' }),
      h('div', { class: 'nwe-stack' }, this.chemBtn, this.gapBtn, this.connectBtn),
      h('div', { class: 'nwe-sub', text: 'Live worm' }),
      h(
        'div',
        { class: 'nwe-stack' },
        this.button('Touch head', () => this.live.poke(0.05, 'gentle'), 'Gentle touch at the nose'),
        this.button('Touch tail', () => this.live.poke(0.92, 'gentle'), 'Gentle touch near the tail'),
        this.button('Harsh poke head', () => this.live.poke(0.05, 'harsh'), 'A harsh poke at the nose'),
        this.button('Tap plate', () => this.live.sim?.tapPlate(), 'Vibrate the plate'),
        this.button('Restart worm', () => this.rebuildWorm(true), 'A fresh worm at the start'),
      ),
      h('div', { class: 'nwe-sub', text: 'Probes' }),
      this.probeList,
      h('div', { class: 'nwe-sub', text: 'Legend' }),
      legend(palette.excitatory, 'excitatory (arrow)'),
      legend(palette.inhibitory, 'inhibitory (bar end)'),
      legend(palette.gap, 'gap junction', true),
      h('div', { class: 'nwe-warn', text: '⚠ warning (see inspector)' }),
    );
    this.setGap(false);

    this.inspector = new Inspector(this.model, {
      probe: (id) => this.toggleProbe(id),
      isProbed: (id) => this.probes.includes(id),
      status: (t) => this.setStatus(t),
    });
    this.root.append(this.toolbar, this.palettePanel, this.inspector.el);
  }

  // ---------------------------------------------------------------- layout

  protected layout(width: number, height: number): void {
    // The toolbar wraps onto a second row in narrow windows; everything below starts under it.
    place(this.toolbar, PAD, HEADER_H + PAD, width - 2 * PAD, 36);
    this.toolbar.style.height = 'auto';
    const top = HEADER_H + PAD + Math.max(36, this.toolbar.offsetHeight) + PAD;
    const palW = width >= 1100 ? 190 : 160;
    const inspW = width >= 1200 ? 330 : width >= 900 ? 270 : 230;
    place(this.palettePanel, PAD, top, palW, height - top - PAD);
    place(this.inspector.el, width - PAD - inspW, top, inspW, height - top - PAD);
    const cx = PAD + palW + PAD;
    const cw = width - inspW - 2 * PAD - cx;
    const B = Math.max(200, Math.min(300, Math.round(height * 0.36)));
    const y0 = height - PAD - B;
    this.graph.setRect(cx, top, cw, y0 - PAD - top);
    const tb = this.timeBar.barHeight;
    // Narrow: the time bar gets its own row under the worm and the diagrams.
    const ownRow = cw < 700;
    const bh = ownRow ? B - tb - PAD : B;
    const lw = Math.round(Math.min(cw * 0.42, bh * 1.25));
    this.live.setRect(cx, y0, lw, bh);
    const rx = cx + lw + PAD;
    const rw = cw - lw - PAD;
    const bodyH = Math.min(100, Math.round(bh * 0.42));
    this.body.setRect(rx, y0, rw, bodyH);
    this.scope.setRect(rx, y0 + bodyH + PAD, rw, bh - bodyH - PAD - (ownRow ? 0 : tb + PAD));
    if (ownRow) this.timeBar.place(cx + cw / 2, height - PAD - tb / 2, cw);
    else this.timeBar.place(rx + rw / 2, height - PAD - tb / 2, rw);
    if (!this.fitted) {
      // The first layout knows the canvas size: show the whole circuit unless the autosave had a view.
      this.fitted = true;
      if (!this.restoredView) this.model.zoomToFit();
    }
  }

  override update(_time: number, delta: number): void {
    // The HTML panels sit above the canvas: hide them while the help overlay is drawn over the editor.
    const hidden = this.scene.manager.isActive(SCENES.help) ? 'hidden' : '';
    if (this.root.style.visibility !== hidden) this.root.style.visibility = hidden;
    if (this.pendingRebuild) {
      this.pendingRebuild = false;
      this.rebuildWorm();
    }
    this.live.tick(delta); // the live worm draws on its runner's frame
    this.graph.draw();
    this.body.draw(this.model.doc);
    this.scope.draw();
    if (this.live.sim) this.timeBar.setTime(this.live.sim.timeMs);
  }

  // ---------------------------------------------------------------- worm and probes

  private rebuildWorm(fresh = false): void {
    if (fresh) this.live.clear();
    const circuit = this.model.circuit();
    const err = this.live.load(circuit);
    if (err) this.setStatus(`The worm cannot run this circuit: ${err}`);
    this.live.setPaused(this.timeBar.isPaused);
    this.scope.setSource(this.live.sim ? simulationScope(this.live.sim) : null);
    this.probes = this.probes.filter((id) => this.model.neuron(id));
    this.applyProbes();
  }

  private applyProbes(): void {
    const ids = this.live.sim?.neuronIds ?? [];
    this.scope.setTraces(
      this.probes.flatMap((id, i) => {
        const index = ids.indexOf(id);
        return index < 0 ? [] : [{ label: id, index, color: TRACE_COLORS[i % TRACE_COLORS.length] }];
      }),
    );
    this.probeList.replaceChildren(
      ...(this.probes.length
        ? this.probes.map((id, i) =>
            h('div', {
              style: `color:${css(TRACE_COLORS[i % TRACE_COLORS.length])};cursor:pointer`,
              title: 'Click to remove',
              text: `● ${id}`,
              onclick: () => this.toggleProbe(id),
            }),
          )
        : [h('div', { text: 'Double-click a neuron to probe it.' })]),
    );
  }

  private toggleProbe(id: string): void {
    if (this.probes.includes(id)) this.probes = this.probes.filter((p) => p !== id);
    else {
      this.probes = [...this.probes, id].slice(-TRACE_COLORS.length);
      this.setStatus(`Probing ${id} (membrane potential in the oscilloscope)`);
    }
    this.applyProbes();
    this.inspector.refresh();
  }

  // ---------------------------------------------------------------- editing

  private arm(role: Placing['role'] | null): void {
    this.placing = role ? { role, model: this.modelSelect.value } : null;
    for (const [r, b] of this.placeButtons) b.classList.toggle('on', r === role);
    if (role) this.setStatus(`Click the canvas to place a ${role} neuron (Esc: stop)`);
  }

  private placeNeuron(p: Point, keepArmed: boolean): void {
    const pl = this.placing;
    if (!pl) return;
    const model = this.modelSelect.value as ModelKind;
    const r = this.model.addNeuron({ model, role: pl.role, position: { x: Math.round(p.x), y: Math.round(p.y) } });
    if (!r.ok) this.setStatus(`Refused: ${r.message}`);
    else this.setStatus(`Added ${r.value} (${pl.role}, ${model})`);
    if (!keepArmed) this.arm(null);
  }

  private connect(from: string, to: string, gap: boolean): void {
    const r = this.model.connect({ from, to, kind: gap ? 'electrical' : 'chemical', weight: gap ? NEW_GAP_WEIGHT : NEW_SYNAPSE_WEIGHT });
    if (!r.ok) this.setStatus(`Refused: ${r.message}`);
    else {
      this.model.select({ synapses: [r.value] });
      this.setStatus(gap ? `Gap junction ${from} ↔ ${to}` : `Synapse ${from} → ${to}`);
    }
  }

  private setGap(gap: boolean): void {
    this.gapMode = gap;
    this.gapBtn.classList.toggle('on', gap);
    this.chemBtn.classList.toggle('on', !gap);
  }

  private setConnectMode(on: boolean): void {
    this.connectMode = on;
    this.connectBtn.classList.toggle('on', on);
    this.setStatus(on ? 'Connect tool: drag from any neuron to another' : 'Drag a neuron to move it; drag from its rim to connect');
  }

  private focusNeuron(): string | null {
    const sel = this.model.selection;
    return sel.neurons.size === 1 ? [...sel.neurons][0] : null;
  }

  /** A drag along the body diagram: a touch field for a sensory neuron, muscles for a motor neuron. */
  private bindRange(from: number, to: number, side: Side): void {
    const id = this.focusNeuron();
    const n = id ? this.model.neuron(id) : undefined;
    if (!id || !n) {
      this.setStatus('Select one sensory or motor neuron first, then drag along the body to bind it');
      return;
    }
    if (n.role === 'motor') {
      const r = this.model.addMuscle({ neuron: id, side, from, to, gain: NEW_MUSCLE_GAIN });
      this.setStatus(r.ok ? `${id} drives the ${side} muscles from ${from} to ${to} of the body` : `Refused: ${r.message}`);
    } else if (n.role === 'sensory') {
      const r = this.model.addSensor({ neuron: id, sensor: 'touch', from, to, kind: 'gentle', side, gain: NEW_TOUCH_GAIN });
      this.setStatus(r.ok ? `${id} feels gentle touch on the ${side} side from ${from} to ${to} of the body` : `Refused: ${r.message}`);
    } else this.setStatus(`${id} is an interneuron: make it sensory or motor (inspector → role) to bind it to the body`);
  }

  private undo(): void {
    const label = this.model.undoLabel();
    if (this.model.undo()) this.setStatus(`Undid: ${label ?? ''}`);
  }

  private redo(): void {
    const label = this.model.redoLabel();
    if (this.model.redo()) this.setStatus(`Redid: ${label ?? ''}`);
  }

  private layout_(): void {
    const r = this.model.autoLayout();
    this.setStatus(r.ok ? 'Laid out: sensory on top, interneurons in the middle, motor at the bottom' : `Refused: ${r.message}`);
  }

  private loadTemplate(t: Template): void {
    const r = this.model.loadTemplate(t);
    this.setStatus(r.ok ? `New circuit: ${t.name} (Ctrl+Z goes back)` : `Could not open ${t.name}: ${r.message}`);
    if (r.ok) this.model.zoomToFit();
  }

  private goTo(id: string): void {
    this.model.select({ neurons: [id] });
    this.model.centerOn(id);
    this.searchInput.value = '';
    this.showHits();
    this.searchInput.blur();
  }

  private showHits(): void {
    const q = this.searchInput.value.trim();
    const hits = q ? this.model.search(q, 8) : [];
    this.hitsEl.style.display = hits.length ? '' : 'none';
    this.hitsEl.replaceChildren(
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

  // ---------------------------------------------------------------- files and clipboard

  private save(): void {
    const text = this.model.exportText();
    const name = /\.json$/i.test(this.model.fileName) ? this.model.fileName : `${this.model.fileName}.json`;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = h('a', { href: url, download: name, style: 'display:none' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
    this.model.markSaved();
    this.setStatus(`Saved ${name}`);
  }

  private async openFile(f: File): Promise<void> {
    let text: string;
    try {
      text = await readFileText(f);
    } catch (e) {
      this.showError(`Could not read ${f.name}`, (e as Error).message);
      return;
    }
    const r = this.model.importText(text, f.name);
    if (r.ok) {
      this.model.markSaved();
      this.setStatus(`Opened ${f.name}`);
    } else {
      this.setStatus(`Could not open ${f.name}: your circuit is unchanged`);
      this.showError(`Could not open ${f.name}`, r.message);
    }
  }

  private async importTables(files: File[]): Promise<void> {
    this.setStatus(`Importing ${files.map((f) => f.name).join(', ')}…`);
    try {
      const tables: ConnectomeTable[] = await Promise.all(files.map(async (f) => ({ name: f.name, text: await readFileText(f) })));
      const t0 = performance.now();
      const res = importConnectome(tables);
      const name = `${files[0].name.replace(/\.csv$/i, '')}.json`;
      const r = this.model.load(res.circuit.doc, name);
      if (!r.ok) {
        this.showError('The imported circuit is not valid', r.message);
        return;
      }
      this.model.zoomToFit();
      const s = res.summary;
      this.setStatus(
        `Imported ${this.model.doc.neurons.length} neurons, ${s.chemicalSynapses} chemical synapses, ${s.gapJunctions} gap junctions in ${Math.round(performance.now() - t0)} ms` +
          (res.warnings.length ? ` (${res.warnings.length} warnings)` : ''),
      );
    } catch (e) {
      this.showError('Could not import the connectome', (e as Error).message);
      this.setStatus('Import failed: your circuit is unchanged');
    }
  }

  private async exportClipboard(): Promise<void> {
    const text = this.model.exportText();
    try {
      await navigator.clipboard.writeText(text);
      this.setStatus('Copied the circuit to the clipboard');
    } catch {
      this.showText('Copy this circuit', text);
    }
  }

  private importClipboardDialog(): void {
    const area = h('textarea', { 'aria-label': 'Circuit text', placeholder: 'Paste a circuit file or copied neurons here' });
    const err = h('div', { class: 'nwe-err' });
    const close = this.modal(
      h('div', { class: 'nwe-h', text: 'Paste a circuit' }),
      h('div', { class: 'nwe-dim', text: 'A whole circuit file opens as a new circuit (undoable); copied neurons are added to this one.' }),
      area,
      err,
      h(
        'div',
        {},
        this.button('Add to this circuit', () => {
          const r = this.model.paste(area.value, this.hoverGraph ? { at: this.hoverGraph } : {});
          if (r.ok) close();
          else err.textContent = r.message;
        }),
        ' ',
        this.button('Open as the circuit', () => {
          const r = this.model.importText(area.value, 'pasted.json');
          if (r.ok) close();
          else err.textContent = r.message;
        }),
        ' ',
        this.button('Cancel', () => close()),
      ),
    );
    setTimeout(() => area.focus(), 0);
  }

  private modal(...children: Node[]): () => void {
    const box = h('div', { class: 'nwe-modal', role: 'dialog' }, h('div', {}, ...children));
    const close = (): void => box.remove();
    box.addEventListener('mousedown', (e) => {
      if (e.target === box) close();
    });
    this.root.append(box);
    return close;
  }

  private showError(title: string, message: string): void {
    const close = this.modal(
      h('div', { class: 'nwe-h', text: title }),
      h('div', { class: 'nwe-err', 'data-testid': 'error-text', text: message }),
      this.button('OK', () => close()),
    );
  }

  private showText(title: string, text: string): void {
    const area = h('textarea', { readonly: true }, text);
    const close = this.modal(
      h('div', { class: 'nwe-h', text: title }),
      area,
      this.button('Close', () => close()),
    );
    setTimeout(() => area.select(), 0);
  }

  private toPlayground(): void {
    writePlaygroundCircuit(this.store, this.model.exportText());
    this.autosave.flush();
    this.scene.start(SCENES.playground);
  }

  // ---------------------------------------------------------------- keys

  private typing(e: Event): boolean {
    const t = e.target as HTMLElement | null;
    return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  }

  private bindKeys(): void {
    const onKey = (e: KeyboardEvent): void => {
      // The help overlay on top takes the keys (its Esc closes it).
      if (!this.scene.isActive() || this.scene.manager.isActive(SCENES.help)) return;
      const modal = this.root.querySelector('.nwe-modal');
      if (modal) {
        // Esc closes a dialog (and stops a test run) rather than leaving the editor.
        if (e.key === 'Escape') {
          if (this.tests.isOpen()) this.tests.close();
          else modal.remove();
          e.preventDefault();
          e.stopImmediatePropagation();
        }
        return;
      }
      if (this.typing(e)) return;
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      const m = this.model;
      let done = true;
      if (mod && k === 'z' && !e.shiftKey) this.undo();
      else if (mod && ((k === 'z' && e.shiftKey) || k === 'y')) this.redo();
      else if (mod && k === 'c') {
        const text = m.copySelection();
        if (text) this.clipboard = text;
        done = false; // the browser's copy event puts it on the system clipboard
      } else if (mod && k === 'v')
        done = false; // handled by the paste event
      else if (mod && k === 'd') this.report(m.duplicateSelection());
      else if (mod && k === 'a') m.selectAll();
      else if (mod && k === 's') this.save();
      else if (mod && k === 'o') (this.toolbar.querySelector('input[type=file]') as HTMLInputElement).click();
      else if (mod) done = false;
      else if (e.key === 'Delete' || e.key === 'Backspace') this.report(m.deleteSelection());
      else if (e.key.startsWith('Arrow')) {
        const s = e.shiftKey ? 50 : 10;
        const d = { ArrowLeft: [-s, 0], ArrowRight: [s, 0], ArrowUp: [0, -s], ArrowDown: [0, s] }[e.key] ?? [0, 0];
        this.report(m.nudgeSelection(d[0], d[1]));
      } else if (k === 'f') m.zoomToFit();
      else if (k === 'c') this.setConnectMode(!this.connectMode);
      else if (k === 'g') this.setGap(!this.gapMode);
      else if (e.key === '/') this.searchInput.focus();
      else if (e.key === 'Escape') {
        if (this.graph.cancelGesture()) this.setStatus('Cancelled');
        else if (this.placing) this.arm(null);
        else if (m.selection.neurons.size || m.selection.synapses.size) m.clearSelection();
        else done = false; // nothing to cancel: Esc goes back
      } else done = false;
      if (done) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    const onCopy = (e: ClipboardEvent): void => {
      if (!this.scene.isActive() || this.typing(e)) return;
      const text = this.model.copySelection();
      if (!text) return;
      this.clipboard = text;
      e.clipboardData?.setData('text/plain', text);
      e.preventDefault();
      this.setStatus(`Copied ${this.model.selection.neurons.size} neuron(s)`);
    };
    const onPaste = (e: ClipboardEvent): void => {
      if (!this.scene.isActive() || this.typing(e) || this.root.querySelector('.nwe-modal')) return;
      const text = e.clipboardData?.getData('text/plain') || this.clipboard;
      if (!text) return;
      e.preventDefault();
      const r = this.model.paste(text, this.hoverGraph ? { at: this.hoverGraph } : {});
      this.setStatus(r.ok ? `Pasted ${r.value.length} neuron(s)` : `Refused: ${r.message}`);
    };
    // The keys above are handled here (the registry leaves Ctrl chords to the browser); list them for the help overlay.
    const listed: [string, string][] = [
      ['Ctrl+Z', 'Undo (Ctrl+Shift+Z: redo)'],
      ['Ctrl+C / V', 'Copy / paste (Ctrl+D: duplicate)'],
      ['Ctrl+A', 'Select all'],
      ['Ctrl+S / O', 'Save / open a file'],
      ['Delete', 'Delete the selection'],
      ['Arrows', 'Nudge (Shift: ×5)'],
      ['F', 'Zoom to fit'],
      ['C', 'Connect tool on/off'],
      ['G', 'Chemical ↔ gap junction'],
      ['/', 'Find a neuron'],
      ['Dbl-click', 'Probe a neuron'],
    ];
    for (const [label, description] of listed) this.shortcut({ keys: [`editor-list:${label}`], label, description, run: () => {} });
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    this.onShutdown(() => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      const r = this.graph.bounds;
      if (p.x < r.x || p.y < r.y || p.x > r.x + r.w || p.y > r.y + r.h) return;
      const v = this.model.viewport;
      this.hoverGraph = { x: v.x + (p.x - r.x - r.w / 2) / v.zoom, y: v.y + (p.y - r.y - r.h / 2) / v.zoom };
    });
  }

  private report(r: { ok: true } | { ok: false; message: string }): void {
    if (!r.ok) this.setStatus(`Refused: ${r.message}`);
  }

  private setStatus(text: string): void {
    this.statusText = text;
    if (this.statusEl) {
      this.statusEl.textContent = text;
      this.statusEl.title = text;
      this.statusEl.style.color = text.startsWith('Refused') || text.startsWith('Could not') ? css(palette.danger) : '';
    }
  }

  private updateButtons(): void {
    const m = this.model;
    this.undoBtn.disabled = !m.canUndo();
    this.redoBtn.disabled = !m.canRedo();
    this.undoBtn.title = m.canUndo() ? `Undo ${m.undoLabel() ?? ''} (Ctrl+Z)` : 'Nothing to undo';
    this.redoBtn.title = m.canRedo() ? `Redo ${m.redoLabel() ?? ''} (Ctrl+Shift+Z)` : 'Nothing to redo';
  }

  // ---------------------------------------------------------------- test hook

  private provideHook(): void {
    provideProbe(this, {
      simTimeMs: () => this.live.sim?.timeMs ?? 0,
      pose: () => {
        const sim = this.live.sim;
        if (!sim) return { mm: [], px: [] };
        const mm = Array.from(sim.telemetry().pose);
        const px: number[] = [];
        for (let i = 0; i < mm.length / 2; i++) {
          const p = this.live.bodyScreen(i / (mm.length / 2 - 1));
          px.push(p?.x ?? NaN, p?.y ?? NaN);
        }
        return { mm, px };
      },
      activity: () => {
        const sim = this.live.sim;
        if (!sim) return { ids: [], output: [], v: [] };
        const t = sim.telemetry();
        return { ids: [...sim.neuronIds], output: Array.from(t.output), v: Array.from(t.v) };
      },
      advance: (ms) => this.live.sim?.run(ms),
      loadCircuit: (c) => {
        const r = this.model.load(c, 'test.json');
        if (!r.ok) throw new Error(r.message);
      },
      neuronScreen: (id) => this.graph.neuronScreen(id),
      info: () => {
        const m = this.model;
        const sim = this.live.sim;
        const doc = m.doc;
        const g = this.graph.stats;
        return {
          name: doc.name ?? '',
          fileName: m.fileName,
          neurons: doc.neurons.map((n) => n.id),
          synapses: (doc.synapses ?? []).map((s) => `${s.kind}:${s.from}>${s.to}`),
          sensors: (doc.sensors ?? []).length,
          muscles: (doc.muscles ?? []).length,
          warnings: m.warnings().map((w) => w.message),
          selection: { neurons: [...m.selection.neurons], synapses: [...m.selection.synapses] },
          canUndo: m.canUndo(),
          canRedo: m.canRedo(),
          undoLabel: m.undoLabel() ?? null,
          dirty: m.isDirty(),
          status: this.statusText,
          viewport: m.viewport,
          graphRect: this.graph.bounds,
          bodyRect: this.bodyRect(),
          wormError: this.live.error,
          wormMuscles: sim ? Array.from(sim.telemetry().muscles) : [],
          segments: sim?.segments ?? 0,
          wormHead: this.live.bodyScreen(0.03),
          pokes: [...this.live.pokeLog],
          musclePeakSincePoke: { ...this.live.peakSincePoke },
          probes: [...this.probes],
          paused: sim ? this.live.paused : null,
          graphFrames: g.frames,
          graphDrawMsAvg: g.frames ? g.drawMs / g.frames : 0,
          graphStaticMs: g.lastStaticMs,
          tests: this.tests.results(),
        };
      },
    });
  }

  private bodyRect(): { x: number; y: number; w: number; h: number; nose: Point; tail: Point; leftY: number; rightY: number } {
    const nose = this.body.pointOf(0, 'left');
    const tail = this.body.pointOf(1, 'left');
    return { ...this.body.bounds, nose, tail, leftY: nose.y, rightY: this.body.pointOf(0, 'right').y };
  }
}
