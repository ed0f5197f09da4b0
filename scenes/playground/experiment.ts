import type Phaser from 'phaser';
import type { Subscription } from 'rxjs';
import type { CircuitDoc } from '../../src/circuits/types';
import type { SimulationOptions } from '../../src/sim/types';
import type { ChallengeRun } from '../challenges/runner';
import { startAblationCheck } from '../challenges/touch-check-client';
import type { PlayRecorder } from '../recording';
import type { GameSim, LinkedSimulation } from '../sim-factory';
import { Button } from '../ui/Button';
import type { Toast } from '../ui/Toast';
import { palette, textStyle } from '../ui/theme';
import type { WorldCamera } from '../view/camera';
import type { NeuralView } from '../view/NeuralView';
import { WormRenderer } from '../view/WormRenderer';
import { AblationMarks } from './Ablation';
import { addControl, type WithControl } from './control-worm';

/** What the playground restarts with: an intact control beside the worm, and the neurons ablated in it. */
export interface ExperimentSetup {
  control: boolean;
  ablated: readonly string[];
}

export interface ExperimentParts {
  scene: Phaser.Scene;
  neural: NeuralView;
  toast: Toast;
  reducedMotion(): boolean;
  run(): ChallengeRun | null;
  /** Where the player's actions are noted for Export recording (ablations too). */
  recorder(): PlayRecorder | null;
  /** The circuit the worm runs, for the ablation challenge's paired check (null: no check). */
  circuitDoc(): CircuitDoc | null;
  arena: string;
  seed: number;
  /** Start the playground again with this setup (undo, control on or off). */
  restart(setup: ExperimentSetup): void;
  /** The neural view should now show this telemetry (the player's worm or the control's). */
  showNeurons(sim: GameSim): void;
}

/**
 * The playground as a laboratory (issue 15 §6): the Ablate tool kills the
 * neuron clicked in the neural view (the simulation's ablate, with a laser
 * flash and the list of what is dead), Ctrl+Z brings the last one back (a
 * killed cell cannot be revived, so the experiment starts again without it),
 * and "Add control worm" puts an intact worm of the same seed beside the
 * player's, given every touch, tap, food and heat at the same body places
 * (src/sim/control-pair.ts). V switches the neural view between the two.
 */
export class PlaygroundExperiment {
  private readonly marks: AblationMarks;
  private readonly ablated: string[];
  private pair: WithControl | null = null;
  private treated: GameSim | null = null;
  private controlWorm: WormRenderer | null = null;
  private controlLabel: Phaser.GameObjects.Text | null = null;
  /** With a control: what the player's worm is ("AVA ablated"), over it. */
  private yoursLabel: Phaser.GameObjects.Text | null = null;
  private readonly controlButton: Button;
  private readonly neuronsButton: Button;
  private showingControl = false;
  private checker: Worker | null = null;
  private readonly subs: Subscription[] = [];
  /** Reversal starts of each worm since the scene started (for the test hook and the announcements). */
  readonly reversals = { yours: 0, control: 0 };
  /** Touches each worm felt from the player's tools (pokes, not wall contacts). */
  readonly touches = { yours: 0, control: 0 };
  private readonly offKey: () => void;

