import { BaseScene, HEADER_H } from './BaseScene';
import { SCENES } from './keys';
import { Button } from './ui/Button';
import { ComingSoon } from './ui/ComingSoon';
import { Panel } from './ui/Panel';
import { Slider } from './ui/Slider';
import { TimeBar } from './ui/TimeBar';
import { palette, textStyle } from './ui/theme';
import { Oscilloscope } from './view/Oscilloscope';
import type { ModelKind } from '../src/neural/types';
import type Phaser from 'phaser';

const MODELS: readonly { kind: ModelKind; label: string }[] = [
  { kind: 'transmitter', label: 'Seed neuron' },
  { kind: 'lif', label: 'LIF' },
  { kind: 'izhikevich', label: 'Izhikevich' },
  { kind: 'hodgkin-huxley', label: 'Hodgkin–Huxley' },
  { kind: 'graded', label: 'Graded' },
];

/**
 * One neuron under current clamp: pick a model, set the current and the
 * parameters, watch V, the stimulus and the gating variables. The models are
 * being built in src/neural; until then the controls are shown disabled under
 * an honest "coming in this build" card.
 */
export class NeuronLabScene extends BaseScene {
  private panel!: Panel;
  private modelButtons: Button[] = [];
  private sliders: Slider[] = [];
  private paramsNote!: Phaser.GameObjects.Text;
  private scopes: Oscilloscope[] = [];
  private timeBar!: TimeBar;
  private coming!: ComingSoon;

  constructor() {
    super(SCENES.lab);
  }

  protected build(): void {
    this.addHeader('Neuron lab');
    this.panel = new Panel(this, { title: 'Neuron and clamp' });
    this.modelButtons = MODELS.map((m, i) =>
      new Button(this, 0, 0, { label: m.label, width: 150, height: 36, fontSize: 14, enabled: false, onClick: () => {} }).setSelected(i === 0),
    );
    this.sliders = [
      new Slider(this, 0, 0, { label: 'Clamp current', unit: 'nA', min: -2, max: 10, step: 0.1, value: 1, enabled: false, onChange: () => {} }),
      new Slider(this, 0, 0, { label: 'Pulse start', unit: 'ms', min: 0, max: 500, step: 10, value: 50, enabled: false, onChange: () => {} }),
      new Slider(this, 0, 0, { label: 'Pulse length', unit: 'ms', min: 10, max: 2000, step: 10, value: 500, enabled: false, onChange: () => {} }),
    ];
    this.paramsNote = this.add.text(0, 0, 'The chosen model’s parameters appear here, each with its unit, range and meaning.', textStyle(13, { color: palette.textDim }));
    this.scopes = [
      new Oscilloscope(this, { windowMs: 1000, unit: 'mV', range: [-90, 50], title: 'Membrane potential', emptyText: 'No trace yet' }),
      new Oscilloscope(this, { windowMs: 1000, unit: 'nA', range: [-2, 10], title: 'Stimulus current', emptyText: 'No trace yet' }),
      new Oscilloscope(this, { windowMs: 1000, unit: '', range: [0, 1], title: 'Gating variables (m, h, n)', emptyText: 'No trace yet' }),
    ];
    this.scopes.forEach((s) => s.setTraces([]));
    this.timeBar = new TimeBar(this, { onPauseChange: () => {}, onStep: () => {}, onSpeedChange: () => {} });
    this.timeBar.setEnabled(false);
    this.coming = new ComingSoon(
      this,
      'the neuron lab',
      'The neuron models (the seed article’s transmitter neuron, LIF, Izhikevich, Hodgkin–Huxley and a graded neuron) ' +
        'are being built in the neural core. Here you will clamp one neuron with a current and watch its potential, ' +
        'the stimulus and its gating variables live, with a slider for every parameter.',
    );
  }

  protected layout(width: number, height: number): void {
    const pad = 12;
    const top = HEADER_H + pad;
    const barH = this.timeBar.barHeight;
    const bottom = height - barH - 2 * pad;
    const wide = width >= 860;
    const leftW = wide ? Math.min(360, width * 0.34) : width - 2 * pad;
    // Narrow screens: one full-width panel, models on the left half and the clamp sliders on the right.
    const half = wide ? leftW - 28 : (leftW - 3 * 14) / 2;
    const panelH = wide ? bottom - top : this.panel.titleHeight + 10 + 3 * 60 + 12;
    this.panel.setRect(pad, top, leftW, panelH);
    let y = top + this.panel.titleHeight + 10;
    const bw = (half - 8) / 2;
    this.modelButtons.forEach((b, i) => {
      b.resize(bw, 34);
      b.setPosition(pad + 14 + (i % 2) * (bw + 8) + bw / 2, y + Math.floor(i / 2) * 42 + 17);
    });
    let sy0 = y;
    let sx0 = pad + 14 + half + 14;
    if (wide) {
      sy0 = y + Math.ceil(this.modelButtons.length / 2) * 42 + 14;
      sx0 = pad + 14;
    }
    y = sy0;
    this.sliders.forEach((s) => {
      s.setWidth(half);
      s.setPosition(sx0 + half / 2, y + 27);
      y += 60;
    });
    this.paramsNote.setVisible(wide).setPosition(pad + 14, y + 4).setWordWrapWidth(half, true);
    const sx = wide ? pad * 2 + leftW : pad;
    const sy = wide ? top : top + panelH + pad;
    const sw = wide ? width - sx - pad : width - 2 * pad;
    const sh = (bottom - sy - 2 * pad) / 3;
    this.scopes.forEach((s, i) => s.setRect(sx, sy + i * (sh + pad), sw, sh));
    this.timeBar.place(width / 2, height - pad - barH / 2, width - 2 * pad);
    this.coming.place(sx + sw / 2, sy + (bottom - sy) / 2, sw);
  }
}
