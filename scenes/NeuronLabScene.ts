import { FrameClock } from './frame-clock';
import { BaseScene, HEADER_H } from './BaseScene';
import { app } from './app';
import { SCENES } from './keys';
import { BATH_MODULATORS, gradedIvCurve, LAB_MODELS, LabNeuron, tunableParams, WASHOUT_MS, type LabModel } from './lab-neuron';
import { provideProbe } from './testing-hook';
import { Button } from './ui/Button';
import { Panel } from './ui/Panel';
import { Slider } from './ui/Slider';
import { TimeBar, type Speed } from './ui/TimeBar';
import { palette, textStyle } from './ui/theme';
import { Oscilloscope, TRACE_COLORS } from './view/Oscilloscope';
import { IvPlot } from './view/IvPlot';
import { ArrayScope } from './view/scope-sources';
import type Phaser from 'phaser';

/** Model time per real second at 1× (a spike lasts ~1 ms, so real time would be too fast to see). */
export const LAB_MS_PER_REAL_S = 100;
/** Time shown by the plots, ms of model time. */
const WINDOW_MS = 500;
/** One sample per this much model time. */
const SAMPLE_MS = 0.25;
/** Parameter sliders shown at most (the most telling first). */
const MAX_PARAM_SLIDERS = 5;
const PARAM_ORDER: Record<string, readonly string[]> = {
  'hodgkin-huxley': ['gNa', 'gK', 'gCa', 'gL', 'cm'],
  lif: ['tauMs', 'resistance', 'thresholdMv', 'resetMv', 'refractoryMs'],
  izhikevich: ['a', 'b', 'c', 'd'],
  graded: ['gKNs', 'plateauNs', 'tauMs', 'vHalfMv', 'tonicPa'],
};

/**
 * One neuron under current clamp, live: pick a model, set the current pulse
 * and the parameters, watch V, the stimulus and the gating (state) variables,
 * like seed 003's plots. The neuron is the model's own population from
 * src/neural, stepped at the model's dt.
 */
export class NeuronLabScene extends BaseScene {
  private panel!: Panel;
  private modelButtons: Button[] = [];
  private clampSliders: Slider[] = [];
  private paramSliders: Slider[] = [];
  /** The bath: which modulator, its concentration, the receptor's gain and how far it adapts (sliders), applied or washed out. */
  private bathSliders: Slider[] = [];
  private bathButtons: Button[] = [];
  private bath = { modulator: 0, concentration: 1, gain: 0, applied: false, channel: 0, adaptation: 0, adaptationS: 10 };
  private note!: Phaser.GameObjects.Text;
  private scopes: Oscilloscope[] = [];
  /** The graded model's steady-state I–V beside its output trace (null for the other models). */
  private iv: IvPlot | null = null;
  /** What the I–V plot last drew (clamp current and parameters), to redraw only on a change. */
  private ivKey = '';
  /** What each oscilloscope traces: V, the clamp current, the gating variables (or output). */
  private scopeData: ArrayScope[] = [];
  private timeBar!: TimeBar;
  private neuron!: LabNeuron;
  private speed: Speed = 1;
  private paused = false;
  private sampleDue = 0;
  private spikes = 0;
  private lastV = 0;
  private readonly vBuf = new Float64Array(1);
  private readonly iBuf = new Float64Array(1);
  private varBuf = new Float64Array(1);
  private varNames: string[] = [];
  private readonly frameClock = new FrameClock(100);

  constructor() {
    super(SCENES.lab);
  }