  constructor(
    private readonly p: ExperimentParts,
    private readonly setup: ExperimentSetup,
    /** A challenge that needs the control: it cannot be taken away. */
    controlRequired: boolean,
  ) {
    this.ablated = [...setup.ablated];
    this.marks = new AblationMarks(p.scene, p.neural, p.reducedMotion);
    this.controlButton = new Button(p.scene, 0, 0, {
      label: setup.control ? 'Remove control' : 'Add control worm',
      width: 150,
      height: 32,
      fontSize: 13,
      tooltip: setup.control
        ? 'Take the control worm away (the experiment starts again)'
        : 'An intact worm of the same seed beside yours, given every touch, tap, food and heat at the same places on its body',
      enabled: !controlRequired,
      onClick: () => this.p.restart({ control: !setup.control, ablated: this.ablated }),
    }).setDepth(30);
    this.neuronsButton = new Button(p.scene, 0, 0, {
      label: 'Neurons: yours',
      width: 150,
      height: 32,
      fontSize: 13,
      tooltip: "Show the control worm's neurons or yours in the neural view (V)",
      onClick: () => this.toggleNeurons(),
    })
      .setDepth(30)
      .setVisible(setup.control);
    // Ctrl/Cmd+Z: the game's shortcut registry leaves chords to the browser, so the scene listens itself.
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && p.scene.scene.isActive()) {
        e.preventDefault();
        this.undo();
      }
    };
    window.addEventListener('keydown', onKey);
    this.offKey = () => window.removeEventListener('keydown', onKey);
  }

  /**
   * After the simulation is built: the control beside it (if asked for) and
   * the setup's ablations in the player's worm. Returns what the scene drives.
   */
  attach(linked: LinkedSimulation, options: SimulationOptions, make: (o: SimulationOptions) => LinkedSimulation): GameSim {
    let sim = linked.sim;
    this.treated = sim;
    if (this.setup.control) {
      try {
        this.pair = addControl(linked, options, make);
        sim = this.pair.sim;
        this.controlWorm = new WormRenderer(this.p.scene, { detailed: false }, 9);
        this.controlWorm.graphics.setAlpha(0.8);
        const label = (color: number) => this.p.scene.add.text(0, 0, '', textStyle(12, { color })).setOrigin(0.5, 1).setDepth(12);
        this.controlLabel = label(palette.ok).setText('control (intact)');
        this.yoursLabel = label(palette.danger);
        const c = this.pair.control;
        this.subs.push(
          c.events$.subscribe((e) => e.type === 'reversal-start' && this.reversals.control++),
          c.stimuli$.subscribe((st) => st.type === 'touch' && st.source === 'poke' && this.touches.control++),
        );
      } catch (e) {
        this.p.toast.announce({ title: 'No control worm', detail: (e as Error).message.slice(0, 160), kind: 'warn' });
      }
    }
    this.subs.push(
      linked.sim.events$.subscribe((e) => e.type === 'reversal-start' && this.reversals.yours++),
      linked.sim.stimuli$.subscribe((st) => st.type === 'touch' && st.source === 'poke' && this.touches.yours++),
    );
    const ids = linked.sim.neuronIds;
    const known = this.ablated.filter((id) => ids.includes(id));
    this.ablated.length = 0;
    this.ablated.push(...known);
    for (const id of known) linked.sim.ablate(id);
    this.changed(false);
    return sim;
  }

  /** The Ablate tool picked neuron i of the neural view: kill it in the player's worm (never the control). */
  ablate(i: number): void {
    const sim = this.treated;
    const id = sim?.neuronIds[i];
    if (!sim || id === undefined) return;
    if (this.ablated.includes(id)) {
      this.p.toast.announce({ title: `${id} is already ablated`, detail: 'Ctrl+Z brings the last ablated neuron back' });
      return;
    }
    sim.ablate(id);
    this.p.recorder()?.ablate(id);
    this.ablated.push(id);
    this.marks.flash(i);
    this.p.toast.announce({
      title: `${id} ablated`,
      detail: this.pair ? 'killed by the laser in your worm; the control keeps it' : 'killed by the laser: it sends and receives nothing now',
      kind: 'warn',
    });
    this.changed(true);
  }

  /** A new recording starts: the ablations the worm started with are its first actions. */
  recordStart(recorder: PlayRecorder): void {
    for (const id of this.ablated) recorder.ablate(id);
  }

  /** Ctrl+Z: the last ablated neuron back — the experiment starts again without it. */
  undo(): void {
    const last = this.ablated.at(-1);
    if (!last) {
      this.p.toast.announce({ title: 'Nothing to undo', detail: 'no neuron is ablated' });
      return;
    }
    this.p.restart({ control: this.setup.control, ablated: this.ablated.slice(0, -1) });
  }

  /** V: the neural view shows the control's neurons or the player's worm's. */
  toggleNeurons(): void {
    if (!this.pair || !this.treated) return;
    this.showingControl = !this.showingControl;
    this.p.showNeurons(this.showingControl ? this.pair.control : this.treated);
    this.neuronsButton.setLabel(this.showingControl ? 'Neurons: control' : 'Neurons: yours');
    this.marks.set(this.showingControl ? [] : this.ablated, this.showingControl ? [] : this.indices());
  }

  /** Draws the control worm (after the scene drew the player's) and names both. */
  draw(cam: WorldCamera): void {
    const c = this.pair?.control;
    if (!c || !this.controlWorm || !this.controlLabel || !this.yoursLabel || !this.treated) return;
    const t = c.telemetry();
    this.controlWorm.draw(t.pose, cam, c.bodyLengthMm, t.muscles, c.segments);
    const label = (text: Phaser.GameObjects.Text, pose: Float64Array): void => {
      let top = Infinity;
      let sx = 0;
      for (let i = 0; i < pose.length; i += 2) {
        sx += pose[i] / (pose.length / 2);
        top = Math.min(top, cam.screenY(pose[i + 1]));
      }
      text.setPosition(cam.screenX(sx), top - 10);
    };
    label(this.controlLabel, t.pose);
    this.yoursLabel.setText(this.ablated.length ? `${this.ablated.join(', ')} ablated` : 'yours (intact)');
    label(this.yoursLabel, this.treated.telemetry().pose);
  }

  /** The neural view moved or was laid out again. */
  layout(corner: { x: number; y: number }): void {
    this.marks.draw();
    this.controlButton.setPosition(corner.x - 75, corner.y - 16);
    this.neuronsButton.setPosition(corner.x - 75, corner.y - 16 - 40);
  }

  /** Points of the worms the camera should keep in view: both bodies. */
  get control(): GameSim | null {
    return this.pair?.control ?? null;
  }

  info(): Record<string, unknown> {
    const c = this.pair?.control;
    return {
      ablated: [...this.ablated],
      ablatedList: this.marks.listText,
      flashes: this.marks.flashes,
      control: c ? { behaviour: { ...c.behaviour() }, pose: Array.from(c.telemetry().pose), missed: this.pair?.pair.missed ?? 0 } : null,
      reversals: { ...this.reversals },
      touches: { ...this.touches },
      neuronsShown: this.showingControl ? 'control' : 'yours',
    };
  }

  private indices(): number[] {
    const ids = this.treated?.neuronIds ?? [];
    return this.ablated.map((id) => ids.indexOf(id)).filter((i) => i >= 0);
  }

  private changed(added: boolean): void {
    if (!this.showingControl) this.marks.set(this.ablated, this.indices());
    const run = this.p.run();
    if (!run) return;
    run.noteAblations(this.ablated, added);
    this.checker?.terminate();
    this.checker = null;
    const doc = this.p.circuitDoc();
    if (!doc || this.ablated.length === 0) return;
    this.checker = startAblationCheck(
      doc,
      this.p.arena,
      this.p.seed,
      this.ablated,
      (v) => {
        this.checker = null;
        this.p.run()?.setAblationVerdict(v);
      },
      (message) => this.p.toast.announce({ title: 'Could not check the ablation', detail: message.slice(0, 160), kind: 'warn' }),
    );
  }

  dispose(): void {
    this.offKey();
    this.checker?.terminate();
    this.checker = null;
    this.subs.forEach((s) => s.unsubscribe());
    this.subs.length = 0;
    this.controlWorm?.destroy();
    this.controlLabel?.destroy();
    this.yoursLabel?.destroy();
    this.marks.destroy();
  }
}
