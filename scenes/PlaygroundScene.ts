import Phaser from 'phaser';
import type { Subscription } from 'rxjs';
import type { BehaviourEvent } from '../src/streams/types';
import type { SimulationApi } from '../src/sim/types';
import { app } from './app';
import { BaseScene, HEADER_H } from './BaseScene';
import { SCENES } from './keys';
import { simulationFactory } from './sim-link';
import { provideProbe } from './testing-hook';
import { Button } from './ui/Button';
import { readPlaygroundCircuit } from './editor/shared-circuit';
import { browserStore } from './storage';
import { ComingSoon } from './ui/ComingSoon';
import { TimeBar, type Speed } from './ui/TimeBar';
import { Toast, type Announcement } from './ui/Toast';
import { palette } from './ui/theme';
import { activityChain } from './view/activity-chain';
import { arenaBox, type ArenaView } from './view/arena-view';
import { WorldCamera } from './view/camera';
import { circuitViewFromSpec, type CircuitView } from './view/circuit-view';
import { PLAYGROUND_ARENA } from './view/default-arena';
import { NeuralView } from './view/NeuralView';
import { Oscilloscope, TRACE_COLORS } from './view/Oscilloscope';
import { PlateRenderer } from './view/PlateRenderer';
import { WormRenderer } from './view/WormRenderer';

type Tool = 'touch' | 'poke' | 'food' | 'heat' | 'tap';
const TOOLS: readonly { tool: Tool; label: string; key: string; tip: string }[] = [
  { tool: 'touch', label: 'Touch', key: 'T', tip: 'Gentle touch where you click (T)' },
  { tool: 'poke', label: 'Poke', key: 'P', tip: 'Harsh poke (P); or hold / shift-click / right-click' },
  { tool: 'food', label: 'Food', key: 'F', tip: 'Drop a bacterial lawn (F)' },
  { tool: 'heat', label: 'Heat', key: 'X', tip: 'Heat a spot (X)' },
  { tool: 'tap', label: 'Tap plate', key: 'A', tip: 'Tap the plate: a vibration the whole worm feels (A)' },
];

/** Which neuron a player might want on the oscilloscope first. */
const DEFAULT_PROBES = ['ALML', 'AVAL', 'AVBL', 'VA5'];

/**
 * The worm on an agar plate, its nervous system beside it, an oscilloscope
 * below, time controls at the bottom. Until the simulation core is wired in
 * (sim-link), the plate is shown with an honest "coming in this build" card
 * and no worm.
 */
export class PlaygroundScene extends BaseScene {
  private cam!: WorldCamera;
  private plate!: PlateRenderer;
  private worm!: WormRenderer;
  private neural!: NeuralView;
  private scope!: Oscilloscope;
  private timeBar!: TimeBar;
  private toast!: Toast;
  private toolButtons: Button[] = [];
  private mediumButtons: Button[] = [];
  /** Opens the circuit editor on the circuit this worm runs (issue 7). */
  private editButton!: Button;
  private coming: ComingSoon | null = null;
  private plateFrame!: Phaser.GameObjects.Graphics;
  /** Background-coloured frame around the plate view: hides plate and worm outside it when zoomed in. */
  private matte!: Phaser.GameObjects.Graphics;
  private tool: Tool = 'touch';
  private speed: Speed = 1;
  private sim: SimulationApi | null = null;
  private circuit: CircuitView | null = null;
  private subs: Subscription[] = [];
  private probes: number[] = [];
  private plateRect = { x: 0, y: 0, w: 1, h: 1 };
  private arena: ArenaView = PLAYGROUND_ARENA;
  private drag: { x: number; y: number; moved: boolean; downAt: number } | null = null;

  constructor() {
    super(SCENES.playground);
  }