  protected build(): void {
    this.addHeader('Neuron lab');
    this.speed = 1;
    this.paused = false;
    this.frameClock.reset();
    this.paramSliders = [];
    this.scopes = [];
    this.iv = null;
    this.panel = new Panel(this, { title: 'Neuron and clamp' });
    this.modelButtons = LAB_MODELS.map(
      (m) =>
        new Button(this, 0, 0, {
          label: m.label,
          width: 150,
          height: 34,
          fontSize: 13,
          tooltip: `${m.kind}${m.preset ? ` · preset ${m.preset}` : ''}`,
          onClick: () => this.setModel(m),
        }),
    );
    this.note = this.add.text(0, 0, '', textStyle(12, { color: palette.textDim }));
    this.timeBar = new TimeBar(this, {
      onPauseChange: (p) => (this.paused = p),
      onStep: () => this.advanceModel(1),
      onSpeedChange: (s) => (this.speed = s),
    });
    this.onShutdown(this.timeBar.bindShortcuts(app().shortcuts, this.scene.key));
    this.shortcut({ keys: ['r', 'R'], label: 'R', description: 'Restart the neuron from rest', run: () => this.restart() });
    this.bath = { modulator: 0, concentration: 1, gain: 0, applied: false, channel: 0, adaptation: 0, adaptationS: 10 };
    this.bathButtons = [
      new Button(this, 0, 0, {
        label: '',
        width: 150,
        height: 30,
        fontSize: 12,
        tooltip: 'Which modulator the bath holds (click for the next)',
        onClick: () => this.nextModulator(),
      }),
      new Button(this, 0, 0, {
        label: '',
        width: 150,
        height: 30,
        fontSize: 12,
        tooltip: `Perfuse the bath onto the neuron, or wash it out (it clears in ~${WASHOUT_MS / 1000} s) · B`,
        onClick: () => this.toggleBath(),
      }),
      new Button(this, 0, 0, {
        label: '',
        width: 300,
        height: 30,
        fontSize: 12,
        tooltip:
          'How the receptor acts: a current gain × concentration (no bound on V), or channels that pass |gain| × concentration at rest and stop V at their reversal (click for the next)',
        onClick: () => this.setBath({ channel: (this.bath.channel + 1) % this.neuron.bathChannels.length }),
      }),
    ];
    this.shortcut({ keys: ['b', 'B'], label: 'B', description: 'Bath-apply the modulator / wash it out', run: () => this.toggleBath() });
    this.setModel(LAB_MODELS[0], false);
    provideProbe(this, {
      simTimeMs: () => this.neuron.timeMs,
      activity: () => ({ ids: ['lab'], output: [this.neuron.output], v: [this.neuron.v] }),
      advance: (ms) => this.advanceModel(ms),
      info: () => ({
        model: this.neuron.spec.id,
        v: this.neuron.v,
        current: this.neuron.lastCurrent,
        spikes: this.spikes,
        variables: Object.fromEntries(this.varNames.map((n) => [n, this.neuron.variables[n][0]])),
        params: { ...this.neuron.params },
        bath: {
          ...this.bath,
          name: BATH_MODULATORS[this.bath.modulator],
          level: this.neuron.bathLevel?.concentration ?? 0,
          current: this.neuron.lastModCurrent,
        },
        ...(this.iv ? { steadyVMv: gradedIvCurve(this.neuron.params, this.neuron.currentA, this.neuron.currentA, 2).vMv[0] } : {}),
      }),
    });
  }

