import { adaptationText, type EditorModel, KNOWN_MODULATORS, type FieldSpec, type Result, type SynapseKey, withAdaptation } from '../../src/editor';
import { MODULATOR_FIELDS, RECEPTOR_EFFECTS, RECEPTOR_REVERSAL } from '../../src/neural/modulation';
import { PLASTIC_RULE_NAMES, PLASTIC_RULES } from '../../src/neural/plastic-rules';
import type { ChemicalSynapseSpec, ModulatorSpec, ParamSpec, PlasticRule, ReceptorEffect, ReceptorSpec } from '../../src/neural/types';
import { fmt, h } from './dom';

/** The inspector's field makers (Inspector.ts): each shows unit, range and meaning and keeps a refused value in its field with the message. */
export interface FieldKit {
  numberField(label: string, spec: FieldSpec | ParamSpec, value: number | undefined, commit: (v: number | [number, number]) => Result<unknown>): HTMLElement;
  select<T extends string>(
    label: string,
    value: T | '',
    options: readonly (readonly [T | '', string])[],
    commit: (v: T | '') => Result<unknown>,
    help?: string,
  ): HTMLElement;
  textField(label: string, value: string, help: string, commit: (v: string) => Result<unknown>): HTMLElement;
  report(r: Result<unknown>, what?: string): boolean;
}

/** Where each rule is published (shown under the rule's choice). */
export const RULE_SOURCES: Readonly<Record<PlasticRule, string>> = {
  stdp: 'Song, Miller & Abbott 2000 (Nat Neurosci 3:919); soft bounds: van Rossum, Bi & Turrigiano 2000',
  bcm: 'Bienenstock, Cooper & Munro 1982 (J Neurosci 2:32); Intrator & Cooper 1992',
  'three-factor': 'Izhikevich 2007 (Cereb Cortex 17:2443), reward-modulated STDP with an eligibility trace',
  'short-term': 'two pools as in Staddon & Higa 1996; facilitation as in Tsodyks & Markram 1997',
};

const EFFECT_HELP: Readonly<Record<ReceptorEffect, string>> = {
  excitability: 'a current gain·C into the neuron (gain > 0 excites, < 0 inhibits), or channels that pass it at the match point and stop V at their reversal',
  gain: 'its chemical inputs × (1 + gain·C)',
  plasticity: 'gain·C is the third factor of its three-factor synapses (> 0 teaches like reward, < 0 like punishment)',
  release: 'its output × (1 + gain·C), at least 0: what its muscles, current-based synapses and modulator release read (gain < 0: less transmitter released)',
};

/** The live run's weights, for the readouts: current weight by synapse key (null: no worm runs). */
export type LiveWeights = () => ReadonlyMap<SynapseKey, number> | null;

/** The synapse inspector's learning part: rule, its parameters with units, bounds, the weight now against the file's, keep/save what it learned. */
export function plasticSection(
  kit: FieldKit,
  m: EditorModel,
  key: SynapseKey,
  s: ChemicalSynapseSpec,
  live: { readout: (el: HTMLElement, key: SynapseKey, initial: number) => void; keep: () => void; save: () => void },
): Node[] {
  const p = s.plastic;
  const out: Node[] = [
    h('div', { class: 'nwe-sub', text: 'Learning' }),
    kit.select<PlasticRule>(
      'rule',
      p?.rule ?? '',
      [['', 'none (fixed weight)'], ...PLASTIC_RULE_NAMES.map((r) => [r, r] as const)],
      (v) => m.setPlastic(key, v === '' ? null : { rule: v }),
      p
        ? `${PLASTIC_RULES[p.rule].help}. Source: ${RULE_SOURCES[p.rule]}.`
        : 'A learning synapse changes its weight while the worm runs (current-based, no delay, no depression of its own).',
    ),
  ];
  if (!p) return out;
  for (const [name, spec] of Object.entries(PLASTIC_RULES[p.rule].params)) {
    const given = p.params?.[name];
    const shown = given ?? (Number.isNaN(spec.default as number) ? undefined : (spec.default as number));
    out.push(kit.numberField(name, spec, shown, (v) => m.setPlastic(key, { ...p, params: { ...p.params, [name]: v as number } })));
  }
  if (p.rule === 'stdp' || p.rule === 'three-factor')
    out.push(
      kit.select(
        'bounds',
        p.bounds ?? 'hard',
        [
          ['hard', 'hard (clip at wMin, wMax)'],
          ['soft', 'soft (steps shrink near them)'],
        ] as const,
        (v) => m.setPlastic(key, { ...p, bounds: v === 'soft' ? 'soft' : 'hard' }),
      ),
    );
  const readout = h('div', { class: 'nwe-muted', 'data-testid': 'live-weight', text: 'weight now: — (no worm runs)' });
  live.readout(readout, key, s.weight);
  out.push(
    readout,
    h('button', { text: 'Keep learned weights', title: 'Write the weights the live worm learned into the circuit (one undo step)', onclick: live.keep }),
    document.createTextNode(' '),
    h('button', {
      text: 'Save learned circuit',
      title: 'Download the circuit with the learned weights; the circuit you edit stays as it is',
      onclick: live.save,
    }),
  );
  return out;
}

