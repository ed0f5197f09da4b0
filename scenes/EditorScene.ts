import type Phaser from 'phaser';
import type { Subscription } from 'rxjs';
import { circuitFromDoc } from '../src/circuits/circuit';
import type { Circuit, CircuitDoc, Side } from '../src/circuits/types';
import { Autosave, EditorModel, keepApart, restoreAutosave, templates, webStorage, type Point, type Result, type Template } from '../src/editor';
import { MODELS } from '../src/neural/models';
import type { ModelKind } from '../src/neural/types';
import { app } from './app';
import { BaseScene, HEADER_H } from './BaseScene';
import { challengeById, type Challenge } from './challenges/catalog';
import { brokenCircuitDoc, challengeAutosaveKey, writeChallengeCircuit } from './challenges/circuit';
import { BodyDiagram } from './editor/BodyDiagram';
import { builtinCircuits, type EditorSceneData } from './editor/scene-data';
import { Dialogs } from './editor/dialogs';
import { h, installStyle, place } from './editor/dom';
import { EditorFiles } from './editor/files';
import { LearnedWeights } from './editor/learned';
import { paletteVolume } from './editor/learning-inspector';
import { EvolvePanel } from './editor/evolve-panel';
import { GraphView, type Placing } from './editor/GraphView';
import { editorProbe } from './editor/hook';
import { Inspector } from './editor/Inspector';
import { bindEditorKeys, EDITOR_KEYS } from './editor/keys';
import { showKeptSaves } from './editor/kept-saves';
import { LiveWorm } from './editor/LiveWorm';
import { reflexScenarios } from './editor/reflexes';
import { graphLegend, Palette } from './editor/palette';
import { editorPanels, PAD, TOOLBAR_ESTIMATE_H } from './editor/panels';
import { NEW_GAP_WEIGHT, NEW_MUSCLE_GAIN, NEW_TOUCH_GAIN, newChemicalSynapse } from './editor/defaults';
import { writePlaygroundCircuit } from './editor/shared-circuit';
import { TestRunner } from './editor/test-it';
import { Toolbar } from './editor/toolbar';
import { SCENES } from './keys';
import { browserStore } from './storage';
import { provideProbe } from './testing-hook';
import { TimeBar } from './ui/TimeBar';
import { Tooltip } from './ui/Tooltip';
import { WHOLE_WORM_NAME } from './whole-worm';
import { css, palette } from './ui/theme';
import { Oscilloscope, TRACE_COLORS } from './view/Oscilloscope';
import { simulationScope } from './view/scope-sources';

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
  private evolvePanel!: EvolvePanel;
  private root!: HTMLDivElement;
  private dialogs!: Dialogs;
  private files!: EditorFiles;
  private learned!: LearnedWeights;
  private toolbar!: Toolbar;
  private palette!: Palette;
  private legend!: HTMLDivElement;
  private subs: Subscription[] = [];
  private placing: Placing | null = null;
  private connectMode = false;
  private gapMode = false;
  private probes: string[] = [];
  private pendingRebuild = false;
  private hoverGraph: Point | null = null;
  private builtins: Circuit[] = [];
  private statusText = '';
  private store = browserStore();
  private fitted = false;
  private restoredView = false;
  private challenge: Challenge | null = null;
  private toolbarH = 0;
  private keptSlots: { key?: string } = {};

  constructor() {
    super(SCENES.editor);
  }

  protected build(data?: unknown): void {
    const { from, challenge, open } = (data as EditorSceneData | undefined) ?? {};
    // Back returns to the scene it was opened from (pass { from } to scene.start).
    this.backTo = from === SCENES.playground || from === SCENES.challenges || from === SCENES.natsel ? from : SCENES.title;
    const c = challenge ? challengeById(challenge) : undefined;
    this.challenge = c?.circuit ? c : null;
    this.placing = null;
    this.connectMode = false;
    this.gapMode = false;
    this.probes = [];
    this.subs = [];
    this.fitted = false;
    this.toolbarH = 0;
    this.addHeader(this.challenge ? `Circuit editor · ${this.challenge.title}` : 'Circuit editor');
    this.builtins = builtinCircuits();

    // The model: the autosave if there is one, else the first built-in circuit (a challenge's broken one), else a blank one.
    // A challenge's circuit has autosave slots of its own, so repairing it never touches the player's other work.
    const kv = webStorage(this.store);
    const slots = this.challenge ? { key: challengeAutosaveKey(this.challenge.id) } : {};
    const saved = restoreAutosave(kv, MODELS, slots);
    const first = this.challenge
      ? { doc: brokenCircuitDoc(this.challenge), fileName: `${this.challenge.id}.json` }
      : { doc: templates(this.builtins)[1]?.doc, fileName: this.builtins[0]?.fileName.replace(/^.*\//, '') ?? 'circuit.json' };
    // The graph's size before the first layout (a circuit opened without positions is laid out to suit it).
    const g = editorPanels(this.scale.width, this.scale.height, TOOLBAR_ESTIMATE_H, 52).graph;
    this.model = new EditorModel({
      models: MODELS,
      screen: { width: g.w, height: g.h },
      doc: saved.restored?.circuit.doc ?? first.doc,
      fileName: saved.restored?.fileName ?? first.fileName,
      ...(saved.restored?.viewport && { viewport: saved.restored.viewport }),
    });
    this.restoredView = !!saved.restored?.viewport;
    if (!saved.restored) this.model.markSaved();
    // Saves that failed to restore leave the ring for keys of their own: no later save overwrites them.
    const kept = keepApart(kv, saved.skipped, slots);
    this.autosave = new Autosave(this.model, kv, { ...slots, protect: kept.stuck });
    this.keptSlots = slots;
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
      learned: () => this.learned.now(this.game.loop.frame),
      status: (t) => this.setStatus(t),
      probe: (id) => this.toggleProbe(id),
    });
    this.live = new LiveWorm(this, 20, () => this.files.exportRecording(this.live.recorder));
    this.live.onArena = () => this.rebuildWorm(true);
    this.learned = new LearnedWeights(this.model, this.live, (t) => this.setStatus(t));
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
    this.evolvePanel = new EvolvePanel({
      model: this.model,
      reflexes: reflexScenarios,
      // The best circuit so far crawls in the live-worm panel; null gives the edited circuit back.
      showWorm: (doc) => (doc ? this.showWorm(doc) : this.rebuildWorm()),
      status: (t) => this.setStatus(t),
    });
    this.root.append(this.evolvePanel.el);
    this.onShutdown(() => this.evolvePanel.dispose());

    this.subs.push(
      this.model.changes$.subscribe((c) => {
        if (c.kind !== 'viewport') this.inspector.refresh();
        this.updateButtons();
        if (c.kind === 'doc') {
          this.setStatus(c.label);
          if (c.simulation) {
            this.pendingRebuild = true;
            // The playground (or the challenge) runs what the player edits; opening the editor alone changes nothing there.
            this.shareCircuit();
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
    this.setStatus(
      saved.restored
        ? `Restored your circuit from the autosave (${new Date(saved.restored.savedAt).toLocaleTimeString()})`
        : this.challenge
          ? `${this.challenge.title}: ${this.challenge.circuit?.hint}. Repair it, press Test it, then Start challenge ▶`
          : 'Ready',
    );
    this.toolbar.setKept(kept.kept.length);
    if (saved.skipped.length) {
      const n = saved.skipped.length;
      this.setStatus(
        `${saved.restored ? 'Restored an older autosave; ' : ''}${n} autosave${n === 1 ? '' : 's'} could not be restored and ${n === 1 ? 'was' : 'were'} kept apart: Kept saves to download ${n === 1 ? 'it' : 'them'}`,
      );
      this.openKeptSaves();
    }
    if (open) this.openHanded(open);
  }

  /** The player's circuit is autosaved first (the ring keeps it) and Undo brings it back. */
  private openHanded(open: { doc: unknown; fileName: string }): void {
    this.autosave.flush();
    const r = this.model.load(open.doc, open.fileName);
    if (r.ok) {
      this.restoredView = false;
      this.setStatus(`Opened ${open.fileName} · Undo (Ctrl+Z) brings back your circuit`);
    } else this.dialogs.showError(`Could not open ${open.fileName}`, r.message);
  }

  // ---------------------------------------------------------------- DOM

  private buildDom(): void {
    installStyle();
    this.root = h('div', { class: 'nwe-root', 'data-testid': 'editor-root' });
    document.body.append(this.root);
    this.onShutdown(() => this.root.remove());
    this.dialogs = new Dialogs(this.root);
    this.files = new EditorFiles(
      this.model,
      this.dialogs,
      (t) => this.setStatus(t),
      () => this.hoverGraph,
    );
    this.toolbar = new Toolbar({
      templates: templates(this.builtins),
      loadTemplate: (t) => this.loadTemplate(t),
      loaders: [{ id: 'whole-worm', name: `${WHOLE_WORM_NAME}, imported`, open: () => void this.files.openWholeWorm() }],
      openFile: (f) => void this.files.open(f),
      importTables: (files) => void this.files.importTables(files),
      save: () => this.files.save(),
      copy: () => void this.files.copyCircuit(),
      paste: () => this.files.pasteDialog(),
      undo: () => this.undo(),
      redo: () => this.redo(),
      fit: () => this.model.zoomToFit(),
      layout: () => this.layout_(),
      test: () => void this.tests.run(),
      evolve: () => this.evolvePanel.toggle(),
      play: () => this.toPlayground(),
      playLabel: this.challenge ? 'Start challenge ▶' : 'Play ▶',
      keptSaves: () => this.openKeptSaves(),
      search: (q, limit) => this.model.search(q, limit),
      goTo: (id) => {
        this.model.select({ neurons: [id] });
        this.model.centerOn(id);
      },
    });
    this.palette = new Palette({
      models: Object.keys(MODELS) as ModelKind[],
      arm: (role) => this.arm(this.placing?.role === role ? null : role),
      setGap: (gap) => this.setGap(gap),
      toggleConnect: () => this.setConnectMode(!this.connectMode),
      touchHead: () => this.live.poke(0.05, 'gentle'),
      touchTail: () => this.live.poke(0.92, 'gentle'),
      pokeHead: () => this.live.poke(0.05, 'harsh'),
      tapPlate: () => this.live.sim?.tapPlate(),
      restartWorm: () => this.rebuildWorm(true),
      volume: paletteVolume(this.model, (t) => this.setStatus(t)),
    });
    this.setGap(false);

    this.inspector = new Inspector(this.model, {
      probe: (id) => this.toggleProbe(id),
      isProbed: (id) => this.probes.includes(id),
      status: (t) => this.setStatus(t),
      liveWeight: (k) => this.learned.now(this.game.loop.frame)?.get(k),
      keepLearned: () => this.learned.keep(),
      saveLearned: () => this.learned.save(),
    });
    this.legend = graphLegend();
    this.root.append(this.toolbar.el, this.palette.el, this.inspector.el, this.legend);
  }

  // ---------------------------------------------------------------- layout

  protected layout(width: number, height: number): void {
    // The toolbar (buttons, then the status line) wraps in narrow windows; everything below starts under it.
    place(this.toolbar.el, PAD, HEADER_H + PAD, width - 2 * PAD, 36);
    this.toolbar.el.style.height = 'auto';
    this.toolbarH = Math.max(36, this.toolbar.el.offsetHeight);
    const p = editorPanels(width, height, this.toolbarH, this.timeBar.barHeight);
    place(this.palette.el, p.palette.x, p.palette.y, p.palette.w, p.palette.h);
    place(this.inspector.el, p.inspector.x, p.inspector.y, p.inspector.w, p.inspector.h);
    this.graph.setRect(p.graph.x, p.graph.y, p.graph.w, p.graph.h);
    // Tooltips of the canvas's buttons stay in the middle column: the HTML palette and inspector would hide them.
    Tooltip.of(this).within({ x: p.graph.x, y: 0, w: p.graph.w, h: height });
    // The Evolve panel takes the inspector's place while open: the graph stays free for selecting, the live worm in view.
    this.evolvePanel.setRect(p.inspector.x, p.inspector.y, p.inspector.w, p.inspector.h);
    // The legend along the canvas's bottom edge (it wraps in a narrow canvas, growing upwards).
    this.legend.style.left = `${p.graph.x + 6}px`;
    this.legend.style.bottom = `${height - (p.graph.y + p.graph.h) + 6}px`;
    this.legend.style.maxWidth = `${p.graph.w - 12}px`;
    this.live.setRect(p.live.x, p.live.y, p.live.w, p.live.h);
    this.body.setRect(p.body.x, p.body.y, p.body.w, p.body.h);
    this.scope.setRect(p.scope.x, p.scope.y, p.scope.w, p.scope.h);
    this.timeBar.place(p.timeBar.cx, p.timeBar.cy, p.timeBar.w);
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
    if (this.game.loop.frame % 6 === 0) this.inspector.tick();
    if (this.live.sim) this.timeBar.setTime(this.live.sim.timeMs);
  }

  // ---------------------------------------------------------------- worm and probes

  private rebuildWorm(fresh = false): void {
    if (fresh) this.live.clear();
    const circuit = this.model.circuit();
    const err = this.live.load(circuit);
    this.learned.ownWorm = true;
    if (err) this.setStatus(`The worm cannot run this circuit: ${err}`);
    this.live.setPaused(this.timeBar.isPaused);
    this.scope.setSource(this.live.sim ? simulationScope(this.live.sim) : null);
    this.probes = this.probes.filter((id) => this.model.neuron(id));
    this.applyProbes();
  }

  /** Run another circuit (the Evolve panel's best so far) in the live worm; the edited circuit is untouched. */
  private showWorm(doc: CircuitDoc): void {
    const err = this.live.load(circuitFromDoc(doc, 'evolved circuit', MODELS));
    this.learned.ownWorm = false;
    if (err) this.setStatus(`The worm cannot run the evolved circuit: ${err}`);
    this.live.setPaused(this.timeBar.isPaused);
    this.scope.setSource(this.live.sim ? simulationScope(this.live.sim) : null);
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
    this.palette.probeList.replaceChildren(
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
    this.placing = role ? { role, model: this.palette.modelSelect.value } : null;
    this.palette.showArmed(role);
    if (role) this.setStatus(`Click the canvas to place a ${role} neuron (Esc: stop)`);
  }

  private placeNeuron(p: Point, keepArmed: boolean): void {
    const pl = this.placing;
    if (!pl) return;
    const model = this.palette.modelSelect.value as ModelKind;
    const r = this.model.addNeuron({ model, role: pl.role, position: { x: Math.round(p.x), y: Math.round(p.y) } });
    if (!r.ok) this.setStatus(`Refused: ${r.message}`);
    else this.setStatus(`Added ${r.value} (${pl.role}, ${model})`);
    if (!keepArmed) this.arm(null);
  }

  private connect(from: string, to: string, gap: boolean): void {
    const rule = gap ? null : this.palette.plasticRule;
    const r = this.model.connect({
      from,
      to,
      kind: gap ? 'electrical' : 'chemical',
      ...(gap ? { weight: NEW_GAP_WEIGHT } : newChemicalSynapse(this.model.doc)),
      ...(rule && { plastic: { rule } }),
    });
    if (!r.ok) this.setStatus(`Refused: ${r.message}`);
    else {
      this.model.select({ synapses: [r.value] });
      this.setStatus(gap ? `Gap junction ${from} ↔ ${to}` : `${rule ? `Plastic synapse (${rule})` : 'Synapse'} ${from} → ${to}`);
    }
  }

  private setGap(gap: boolean): void {
    this.gapMode = gap;
    this.palette.showGap(gap);
  }

  private setConnectMode(on: boolean): void {
    this.connectMode = on;
    this.palette.showConnect(on);
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

  // ---------------------------------------------------------------- playground

  /** The autosaves kept apart (they failed to restore): download, read as text, discard. */
  private openKeptSaves(): void {
    showKeptSaves(webStorage(this.store), this.keptSlots, this.dialogs, (n) => this.toolbar.setKept(n));
  }

  /** The edited circuit goes to whoever runs it: the challenge being repaired, else the playground. */
  private shareCircuit(): void {
    const text = this.model.exportText();
    if (this.challenge) writeChallengeCircuit(this.store, this.challenge.id, text);
    else writePlaygroundCircuit(this.store, text);
  }

  private toPlayground(): void {
    this.shareCircuit();
    this.autosave.flush();
    this.scene.start(SCENES.playground, this.challenge ? { challenge: this.challenge.id } : undefined);
  }

  // ---------------------------------------------------------------- keys

  private bindKeys(): void {
    this.onShutdown(
      bindEditorKeys({
        model: this.model,
        // The help overlay on top takes the keys (its Esc closes it).
        active: () => this.scene.isActive() && !this.scene.manager.isActive(SCENES.help),
        running: () => this.scene.isActive(),
        dialogOpen: () => this.dialogs.isOpen(),
        closeDialog: () => (this.tests.isOpen() ? this.tests.close() : this.dialogs.closeOne()),
        undo: () => this.undo(),
        redo: () => this.redo(),
        save: () => this.files.save(),
        pickFile: () => this.toolbar.pickFile(),
        report: (r) => this.report(r),
        toggleConnect: () => this.setConnectMode(!this.connectMode),
        toggleGap: () => this.setGap(!this.gapMode),
        evolve: () => this.evolvePanel.toggle(),
        focusSearch: () => this.toolbar.searchInput.focus(),
        escape: () => {
          const m = this.model;
          if (this.graph.cancelGesture()) this.setStatus('Cancelled');
          else if (this.placing) this.arm(null);
          else if (m.selection.neurons.size || m.selection.synapses.size) m.clearSelection();
          else return false;
          return true;
        },
        hoverGraph: () => this.hoverGraph,
        status: (t) => this.setStatus(t),
      }),
    );
    for (const [label, description] of EDITOR_KEYS) this.shortcut({ keys: [`editor-list:${label}`], label, description, run: () => {} });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      const r = this.graph.bounds;
      if (p.x < r.x || p.y < r.y || p.x > r.x + r.w || p.y > r.y + r.h) return;
      const v = this.model.viewport;
      this.hoverGraph = { x: v.x + (p.x - r.x - r.w / 2) / v.zoom, y: v.y + (p.y - r.y - r.h / 2) / v.zoom };
    });
  }

  private report(r: Result<unknown>): void {
    if (!r.ok) this.setStatus(`Refused: ${r.message}`);
  }

  private setStatus(text: string): void {
    this.statusText = text;
    const el = this.toolbar?.status;
    if (el) {
      el.textContent = text;
      el.title = text;
      el.style.color = text.startsWith('Refused') || text.startsWith('Could not') ? css(palette.danger) : '';
      // A status that wraps onto another line pushes the panels down rather than covering them.
      if (this.toolbarH && this.toolbar.el.offsetHeight !== this.toolbarH) this.relayout();
    }
  }

  private updateButtons(): void {
    const m = this.model;
    const t = this.toolbar;
    t.undo.disabled = !m.canUndo();
    t.redo.disabled = !m.canRedo();
    t.undo.title = m.canUndo() ? `Undo ${m.undoLabel() ?? ''} (Ctrl+Z)` : 'Nothing to undo';
    t.redo.title = m.canRedo() ? `Redo ${m.redoLabel() ?? ''} (Ctrl+Shift+Z)` : 'Nothing to redo';
  }

  // ---------------------------------------------------------------- test hook

  private provideHook(): void {
    provideProbe(
      this,
      editorProbe({
        model: this.model,
        live: this.live,
        graph: this.graph,
        body: this.body,
        tests: this.tests,
        evolve: this.evolvePanel,
        status: () => this.statusText,
        probes: () => this.probes,
      }),
    );
  }
}