  private setModel(m: LabModel, relayout = true): void {
    this.neuron = new LabNeuron(m);
    this.spikes = 0;
    this.lastV = this.neuron.v;
    this.sampleDue = 0;
    this.modelButtons.forEach((b, i) => b.setSelected(LAB_MODELS[i].id === m.id));
    const unit = this.neuron.model.currentUnit.split(' ')[0];
    // Clamp sliders: rebuilt per model (the current's unit and range change).
    this.clampSliders.forEach((s) => s.destroy());
    this.clampSliders = [
      new Slider(this, 0, 0, {
        label: 'Clamp current',
        unit,
        min: m.current.min,
        max: m.current.max,
        step: 0.5,
        value: m.current.value,
        onChange: (v) => (this.neuron.currentA = v),
      }),
      new Slider(this, 0, 0, {
        label: 'Pulse length',
        unit: 'ms',
        min: 1,
        max: 500,
        step: 1,
        value: this.neuron.pulseMs,
        onChange: (v) => (this.neuron.pulseMs = v),
      }),
      new Slider(this, 0, 0, {
        label: 'Pulse period',
        unit: 'ms',
        min: 10,
        max: 500,
        step: 5,
        value: this.neuron.periodMs,
        onChange: (v) => (this.neuron.periodMs = v),
      }),
    ];
    // The bath's receptor gain is a current per unit concentration: its unit and span follow the model's clamp current.
    this.bath.gain = Math.round(m.current.max / 4);
    this.bath.channel = 0;
    this.bathSliders.forEach((s) => s.destroy());
    this.bathSliders = [
      new Slider(this, 0, 0, {
        label: 'Bath',
        unit: 'conc.',
        min: 0,
        max: 5,
        step: 0.1,
        value: this.bath.concentration,
        onChange: (v) => this.setBath({ concentration: v }),
      }),
      new Slider(this, 0, 0, {
        label: 'Gain',
        unit: `${unit}/conc.`,
        min: -m.current.max / 2,
        max: m.current.max / 2,
        step: 0.5,
        value: this.bath.gain,
        onChange: (v) => this.setBath({ gain: v }),
      }),
      // Receptor desensitisation (docs/neural.md, "Adapting receptors"): a held bath then acts (1 − Adapt) as strongly.
      new Slider(this, 0, 0, {
        label: 'Adapt',
        unit: '',
        min: 0,
        max: 0.99,
        step: 0.01,
        value: this.bath.adaptation,
        onChange: (v) => this.setBath({ adaptation: v }),
      }),
      new Slider(this, 0, 0, {
        label: 'Adapt τ',
        unit: 's',
        min: 1,
        max: 60,
        step: 1,
        value: this.bath.adaptationS,
        onChange: (v) => this.setBath({ adaptationS: v }),
      }),
    ];
    this.setBath({});
    this.paramSliders.forEach((s) => s.destroy());
    const tunable = tunableParams(this.neuron.model);
    const order = [...(PARAM_ORDER[m.kind] ?? []).filter((p) => tunable.includes(p)), ...tunable.filter((p) => !(PARAM_ORDER[m.kind] ?? []).includes(p))];
    this.paramSliders = order.slice(0, MAX_PARAM_SLIDERS).map((name) => {
      const spec = this.neuron.model.params[name];
      const value = this.neuron.params[name] as number;
      // Sliders over a sensible span around the value, inside the model's allowed range.
      const span = Math.max(Math.abs(value) * 2, 1);
      const min = Math.max(spec.min, Math.min(value - span, value < 0 ? value * 2 : 0));
      const max = Math.min(spec.max, value + span);
      const step = spec.integer ? 1 : niceSliderStep(max - min);
      return new Slider(this, 0, 0, { label: name, unit: spec.unit, min, max, step, value, onChange: (v) => this.neuron.setParam(name, v) });
    });
    this.note.setText(
      `${this.neuron.model.help} Bath: the modulator acts through one receptor on the cell, a current gain × concentration (> 0 excites, < 0 inhibits), or channels (K⁺, Cl⁻, cation) that pass |gain| × concentration at rest and never take V past their reversal; Adapt desensitises it (a held bath fades to 1 − Adapt of its effect over Adapt τ); shown in the stimulus trace. Time runs at ${LAB_MS_PER_REAL_S} ms per second at 1×; R restarts. (The seed’s transmitter neuron steps only inside a network: try it in the editor.)`,
    );

    this.scopes.forEach((s) => s.destroy());
    this.iv?.destroy();
    this.iv = m.kind === 'graded' ? new IvPlot(this) : null;
    this.ivKey = '';
    this.varNames = this.neuron.variableNames;
    const gating = this.varNames.length > 0;
    this.varBuf = new Float64Array(Math.max(1, this.varNames.length));
    const opts = { windowMs: WINDOW_MS, capacity: Math.ceil(WINDOW_MS / SAMPLE_MS) + 64, emptyText: 'No trace yet' };
    this.scopes = [
      new Oscilloscope(this, { ...opts, unit: 'mV', range: 'auto', title: 'Membrane potential' }),
      new Oscilloscope(this, { ...opts, unit: unit, range: 'auto', title: 'Stimulus current' }),
      new Oscilloscope(this, {
        ...opts,
        unit: '',
        range: gating ? [0, 1] : 'auto',
        title: gating ? `Gating variables (${this.varNames.join(', ')})` : 'Output (release level 0..1)',
      }),
    ];
    this.scopeData = [this.vBuf, this.iBuf, this.varBuf].map((values) => new ArrayScope(values));
    this.scopes.forEach((s, i) => s.setSource(this.scopeData[i]));
    this.scopes[0].setTraces([{ label: 'V', index: 0, color: TRACE_COLORS[0] }]);
    this.scopes[1].setTraces([{ label: 'I', index: 0, color: TRACE_COLORS[1] }]);
    this.scopes[2].setTraces(
      gating
        ? this.varNames.map((n, i) => ({ label: n, index: i, color: TRACE_COLORS[(i + 2) % TRACE_COLORS.length] }))
        : [{ label: 'output', index: 0, color: TRACE_COLORS[2] }],
    );
    if (gating && this.varNames.includes('u')) this.scopes[2] = this.replaceScope(2, 'auto');
    if (relayout) this.relayout();
  }

