import type Phaser from 'phaser';
import type { Subscription } from 'rxjs';
import { getBuiltinCircuit } from '../src/circuits/builtin';
import type { Circuit } from '../src/circuits/types';
import { RealTimeRunner, type ViewFrame } from '../src/sim/runner';
import { app } from './app';
import { FrameClock } from './frame-clock';
import { BaseScene, HEADER_H } from './BaseScene';
import { SCENES } from './keys';
import { downloadRecording, PlayRecorder, recordedCircuit, type RecordedCircuit } from './recording';
import { circuitFrom } from '../src/sim/factory';
import { type GameSim, type LinkedSimulation, WORM_CIRCUIT } from './sim-factory';
import { loadedWholeWorm, switchWholeWorm, WHOLE_WORM_NAME, WHOLE_WORM_STATE } from './whole-worm';
import { playerCircuit, setPlayerCircuit, simulationFactory } from './sim-link';
import { challengeById, type Challenge } from './challenges/catalog';
import { brokenCircuitDoc, readChallengeCircuit } from './challenges/circuit';
import { ChallengeRun } from './challenges/runner';
import { startTouchCheck } from './challenges/touch-check-client';
import { browserStore } from './storage';
import { provideProbe } from './testing-hook';
import { Button } from './ui/Button';
import { TimeBar } from './ui/TimeBar';
import { Toast, type Announcement } from './ui/Toast';
import { palette } from './ui/theme';
import { arenaBox, type ArenaView } from './view/arena-view';
import { WorldCamera } from './view/camera';
import { circuitViewFromSpec, type CircuitView } from './view/circuit-view';
import { PLAYGROUND_ARENA } from './view/default-arena';
import { NeuralView } from './view/NeuralView';
import { LearningStrip } from './playground/LearningStrip';
import { Oscilloscope } from './view/Oscilloscope';
import { simulationScope } from './view/scope-sources';
import { PlateRenderer } from './view/PlateRenderer';
import { WormRenderer } from './view/WormRenderer';
import { Announcer } from './playground/Announcer';
import { PlateTools, TOOLS, type Tool } from './playground/PlateTools';
import { toolbarButtons } from './playground/toolbar';
import { playgroundProbe } from './playground/hook';
import { drawMatte, fitCamera, PAD, playgroundPanels, TOOLBAR_H } from './playground/panels';
import { Probes } from './playground/probes';
import { PlaygroundExperiment, type ExperimentSetup } from './playground/experiment';
import { ChallengeHud } from './playground/ChallengeHud';
import { TeachPhase, teachSetup, type TaughtStart } from './playground/teach';

/**
 * The worm on an agar plate, its nervous system beside it, an oscilloscope
 * below, time controls at the bottom.
 */
export class PlaygroundScene extends BaseScene {
  private cam!: WorldCamera;
  private plate!: PlateRenderer;
  private worm!: WormRenderer;
  private neural!: NeuralView;
  private learning!: LearningStrip;
  private scope!: Oscilloscope;
  private timeBar!: TimeBar;
  private toast!: Toast;
  private toolButtons: Button[] = [];
  private mediumButtons: Button[] = [];
  /** Opens the circuit editor on the circuit this worm runs (issue 7). */
  private editButton!: Button;
  /** Whether the camera keeps the worm in view (on by default; a pan by hand turns it off). */
  private follow = true;
  private followButton!: Button;
  private plateFrame!: Phaser.GameObjects.Graphics;
  /** Background-coloured frame around the plate view: hides plate and worm outside it when zoomed in. */
  private matte!: Phaser.GameObjects.Graphics;
  private sim: GameSim | null = null;
  /** The real-time clock: pause, speed, one frame per update for the views. */
  private runner: RealTimeRunner | null = null;
  private linked: LinkedSimulation | null = null;
  private circuit: CircuitView | null = null;
  private subs: Subscription[] = [];
  private probes!: Probes;
  private plateRect = { x: 0, y: 0, w: 1, h: 1 };
  private arena: ArenaView = PLAYGROUND_ARENA;
  private tools!: PlateTools;
  private recorder: PlayRecorder | null = null;
  private recorded: RecordedCircuit | null = null;
  private exportButton!: Button;
  /** The whole worm (302) when this run is of it. */
  private wholeWorm: Circuit | null = null;
  private wholeButton: Button | null = null;
  private closeFind: (() => void) | null = null;
  /** The worker checking a touch challenge's circuit, while it runs. */
  private checker: Worker | null = null;
  private announcer!: Announcer;
  private challenge: Challenge | null = null;
  /** Ablations and the control worm (playground/experiment.ts). */
  private experiment!: PlaygroundExperiment;
  /** The simulation whose neurons the neural view shows (the player's worm, or its control). */
  private neuralSim: GameSim | null = null;
  /** Both worms' poses for the following camera, when there is a control. */
  private bothPoses = new Float64Array(0);
  private run: ChallengeRun | null = null;
  private hud!: ChallengeHud;
  /** Teach the worm: the phase control, and what the teaching phase handed to this test phase. */
  private teach: TeachPhase | null = null;
  private taught: TaughtStart | undefined;
  /** Wall-clock ms spent in the simulation and in drawing, averaged over recent frames (for the fps report). */
  private cost = { simMs: 0, drawMs: 0, frames: 0 };
  private frameDrawMs = 0;
  private readonly frameClock = new FrameClock();