/** Releasers that exist in the circuit for a known modulator (e.g. CEPDL, ADEL for dopamine). */
function likelyReleasers(m: EditorModel, name: string): string[] {
  const classes = KNOWN_MODULATORS[name]?.releasers.split(', ') ?? [];
  return m.doc.neurons.map((n) => n.id).filter((id) => classes.some((c) => id.startsWith(c)));
}

/** The default modulator a palette or inspector "+" adds: released by `from` (one releaser at full output holds 1), cleared in 1 s. */
export function newModulator(name: string, from: readonly string[]): ModulatorSpec {
  return { name, from: [...from], release: 1, clearanceMs: 1000 };
}

/** How an excitability receptor acts: a current, or channels of a kind (their reversal potential, mV). */
const CHANNELS = [
  ['', 'a current (no bound on V)'],
  [String(RECEPTOR_REVERSAL.potassiumMv), `K⁺, ${RECEPTOR_REVERSAL.potassiumMv} mV (DOP-3)`],
  [String(RECEPTOR_REVERSAL.chlorideMv), `Cl⁻, ${RECEPTOR_REVERSAL.chlorideMv} mV (MOD-1)`],
  [String(RECEPTOR_REVERSAL.cationMv), `cation, ${RECEPTOR_REVERSAL.cationMv} mV (excites)`],
] as const;

/** An excitability receptor's channel fields: the kind (a current or channels), and for channels the reversal and match point in mV. */
function channelFields(kit: FieldKit, r: ReceptorSpec, upd: (next: ReceptorSpec) => Result): HTMLElement[] {
  const { reversalMv: _r, matchMv: _m, ...asCurrent } = r;
  const known = CHANNELS.some(([k]) => k !== '' && Number(k) === r.reversalMv);
  const kind = r.reversalMv === undefined ? '' : known ? String(r.reversalMv) : 'other';
  const out = [
    kit.select(
      'acts as',
      kind,
      [...CHANNELS, ...(known || r.reversalMv === undefined ? [] : [['other', `channels at ${r.reversalMv} mV`] as const])],
      (v) => (v === '' ? upd(asCurrent) : v === 'other' ? upd(r) : upd({ ...r, reversalMv: Number(v) })),
      'Channels pass gain × concentration at the match point, less as V nears their reversal, none there: V never passes it.',
    ),
  ];
  if (r.reversalMv === undefined) return out;
  out.push(
    kit.numberField('reversal', MODULATOR_FIELDS.reversalMv, r.reversalMv, (v) => upd({ ...r, reversalMv: v as number })),
    kit.numberField('match at', MODULATOR_FIELDS.matchMv, r.matchMv, (v) => upd({ ...r, matchMv: v as number })),
  );
  if (r.matchMv === undefined) out.push(h('div', { class: 'nwe-dim', text: 'match at: the neuron’s rest (default)' }));
  return out;
}

/** Whether and how the receptor desensitises: adaptation (0 none .. 1), what that does in one line, and while it adapts the running mean's time (ms). */
function adaptationFields(kit: FieldKit, r: ReceptorSpec, upd: (next: ReceptorSpec) => Result): HTMLElement[] {
  const out = [
    kit.numberField('adaptation', MODULATOR_FIELDS.adaptation, r.adaptation ?? 0, (v) => upd(withAdaptation(r, v as number))),
    h('div', { class: 'nwe-dim', 'data-testid': 'adaptation-meaning', text: adaptationText(r) }),
  ];
  if (r.adaptation !== undefined)
    out.push(kit.numberField('adaptationMs', MODULATOR_FIELDS.adaptationMs, r.adaptationMs, (v) => upd({ ...r, adaptationMs: v as number })));
  return out;
}