  /** Izhikevich's recovery variable u is not a 0..1 gate: give it an automatic range. */
  private replaceScope(i: number, range: 'auto'): Oscilloscope {
    const old = this.scopes[i];
    const traces = old.traceList;
    old.destroy();
    const s = new Oscilloscope(this, {
      windowMs: WINDOW_MS,
      capacity: Math.ceil(WINDOW_MS / SAMPLE_MS) + 64,
      unit: '',
      range,
      title: `State variables (${this.varNames.join(', ')})`,
    });
    s.setSource(this.scopeData[i]);
    s.setTraces(traces);
    return s;
  }

  private nextModulator(): void {
    this.setBath({ modulator: (this.bath.modulator + 1) % BATH_MODULATORS.length });
  }

  private toggleBath(): void {
    this.setBath({ applied: !this.bath.applied });
  }

  /** Applies the bath's settings to the neuron (held while applied; a wash-out lets the level clear). */
  private setBath(change: Partial<typeof this.bath>): void {
    const was = this.bath.modulator;
    this.bath = { ...this.bath, ...change };
    const name = BATH_MODULATORS[this.bath.modulator];
    // Another modulator is another receptor: the old one is washed out at once.
    const channel = this.neuron.bathChannels[this.bath.channel] ?? this.neuron.bathChannels[0];
    if (this.bath.applied || was !== this.bath.modulator || this.neuron.bathLevel)
      this.neuron.setBath(name, this.bath.applied ? this.bath.concentration : null, this.bath.gain, channel.reversalMv, {
        adaptation: this.bath.adaptation,
        adaptationMs: this.bath.adaptationS * 1000,
      });
    this.bathButtons[0]?.setLabel(`Bath: ${name}`);
    this.bathButtons[2]?.setLabel(`Receptor: ${channel.label}`);
    this.bathButtons[1]?.setLabel(this.bath.applied ? 'Wash out (B)' : 'Apply bath (B)').setSelected(this.bath.applied);
  }

  private restart(): void {
    this.neuron.reset();
    this.spikes = 0;
    this.sampleDue = 0;
    this.scopeData.forEach((d) => d.clear());
  }

  /** Step the neuron through ms of model time, sampling the plots every SAMPLE_MS. */
  private advanceModel(ms: number): void {
    const n = this.neuron;
    const end = n.timeMs + ms - 1e-9;
    while (n.timeMs < end) {
      n.step();
      const v = n.v;
      if (this.lastV < 0 && v >= 0) this.spikes++;
      this.lastV = v;
      if (n.timeMs >= this.sampleDue) {
        this.sampleDue = n.timeMs + SAMPLE_MS;
        this.vBuf[0] = v;
        this.iBuf[0] = n.lastCurrent + n.lastModCurrent; // the clamp plus the bath's receptor current
        if (this.varNames.length) this.varNames.forEach((name, i) => (this.varBuf[i] = n.variables[name][0]));
        else this.varBuf[0] = n.output;
        this.scopeData.forEach((d) => d.record(n.timeMs));
      }
    }
    this.scopes.forEach((s) => s.draw());
    this.drawIv();
    this.timeBar.setTime(n.timeMs);
  }

