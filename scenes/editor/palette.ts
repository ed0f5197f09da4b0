import { KNOWN_MODULATORS } from '../../src/editor';
import { RECEPTOR_EFFECTS } from '../../src/neural/modulation';
import { PLASTIC_RULE_NAMES } from '../../src/neural/plastic-rules';
import type { ModelKind, PlasticRule, ReceptorEffect } from '../../src/neural/types';
import { css, palette } from '../ui/theme';
import { button, h } from './dom';
import type { Placing } from './GraphView';
import { type PaletteVolume, RULE_SOURCES } from './learning-inspector';

export interface PaletteActions {
  models: readonly ModelKind[];
  /** Arms (or, with the armed role, disarms) placing a neuron of this role. */
  arm(role: Placing['role']): void;
  setGap(gap: boolean): void;
  toggleConnect(): void;
  touchHead(): void;
  touchTail(): void;
  pokeHead(): void;
  tapPlate(): void;
  restartWorm(): void;
  volume: PaletteVolume;
}

const ROLES: { role: Placing['role']; label: string; color: number }[] = [
  { role: 'sensory', label: 'Sensory neuron', color: palette.sensory },
  { role: 'inter', label: 'Interneuron', color: palette.inter },
  { role: 'motor', label: 'Motor neuron', color: palette.motor },
];

/** The palette (HTML, left): new neurons, how drags connect, the live worm's stimuli and the probes. */
export class Palette {
  readonly el: HTMLDivElement;
  readonly modelSelect: HTMLSelectElement;
  readonly probeList: HTMLDivElement;
  private readonly placeButtons = new Map<string, HTMLButtonElement>();
  private readonly chemBtn: HTMLButtonElement;
  private readonly gapBtn: HTMLButtonElement;
  private readonly connectBtn: HTMLButtonElement;
  private readonly plasticBtn: HTMLButtonElement;
  private readonly ruleSelect: HTMLSelectElement;
  private plastic = false;

  constructor(a: PaletteActions) {
    this.modelSelect = h(
      'select',
      { 'aria-label': 'Model of new neurons', style: 'width: 100%' },
      ...a.models.map((k) => h('option', { value: k, text: k, selected: k === 'graded' })),
    );
    const roleButtons = ROLES.map((r) => {
      const b = h(
        'button',
        { 'data-place': r.role, title: `Then click the canvas to place it (Shift+click: place several)` },
        h('span', { class: 'nwe-chip', style: `background:${css(r.color)}` }),
        `+ ${r.label}`,
      );
      b.addEventListener('click', () => a.arm(r.role));
      this.placeButtons.set(r.role, b);
      return b;
    });
    this.chemBtn = button('→ Chemical synapse', () => a.setGap(false), 'Drags between neurons make chemical synapses (arrows)');
    this.gapBtn = button('⇢ Gap junction', () => a.setGap(true), 'Drags between neurons make gap junctions (dashed, no head); Alt flips it');
    this.ruleSelect = h(
      'select',
      { 'aria-label': 'Learning rule of new synapses', style: 'width: 100%', hidden: true },
      ...PLASTIC_RULE_NAMES.map((r) => h('option', { value: r, text: r, title: RULE_SOURCES[r] })),
    );
    this.plasticBtn = button(
      '⟿ Plastic synapse',
      () => {
        a.setGap(false);
        this.plastic = true;
        this.showGap(false);
      },
      'Drags make chemical synapses that learn by the rule chosen below it (its parameters and source in the inspector)',
    );
    this.ruleSelect.addEventListener('change', () => this.plasticBtn.click());
    const vol = volumeTools(a.volume);
    this.connectBtn = button('Connect tool (C)', () => a.toggleConnect(), 'Every drag from a neuron connects (otherwise drag from its rim)');
    this.probeList = h('div', { class: 'nwe-dim' });
    this.el = h(
      'div',
      { class: 'nwe-panel', 'data-testid': 'palette' },
      h('div', { class: 'nwe-h', text: 'Palette' }),
      h('div', { class: 'nwe-sub', text: 'Add neuron' }),
      this.modelSelect,
      h('div', { class: 'nwe-stack', style: 'margin-top:6px' }, ...roleButtons),
      h('div', { class: 'nwe-sub', text: 'Connect' }),
      h('div', { class: 'nwe-stack' }, this.chemBtn, this.gapBtn, this.plasticBtn, this.ruleSelect, this.connectBtn),
      // Folded: volume transmission is an advanced tool, and the first look must fit a 768 px screen without scrolling.
      h(
        'details',
        { class: 'nwe-fold' },
        h('summary', { class: 'nwe-sub', text: 'Modulators', title: 'Release and receptor bindings for the selected neurons' }),
        vol,
      ),
      h('div', { class: 'nwe-sub', text: 'Live worm' }),
      h(
        'div',
        { class: 'nwe-stack' },
        button('Touch head', () => a.touchHead(), 'Gentle touch at the nose'),
        button('Touch tail', () => a.touchTail(), 'Gentle touch near the tail'),
        button('Harsh poke head', () => a.pokeHead(), 'A harsh poke at the nose'),
        button('Tap plate', () => a.tapPlate(), 'Vibrate the plate'),
        button('Restart worm', () => a.restartWorm(), 'A fresh worm at the start'),
      ),
      h('div', { class: 'nwe-sub', text: 'Probes' }),
      this.probeList,
    );
  }