function receptorCard(kit: FieldKit, m: EditorModel, r: ReceptorSpec, i: number, showNeuron: boolean): HTMLElement {
  const upd = (next: ReceptorSpec): Result => m.putReceptor(i, next);
  const names = (m.doc.modulators ?? []).map((x) => x.name);
  return h(
    'div',
    { class: 'nwe-card', 'data-testid': 'receptor' },
    showNeuron ? kit.textField('neuron', r.neuron, 'The neuron that carries the receptor.', (v) => upd({ ...r, neuron: v.trim() })) : null,
    kit.select(
      'modulator',
      r.modulator,
      names.map((n) => [n, n] as const),
      (v) => upd({ ...r, modulator: v }),
    ),
    kit.select<ReceptorEffect>(
      'effect',
      r.effect,
      RECEPTOR_EFFECTS.map((e) => [e, e] as const),
      (v) => upd({ ...r, effect: v as ReceptorEffect }),
      EFFECT_HELP[r.effect],
    ),
    kit.numberField('gain', MODULATOR_FIELDS.gain, r.gain, (v) => upd({ ...r, gain: v as number })),
    h('div', { class: 'nwe-dim', text: r.gain < 0 ? 'sign: inhibitory (as serotonin through MOD-1)' : 'sign: excitatory (as serotonin through SER-4)' }),
    ...(r.effect === 'excitability' ? channelFields(kit, r, upd) : []),
    ...adaptationFields(kit, r, upd),
    h('button', { text: 'Remove receptor', onclick: () => kit.report(m.putReceptor(i, null)) }),
  );
}

function modulatorCard(kit: FieldKit, m: EditorModel, x: ModulatorSpec): HTMLElement {
  const upd = (next: ModulatorSpec): Result => m.putModulator(x.name, next);
  const known = KNOWN_MODULATORS[x.name];
  return h(
    'div',
    { class: 'nwe-card', 'data-testid': `modulator-${x.name}` },
    kit.textField('name', x.name, known ? `${x.name}: ${known.help}; made by ${known.releasers}.` : 'Receptors name it.', (v) => upd({ ...x, name: v.trim() })),
    kit.textField('released by', x.from.join(', '), 'Neuron ids, separated by commas (empty: only a bath sets it).', (v) =>
      upd({ ...x, from: v.split(/[\s,]+/).filter(Boolean) }),
    ),
    kit.numberField('release', MODULATOR_FIELDS.release, x.release, (v) => upd({ ...x, release: v as number })),
    kit.numberField('clearanceMs', MODULATOR_FIELDS.clearanceMs, x.clearanceMs, (v) => upd({ ...x, clearanceMs: v as number })),
    h('button', { text: `Remove ${x.name}`, title: 'Its receptors go with it', onclick: () => kit.report(m.putModulator(x.name, null)) }),
  );
}

function addModulatorRow(kit: FieldKit, m: EditorModel, from: (name: string) => string[]): HTMLElement {
  const have = new Set((m.doc.modulators ?? []).map((x) => x.name));
  const free = Object.keys(KNOWN_MODULATORS).filter((n) => !have.has(n));
  const sel = h('select', { 'aria-label': 'modulator to add', 'data-field': 'add-modulator' }, ...free.map((n) => h('option', { value: n, text: n })));
  const add = h('button', {
    text: '+ Modulator',
    onclick: () => {
      const name = sel.value;
      if (name) kit.report(m.putModulator(undefined, newModulator(name, from(name))), `Added ${name}`);
    },
  });
  return h('div', { class: 'nwe-row' }, free.length ? sel : null, free.length ? add : h('span', { class: 'nwe-dim', text: 'Every known modulator is in.' }));
}

/** The circuit view's part: every modulator and receptor, editable; + Modulator (released by the neurons of the circuit that make it). */
export function volumeSection(kit: FieldKit, m: EditorModel): Node[] {
  const mods = m.doc.modulators ?? [];
  const recs = m.doc.receptors ?? [];
  return [
    h('div', { class: 'nwe-sub', text: `Modulators (${mods.length})` }),
    h('div', { class: 'nwe-dim', text: 'Volume transmission: released by the neurons listed, cleared at first order, read by receptors (docs/neural.md).' }),
    ...mods.map((x) => modulatorCard(kit, m, x)),
    addModulatorRow(kit, m, (name) => likelyReleasers(m, name)),
    h('div', { class: 'nwe-sub', text: `Receptors (${recs.length})` }),
    ...recs.map((r, i) => receptorCard(kit, m, r, i, true)),
  ];
}

