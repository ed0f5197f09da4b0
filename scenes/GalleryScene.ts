import { app } from './app';
import { BaseScene, HEADER_H } from './BaseScene';
import { FrameClock } from './frame-clock';
import { SCENES } from './keys';
import { provideProbe } from './testing-hook';
import { Button } from './ui/Button';
import { TimeBar, type Speed } from './ui/TimeBar';
import { Toast } from './ui/Toast';
import { palette, textStyle } from './ui/theme';
import type { ArenaView } from './view/arena-view';
import { arenaBox } from './view/arena-view';
import { WorldCamera } from './view/camera';
import { NeuralView } from './view/NeuralView';
import { Oscilloscope, TRACE_COLORS } from './view/Oscilloscope';
import { ArrayScope } from './view/scope-sources';
import { PlateRenderer } from './view/PlateRenderer';
import { illustrativeMuscles, illustrativePose } from './view/illustration';
import { SyntheticActivity, syntheticCircuit } from './view/synthetic';
import { WormRenderer } from './view/WormRenderer';
import type Phaser from 'phaser';

/** Every kind of thing the plate renderer draws, in one arena (mm). */
const CARD_ARENA: ArenaView = {
  bounds: { kind: 'rect', x: -4, y: -2.6, width: 8, height: 5.2 },
  walls: [
    { x1: -3.6, y1: 2.2, x2: -1.2, y2: 2.2, thickness: 0.08 },
    { x1: -1.2, y1: 2.2, x2: -1.2, y2: 1.3, thickness: 0.08 },
  ],
  obstacles: [
    { kind: 'circle', x: 2.2, y: 1.4, r: 0.22 },
    { kind: 'circle', x: 2.9, y: 0.9, r: 0.22 },
    { kind: 'circle', x: 2.6, y: 2.0, r: 0.22 },
    { kind: 'circle', x: 3.3, y: 1.7, r: 0.22 },
    { kind: 'rect', x: -3.7, y: -2.3, width: 0.5, height: 1.1 },
  ],
  food: [{ x: 2.6, y: -1.3, r: 0.7, amount: 1 }],
  odors: [{ x: 2.6, y: -1.3, sigma: 0.9, peak: 0.7 }],
  zones: [
    { id: 'hot', kind: 'heat', shape: { kind: 'circle', x: -2.3, y: -0.8, r: 0.8 } },
    { id: 'ring', kind: 'toxin', shape: { kind: 'ring', x: 0.3, y: 1.6, inner: 0.55, outer: 0.75 } },
    { id: 'goal', kind: 'goal', shape: { kind: 'rect', x: -0.6, y: -2.4, width: 1.2, height: 0.6 } },
    { id: 'cold', kind: 'cold', shape: { kind: 'circle', x: -0.3, y: 0.0, r: 0.45 } },
  ],
};

/**
 * Renderer test card (not in the menu; open with ?scene=gallery or
 * neuroworm.goto('gallery')): every drawing component fed with synthetic
 * data — a still worm, a 302-neuron / ~7,300-synapse random circuit with a
 * moving activity pattern, the oscilloscope, an announcement. For looking at
 * and for frame-rate measurements; nothing here is simulated.
 */
export class GalleryScene extends BaseScene {
  private cam!: WorldCamera;
  private plate!: PlateRenderer;
  private worm!: WormRenderer;
  private neural!: NeuralView;
  private scope!: Oscilloscope;
  /** The oscilloscope's traces of the synthetic V. */
  private scopeData!: ArrayScope;
  private timeBar!: TimeBar;
  private toast!: Toast;
  private activity!: SyntheticActivity;
  private note!: Phaser.GameObjects.Text;
  private announce!: Button;
  private paused = false;
  private speed: Speed = 1;
  private readonly frameClock = new FrameClock();
  private stepOnce = false;
  private probes: number[] = [];
  private frame!: Phaser.GameObjects.Graphics;

  constructor() {
    super(SCENES.gallery);
  }

