import type Phaser from 'phaser';
import type { SimLearning } from '../../src/sim/types';
import { Button } from '../ui/Button';
import type { Announcement } from '../ui/Toast';
import { palette, textStyle } from '../ui/theme';

/** Height of one row of the strip, px. */
const ROW = 26;
/** Colours of the modulators C. elegans makes (others take the accent). */
const COLORS: Readonly<Record<string, number>> = { dopamine: 0xffb347, serotonin: 0xc3a5ff, octopamine: 0x39e0c4, tyramine: 0x4f9dff };

/** What the strip shows, for the test hook. */
export interface LearningState {
  modulators: Record<string, number>;
  plastic: number;
  frozen: boolean;
  /** Mean |w − w0| / w0 of the plastic synapses, 0..: how far they have learned. */
  meanChange: number;
}

/**
 * Under the neural view: a gauge per modulator of the running circuit (its
 * concentration, in the circuit's units: 1 = one releaser fully on), and,
 * when the circuit has synapses that learn, Freeze learning (L) and Reset
 * learned weights (R), with how far the weights have moved. Empty (height 0)
 * for a circuit with neither. The simulation owns the state; this reads it
 * and forwards the two buttons.
 */
export class LearningStrip {
  private sim: SimLearning | null = null;
  private names: string[] = [];
  private initial: number[] = [];
  private frozen = false;
  /** Highest level seen per modulator (the gauges' full scale, at least 1). */
  private scale: number[] = [];
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly texts: Phaser.GameObjects.Text[] = [];
  private readonly summary: Phaser.GameObjects.Text;
  private readonly freezeBtn: Button;
  private readonly resetBtn: Button;
  private rect = { x: 0, y: 0, w: 1 };
  state: LearningState = { modulators: {}, plastic: 0, frozen: false, meanChange: 0 };

  constructor(
    scene: Phaser.Scene,
    private readonly announce: (a: Announcement) => void,
    depth = 30,
  ) {
    this.g = scene.add.graphics().setDepth(depth);
    this.summary = scene.add.text(0, 0, '', textStyle(12, { color: palette.textMuted })).setDepth(depth);
    this.freezeBtn = new Button(scene, 0, 0, {
      label: 'Freeze learning (L)',
      width: 150,
      height: 22,
      fontSize: 12,
      tooltip: 'Learned weights stay as they are and keep acting; the worm stops learning until you press it again (L)',
      onClick: () => this.toggleFreeze(),
    }).setDepth(depth + 1);
    this.resetBtn = new Button(scene, 0, 0, {
      label: 'Reset learned (R)',
      width: 140,
      height: 22,
      fontSize: 12,
      tooltip: 'Every plastic synapse back to the weight in the circuit file (R)',
      onClick: () => this.reset(),
    }).setDepth(depth + 1);
    for (const o of [this.summary, this.freezeBtn, this.resetBtn]) o.setVisible(false);
  }

  /** Reads the running circuit: its modulators and plastic synapses (learning starts on). */
  setSim(sim: SimLearning | null): void {
    this.sim = sim;
    this.names = sim ? Object.keys(sim.modulatorLevels()) : [];
    this.initial = sim ? sim.plasticWeights().map((w) => w.weight) : [];
    this.scale = this.names.map(() => 1);
    this.frozen = false;
    this.freezeBtn.setLabel('Freeze learning (L)');
    while (this.texts.length < this.names.length)
      this.texts.push(this.summary.scene.add.text(0, 0, '', textStyle(11, { color: palette.text })).setDepth(this.summary.depth));
    this.texts.forEach((t, i) => t.setVisible(i < this.names.length));
    const plastic = this.initial.length > 0;
    for (const o of [this.summary, this.freezeBtn, this.resetBtn]) o.setVisible(plastic);
    this.place();
  }

