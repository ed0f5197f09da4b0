import type { MuscleBinding, SensorBinding, Side } from '../../src/circuits/types';
import {
  BINDING_FIELDS,
  rangeText,
  SYNAPSE_FIELDS,
  TRANSDUCTION_FIELDS,
  weightField,
  withTransduction,
  type EditorModel,
  type FieldSpec,
  type ParamRow,
  type Result,
} from '../../src/editor';
import { MODELS } from '../../src/neural/models/index';
import { CONDUCTANCE_SYNAPSE } from '../../src/neural/synapses';
import type { ChemicalSynapseSpec, ModelKind, NeuronRole, ParamSpec, SynapseSpec, Transmitter } from '../../src/neural/types';
import { css, palette } from '../ui/theme';
import { NEW_MUSCLE_GAIN, NEW_TOUCH_GAIN } from './defaults';
import { fmt, h, parseNumber } from './dom';
import { type FieldKit, liveWeightText, neuronVolume, plasticSection, volumeSection } from './learning-inspector';

export interface InspectorHooks {
  probe(id: string): void;
  isProbed(id: string): boolean;
  status(text: string): void;
  /** A plastic synapse's weight in the running worm (undefined: no worm runs this circuit). */
  liveWeight(key: string): number | undefined;
  /** Write the learned weights into the circuit (one undo step) / download the circuit with them. */
  keepLearned(): void;
  saveLearned(): void;
}

const ROLES: readonly NeuronRole[] = ['sensory', 'inter', 'motor'];
const TRANSMITTERS: readonly Transmitter[] = [
  'acetylcholine',
  'glutamate',
  'GABA',
  'dopamine',
  'serotonin',
  'octopamine',
  'tyramine',
  'neuropeptide',
  'unknown',
];
const SENSORS = ['touch', 'stretch', 'chemical', 'temperature', 'toxin', 'tap', 'lawn', 'hunger'] as const;
const MODEL_NAMES: Record<string, string> = {
  graded: 'Graded (most C. elegans neurons)',
  lif: 'Leaky integrate-and-fire',
  izhikevich: 'Izhikevich (spiking)',
  'hodgkin-huxley': 'Hodgkin–Huxley',
  transmitter: 'Transmitter (the seed article)',
};

/** A binding with one field replaced, keeping the type (the model validates the result). */
function withField<T extends SensorBinding | MuscleBinding>(b: T, key: string, value: unknown): T {
  return { ...b, [key]: value } as T;
}

function defaultSensor(neuron: string, kind: SensorBinding['sensor']): SensorBinding {
  switch (kind) {
    case 'touch':
      return { neuron, sensor: 'touch', from: 0, to: 0.2, kind: 'gentle', side: 'both', gain: NEW_TOUCH_GAIN };
    case 'stretch':
      return { neuron, sensor: 'stretch', at: 0.3, side: 'left', gain: 1 };
    case 'tap':
      return { neuron, sensor: 'tap', gain: 1 };
    case 'lawn':
      return { neuron, sensor: 'lawn', from: 0, to: 0.1, gain: 1 };
    case 'hunger':
      return { neuron, sensor: 'hunger', gain: 1 };
    default:
      return { neuron, sensor: kind, side: 'left', response: 'level', gain: 1 };
  }
}

/**
 * The inspector: everything about the selection, editable. Every number shows
 * its unit, range and a one-line meaning; a refused value stays in its field,
 * marked, with the model's message under it, and is never stored.
 */
export class Inspector implements FieldKit {
  readonly el: HTMLDivElement;
  /** Readouts of the running worm's weights, refreshed by tick(). */
  private live: { el: HTMLElement; key: string; initial: number }[] = [];

  constructor(
    private readonly model: EditorModel,
    private readonly hooks: InspectorHooks,
  ) {
    this.el = h('div', { class: 'nwe-panel', 'data-testid': 'inspector' });
  }

  /** Rebuild from the model (after a change of the document or the selection). */
  refresh(): void {
    const scroll = this.el.scrollTop;
    this.live = [];
    this.el.replaceChildren(...this.content());
    this.el.scrollTop = scroll;
  }