  protected build(): void {
    const settings = app().settings;
    this.probes = [];
    this.coming = null;
    this.sim = null;
    this.circuit = null;
    this.speed = 1;
    this.drag = null;
    this.addHeader('Playground');
    this.cam = new WorldCamera();
    this.plateFrame = this.add.graphics().setDepth(1);
    this.matte = this.add.graphics().setDepth(15);
    this.arena = PLAYGROUND_ARENA;
    this.plate = new PlateRenderer(this, { quality: settings.quality, depth: 2 });
    this.plate.setArena(this.arena);
    this.worm = new WormRenderer(this, { detailed: settings.quality === 'high' }, 10);
    this.neural = new NeuralView(this, {
      quality: settings.quality,
      reducedMotion: settings.reducedMotion,
      legend: true,
      onPick: (i) => this.toggleProbe(i),
    });
    this.scope = new Oscilloscope(this, { windowMs: 5000, unit: 'mV', range: 'auto', title: 'Oscilloscope · membrane potential' });
    this.toast = new Toast(this, { reducedMotion: settings.reducedMotion });
    this.timeBar = new TimeBar(this, {
      onPauseChange: (paused) => (paused ? this.sim?.pause() : this.sim?.resume()),
      onStep: () => {
        this.sim?.step();
        this.drawSim(0);
      },
      onSpeedChange: (s) => (this.speed = s),
    }).setDepth(800);
    this.onShutdown(this.timeBar.bindShortcuts(app().shortcuts, this.scene.key));

    this.toolButtons = TOOLS.map(
      (t) =>
        new Button(this, 0, 0, {
          label: t.label,
          width: 92,
          height: 36,
          fontSize: 14,
          tooltip: t.tip,
          onClick: () => this.setTool(t.tool),
        }).setDepth(30),
    );
    TOOLS.forEach((t) =>
      this.shortcut({ keys: [t.key.toLowerCase(), t.key], label: t.key, description: t.label, run: () => this.setTool(t.tool) }),
    );
    this.mediumButtons = (['agar', 'water'] as const).map(
      (m) =>
        new Button(this, 0, 0, {
          label: m === 'agar' ? 'Agar' : 'Water',
          width: 72,
          height: 36,
          fontSize: 14,
          tooltip: m === 'agar' ? 'Crawl on agar (slow, high drag across the body)' : 'Swim in water (fast, low drag)',
          onClick: () => this.setMedium(m),
        }).setDepth(30),
    );
    this.editButton = new Button(this, 0, 0, {
      label: 'Edit circuit',
      width: 130,
      height: 38,
      fontSize: 14,
      tooltip: 'Open this worm\'s circuit in the editor',
      onClick: () => this.scene.start(SCENES.editor, { from: SCENES.playground }),
    }).setDepth(901);
    this.shortcut({ keys: ['0'], label: '0', description: 'Whole plate in view', run: () => this.fitView() });
    this.shortcut({ keys: ['w', 'W'], label: 'W', description: 'Zoom to the worm', run: () => this.fitView(true, true) });

    this.input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => {
      if (!this.onPlate(p)) return;
      this.cam.zoomAt(Math.exp(-dy * 0.0015), p.x, p.y);
      this.plate.layout(this.cam);
      this.drawSim(0);
    });
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      if (this.onPlate(p)) this.drag = { x: p.x, y: p.y, moved: false, downAt: this.time.now };
    });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      if (!this.drag || !p.isDown) return;
      const dx = p.x - this.drag.x;
      const dy = p.y - this.drag.y;
      if (!this.drag.moved && Math.hypot(dx, dy) < 6) return;
      this.drag.moved = true;
      this.cam.panByPx(dx, dy);
      this.drag.x = p.x;
      this.drag.y = p.y;
      this.plate.layout(this.cam);
      this.drawSim(0);
    });
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => {
      const d = this.drag;
      this.drag = null;
      if (d && !d.moved) this.applyTool(p, this.time.now - d.downAt);
    });

    this.startSimulation();
    this.setTool('touch');
    this.fitView(false);
  }

  // ---- simulation wiring ------------------------------------------------------

  private startSimulation(): void {
    const factory = simulationFactory();
    if (!factory) {
      this.coming = new ComingSoon(
        this,
        'the live worm',
        'The worm’s body, nervous system and world are being built in the simulation core. ' +
          'When they are wired in, the worm crawls on this plate, the neural view lights up as it senses and moves, ' +
          'and the tools above poke, feed and heat it.',
      );
      this.timeBar.setEnabled(false);
      [...this.toolButtons, ...this.mediumButtons].forEach((b) => b.setEnabled(false));
      return;
    }
    // The circuit edited in the editor, if any (scenes/editor/shared-circuit.ts), else the built-in one.
    const linked = factory({ circuit: readPlaygroundCircuit(browserStore()) ?? 'touch', seed: 1 });
    const sim = linked.sim;
    this.sim = sim;
    if (linked.arena) {
      this.arena = linked.arena;
      this.plate.setArena(linked.arena);
    }
    if (linked.network) this.setCircuitView(circuitViewFromSpec(linked.network, linked.layout));
    this.subs.push(sim.events$.subscribe((e) => this.onEvent(e)));
    this.events.once('shutdown', () => {
      this.subs.forEach((s) => s.unsubscribe());
      this.subs = [];
      this.sim = null;
    });
    this.mediumButtons.forEach((b) => b.setSelected(b.label.toLowerCase() === sim.medium));
    provideProbe(this, {
      simTimeMs: () => sim.timeMs,
      pose: () => {
        const pose = sim.telemetry().pose;
        const px: number[] = [];
        for (let i = 0; i < pose.length; i += 2) px.push(this.cam.screenX(pose[i]), this.cam.screenY(pose[i + 1]));
        return { mm: Array.from(pose), px };
      },
      activity: () => {
        const t = sim.telemetry();
        return { ids: [...sim.neuronIds], output: Array.from(t.output), v: Array.from(t.v) };
      },
      advance: (ms) => {
        sim.run(ms);
        this.drawSim(0);
      },
      neuronScreen: (id) => this.neural.nodePosition(sim.neuronIds.indexOf(id)),
      announcements: () => [...this.toast.history],
      info: () => ({ ...this.neural.stats, tool: this.tool, speed: this.speed, paused: sim.paused }),
    });
  }

  private setCircuitView(view: CircuitView): void {
    this.circuit = view;
    this.neural.setCircuit(view);
    const picks = DEFAULT_PROBES.map((id) => view.ids.indexOf(id)).filter((i) => i >= 0);
    this.probes = picks.length ? picks : [0];
    this.applyProbes();
  }

  private onEvent(e: BehaviourEvent): void {
    const out = this.sim?.telemetry().output;
    const chain = this.circuit && out ? activityChain(this.circuit, out) : [];
    const a: Announcement | null =
      e.type === 'reversal-start'
        ? { title: 'Reversal!', chain }
        : e.type === 'omega-turn'
          ? { title: 'Omega turn!', chain }
          : e.type === 'food-reached'
            ? { title: 'Found food', kind: 'good' }
            : e.type === 'unstable'
              ? { title: 'The body went unstable', detail: e.detail, kind: 'warn' }
              : null;
    if (a) this.toast.announce(a);
  }

  override update(_time: number, delta: number): void {
    if (!this.sim) return;
    this.sim.advance(delta, this.speed);
    this.drawSim(this.sim.paused ? 0 : delta * this.speed);
  }

  private drawSim(dtMs: number): void {
    const sim = this.sim;
    if (!sim) return;
    const t = sim.telemetry();
    this.worm.draw(t.pose, this.cam, sim.bodyLengthMm, t.muscles, sim.segments);
    this.neural.update(t.output, t.spiked, dtMs, t.v);
    this.scope.sample(t.timeMs, t.v);
    this.scope.draw();
    this.timeBar.setTime(t.timeMs);
  }

  // ---- tools ------------------------------------------------------------------

  private setTool(tool: Tool): void {
    this.tool = tool;
    this.toolButtons.forEach((b, i) => b.setSelected(TOOLS[i].tool === tool));
  }

  private setMedium(m: 'agar' | 'water'): void {
    this.sim?.setMedium(m);
    this.mediumButtons.forEach((b) => b.setSelected(b.label.toLowerCase() === m));
  }

  private applyTool(p: Phaser.Input.Pointer, heldMs: number): void {
    const sim = this.sim;
    if (!sim || !this.onPlate(p)) return;
    const x = this.cam.worldX(p.x);
    const y = this.cam.worldY(p.y);
    const harsh = this.tool === 'poke' || heldMs > 450 || p.rightButtonReleased() || (p.event as MouseEvent | undefined)?.shiftKey === true;
    switch (this.tool) {
      case 'food':
        sim.dropFood(x, y);
        this.plate.addFood(x, y, 0.35);
        break;
      case 'heat':
        sim.heatSpot(x, y, 6, 0.4);
        break;
      case 'tap':
        sim.tapPlate(0.6);
        break;
      default:
        sim.pokeAt(x, y, { kind: harsh ? 'harsh' : 'gentle' });
    }
  }

  private toggleProbe(i: number): void {
    const k = this.probes.indexOf(i);
    if (k >= 0) this.probes.splice(k, 1);
    else {
      this.probes.push(i);
      if (this.probes.length > TRACE_COLORS.length) this.probes.shift();
    }
    this.applyProbes();
  }

  private applyProbes(): void {
    const ids = this.circuit?.ids ?? [];
    this.scope.setTraces(this.probes.map((i, k) => ({ index: i, label: ids[i] ?? `#${i}`, color: TRACE_COLORS[k] })));
    this.neural.setPicked(this.probes, this.probes.map((_, k) => TRACE_COLORS[k]));
  }

  // ---- layout -----------------------------------------------------------------

  private onPlate(p: Phaser.Input.Pointer): boolean {
    const r = this.plateRect;
    return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
  }

  /** Whole plate in view; with a worm, zoomed so it spans about a third of the view, centred on it. */
  private fitView(redraw = true, onWorm = false): void {
    const [x0, y0, x1, y1] = arenaBox(this.arena);
    this.cam.fit(x0, y0, x1, y1, 12);
    const sim = this.sim;
    if (onWorm && sim) {
      const pose = sim.telemetry().pose;
      const mid = 2 * Math.floor(pose.length / 4);
      const span = Math.min(this.cam.viewport.width, this.cam.viewport.height);
      const zoom = (span / 3 / Math.max(1e-6, sim.bodyLengthMm)) / this.cam.basePxPerMm;
      if (zoom > 1) {
        this.cam.zoom = Math.min(this.cam.maxZoom, zoom);
        this.cam.centerXMm = pose[mid];
        this.cam.centerYMm = pose[mid + 1];
      }
    }
    if (redraw) {
      this.plate.layout(this.cam);
      this.drawSim(0);
    }
  }

  protected layout(width: number, height: number): void {
    this.editButton.setPosition(width - 12 - 42 - 12 - 65, HEADER_H / 2);
    const pad = 12;
    const toolbarY = HEADER_H + pad;
    const toolbarH = 36;
    const barH = this.timeBar.barHeight;
    const bottom = height - barH - 2 * pad;
    const top = toolbarY + toolbarH + pad;
    const wide = width >= 900;
    let plate: { x: number; y: number; w: number; h: number };
    if (wide) {
      const sideW = Math.max(340, Math.min(560, width * 0.4));
      plate = { x: pad, y: top, w: width - sideW - 3 * pad, h: bottom - top };
      const sx = plate.x + plate.w + pad;
      const neuralH = Math.round((bottom - top) * 0.62);
      this.neural.setRect(sx, top, sideW, neuralH);
      this.scope.setRect(sx, top + neuralH + pad, sideW, bottom - top - neuralH - pad);
    } else {
      const plateH = Math.round((bottom - top) * 0.5);
      plate = { x: pad, y: top, w: width - 2 * pad, h: plateH };
      const y2 = top + plateH + pad;
      const restH = bottom - y2;
      const neuralW = Math.round((width - 3 * pad) * 0.58);
      this.neural.setRect(pad, y2, neuralW, restH);
      this.scope.setRect(2 * pad + neuralW, y2, width - 3 * pad - neuralW, restH);
    }
    this.plateRect = plate;
    this.plateFrame.clear();
    this.plateFrame.fillStyle(palette.bgDeep, 1);
    this.plateFrame.fillRect(plate.x, plate.y, plate.w, plate.h);
    drawMatte(this.matte, width, height, plate);
    this.cam.setViewport(plate.x, plate.y, plate.w, plate.h);
    this.fitView(false, true);
    this.plate.layout(this.cam);

    // Toolbar: tools on the left, medium on the right of the plate's width.
    let x = plate.x;
    const compact = plate.w < 640;
    this.toolButtons.forEach((b) => {
      const w = compact ? 74 : 92;
      b.resize(w, toolbarH);
      b.setPosition(x + w / 2, toolbarY + toolbarH / 2);
      x += w + 6;
    });
    let mx = Math.max(x + 12, plate.x + plate.w - 2 * 72 - 6);
    this.mediumButtons.forEach((b) => {
      b.setPosition(mx + 36, toolbarY + toolbarH / 2);
      mx += 78;
    });
    this.timeBar.place(width / 2, height - pad - barH / 2, width - 2 * pad);
    this.toast.setPosition(plate.x + plate.w / 2, plate.y + 10);
    this.coming?.place(plate.x + plate.w / 2, plate.y + plate.h / 2, plate.w);
    this.drawSim(0);
  }
}

/**
 * Paints the screen outside `r` in the background colour, plus a border, so
 * whatever the plate camera shows past its viewport is hidden (a matte works
 * the same in both renderers, unlike masks).
 */
export function drawMatte(g: Phaser.GameObjects.Graphics, width: number, height: number, r: { x: number; y: number; w: number; h: number }): void {
  g.clear();
  g.fillStyle(palette.bg, 1);
  g.fillRect(0, 0, width, r.y);
  g.fillRect(0, r.y + r.h, width, height - r.y - r.h);
  g.fillRect(0, r.y, r.x, r.h);
  g.fillRect(r.x + r.w, r.y, width - r.x - r.w, r.h);
  g.lineStyle(1, palette.border, 1);
  g.strokeRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1);
}