/** A neuron's part: which modulators it releases (toggle) and its receptors, + Receptor. */
export function neuronVolume(kit: FieldKit, m: EditorModel, id: string): Node[] {
  const mods = m.doc.modulators ?? [];
  const recs = (m.doc.receptors ?? []).map((r, i) => [r, i] as const).filter(([r]) => r.neuron === id);
  const out: Node[] = [h('div', { class: 'nwe-sub', text: 'Modulators' })];
  for (const x of mods) {
    const on = x.from.includes(id);
    out.push(
      h('button', {
        class: on ? 'on' : '',
        'data-release': x.name,
        text: `${on ? '✓ releases' : 'release'} ${x.name}`,
        title: on ? `Stop ${id} releasing ${x.name}` : `${id} releases ${x.name} in proportion to its output`,
        onclick: () => kit.report(m.putModulator(x.name, { ...x, from: on ? x.from.filter((n) => n !== id) : [...x.from, id] })),
      }),
      document.createTextNode(' '),
    );
  }
  out.push(addModulatorRow(kit, m, () => [id]));
  out.push(h('div', { class: 'nwe-sub', text: `Receptors (${recs.length})` }));
  for (const [r, i] of recs) out.push(receptorCard(kit, m, r, i, false));
  if (mods.length)
    out.push(
      h('button', {
        text: '+ Receptor',
        title: `A receptor on ${id} for ${mods[0].name} (change it below)`,
        onclick: () =>
          kit.report(m.putReceptor(undefined, { neuron: id, modulator: mods[0].name, effect: 'excitability', gain: 1 }), `${id} reads ${mods[0].name}`),
      }),
    );
  return out;
}

/** "weight now 5.62 (file 5, +12 %)" for a plastic synapse of the running worm. */
export function liveWeightText(now: number | undefined, initial: number): string {
  if (now === undefined) return 'weight now: — (no worm runs this circuit)';
  const pct = initial > 0 ? ` ${now >= initial ? '+' : '−'}${fmt(Math.abs((100 * (now - initial)) / initial))} %` : '';
  return `weight now ${fmt(now)} (in the circuit ${fmt(initial)},${pct})`;
}

/** The palette's volume-transmission tools, on the selected neurons, each one undo step. */
export interface PaletteVolume {
  /** The selected neurons release `name` (declared first if the circuit lacks it). */
  release(name: string): void;
  /** The selected neurons get a receptor for `name` with this effect and sign (gain ±1; declared first if needed). */
  receptor(name: string, effect: ReceptorEffect, sign: 1 | -1): void;
}

export function paletteVolume(m: EditorModel, status: (text: string) => void): PaletteVolume {
  const selected = (): string[] => [...m.selection.neurons];
  /** Runs `edit` as one undo step; a refusal undoes the part already done. */
  const batch = (label: string, edit: () => Result, done: string): void => {
    const ids = selected();
    if (!ids.length) {
      status(`Select the neurons first, then ${label.toLowerCase()}`);
      return;
    }
    m.beginBatch(label);
    const r = edit();
    if (r.ok) m.endBatch();
    else m.cancelBatch();
    status(r.ok ? done : `Refused: ${r.message}`);
  };
  const declared = (name: string): ModulatorSpec | undefined => (m.doc.modulators ?? []).find((x) => x.name === name);
  const declare = (name: string, from: string[]): Result => {
    const x = declared(name);
    return x ? m.putModulator(name, { ...x, from: [...new Set([...x.from, ...from])] }) : m.putModulator(undefined, newModulator(name, from));
  };
  return {
    release: (name) => batch(`Release ${name}`, () => declare(name, selected()), `${selected().join(', ')} release ${name}`),
    receptor: (name, effect, sign) =>
      batch(
        `${name} receptors`,
        () => {
          let r: Result = declared(name) ? { ok: true, value: undefined } : declare(name, []);
          for (const id of selected()) if (r.ok) r = m.putReceptor(undefined, { neuron: id, modulator: name, effect, gain: sign });
          return r;
        },
        `${selected().join(', ')} read ${name} (${effect}, ${sign > 0 ? 'excitatory' : 'inhibitory'}); set the gain in the inspector`,
      ),
  };
}