  private content(): Node[] {
    const sel = this.model.selection;
    if (sel.neurons.size === 1 && sel.synapses.size === 0) return this.neuron([...sel.neurons][0]);
    if (sel.synapses.size === 1 && sel.neurons.size === 0) return this.synapse([...sel.synapses][0]);
    if (sel.neurons.size + sel.synapses.size > 0) {
      return [
        h('div', { class: 'nwe-h', text: `${sel.neurons.size} neurons, ${sel.synapses.size} synapses selected` }),
        h('div', { class: 'nwe-dim', text: 'Drag to move them together; Delete removes them; Ctrl+C / Ctrl+V copies them.' }),
        h('button', { text: 'Delete selection', onclick: () => this.report(this.model.deleteSelection()) }),
      ];
    }
    return this.circuitInfo();
  }

  /** Updates the live readouts (the scene calls it a few times a second). */
  tick(): void {
    for (const r of this.live) r.el.textContent = liveWeightText(this.hooks.liveWeight(r.key), r.initial);
  }

  report(r: Result<unknown>, what?: string): boolean {
    if (!r.ok) this.hooks.status(`Refused: ${r.message}`);
    else if (what) this.hooks.status(what);
    return r.ok;
  }

  // ---------------------------------------------------------------- fields

  /** A text field that commits on Enter or leaving it; a refusal shows the message and keeps the typed text. */
  textField(label: string, value: string, help: string, commit: (v: string) => Result<unknown>): HTMLElement {
    const err = h('div', { class: 'nwe-err' });
    const input = h('input', { value, 'aria-label': label, 'data-field': label });
    const go = (): void => {
      if (input.value === value) return;
      const r = commit(input.value);
      if (r.ok) return;
      input.classList.add('bad');
      err.textContent = r.message;
    };
    input.addEventListener('change', go);
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') go();
    });
    return h('div', { class: 'nwe-row' }, h('label', { text: label }), input, h('div', { class: 'help', text: help }), err);
  }

  /** A number field with unit, range and meaning. `commit` gets NaN for junk, so the model names the problem. */
  numberField(
    label: string,
    spec: FieldSpec | ParamSpec,
    value: number | readonly [number, number] | undefined,
    commit: (v: number | [number, number]) => Result<unknown>,
    extra?: HTMLElement | null,
  ): HTMLElement {
    const err = h('div', { class: 'nwe-err' });
    const pair = Array.isArray(value);
    const vals: readonly number[] = pair ? (value as readonly number[]) : [value as number];
    const inputs = vals.map((v, i) =>
      h('input', {
        class: 'num',
        value: v === undefined ? '' : fmt(v),
        placeholder: '—',
        'aria-label': pair ? `${label} ${i === 0 ? 'excitatory' : 'inhibitory'}` : label,
        'data-field': label,
        inputmode: 'decimal',
      }),
    );
    const go = (): void => {
      const nums = inputs.map((el) => parseNumber(el.value));
      const same = nums.every((n, i) => n === vals[i]);
      if (same) return;
      const r = commit(pair ? [nums[0], nums[1]] : nums[0]);
      inputs.forEach((el) => el.classList.toggle('bad', !r.ok));
      err.textContent = r.ok ? '' : r.message;
    };
    for (const el of inputs) {
      el.addEventListener('change', go);
      el.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') go();
      });
    }
    const unit = spec.unit ? ` (${spec.unit})` : '';
    return h(
      'div',
      { class: 'nwe-row' },
      h('label', {}, label, h('span', { class: 'unit', text: unit })),
      h('span', {}, ...inputs, extra ?? null),
      h('div', { class: 'help', text: `${spec.help}${/[.!?]$/.test(spec.help) ? '' : '.'} Range: ${rangeText(spec)}.` }),
      err,
    );
  }

  select<T extends string>(
    label: string,
    value: T | '',
    options: readonly (readonly [T | '', string])[],
    commit: (v: T | '') => Result<unknown>,
    help = '',
  ): HTMLElement {
    const err = h('div', { class: 'nwe-err' });
    const sel = h(
      'select',
      { 'aria-label': label, 'data-field': label },
      ...options.map(([v, text]) => h('option', { value: v, text, selected: v === value })),
    );
    sel.addEventListener('change', () => {
      const r = commit(sel.value as T | '');
      err.textContent = r.ok ? '' : r.message;
      if (!r.ok) sel.value = value;
    });
    return h('div', { class: 'nwe-row' }, h('label', { text: label }), sel, help ? h('div', { class: 'help', text: help }) : null, err);
  }

  // ---------------------------------------------------------------- views

  private circuitInfo(): Node[] {
    const m = this.model;
    const doc = m.doc;
    const warnings = m.warnings();
    const out: Node[] = [
      h('div', { class: 'nwe-h', text: 'Circuit' }),
      this.textField('name', doc.name ?? '', 'Shown in menus and saved in the file.', (v) => m.setMeta({ name: v || null })),
      this.textField('description', doc.description ?? '', 'One or two lines: what the circuit does.', (v) => m.setMeta({ description: v || null })),
      h(
        'div',
        { class: 'nwe-muted' },
        `${doc.neurons.length} neurons · ${(doc.synapses ?? []).length} synapses · ${(doc.sensors ?? []).length} sensors · ${(doc.muscles ?? []).length} muscle bindings`,
      ),
      h('div', { class: 'nwe-sub', text: `Warnings (${warnings.length})` }),
    ];
    if (!warnings.length) out.push(h('div', { class: 'nwe-ok', text: 'None.' }));
    for (const w of warnings.slice(0, 60)) {
      out.push(
        h('div', {
          class: 'nwe-warn',
          style: w.neuron ? 'cursor: pointer' : undefined,
          text: `⚠ ${w.message}`,
          onclick: () => {
            if (w.neuron) {
              m.select({ neurons: [w.neuron] });
              m.centerOn(w.neuron);
            }
          },
        }),
      );
    }
    out.push(...volumeSection(this, m));
    out.push(
      h('div', { class: 'nwe-sub', text: 'How to' }),
      h(
        'div',
        { class: 'nwe-dim' },
        'Pick a neuron in the palette and click the canvas. Drag from a neuron’s rim to another neuron to connect (Alt: gap junction). ' +
          'Select a sensory or motor neuron, then drag along the body diagram to bind it to skin or muscles. Click the worm to touch it.',
      ),
    );
    return out;
  }

  private neuron(id: string): Node[] {
    const m = this.model;
    const ins = m.inspectNeuron(id);
    if (!ins) return [h('div', { text: `No neuron ${id}` })];
    const e = ins.entry;
    const models = Object.keys(m.models) as ModelKind[];
    const out: Node[] = [
      h(
        'div',
        { class: 'nwe-h' },
        h('span', {
          class: 'nwe-chip',
          style: `background:${css(e.role === 'sensory' ? palette.sensory : e.role === 'motor' ? palette.motor : palette.inter)}`,
        }),
        `Neuron ${id}`,
      ),
      h(
        'div',
        {},
        h('button', { text: this.hooks.isProbed(id) ? 'Unprobe' : 'Probe in oscilloscope', onclick: () => this.hooks.probe(id) }),
        ' ',
        h('button', { text: 'Delete', onclick: () => this.report(m.deleteNeurons([id]), `Deleted ${id}`) }),
      ),
    ];
    for (const w of m.warnings().filter((x) => x.neuron === id)) out.push(h('div', { class: 'nwe-warn', text: `⚠ ${w.message}` }));
    out.push(
      this.textField('id', id, 'The neuron’s name; synapses and bindings follow a rename.', (v) => {
        const r = m.renameNeuron(id, v.trim());
        if (r.ok) m.select({ neurons: [v.trim()] });
        return r;
      }),
      this.textField('label', e.label ?? '', 'Optional description shown in search.', (v) => m.updateNeuron(id, { label: v || null })),
      this.select<NeuronRole>(
        'role',
        e.role ?? '',
        [['', '(none)'], ...ROLES.map((r) => [r, r] as const)],
        (v) => m.updateNeuron(id, { role: v || null }),
        'Sensory neurons take sensor input, motor neurons drive muscles.',
      ),
      this.select<ModelKind>(
        'model',
        e.model,
        models.map((k) => [k, MODEL_NAMES[k] ?? k] as const),
        (v) => m.setNeuronModel(id, v as ModelKind),
        'Changing the model resets its parameters (Ctrl+Z brings them back).',
      ),
      this.select('preset', e.preset ?? '', [['', '(none)'], ...ins.presets.map((p) => [p, p] as const)], (v) => m.setNeuronPreset(id, v || undefined)),
      this.select<Transmitter>(
        'transmitter',
        e.transmitter ?? '',
        [['', '(none)'], ...TRANSMITTERS.map((t) => [t, t] as const)],
        (v) => m.updateNeuron(id, { transmitter: v || null }),
        'GABA makes its chemical synapses inhibitory by default.',
      ),
      h('div', { class: 'nwe-sub', text: 'Parameters' }),
      ...ins.params.map((p) => this.paramRow(id, p)),
    );
    if (ins.init.length) out.push(h('div', { class: 'nwe-sub', text: 'Initial state' }), ...ins.init.map((p) => this.paramRow(id, p)));
    // Bindings.
    const sensors = (m.doc.sensors ?? []).map((b, i) => [b, i] as const).filter(([b]) => b.neuron === id);
    const muscles = (m.doc.muscles ?? []).map((b, i) => [b, i] as const).filter(([b]) => b.neuron === id);
    out.push(h('div', { class: 'nwe-sub', text: `Sensors (${sensors.length})` }));
    for (const [b, i] of sensors) out.push(this.sensorCard(b, i));
    out.push(
      h('button', {
        text: '+ Touch sensor',
        onclick: () => this.report(m.addSensor(defaultSensor(id, 'touch')), `Bound ${id} to the skin of the head`),
      }),
    );
    out.push(h('div', { class: 'nwe-sub', text: `Muscles (${muscles.length})` }));
    for (const [b, i] of muscles) out.push(this.muscleCard(b, i));
    out.push(
      h('button', {
        text: '+ Muscles',
        onclick: () => this.report(m.addMuscle({ neuron: id, side: 'left', from: 0, to: 1, gain: NEW_MUSCLE_GAIN }), `Bound ${id} to the left muscles`),
      }),
    );
    out.push(...neuronVolume(this, m, id));
    return out;
  }

  private paramRow(id: string, p: ParamRow): HTMLElement {
    const m = this.model;
    const reset =
      p.source === 'neuron'
        ? h('button', { text: 'Reset', title: 'Back to the preset’s or model’s value', onclick: () => this.report(m.clearNeuronParam(id, p.name, p.group)) })
        : h('span', { class: 'nwe-dim', text: ` ${p.source}` });
    return this.numberField(p.name, p.spec, p.value, (v) => m.setNeuronParam(id, p.name, v, p.group), reset);
  }

  private sensorCard(b: SensorBinding, i: number): HTMLElement {
    const m = this.model;
    const upd = (next: SensorBinding): Result => m.updateSensor(i, next);
    const parts: HTMLElement[] = [
      this.select(
        'sensor',
        b.sensor,
        SENSORS.map((s) => [s, s] as const),
        (v) => upd(defaultSensor(b.neuron, v as SensorBinding['sensor'])),
      ),
    ];
    if (b.sensor === 'touch') {
      parts.push(
        this.numberField('from', BINDING_FIELDS.from, b.from, (v) => upd(withField(b, 'from', v))),
        this.numberField('to', BINDING_FIELDS.to, b.to, (v) => upd(withField(b, 'to', v))),
        this.select(
          'kind',
          b.kind,
          [
            ['gentle', 'gentle'],
            ['harsh', 'harsh'],
            ['any', 'any'],
          ] as const,
          (v) => upd(withField(b, 'kind', v)),
        ),
        this.select(
          'side',
          b.side ?? 'both',
          [
            ['both', 'both'],
            ['left', 'left'],
            ['right', 'right'],
          ] as const,
          (v) => upd(withField(b, 'side', v)),
        ),
      );
    } else if (b.sensor === 'stretch') {
      parts.push(
        this.numberField('at', BINDING_FIELDS.at, b.at, (v) => upd(withField(b, 'at', v))),
        this.select<Side>(
          'side',
          b.side,
          [
            ['left', 'left'],
            ['right', 'right'],
          ],
          (v) => upd(withField(b, 'side', v)),
        ),
      );
    } else if (b.sensor === 'lawn') {
      parts.push(
        this.numberField('from', BINDING_FIELDS.from, b.from, (v) => upd(withField(b, 'from', v))),
        this.numberField('to', BINDING_FIELDS.to, b.to, (v) => upd(withField(b, 'to', v))),
      );
    } else if (b.sensor !== 'tap' && b.sensor !== 'hunger') {
      parts.push(
        this.select<Side>(
          'side',
          b.side,
          [
            ['left', 'left'],
            ['right', 'right'],
          ],
          (v) => upd(withField(b, 'side', v)),
        ),
        this.select(
          'response',
          b.response,
          [
            ['level', 'level'],
            ['on', 'on (rise)'],
            ['off', 'off (fall)'],
            ['difference', 'difference (this side − other)'],
          ] as const,
          (v) => upd(withField(b, 'response', v)),
        ),
      );
    }
    parts.push(this.numberField('gain', BINDING_FIELDS.gain, b.gain, (v) => upd(withField(b, 'gain', v))));
    parts.push(...this.transductionFields(b, upd));
    return h('div', { class: 'nwe-card' }, ...parts, h('button', { text: 'Remove sensor', onclick: () => this.report(m.removeSensor(i)) }));
  }

  /** How the sensor's input reaches its neuron; conductance transduction shows its reversals and matching V with the defaults filled in. */
  private transductionFields(b: SensorBinding, upd: (next: SensorBinding) => Result): HTMLElement[] {
    const out = [
      this.select(
        'transduction',
        b.transduction === 'conductance' ? 'conductance' : '',
        [
          ['', 'current (default)'],
          ['conductance', 'conductance'],
        ] as const,
        (v) => upd(withTransduction(b, v === '' ? 'current' : 'conductance')),
        'Current: gain × signal whatever the neuron’s V. Conductance: channels toward a reversal potential, so no stimulus takes V past it.',
      ),
    ];
    if (b.transduction !== 'conductance') return out;
    const n = this.model.neuron(b.neuron);
    const rest = n?.params?.restMv ?? MODELS[n?.model as ModelKind]?.params.restMv?.default;
    const shown = {
      excitatoryReversalMv: b.excitatoryReversalMv ?? CONDUCTANCE_SYNAPSE.excitatoryReversalMv,
      inhibitoryReversalMv: b.inhibitoryReversalMv ?? CONDUCTANCE_SYNAPSE.chlorideReversalMv,
      matchMv: b.matchMv ?? (typeof rest === 'number' ? rest : undefined),
    };
    for (const f of TRANSDUCTION_FIELDS) out.push(this.numberField(f, BINDING_FIELDS[f], shown[f], (v) => upd(withField(b, f, v))));
    return out;
  }

  private muscleCard(b: MuscleBinding, i: number): HTMLElement {
    const m = this.model;
    const upd = (next: MuscleBinding): Result => m.updateMuscle(i, next);
    return h(
      'div',
      { class: 'nwe-card' },
      this.select<Side>(
        'side',
        b.side,
        [
          ['left', 'left'],
          ['right', 'right'],
        ],
        (v) => upd({ ...b, side: v as Side }),
      ),
      this.numberField('from', BINDING_FIELDS.from, b.from, (v) => upd({ ...b, from: v as number })),
      this.numberField('to', BINDING_FIELDS.to, b.to, (v) => upd({ ...b, to: v as number })),
      this.numberField('gain', BINDING_FIELDS.gain, b.gain, (v) => upd({ ...b, gain: v as number })),
      h('button', { text: 'Remove muscles', onclick: () => this.report(m.removeMuscle(i)) }),
    );
  }

  private synapse(key: string): Node[] {
    const m = this.model;
    const s = m.synapse(key);
    if (!s) return [h('div', { text: `No synapse ${key}` })];
    const gap = s.kind === 'electrical';
    const geo = m.geometry().edges.find((e) => e.key === key);
    const sign = geo?.sign;
    const out: Node[] = [
      h('div', { class: 'nwe-h', text: gap ? `Gap junction ${s.from} ↔ ${s.to}` : `Synapse ${s.from} → ${s.to}` }),
      h(
        'div',
        { style: `color:${css(gap ? palette.gap : sign === 'inhibitory' ? palette.inhibitory : palette.excitatory)}` },
        gap ? 'Electrical: current flows both ways.' : sign === 'inhibitory' ? 'Inhibitory: drives the target down.' : 'Excitatory: drives the target up.',
      ),
      h('button', { text: 'Delete', onclick: () => this.report(m.deleteSynapses([key]), 'Deleted the synapse') }),
      this.select<SynapseSpec['kind']>(
        'kind',
        s.kind,
        [
          ['chemical', 'chemical synapse'],
          ['electrical', 'gap junction'],
        ],
        (v) => {
          const r = m.retypeSynapse(key, v as SynapseSpec['kind']);
          if (r.ok) m.select({ synapses: [r.value] });
          return r;
        },
        'A gap junction couples both neurons; a chemical synapse acts one way, with a sign.',
      ),
      this.numberField(
        'weight',
        weightField(gap || (s.kind === 'chemical' && s.model === 'conductance'), MODELS[m.neuron(s.to)?.model as ModelKind]),
        s.weight,
        (v) => m.updateSynapse(key, { weight: v as number }),
      ),
    ];
    if (s.kind === 'chemical' && s.plastic) {
      // A learning synapse is current-based with no delay or depression of its own: its rule comes right under the weight.
      out.push(...this.learning(key, s), this.signSelect(key, s.sign, sign));
    } else if (s.kind === 'chemical') {
      // Synapse model (format version 2): current-based by default; conductance-based shows its own fields, defaults filled in.
      const inhibitory = sign === 'inhibitory';
      out.push(
        this.select(
          'model',
          s.model === 'conductance' ? 'conductance' : '',
          [
            ['', 'current-based (default)'],
            ['conductance', 'conductance-based'],
          ] as const,
          (v) => m.updateSynapse(key, { model: v === '' ? null : 'conductance' }),
          'Current-based: a fixed current whatever the target’s V. Conductance-based: I = g·s·(E_rev − V), so V never passes the reversal potential.',
        ),
      );
      if (s.model === 'conductance') {
        const shown = {
          reversalMv: s.reversalMv ?? (inhibitory ? CONDUCTANCE_SYNAPSE.chlorideReversalMv : CONDUCTANCE_SYNAPSE.excitatoryReversalMv),
          releaseHalfMv: s.releaseHalfMv ?? CONDUCTANCE_SYNAPSE.releaseHalfMv,
          releaseSlopeMv: s.releaseSlopeMv ?? CONDUCTANCE_SYNAPSE.releaseSlopeMv,
          tauMs: s.tauMs ?? (inhibitory ? CONDUCTANCE_SYNAPSE.tauInhibitoryMs : CONDUCTANCE_SYNAPSE.tauExcitatoryMs),
        };
        for (const f of ['reversalMv', 'releaseHalfMv', 'releaseSlopeMv', 'tauMs'] as const) {
          out.push(this.numberField(f, SYNAPSE_FIELDS[f], shown[f], (v) => m.updateSynapse(key, { [f]: v as number })));
        }
      }
      out.push(
        this.signSelect(key, s.sign, sign),
        this.numberField('delayMs', SYNAPSE_FIELDS.delayMs, s.delayMs ?? 0, (v) => m.updateSynapse(key, { delayMs: v as number })),
      );
      const d = s.depression;
      if (d) {
        out.push(
          this.numberField('depression.use', SYNAPSE_FIELDS['depression.use'], d.use, (v) => m.updateSynapse(key, { depression: { ...d, use: v as number } })),
          this.numberField('depression.recoveryMs', SYNAPSE_FIELDS['depression.recoveryMs'], d.recoveryMs, (v) =>
            m.updateSynapse(key, { depression: { ...d, recoveryMs: v as number } }),
          ),
          h('button', { text: 'No depression', onclick: () => this.report(m.updateSynapse(key, { depression: null })) }),
        );
      } else {
        out.push(
          h('button', { text: '+ Depression (habituation)', onclick: () => this.report(m.updateSynapse(key, { depression: { use: 0.2, recoveryMs: 5000 } })) }),
        );
      }
      out.push(...this.learning(key, s));
    }
    return out;
  }

  private learning(key: string, s: ChemicalSynapseSpec): Node[] {
    const nodes = plasticSection(this, this.model, key, s, {
      readout: (el, k, initial) => this.live.push({ el, key: k, initial }),
      keep: () => this.hooks.keepLearned(),
      save: () => this.hooks.saveLearned(),
    });
    this.tick();
    return nodes;
  }

  private signSelect(key: string, own: ChemicalSynapseSpec['sign'], sign: 'excitatory' | 'inhibitory' | undefined): HTMLElement {
    return this.select(
      'sign',
      own ?? '',
      [
        ['', `default (${sign ?? 'excitatory'})`],
        ['excitatory', 'excitatory'],
        ['inhibitory', 'inhibitory'],
      ] as const,
      (v) => this.model.updateSynapse(key, { sign: v === '' ? null : v }),
      'By default a synapse from a GABA neuron inhibits and any other excites.',
    );
  }
}