  /** Rows it needs: one for the gauges, one for the learning controls. */
  get height(): number {
    return ((this.names.length > 0 ? 1 : 0) + (this.initial.length > 0 ? 1 : 0)) * ROW;
  }

  setRect(x: number, y: number, w: number): void {
    this.rect = { x, y, w };
    this.place();
  }

  private nothingLearns(): boolean {
    if (this.initial.length) return false;
    this.announce({ title: 'Nothing learns here', detail: 'this circuit has no plastic synapses', kind: 'warn' });
    return true;
  }

  toggleFreeze(): void {
    if (!this.sim || this.nothingLearns()) return;
    this.frozen = !this.frozen;
    this.sim.setLearning(!this.frozen);
    this.freezeBtn.setLabel(this.frozen ? 'Learning frozen (L)' : 'Freeze learning (L)').setSelected(this.frozen);
    this.announce({
      title: this.frozen ? 'Learning frozen' : 'Learning on',
      detail: this.frozen ? 'learned weights kept and used; no more change' : 'plastic synapses learn again',
    });
  }

  reset(): void {
    if (!this.sim || this.nothingLearns()) return;
    this.sim.resetLearnedWeights();
    this.announce({ title: 'Learned weights reset', detail: `${this.initial.length} plastic synapses back to the circuit's weights` });
  }

  private place(): void {
    const { x, y, w } = this.rect;
    const gaugeRows = this.names.length > 0 ? 1 : 0;
    const by = y + gaugeRows * ROW + ROW / 2;
    this.freezeBtn.setPosition(x + 4 + 75, by);
    this.resetBtn.setPosition(x + 4 + 150 + 8 + 70, by);
    this.summary.setPosition(x + 4 + 150 + 8 + 140 + 8, by - 7).setWordWrapWidth(Math.max(40, w - 320), true);
  }

  /** Redraws the gauges and the weights' summary from the simulation. */
  update(): void {
    const g = this.g;
    g.clear();
    const sim = this.sim;
    if (!sim) return;
    const { x, y, w } = this.rect;
    const levels = sim.modulatorLevels();
    const n = this.names.length;
    const cell = n ? (w - 8) / n : 0;
    this.names.forEach((name, i) => {
      const c = levels[name] ?? 0;
      this.scale[i] = Math.max(this.scale[i], c);
      const cx = x + 4 + i * cell;
      const label = this.texts[i];
      label.setText(`${name} ${c.toFixed(2)} conc.`).setPosition(cx, y + 2);
      const bx = cx;
      const bw = Math.max(10, cell - 10);
      g.fillStyle(palette.panelLo, 1).fillRect(bx, y + 17, bw, 6);
      g.fillStyle(COLORS[name] ?? palette.accent, 1).fillRect(bx, y + 17, (bw * Math.min(1, c / this.scale[i])) | 0, 6);
    });
    let change = 0;
    if (this.initial.length) {
      const now = sim.plasticWeights();
      // Relative change of the synapses that started above 0; one that started at (or within rounding of) 0, a site still
      // to be built, has no relative change: counted apart (a carried 1e-23 showed as 1e16 %).
      const ZERO = 1e-9;
      let counted = 0;
      let grown = 0;
      for (let i = 0; i < now.length; i++) {
        if (this.initial[i] > ZERO) {
          change += Math.abs(now[i].weight - this.initial[i]) / this.initial[i];
          counted++;
        } else if (now[i].weight > ZERO) grown++;
      }
      change = counted ? change / counted : 0;
      this.summary.setText(
        // Two lines at most beside the buttons: the mean change of the sites that started above 0, and how many grew from 0.
        `${this.initial.length} plastic synapse${this.initial.length === 1 ? '' : 's'} · moved ${(100 * change).toFixed(1)} %${grown ? ` · ${grown} new` : ''}${this.frozen ? ' · frozen' : ''}`,
      );
    }
    this.state = { modulators: { ...levels }, plastic: this.initial.length, frozen: this.frozen, meanChange: change };
  }
}