  protected build(): void {
    const settings = app().settings;
    this.paused = false;
    this.speed = 1;
    this.frameClock.reset();
    this.addHeader('Renderer test card');
    this.note = this.add
      .text(0, 0, 'Synthetic data — no simulation runs here', textStyle(13, { color: palette.warning }))
      .setOrigin(1, 0.5)
      .setDepth(950);
    this.cam = new WorldCamera();
    this.frame = this.add.graphics();
    this.plate = new PlateRenderer(this, { quality: settings.quality, depth: 2 });
    this.plate.setArena(CARD_ARENA);
    this.worm = new WormRenderer(this, { detailed: settings.quality === 'high' }, 10);
    const circuit = syntheticCircuit();
    this.activity = new SyntheticActivity(circuit.ids.length);
    this.neural = new NeuralView(this, {
      quality: settings.quality,
      reducedMotion: settings.reducedMotion,
      legend: true,
      onPick: (i) => {
        const k = this.probes.indexOf(i);
        if (k >= 0) this.probes.splice(k, 1);
        else this.probes = [...this.probes, i].slice(-TRACE_COLORS.length);
        this.applyProbes();
      },
    });
    this.neural.setCircuit(circuit);
    this.scope = new Oscilloscope(this, { windowMs: 4000, unit: 'mV', range: 'auto', title: 'Oscilloscope · synthetic V' });
    this.scopeData = new ArrayScope(this.activity.v);
    this.scope.setSource(this.scopeData);
    this.probes = [0, 90, 200];
    this.applyProbes();
    this.toast = new Toast(this, { reducedMotion: settings.reducedMotion });
    this.timeBar = new TimeBar(this, {
      onPauseChange: (p) => (this.paused = p),
      onStep: () => (this.stepOnce = true),
      onSpeedChange: (s) => (this.speed = s),
    }).setDepth(800);
    this.onShutdown(this.timeBar.bindShortcuts(app().shortcuts, this.scene.key));
    this.announce = new Button(this, 0, 0, {
      label: 'Announce',
      width: 110,
      height: 34,
      fontSize: 14,
      onClick: () => this.toast.announce({ title: 'Reversal!', chain: ['ALM', 'AVD', 'AVA'], detail: 'example' }),
    }).setDepth(950);
    this.time.delayedCall(300, () => this.announce.activate());
    provideProbe(this, {
      neuronScreen: (id) => this.neural.nodePosition(circuit.ids.indexOf(id)),
      announcements: () => [...this.toast.history],
      simTimeMs: () => this.activity.timeMs,
      info: () => ({ ...this.neural.stats, neurons: circuit.ids.length, synapses: circuit.synapseCount, probes: this.probes.map((i) => circuit.ids[i]) }),
    });
  }

  private applyProbes(): void {
    const ids = this.neural.circuitView?.ids ?? [];
    this.scope.setTraces(this.probes.map((i, k) => ({ index: i, label: ids[i], color: TRACE_COLORS[k] })));
    this.neural.setPicked(
      this.probes,
      this.probes.map((_, k) => TRACE_COLORS[k]),
    );
  }

  override update(): void {
    const delta = this.frameClock.delta(performance.now());
    const dt = this.paused ? (this.stepOnce ? 10 : 0) : delta * this.speed;
    this.stepOnce = false;
    if (dt > 0) this.activity.step(dt);
    this.neural.update(this.activity.output, dt > 0 ? this.activity.spiked : null, dt, this.activity.v);
    if (dt > 0) this.scopeData.record(this.activity.timeMs);
    this.scope.draw();
    this.timeBar.setTime(this.activity.timeMs);
    // Redrawn every frame like the live worm will be, to measure its cost.
    this.drawWorm();
  }

  private drawWorm(): void {
    const segments = 30;
    const pose = illustrativePose(segments, 1.0, 0.07, -1.2, 0.9, -0.35); // mm
    this.worm.draw(pose, this.cam, 1.0, illustrativeMuscles(segments), segments);
  }

  protected layout(width: number, height: number): void {
    const pad = 12;
    const top = HEADER_H + pad;
    const barH = this.timeBar.barHeight;
    const bottom = height - barH - 2 * pad;
    const wide = width >= 900;
    let plate: { x: number; y: number; w: number; h: number };
    if (wide) {
      const sideW = Math.max(340, Math.min(600, width * 0.44));
      plate = { x: pad, y: top, w: width - sideW - 3 * pad, h: bottom - top };
      const sx = plate.x + plate.w + pad;
      const nh = Math.round((bottom - top) * 0.64);
      this.neural.setRect(sx, top, sideW, nh);
      this.scope.setRect(sx, top + nh + pad, sideW, bottom - top - nh - pad);
    } else {
      const ph = Math.round((bottom - top) * 0.42);
      plate = { x: pad, y: top, w: width - 2 * pad, h: ph };
      const y2 = top + ph + pad;
      const nh = Math.round((bottom - y2) * 0.62);
      this.neural.setRect(pad, y2, width - 2 * pad, nh);
      this.scope.setRect(pad, y2 + nh + pad, width - 2 * pad, bottom - y2 - nh - pad);
    }
    this.frame.clear();
    this.frame.fillStyle(palette.bgDeep, 1);
    this.frame.fillRoundedRect(plate.x, plate.y, plate.w, plate.h, 12);
    this.cam.setViewport(plate.x, plate.y, plate.w, plate.h);
    const [x0, y0, x1, y1] = arenaBox(CARD_ARENA);
    this.cam.fit(x0, y0, x1, y1, 10);
    this.plate.layout(this.cam);
    this.drawWorm();
    this.timeBar.place(width / 2, height - pad - barH / 2, width - 2 * pad);
    this.toast.setPosition(plate.x + plate.w / 2, plate.y + 10);
    // The note needs room beside the header's title; on narrow screens only the button stays.
    const roomy = width >= 1000;
    this.note.setVisible(roomy).setPosition(width - 70, HEADER_H / 2);
    this.announce.setPosition(roomy ? width - 70 - this.note.width - 70 : width - 66 - 60, HEADER_H / 2);
  }
}
