import type Phaser from 'phaser';
import type { Subscription } from 'rxjs';
import type { BehaviourEvent, Stimulus } from '../src/streams/types';
import type { SimulationApi } from '../src/sim/types';
import { app } from './app';
import { FrameClock } from './frame-clock';
import { BaseScene, HEADER_H } from './BaseScene';
import { SCENES } from './keys';
import { WORM_CIRCUIT } from './sim-factory';
import { playerCircuit, setPlayerCircuit, simulationFactory, type LinkedSimulation } from './sim-link';
import { challengeById, type Challenge } from './challenges/catalog';
import { ChallengeRun, type RunState } from './challenges/runner';
import { formatTime } from './format';
import { provideProbe } from './testing-hook';
import { Button } from './ui/Button';
import { TimeBar, type Speed } from './ui/TimeBar';
import { Toast, type Announcement } from './ui/Toast';
import { palette, textStyle } from './ui/theme';
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
const DEFAULT_PROBES = ['ALML', 'AVAL', 'AVBL', 'AVA', 'AVB', 'VA5', 'DB3'];

/**
 * The worm on an agar plate, its nervous system beside it, an oscilloscope
 * below, time controls at the bottom.
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
  private plateFrame!: Phaser.GameObjects.Graphics;
  /** Background-coloured frame around the plate view: hides plate and worm outside it when zoomed in. */
  private matte!: Phaser.GameObjects.Graphics;
  private tool: Tool = 'touch';
  private speed: Speed = 1;
  private sim: SimulationApi | null = null;
  private linked: LinkedSimulation | null = null;
  private circuit: CircuitView | null = null;
  private subs: Subscription[] = [];
  private probes: number[] = [];
  private plateRect = { x: 0, y: 0, w: 1, h: 1 };
  private arena: ArenaView = PLAYGROUND_ARENA;
  private drag: { x: number; y: number; moved: boolean; downAt: number; nudge: { s: number; x0: number; y0: number } | null } | null = null;
  private nudgeArrow!: Phaser.GameObjects.Graphics;
  private challenge: Challenge | null = null;
  private run: ChallengeRun | null = null;
  private hud!: Phaser.GameObjects.Text;
  private hudAt = 0;
  private result: Phaser.GameObjects.Container | null = null;
  /** Wall-clock ms spent in the simulation and in drawing, averaged over recent frames (for the fps report). */
  private cost = { simMs: 0, drawMs: 0, frames: 0 };
  private readonly frameClock = new FrameClock();
  private recent: Float64Array | null = null;
  private recentAt = 0;
  private heatSpots: NonNullable<ArenaView['zones']>[number][] = [];
  /** The last touch: where (mm), how, and the body position it reached (0 nose .. 1 tail) or null if it missed. */
  private lastPoke: { x: number; y: number; kind: string; at: number | null } | null = null;
  private resultButtons: Button[] = [];

  constructor() {
    super(SCENES.playground);
  }

  protected build(data?: unknown): void {
    const settings = app().settings;
    const id = (data as { challenge?: string } | undefined)?.challenge;
    this.challenge = id ? (challengeById(id) ?? null) : null;
    this.backTo = this.challenge ? SCENES.challenges : SCENES.title;
    this.run = null;
    this.result = null;
    this.resultButtons = [];
    this.hudAt = 0;
    this.cost = { simMs: 0, drawMs: 0, frames: 0 };
    this.lastPoke = null;
    this.frameClock.reset();
    this.recent = null;
    this.heatSpots = [];
    this.probes = [];
    this.sim = null;
    this.circuit = null;
    this.speed = 1;
    this.drag = null;
    this.addHeader(this.challenge ? `Challenge · ${this.challenge.title}` : 'Playground');
    this.hud = this.add.text(0, 0, '', textStyle(14, { color: palette.text, mono: true })).setDepth(40);
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
    this.scope = new Oscilloscope(this, { windowMs: 5000, unit: 'mV', range: 'auto', title: 'V' });
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

    this.toolButtons = TOOLS.map((t) =>
      new Button(this, 0, 0, {
        label: t.label,
        width: 92,
        height: 36,
        fontSize: 14,
        tooltip: t.tip,
        onClick: () => this.setTool(t.tool),
      }).setDepth(30),
    );
    TOOLS.forEach((t) => this.shortcut({ keys: [t.key.toLowerCase(), t.key], label: t.key, description: t.label, run: () => this.setTool(t.tool) }));
    this.mediumButtons = (['agar', 'water'] as const).map((m) =>
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
      tooltip: "Open this worm's circuit in the editor",
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
    this.nudgeArrow = this.add.graphics().setDepth(13);
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      if (!this.onPlate(p)) return;
      // A drag that starts on the worm nudges it; anywhere else it pans.
      const hit = this.sim ? this.worm.hit(p.x, p.y) : null;
      const nudge = hit && hit.distPx <= 8 + (hit.insideBody ? 0 : 4) ? { s: hit.s, x0: p.x, y0: p.y } : null;
      this.drag = { x: p.x, y: p.y, moved: false, downAt: this.time.now, nudge };
    });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      if (!this.drag || !p.isDown) return;
      const dx = p.x - this.drag.x;
      const dy = p.y - this.drag.y;
      if (!this.drag.moved && Math.hypot(dx, dy) < 6) return;
      this.drag.moved = true;
      if (this.drag.nudge) {
        drawArrow(this.nudgeArrow, this.drag.nudge.x0, this.drag.nudge.y0, p.x, p.y);
        return;
      }
      this.cam.panByPx(dx, dy);
      this.drag.x = p.x;
      this.drag.y = p.y;
      this.plate.layout(this.cam);
      this.drawSim(0);
    });
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => {
      const d = this.drag;
      this.drag = null;
      this.nudgeArrow.clear();
      if (d?.nudge && d.moved) this.nudge(d.nudge.s, p.x - d.nudge.x0, p.y - d.nudge.y0);
      else if (d && !d.moved) this.applyTool(p, this.time.now - d.downAt);
    });

    this.startSimulation();
    this.setTool('touch');
    this.fitView(false);
  }

  // ---- simulation wiring ------------------------------------------------------

  private startSimulation(): void {
    const factory = simulationFactory();
    const c = this.challenge;
    let own = playerCircuit();
    const arenaName = c?.arena ?? 'plate';
    let linked: LinkedSimulation;
    try {
      linked = factory({ circuit: own ?? WORM_CIRCUIT, arena: arenaName, seed: 1 });
    } catch (e) {
      if (!own) throw e;
      // The player's circuit does not run: say why and fall back to the built-in worm.
      setPlayerCircuit(null);
      own = null;
      const detail = (e as Error).message.slice(0, 160);
      this.announceLater({ title: 'Your circuit could not run', detail, kind: 'warn' });
      linked = factory({ circuit: WORM_CIRCUIT, arena: arenaName, seed: 1 });
    }
    const sim = linked.sim;
    this.sim = sim;
    this.linked = linked;
    if (c) {
      // A challenge's broken circuit, unless the player brings one they edited.
      if (!own) for (const [from, to] of c.cutSynapses ?? []) tryCut(sim, from, to);
      this.run = new ChallengeRun(c, sim);
    }
    if (linked.arena) {
      this.arena = linked.arena;
      this.plate.setArena(linked.arena);
    }
    if (linked.network) this.setCircuitView(circuitViewFromSpec(linked.network, linked.layout));
    this.subs.push(sim.events$.subscribe((e) => this.onEvent(e)));
    this.subs.push(sim.stimuli$.subscribe((st) => this.onStimulus(st)));
    if (own) {
      this.announceLater({ title: 'Running your circuit', detail: 'press B for the built-in worm' });
      this.shortcut({
        keys: ['b', 'B'],
        label: 'B',
        description: 'Back to the built-in worm circuit',
        run: () => {
          setPlayerCircuit(null);
          this.scene.restart(this.challenge ? { challenge: this.challenge.id } : undefined);
        },
      });
    }
    this.events.once('shutdown', () => {
      this.subs.forEach((s) => s.unsubscribe());
      this.subs = [];
      this.sim = null;
      this.linked = null;
      this.run?.dispose();
      this.run = null;
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
        this.checkRun();
        this.drawSim(0);
      },
      behaviour: () => ({ ...sim.behaviour() }),
      loadCircuit: (circuit) => {
        setPlayerCircuit(circuit);
        this.scene.restart(this.challenge ? { challenge: this.challenge.id } : undefined);
      },
      neuronScreen: (id) => this.neural.nodePosition(sim.neuronIds.indexOf(id)),
      announcements: () => [...this.toast.history],
      info: () => ({
        ...this.neural.stats,
        tool: this.tool,
        speed: this.speed,
        paused: sim.paused,
        challenge: this.challenge?.id ?? null,
        lastPoke: this.lastPoke,
        simMsPerFrame: this.cost.simMs,
        drawMsPerFrame: this.cost.drawMs,
        neurons: sim.neuronIds.length,
        synapses: this.circuit?.synapseCount ?? null,
        run: this.run ? { ...this.run.update() } : null,
      }),
    });
  }

  private setCircuitView(view: CircuitView): void {
    this.circuit = view;
    this.neural.setCircuit(view);
    const picks = DEFAULT_PROBES.map((id) => view.ids.indexOf(id)).filter((i) => i >= 0);
    this.probes = picks.length ? picks.slice(0, 4) : [0];
    this.applyProbes();
  }

  /** An announcement made while the scene is being built: shown once the layout has placed the toast. */
  private announceLater(a: Announcement): void {
    this.time.delayedCall(50, () => this.toast.announce(a));
  }

  /** Shows where a touch landed and which sensory neurons felt it; a plate tap is announced. */
  private onStimulus(st: Stimulus): void {
    if (st.type === 'plate-tap') {
      this.toast.announce({ title: 'Plate tapped', detail: st.neurons.length ? `felt by ${shortList(st.neurons)}` : 'no neuron of this circuit feels it' });
      return;
    }
    if (st.source !== 'poke' || !this.lastPoke) return;
    const where = st.position < 0.34 ? 'head' : st.position > 0.66 ? 'tail' : 'midbody';
    const who = st.neurons.length ? shortList(st.neurons) : 'no touch cells there in this circuit';
    this.mark(this.lastPoke.x, this.lastPoke.y, `${st.kind} touch · ${where} → ${who}`, st.kind === 'harsh' ? palette.warning : palette.accentHi);
  }

  /** A ring and a label at a world point that fade out (touch feedback). */
  private mark(xMm: number, yMm: number, label: string, color: number): void {
    const x = this.cam.screenX(xMm);
    const y = this.cam.screenY(yMm);
    const ring = this.add.graphics().setDepth(12);
    ring.lineStyle(2, color, 1).strokeCircle(x, y, 10);
    const text = this.add
      .text(x + 14, y - 14, label, textStyle(12, { color }))
      .setOrigin(0, 1)
      .setDepth(12)
      .setBackgroundColor('rgba(11,16,22,0.75)')
      .setPadding(4, 2, 4, 2);
    // Keep the label on the plate: flip it left of the point near the right edge, below it near the top.
    const r = this.plateRect;
    if (x + 14 + text.width > r.x + r.w - 4) text.setX(x - 14).setOrigin(1, text.originY);
    if (y - 14 - text.height < r.y + 4) text.setY(y + 14).setOrigin(text.originX, 0);
    this.tweens.add({
      targets: [ring, text],
      alpha: 0,
      delay: this.reducedMotion ? 1400 : 900,
      duration: 600,
      onComplete: () => {
        ring.destroy();
        text.destroy();
      },
    });
  }

  private onEvent(e: BehaviourEvent): void {
    // The pose shows a reversal a few hundred ms after the touch, when the touch cell has already
    // quietened: name the pathway from each neuron's recent peak, not from this instant.
    const out = this.recent;
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

  override update(): void {
    if (!this.sim) return;
    const t0 = performance.now();
    const delta = this.frameClock.delta(t0);
    this.sim.advance(delta, this.speed);
    this.checkRun();
    const t1 = performance.now();
    this.drawSim(this.sim.paused ? 0 : delta * this.speed);
    const t2 = performance.now();
    // Exponential average over ~60 frames.
    const c = this.cost;
    const k = c.frames < 60 ? 1 / ++c.frames : 1 / 60;
    c.simMs += (t1 - t0 - c.simMs) * k;
    c.drawMs += (t2 - t1 - c.drawMs) * k;
  }

  // ---- challenge ----------------------------------------------------------------

  /** Reads the run after the simulation moved; ends it with a result card when won or lost. */
  private checkRun(): void {
    const run = this.run;
    if (!run || this.result) return;
    const s = run.update();
    const now = this.time.now;
    if (s.status === 'running' && now - this.hudAt < 200) return;
    this.hudAt = now;
    this.hud.setText(hudText(run.challenge, s));
    if (s.status !== 'running') this.finish(run.challenge, { ...s });
  }

  private finish(c: Challenge, s: RunState): void {
    this.sim?.pause();
    this.timeBar.setPaused(true);
    const best = app().storage.recordResult(c.id, { won: s.status === 'won', score: s.score, timeMs: s.elapsedMs });
    const won = s.status === 'won';
    this.toast.announce({ title: won ? `Challenge won · ${s.score} points` : 'Challenge lost', detail: s.reason, kind: won ? 'good' : 'warn' });
    const bg = this.add.graphics();
    const title = this.add
      .text(0, 0, won ? 'Well done!' : 'Not this time', textStyle(26, { bold: true, color: won ? palette.ok : palette.warning }))
      .setOrigin(0.5, 0);
    const lines = [
      s.reason,
      `Time ${formatTime(s.elapsedMs)} · score ${s.score}${best.newBestScore && won ? ' · new best!' : ''}`,
      `${s.touches} touches · ${s.foods} food drops · ${s.reversals} reversals${s.penaltyMs > 0 ? ` · ${formatTime(s.penaltyMs)} in the ${c.penaltyZone?.zone} zone` : ''}`,
    ];
    const body = this.add.text(0, 0, lines.join('\n'), textStyle(15, { color: palette.textMuted, lineSpacing: 6, align: 'center' })).setOrigin(0.5, 0);
    const again = new Button(this, 0, 0, {
      label: 'Try again',
      variant: 'primary',
      width: 150,
      height: 42,
      onClick: () => this.scene.restart({ challenge: c.id }),
    });
    const list = new Button(this, 0, 0, { label: 'All challenges', width: 160, height: 42, onClick: () => this.scene.start(SCENES.challenges) });
    const editor = c.needsEditor
      ? new Button(this, 0, 0, { label: 'Open the editor', width: 170, height: 42, onClick: () => this.scene.start(SCENES.editor) })
      : null;
    this.resultButtons = [again, list, ...(editor ? [editor] : [])];
    this.result = this.add.container(0, 0, [bg, title, body]).setDepth(850);
    this.resultButtons.forEach((b) => b.setDepth(851));
    this.layoutResult();
  }

  private layoutResult(): void {
    const r = this.result;
    if (!r) return;
    const p = this.plateRect;
    const w = Math.min(520, p.w - 24);
    const h = 210;
    const x = p.x + (p.w - w) / 2;
    const y = p.y + (p.h - h) / 2;
    const [bg, title, body] = r.list as [Phaser.GameObjects.Graphics, Phaser.GameObjects.Text, Phaser.GameObjects.Text];
    bg.clear();
    bg.fillStyle(palette.panel, 0.96);
    bg.fillRoundedRect(x, y, w, h, 14);
    bg.lineStyle(1, palette.borderHi, 1);
    bg.strokeRoundedRect(x + 0.5, y + 0.5, w - 1, h - 1, 14);
    title.setPosition(x + w / 2, y + 16);
    body.setPosition(x + w / 2, y + 58).setWordWrapWidth(w - 32, true);
    const n = this.resultButtons.length;
    const widths = this.resultButtons.map((b) => b.width);
    const total = widths.reduce((a, b) => a + b, 0) + 10 * (n - 1);
    let bx = x + (w - total) / 2;
    this.resultButtons.forEach((b, i) => {
      b.setPosition(bx + widths[i] / 2, y + h - 34);
      bx += widths[i] + 10;
    });
  }

  private drawSim(dtMs: number): void {
    const sim = this.sim;
    if (!sim) return;
    const t = sim.telemetry();
    this.trackRecent(t.output, t.timeMs);
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
      case 'food': {
        const l = this.linked;
        this.run?.noteFood();
        if (l?.isFree && !l.isFree(x, y)) {
          this.toast.announce({ title: 'No room for food there', detail: 'Drop it on open agar, not on a wall or off the plate.', kind: 'warn' });
          break;
        }
        sim.dropFood(x, y);
        if (l?.currentArena) this.repaintArena();
        else {
          this.plate.addFood(x, y, 0.35);
          this.plate.layout(this.cam);
        }
        break;
      }
      case 'heat':
        sim.heatSpot(x, y, HEAT_DELTA_C, HEAT_RADIUS_MM);
        this.heatSpots.push({ id: `heat-${this.heatSpots.length + 1}`, kind: 'heat', shape: { kind: 'circle', x, y, r: HEAT_RADIUS_MM } });
        this.repaintArena();
        break;
      case 'tap':
        sim.tapPlate(0.6);
        break;
      default:
        this.lastPoke = { x, y, kind: harsh ? 'harsh' : 'gentle', at: sim.pokeAt(x, y, { kind: harsh ? 'harsh' : 'gentle' }) };
    }
  }

  /**
   * Pushes the body at s (0 nose .. 1 tail) in the drag's direction: a touch on
   * the opposite side, stronger for a longer drag. The skin feels it (harsh).
   */
  private nudge(s: number, dxPx: number, dyPx: number): void {
    const sim = this.sim;
    if (!sim) return;
    const pose = sim.telemetry().pose;
    const n = pose.length / 2;
    const i = Math.min(n - 2, Math.max(0, Math.round(s * (n - 1))));
    // Body direction towards the head at that point, and its left normal (+90°, the body's convention).
    const tx = pose[2 * i] - pose[2 * i + 2];
    const ty = pose[2 * i + 1] - pose[2 * i + 3];
    const dxMm = dxPx / this.cam.pxPerMm;
    const dyMm = dyPx / this.cam.pxPerMm;
    const towardLeft = -ty * dxMm + tx * dyMm > 0;
    // Half a body length of drag = the strongest push (a free point moves ~0.08 mm: a poke is a bounded force, not a drag of the body).
    const force = Math.min(1, Math.max(0.2, Math.hypot(dxMm, dyMm) / Math.max(1e-6, 0.5 * sim.bodyLengthMm)));
    // Touched on the left ⇒ pushed right, so a push to the left is a touch on the right.
    // A push strong enough to move the body is a harsh mechanical stimulus, and the skin reports it as one.
    sim.poke(s, { side: towardLeft ? -1 : 1, kind: 'harsh', force });
    const x = pose[2 * i];
    const y = pose[2 * i + 1];
    this.lastPoke = { x, y, kind: 'nudge', at: s };
  }

  /** Each neuron's output peak over the last second or so (a decaying maximum, per simulated ms). */
  private trackRecent(out: Float64Array, timeMs: number): void {
    if (!this.recent || this.recent.length !== out.length) {
      this.recent = new Float64Array(out.length);
      this.recentAt = timeMs;
    }
    const dt = timeMs - this.recentAt;
    this.recentAt = timeMs;
    const k = dt > 0 ? Math.exp(-dt / RECENT_TAU_MS) : 1;
    const r = this.recent;
    for (let i = 0; i < r.length; i++) r[i] = Math.max(out[i], r[i] * k);
  }

  /** The arena as the world has it now (food dropped or eaten) plus the player's heat spots. */
  private repaintArena(): void {
    const base = this.linked?.currentArena?.() ?? this.arena;
    this.arena = { ...base, zones: [...(base.zones ?? []), ...this.heatSpots] };
    this.plate.setArena(this.arena);
    this.plate.layout(this.cam);
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
    this.neural.setPicked(
      this.probes,
      this.probes.map((_, k) => TRACE_COLORS[k]),
    );
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
      const zoom = span / 3 / Math.max(1e-6, sim.bodyLengthMm) / this.cam.basePxPerMm;
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
    this.fitView(false, !this.challenge);
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
    this.hud
      .setPosition(plate.x + 10, plate.y + plate.h - 10)
      .setOrigin(0, 1)
      .setWordWrapWidth(plate.w - 20, true);
    this.hud.setBackgroundColor(this.challenge ? 'rgba(11,16,22,0.78)' : 'rgba(0,0,0,0)').setPadding(this.challenge ? 8 : 0);
    this.layoutResult();
    this.drawSim(0);
  }
}