  /** Lights the armed role's button (none for null). */
  showArmed(role: Placing['role'] | null): void {
    for (const [r, b] of this.placeButtons) b.classList.toggle('on', r === role);
  }

  showGap(gap: boolean): void {
    if (gap) this.plastic = false;
    this.gapBtn.classList.toggle('on', gap);
    this.chemBtn.classList.toggle('on', !gap && !this.plastic);
    this.plasticBtn.classList.toggle('on', !gap && this.plastic);
    // The rule matters only while the plastic tool is armed.
    this.ruleSelect.hidden = gap || !this.plastic;
  }

  /** The rule new chemical synapses learn by (null: they do not learn). */
  get plasticRule(): PlasticRule | null {
    return this.plastic ? (this.ruleSelect.value as PlasticRule) : null;
  }

  showConnect(on: boolean): void {
    this.connectBtn.classList.toggle('on', on);
  }
}

/** What each receptor effect does, for the palette's tooltips (the inspector's help says the same at length). */
const EFFECT_HELP: Record<ReceptorEffect, string> = {
  excitability: 'excitability: a current into the neuron (or channels) in proportion to the concentration',
  gain: 'gain: the neuron’s synaptic inputs scaled by 1 + gain × concentration',
  plasticity: 'plasticity: the third factor of the neuron’s learning synapses (the modulator teaches them)',
  release: 'release: the neuron’s output (to its muscles and current-based synapses) scaled by 1 + gain × concentration',
};

/** Release or receptor bindings for the selected neurons: which modulator, what the receptor does, its sign. */
function volumeTools(v: PaletteVolume): HTMLElement {
  const mod = h(
    'select',
    { 'aria-label': 'Modulator', style: 'width: 100%' },
    ...Object.entries(KNOWN_MODULATORS).map(([n, k]) => h('option', { value: n, text: `${n} (${k.releasers})`, title: k.help })),
  );
  const effect = h(
    'select',
    { 'aria-label': 'Receptor effect', title: 'What the receptor does with the modulator (hover an option for more)' },
    ...RECEPTOR_EFFECTS.map((e) => h('option', { value: e, text: e, title: EFFECT_HELP[e] })),
  );
  const sign = h(
    'select',
    { 'aria-label': 'Receptor sign', title: 'The receptor’s sign: the modulator excites the neuron (or its inputs, or teaches up) or inhibits it' },
    h('option', { value: '1', text: '+ excites' }),
    h('option', { value: '-1', text: '− inhibits' }),
  );
  return h(
    'div',
    { class: 'nwe-stack' },
    mod,
    button('+ Release (selected)', () => v.release(mod.value), 'The selected neurons release this modulator in proportion to their output'),
    h('span', {}, h('span', { class: 'nwe-muted', text: 'receptor: ' }), effect, sign),
    button(
      '+ Receptor (selected)',
      () => v.receptor(mod.value, effect.value as ReceptorEffect, sign.value === '-1' ? -1 : 1),
      'The selected neurons read this modulator: excitability (a current), gain (their inputs scaled) or plasticity (teaches their three-factor synapses)',
    ),
  );
}

/** The key to the graph's marks, one line along the bottom of the canvas. */
export function graphLegend(): HTMLDivElement {
  const line = (color: number, text: string, dashed = false): HTMLElement =>
    h(
      'span',
      {},
      h('span', { style: `display:inline-block;width:18px;border-top:3px ${dashed ? 'dashed' : 'solid'} ${css(color)};margin-right:5px;vertical-align:3px` }),
      text,
    );
  return h(
    'div',
    { class: 'nwe-legend', 'data-testid': 'legend' },
    line(palette.excitatory, 'excitatory →'),
    line(palette.inhibitory, 'inhibitory ⊣'),
    line(palette.gap, 'gap junction', true),
    h('span', { class: 'nwe-warn', text: '⚠ warning (see inspector)' }),
  );
}