  /** Redraws the I–V plot when the clamp or a parameter changed (bisection per point: not every frame). */
  private drawIv(): void {
    if (!this.iv) return;
    const { params, currentA, spec } = this.neuron;
    const key = `${currentA}|${JSON.stringify(params)}`;
    if (key === this.ivKey) return;
    this.ivKey = key;
    this.iv.draw(gradedIvCurve(params, spec.current.min, spec.current.max), currentA, params.gKNs as number, params.plateauNs as number);
  }

  override update(): void {
    // Wall-clock delta (Phaser's is smoothed towards 60 fps), capped so a background tab never stalls catching up.
    const delta = this.frameClock.delta(performance.now());
    if (!this.neuron || this.paused) return;
    this.advanceModel((delta / 1000) * LAB_MS_PER_REAL_S * this.speed);
  }

  protected layout(width: number, height: number): void {
    const pad = 12;
    const top = HEADER_H + pad;
    const barH = this.timeBar.barHeight;
    const bottom = height - barH - 2 * pad;
    const wide = width >= 860;
    const sliders = [...this.clampSliders, ...this.bathSliders, ...this.paramSliders];
    const rowH = 54;
    const panelW = wide ? Math.min(380, width * 0.34) : width - 2 * pad;
    // Wide: the panel fills the column; narrow: it ends under its last row of sliders (set once they are laid out).
    let panelH = bottom - top;
    const inner = panelW - 28;
    const x0 = pad + 14;
    let y = top + this.panel.titleHeight + 10;
    const perRow = wide ? 2 : 3;
    const bw = (inner - 8 * (perRow - 1)) / perRow;
    this.modelButtons.forEach((b, i) => {
      b.resize(bw, 34);
      b.setPosition(x0 + (i % perRow) * (bw + 8) + bw / 2, y + Math.floor(i / perRow) * 42 + 17);
    });
    y += Math.ceil(this.modelButtons.length / perRow) * 42 + 4;
    const bathW = (inner - 8) / 2;
    this.bathButtons.slice(0, 2).forEach((b, i) => {
      b.resize(bathW, 30);
      b.setPosition(x0 + i * (bathW + 8) + bathW / 2, y + 15);
    });
    y += 38;
    // The receptor's kind, a row of its own.
    this.bathButtons[2]?.resize(inner, 30).setPosition(x0 + inner / 2, y + 15);
    y += 38;
    // Two columns when one would not fit (a tall list: clamp, bath and parameters).
    const cols = wide && sliders.length * rowH <= top + panelH - y - 8 ? 1 : 2;
    const sw = (inner - 14 * (cols - 1)) / cols;
    sliders.forEach((s, i) => {
      s.setWidth(sw);
      s.setPosition(x0 + (i % cols) * (sw + 14) + sw / 2, y + Math.floor(i / cols) * rowH + 24);
    });
    y += Math.ceil(sliders.length / cols) * rowH;
    if (!wide) panelH = y + 8 - top;
    this.panel.setRect(pad, top, panelW, panelH);
    const noteRoom = top + panelH - y - 8;
    this.note.setPosition(x0, y + 4).setWordWrapWidth(inner, true);
    this.note.setVisible(wide && this.note.height <= noteRoom);
    const sx = wide ? pad * 2 + panelW : pad;
    const sy = wide ? top : top + panelH + pad;
    const sw2 = wide ? width - sx - pad : width - 2 * pad;
    const sh = (bottom - sy - 2 * pad) / 3;
    this.scopes.forEach((s, i) => s.setRect(sx, sy + i * (sh + pad), sw2, sh));
    if (this.iv) {
      // Graded: the output trace and the I–V share the third row.
      const half = (sw2 - pad) / 2;
      this.scopes[2].setRect(sx, sy + 2 * (sh + pad), half, sh);
      this.iv.setRect(sx + half + pad, sy + 2 * (sh + pad), half, sh);
      this.ivKey = '';
      this.drawIv();
    }
    this.timeBar.place(width / 2, height - pad - barH / 2, width - 2 * pad);
  }
}

/** A round slider step giving ~100–200 positions over a span. */
function niceSliderStep(span: number): number {
  const raw = span / 150;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}