function drawArrow(g: Phaser.GameObjects.Graphics, x0: number, y0: number, x1: number, y1: number): void {
  g.clear();
  const a = Math.atan2(y1 - y0, x1 - x0);
  g.lineStyle(3, palette.accentHi, 0.9);
  g.lineBetween(x0, y0, x1, y1);
  g.fillStyle(palette.accentHi, 0.9);
  g.fillTriangle(x1, y1, x1 - 12 * Math.cos(a - 0.45), y1 - 12 * Math.sin(a - 0.45), x1 - 12 * Math.cos(a + 0.45), y1 - 12 * Math.sin(a + 0.45));
}

/** How long a neuron's recent peak lingers for announcements, simulated ms. */
const RECENT_TAU_MS = 800;

/** Heat tool: +°C at the centre, falling to 0 at the radius (mm). */
const HEAT_DELTA_C = 6;
const HEAT_RADIUS_MM = 0.4;

/** "ALML, AVM" or "ALML, ALMR, AVM +2". */
function shortList(ids: readonly string[]): string {
  return ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} +${ids.length - 3}`;
}

function tryCut(sim: SimulationApi, from: string, to: string): void {
  if (!sim.neuronIds.includes(from) || !sim.neuronIds.includes(to)) return;
  try {
    sim.cutSynapse(from, to);
  } catch {
    // No such synapse in this circuit: nothing to cut.
  }
}

function hudText(c: Challenge, s: RunState): string {
  const parts = [`${formatTime(s.elapsedMs)} / ${formatTime(c.timeLimitMs)}`, `score ${s.score}`];
  if (c.touchCost || c.forbiddenTouch) parts.push(`touches ${s.touches}`);
  if (c.foodCost) parts.push(`food ${s.foods}`);
  if (c.penaltyZone) parts.push(`in ${c.penaltyZone.zone} ${formatTime(s.penaltyMs)}`);
  if (c.win.kind === 'reversals') parts.push(`reversals ${s.reversals}/${c.win.count}`);
  return `Goal: ${c.goal}\n${parts.join(' · ')}`;
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
