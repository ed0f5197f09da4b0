import type { ModelKind } from '../../src/neural/types';
import { css, palette } from '../ui/theme';
import { button, h } from './dom';
import type { Placing } from './GraphView';

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
      h('div', { class: 'nwe-stack' }, this.chemBtn, this.gapBtn, this.connectBtn),
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
    this.gapBtn.classList.toggle('on', gap);
    this.chemBtn.classList.toggle('on', !gap);
  }

  showConnect(on: boolean): void {
    this.connectBtn.classList.toggle('on', on);
  }
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