  constructor() {
    super(SCENES.playground);
  }

  protected build(data?: unknown): void {
    const settings = app().settings;
    const given = (data as ({ challenge?: string; circuit?: 'whole-worm'; taught?: TaughtStart } & Partial<ExperimentSetup>) | undefined) ?? {};
    const { challenge: id, circuit: asked } = given;
    this.taught = given.taught;
    this.challenge = id ? (challengeById(id) ?? null) : null;
    const setup: ExperimentSetup = { control: given.control === true || this.challenge?.control === true, ablated: given.ablated ?? [] };
    // The whole worm runs when asked for by name (it loads before the scene restarts to run it).
    this.wholeWorm = !this.challenge && asked === 'whole-worm' ? loadedWholeWorm() : null;
    this.backTo = this.challenge ? SCENES.challenges : SCENES.title;
    this.run = null;
    this.teach = null;
    this.cost = { simMs: 0, drawMs: 0, frames: 0 };
    this.frameClock.reset();
    this.sim = null;
    this.runner = null;
    this.circuit = null;
    this.addHeader(this.challenge ? `Challenge · ${this.challenge.title}` : 'Playground');
    this.hud = new ChallengeHud(
      {
        scene: this,
        toast: { announce: (a) => this.toast.announce(a) },
        ended: () => {
          this.runner?.pause();
          this.timeBar.setPaused(true);
        },
        actions: (c) => ({
          again: () => this.scene.restart({ challenge: c.id }),
          list: () => this.scene.start(SCENES.challenges),
          editor: () => this.scene.start(SCENES.editor, { from: SCENES.challenges, challenge: c.id }),
        }),
      },
      this.challenge !== null,
    );
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
      pickVerb: () => (this.tools.tool === 'ablate' ? 'ablate' : 'probe'),
      onPick: (i) => {
        if (this.tools.tool === 'ablate') {
          this.experiment.ablate(i);
          return;
        }
        this.probes.toggle(i);
        // A neuron picked is in focus: its synapses and its partners' names stand out (as a search finds it).
        this.neural.setFocus(this.probes.has(i) ? i : -1);
      },
    });
    this.learning = new LearningStrip(this, (a) => this.toast.announce(a));
    this.shortcut({ keys: ['l', 'L'], label: 'L', description: 'Freeze learned weights / learn again', run: () => this.learning.toggleFreeze() });
    this.shortcut({ keys: ['r', 'R'], label: 'R', description: 'Reset learned weights to the circuit’s', run: () => this.learning.reset() });
    this.scope = new Oscilloscope(this, { windowMs: 5000, unit: 'mV', range: 'auto', title: 'V' });
    this.probes = new Probes(this.scope, this.neural);
    this.toast = new Toast(this, { reducedMotion: settings.reducedMotion });
    this.timeBar = new TimeBar(this, {
      onPauseChange: (paused) => (paused ? this.runner?.pause() : this.runner?.resume()),
      onStep: () => this.runner?.step(),
      onSpeedChange: (s) => this.runner?.setSpeed(s),
    }).setDepth(800);
    this.onShutdown(this.timeBar.bindShortcuts(app().shortcuts, this.scene.key));

    ({ tools: this.toolButtons, media: this.mediumButtons } = toolbarButtons(
      this,
      (t) => this.setTool(t),
      (m) => this.setMedium(m),
    ));
    TOOLS.forEach((t) => this.shortcut({ keys: [t.key.toLowerCase(), t.key], label: t.key, description: t.label, run: () => this.setTool(t.tool) }));
    this.editButton = new Button(this, 0, 0, {
      label: 'Edit circuit',
      width: 130,
      height: 38,
      fontSize: 14,
      tooltip: "Open this worm's circuit in the editor",
      onClick: () => this.scene.start(SCENES.editor, { from: SCENES.playground, ...(this.challenge?.circuit && { challenge: this.challenge.id }) }),
    }).setDepth(901);
    this.follow = true;
    this.followButton = new Button(this, 0, 0, {
      label: 'Follow worm',
      width: 124,
      height: 32,
      fontSize: 13,
      tooltip: 'The camera keeps the worm in view (C)',
      onClick: () => this.setFollow(!this.follow),
    }).setDepth(30);
    this.wholeButton = this.challenge
      ? null
      : new Button(this, 0, 0, {
          label: this.wholeWorm ? 'Back to the worm' : WHOLE_WORM_NAME,
          width: 170,
          height: 38,
          fontSize: 14,
          tooltip: this.wholeWorm
            ? 'Run the built-in worm (or your circuit from the editor) again'
            : 'Run the whole connectome: all 302 neurons from the published wiring (it bends and feels a nose touch, but does not crawl well yet)',
          onClick: () => void switchWholeWorm(this.wholeWorm !== null, this.toast, (data) => this.scene.isActive() && this.scene.restart(data)),
        }).setDepth(901);
    this.exportButton = new Button(this, 0, 0, {
      label: 'Export recording',
      width: 150,
      height: 32,
      fontSize: 13,
      tooltip: 'Download what you did to this worm: neuroworm scenario record turns it into a scenario',
      onClick: () => {
        if (this.recorder && this.recorded) this.toast.announce(downloadRecording(this.recorder, this.recorded));
      },
    }).setDepth(30);
    this.shortcut({ keys: ['0'], label: '0', description: 'Whole plate in view', run: () => this.fitView() });
    this.shortcut({ keys: ['/'], label: '/', description: 'Find a neuron (probe and focus it)', run: () => this.findNeuron() });
    this.shortcut({
      keys: ['w', 'W'],
      label: 'W',
      description: 'Zoom to the worm (and follow it)',
      run: () => {
        this.setFollow(true, false);
        this.fitView(true, true);
      },
    });
    this.shortcut({ keys: ['c', 'C'], label: 'C', description: 'Camera follows the worm on/off', run: () => this.setFollow(!this.follow) });

    this.input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => {
      if (!this.onPlate(p)) return;
      this.cam.zoomAt(Math.exp(-dy * 0.0015), p.x, p.y);
      this.plate.layout(this.cam);
      this.drawSim(0);
    });
    this.tools = new PlateTools({
      scene: this,
      cam: this.cam,
      worm: this.worm,
      toast: this.toast,
      sim: () => this.sim,
      linked: () => this.linked,
      run: () => this.run,
      onPlate: (p) => this.onPlate(p),
      viewMoved: () => {
        // Panning by hand takes the camera: following would pull it straight back.
        if (this.follow) this.setFollow(false);
        this.plate.layout(this.cam);
        this.drawSim(0);
      },
      repaintArena: (heat) => this.repaintArena(heat),
      recorder: () => this.recorder,
      addFood: (x, y) => {
        this.plate.addFood(x, y, 0.35);
        this.plate.layout(this.cam);
      },
    });
    this.announcer = new Announcer({
      scene: this,
      toast: this.toast,
      cam: this.cam,
      plateRect: () => this.plateRect,
      circuit: () => this.circuit,
      lastPoke: () => this.tools.lastPoke,
      reducedMotion: () => this.reducedMotion,
    });

    this.experiment = this.makeExperiment(setup);
    this.onShutdown(() => this.experiment.dispose());
    this.shortcut({ keys: ['v', 'V'], label: 'V', description: "Neural view: the control's neurons or yours", run: () => this.experiment.toggleNeurons() });
    this.startSimulation();
    this.setTool(this.challenge?.win.kind === 'ablation' ? 'ablate' : 'touch');
    this.fitView(false);
  }

  // ---- simulation wiring ------------------------------------------------------

  private startSimulation(): void {
    const factory = simulationFactory();
    const c = this.challenge;
    const teach = c ? teachSetup(c, this.taught) : null;
    const arenaName = teach?.arena ?? c?.arena ?? 'plate';
    // A challenge that needs the editor runs the player's repair of its broken circuit (the broken one until
    // there is a repair); Teach the worm its own worm; anything else the circuit from the editor, if there is one, else the built-in worm.
    const broken = c ? brokenCircuitDoc(c) : null;
    const fallback = broken ?? teach?.circuit ?? WORM_CIRCUIT;
    let own: unknown = teach ? null : c && broken ? readChallengeCircuit(browserStore(), c.id) : (this.wholeWorm ?? playerCircuit());
    let linked: LinkedSimulation;
    try {
      linked = factory({ circuit: own ?? fallback, arena: arenaName, seed: 1, hoursOffFood: teach?.hoursOffFood });
    } catch (e) {
      if (!own) throw e;
      // The player's circuit does not run: say why and fall back.
      if (!broken) setPlayerCircuit(null);
      own = null;
      const detail = (e as Error).message.slice(0, 160);
      this.announceLater({ title: 'Your circuit could not run', detail, kind: 'warn' });
      linked = factory({ circuit: fallback, arena: arenaName, seed: 1, hoursOffFood: teach?.hoursOffFood });
    }
    if (c) this.run = new ChallengeRun(c, linked.sim, this.taught?.carry);
    const sim = this.experiment.attach(linked, { circuit: own ?? fallback, arena: arenaName, seed: 1 }, factory);
    this.sim = sim;
    this.neuralSim = linked.sim;
    this.learning.setSim(linked.sim);
    this.linked = linked;
    const runner = new RealTimeRunner(sim);
    this.runner = runner;
    this.subs.push(runner.frames$.subscribe((f) => this.drawFrame(f)));
    this.scope.setSource(simulationScope(sim));
    // Everything the player does from here, for Export recording (a scenario of it replays this worm).
    this.recorded = recordedCircuit(circuitFrom(own ?? fallback), c && broken ? `${c.id}.json` : undefined);
    this.recorder = new PlayRecorder(sim, { circuit: this.recorded.name, arena: arenaName, seed: 1 });
    this.experiment.recordStart(this.recorder);
    if (c) {
      if (c.win.kind === 'touch-reversals') {
        // Does the circuit answer a head touch (against an untouched twin)? A worker checks; the run is told when it knows.
        const warn = (m: string) => this.toast.announce({ title: 'Could not check the circuit', detail: m.slice(0, 160), kind: 'warn' });
        const doc = own ? (own as Circuit).doc : (broken ?? getBuiltinCircuit(WORM_CIRCUIT).doc);
        this.checker = startTouchCheck(doc, arenaName, 1, (check) => this.run?.setTouchCheck(check), warn);
      }
      if (teach) {
        const restart = (taught: TaughtStart) => this.scene.restart({ challenge: c.id, taught });
        const shortcut = (k: string, description: string, run: () => void) =>
          this.shortcut({ keys: [k, k.toUpperCase()], label: k.toUpperCase(), description, run });
        const parts = { scene: this, challenge: c, sim, run: () => this.run, test: restart, shortcut };
        this.teach = new TeachPhase({ ...parts, announce: (a) => this.announceLater(a) }, this.taught);
      }
      if (broken)
        this.announceLater(
          own
            ? { title: 'Running your circuit from the editor', detail: 'Touch the head gently: does it back away?' }
            : { title: 'The circuit is still broken', detail: `${c.circuit?.hint}: Edit circuit to repair it`, kind: 'warn' },
        );
    }
    if (linked.arena) this.showArena(linked.arena);
    if (linked.network) this.setCircuitView(circuitViewFromSpec(linked.network, linked.layout));
    this.subs.push(sim.events$.subscribe((e) => this.announcer.onEvent(e, sim.telemetry())));
    this.subs.push(sim.stimuli$.subscribe((st) => this.announcer.onStimulus(st)));
    if (this.wholeWorm) this.announceLater({ title: WHOLE_WORM_NAME, detail: WHOLE_WORM_STATE });
    else if (own && !broken) {
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
      this.runner?.dispose();
      this.runner = null;
      this.scope.detach();
      this.sim = null;
      this.linked = null;
      this.run?.dispose();
      this.run = null;
      this.teach?.dispose();
      this.checker?.terminate();
      this.checker = null;
      this.recorder?.dispose();
      this.recorder = null;
      this.closeFind?.();
      this.closeFind = null;
    });
    this.mediumButtons.forEach((b) => b.setSelected(b.label.toLowerCase() === sim.medium));
    provideProbe(
      this,
      playgroundProbe({
        sim,
        cam: this.cam,
        neural: this.neural,
        scope: this.scope,
        toast: this.toast,
        tools: this.tools,
        challengeId: this.challenge?.id ?? null,
        run: () => this.run,
        result: () => this.hud.result,
        follow: () => this.follow,
        runner,
        plateRect: () => this.plateRect,
        cost: () => this.cost,
        synapseCount: () => this.circuit?.synapseCount ?? null,
        advance: (ms) => {
          sim.run(ms);
          this.hud.check(this.run);
          this.drawSim(0);
        },
        extra: () => ({
          recording: this.recorder ? { actions: this.recorder.count, circuit: this.recorded?.name } : null,
          experiment: this.experiment.info(),
          learning: this.learning.state,
        }),
        loadCircuit: (circuit) => {
          setPlayerCircuit(circuit);
          this.scene.restart(this.challenge ? { challenge: this.challenge.id } : undefined);
        },
      }),
    );
  }

  /** '/': a search field over the neural view; the neuron found goes on the oscilloscope and into focus. */
  private findNeuron(): void {
    if (!this.circuit) return;
    this.closeFind?.();
    this.closeFind = this.probes.find(this.circuit.ids, this.toast);
  }

  /** Ablations and the control worm; the ablation challenge's check runs on the built-in worm. */
  private makeExperiment(setup: ExperimentSetup): PlaygroundExperiment {
    const c = this.challenge;
    const restart = (s: ExperimentSetup) => this.scene.restart({ ...(c && { challenge: c.id }), ...(this.wholeWorm && { circuit: 'whole-worm' }), ...s });
    const showNeurons = (sim: GameSim) => {
      this.neuralSim = sim;
      this.drawSim(0);
    };
    const circuitDoc = () => (c?.win.kind === 'ablation' ? getBuiltinCircuit(WORM_CIRCUIT).doc : null);
    const parts = { scene: this, neural: this.neural, toast: this.toast, run: () => this.run, recorder: () => this.recorder };
    const more = { reducedMotion: () => this.reducedMotion, circuitDoc, arena: c?.arena ?? 'plate', seed: 1, restart, showNeurons };
    return new PlaygroundExperiment({ ...parts, ...more }, setup, c?.control === true);
  }

  private setCircuitView(view: CircuitView): void {
    this.circuit = view;
    this.neural.setCircuit(view);
    this.probes.setCircuit(view);
  }

  /** An announcement made while the scene is being built: shown once the layout has placed the toast. */
  private announceLater(a: Announcement): void {
    this.time.delayedCall(50, () => this.toast.announce(a));
  }

  override update(): void {
    if (!this.runner) return;
    const t0 = performance.now();
    this.frameDrawMs = 0;
    // The runner steps the simulation and hands the frame to drawFrame (the views' subscription).
    this.runner.advance(this.frameClock.delta(t0));
    const total = performance.now() - t0;
    // Exponential average over ~60 frames.
    const c = this.cost;
    const k = c.frames < 60 ? 1 / ++c.frames : 1 / 60;
    c.simMs += (total - this.frameDrawMs - c.simMs) * k;
    c.drawMs += (this.frameDrawMs - c.drawMs) * k;
  }

  /** One rendered frame from the runner: the challenge reads the new state, the views draw it. */
  private drawFrame(f: ViewFrame): void {
    this.hud.check(this.run);
    const t = performance.now();
    this.drawSim(f.dtMs, f.spiked);
    this.frameDrawMs += performance.now() - t;
  }

  /** Draws the latest frame; `spiked` = every spike since the last frame (the runner's), else the last step's. */
  private drawSim(dtMs: number, spiked?: Uint8Array): void {
    const sim = this.sim;
    if (!sim) return;
    const t = sim.telemetry();
    // Following: the camera glides so the whole body (both bodies, with a control) stays in the middle of the plate view.
    if (this.follow && this.cam.keepPointsInView(this.followed(t.pose))) this.plate.layout(this.cam);
    this.announcer.track(t.output, t.timeMs);
    this.worm.draw(t.pose, this.cam, sim.bodyLengthMm, t.muscles, sim.segments);
    this.experiment.draw(this.cam);
    const n = this.neuralSim && this.neuralSim !== this.linked?.sim ? this.neuralSim.telemetry() : null;
    if (n) this.neural.update(n.output, n.spiked, dtMs, n.v);
    else this.neural.update(t.output, spiked ?? t.spiked, dtMs, t.v);
    this.learning.update();
    this.scope.draw();
    this.timeBar.setTime(t.timeMs);
  }

  /** The points the following camera keeps in view: the worm's, and its control's beside it. */
  private followed(pose: Float64Array): Float64Array {
    const c = this.experiment.control?.telemetry().pose;
    if (!c) return pose;
    if (this.bothPoses.length !== pose.length + c.length) this.bothPoses = new Float64Array(pose.length + c.length);
    this.bothPoses.set(pose);
    this.bothPoses.set(c, pose.length);
    return this.bothPoses;
  }

  private setFollow(on: boolean, say = true): void {
    this.follow = on;
    this.followButton.setSelected(on);
    if (say)
      this.toast.announce(
        on ? { title: 'Camera follows the worm', detail: 'C to stop' } : { title: 'Camera stays put', detail: 'C or Follow worm to follow the worm again' },
      );
    if (on) this.drawSim(0);
  }

  // ---- tools ------------------------------------------------------------------

  private setTool(tool: Tool): void {
    this.tools.tool = tool;
    this.toolButtons.forEach((b, i) => b.setSelected(TOOLS[i].tool === tool));
  }

  private setMedium(m: 'agar' | 'water'): void {
    this.sim?.setMedium(m);
    this.recorder?.medium(m);
    this.mediumButtons.forEach((b) => b.setSelected(b.label.toLowerCase() === m));
    this.showArena({ ...this.arena, medium: m }); // the plate shows the medium the worm is in
  }

  /** The arena as the world has it now (food dropped or eaten) plus the player's heat spots. */
  private repaintArena(heat: NonNullable<ArenaView['zones']>): void {
    const base = this.linked?.currentArena?.() ?? this.arena;
    this.showArena({ ...base, zones: [...(base.zones ?? []), ...heat] });
  }

  private showArena(a: ArenaView): void {
    this.arena = a;
    this.plate.setArena(a);
    this.plate.layout(this.cam);
  }

  // ---- layout -----------------------------------------------------------------

  private onPlate(p: Phaser.Input.Pointer): boolean {
    const r = this.plateRect;
    return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
  }

  /** Whole plate in view; with a worm, zoomed so it spans about a third of the view, centred on it. */
  private fitView(redraw = true, onWorm = false): void {
    const sim = this.sim;
    fitCamera(this.cam, arenaBox(this.arena), onWorm && sim ? { pose: sim.telemetry().pose, lengthMm: sim.bodyLengthMm } : null);
    if (redraw) {
      this.plate.layout(this.cam);
      this.drawSim(0);
    }
  }

  protected layout(width: number, height: number): void {
    this.editButton.setPosition(width - 12 - 42 - 12 - 65, HEADER_H / 2);
    this.wholeButton?.setPosition(width - 12 - 42 - 12 - 130 - 12 - 85, HEADER_H / 2);
    const pad = PAD;
    const toolbarH = TOOLBAR_H;
    const barH = this.timeBar.barHeight;
    const { toolbarY, plate, neural, scope } = playgroundPanels(width, height, barH);
    const lh = this.learning.height;
    this.neural.setRect(neural.x, neural.y, neural.w, neural.h - lh);
    this.learning.setRect(neural.x, neural.y + neural.h - lh, neural.w);
    this.scope.setRect(scope.x, scope.y, scope.w, scope.h);
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
    this.followButton.setSelected(this.follow).setPosition(plate.x + plate.w - 10 - 62, plate.y + plate.h - 10 - 16);
    this.exportButton.setPosition(plate.x + plate.w - 10 - 75, plate.y + plate.h - 10 - 32 - 8 - 16);
    this.experiment.layout({ x: plate.x + plate.w - 10, y: plate.y + plate.h - 10 - 2 * (32 + 8) });
    this.teach?.layout(plate.x + plate.w - 10, plate.y + plate.h - 10 - 3 * (32 + 8));
    this.hud.layout(plate);
    this.drawSim(0);
  }
}
