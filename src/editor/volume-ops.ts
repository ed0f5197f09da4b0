/**
 * Edits of what learns and what modulates, as pure functions like doc-ops.ts:
 * a chemical synapse's learning rule, the circuit's modulators (who releases
 * them, how much, how fast they clear) and the receptors that read them.
 * Each checks what a player can get wrong with a message naming the field,
 * the value and the allowed range; the model then validates the whole
 * document (crossref-volume.ts: releasers exist, weights inside the rule's
 * bounds, no plastic synapse with a delay...), so nothing missed here lands.
 */
import type { CircuitDoc } from '../circuits/types';
import { MODULATOR_FIELDS, MODULATOR_NAME } from '../neural/modulation';
import { PLASTIC_RULES } from '../neural/plastic-rules';
import type { ModulatorSpec, PlasticSpec, ReceptorSpec } from '../neural/types';
import type { Op } from './doc-ops';
import { noNegativeZero, numberProblem } from './fields';
import { synapseKey } from './ids';
import type { SynapseKey } from './types';

const refuse = (message: string): { ok: false; message: string } => ({ ok: false, message });
const done = (doc: CircuitDoc): Op => ({ ok: true, doc, value: undefined });

/** The modulators C. elegans makes and who makes them (Sawin 2000; Alkema 2005; Chase & Koelle 2007): the palette's choices. */
export const KNOWN_MODULATORS: Readonly<Record<string, { releasers: string; help: string }>> = {
  dopamine: { releasers: 'CEP, ADE, PDE', help: 'mechanosensory; slows the worm on food (Sawin et al. 2000)' },
  serotonin: { releasers: 'NSM, ADF', help: 'food signal; enhanced slowing of starved worms (Sawin et al. 2000)' },
  octopamine: { releasers: 'RIC', help: 'starvation signal (Suo et al. 2006)' },
  tyramine: { releasers: 'RIM', help: 'suppresses head swings during reversals (Alkema et al. 2005)' },
};

/** Set (or with null remove) the learning rule of the chemical synapse `key`; the params given are checked against the rule's table. */
export function setPlastic(doc: CircuitDoc, key: SynapseKey, plastic: PlasticSpec | null): Op {
  const synapses = doc.synapses ?? [];
  const i = synapses.findIndex((s) => synapseKey(s) === key);
  if (i < 0) return refuse(`there is no synapse ${key}`);
  const old = synapses[i];
  if (old.kind !== 'chemical') return refuse(`a gap junction between "${old.from}" and "${old.to}" cannot learn: change its kind to chemical first`);
  const name = `the plastic synapse ${old.from} → ${old.to}`;
  let next: typeof old;
  if (plastic === null) {
    const { plastic: _gone, ...rest } = old;
    next = rest;
  } else {
    const table = Object.hasOwn(PLASTIC_RULES, plastic.rule) ? PLASTIC_RULES[plastic.rule] : undefined;
    if (!table) return refuse(`${name}: rule ${JSON.stringify(plastic.rule)} is not a rule; allowed: ${Object.keys(PLASTIC_RULES).join(', ')}`);
    const params: Record<string, number> = {};
    for (const [p, v] of Object.entries(plastic.params ?? {})) {
      if (v === undefined) continue;
      const spec = table.params[p];
      if (!spec) return refuse(`${name}: ${p} is not a parameter of rule ${plastic.rule}; its parameters: ${Object.keys(table.params).join(', ')}`);
      const bad = numberProblem(`${p} of ${name} (${plastic.rule})`, spec, v);
      if (bad) return refuse(bad);
      params[p] = noNegativeZero(v);
    }
    const spec: PlasticSpec = { rule: plastic.rule };
    if (Object.keys(params).length) spec.params = params;
    if (plastic.bounds !== undefined) spec.bounds = plastic.bounds;
    // A learning synapse has no delay and no depression of its own (the engine's restriction): the switch drops them, undo brings them back.
    const { delayMs: _d, depression: _p, ...kept } = old;
    next = { ...kept, plastic: spec };
  }
  if (JSON.stringify(next) === JSON.stringify(old)) return done(doc);
  return done({ ...doc, synapses: synapses.map((s, k) => (k === i ? next : s)) });
}

function modulatorProblem(m: ModulatorSpec): string | undefined {
  if (typeof m.name !== 'string' || !MODULATOR_NAME.test(m.name))
    return `modulator name ${JSON.stringify(m.name)}: names are 1 to 32 letters, digits, "_" or "-", starting with a letter (e.g. "dopamine")`;
  for (const f of ['release', 'clearanceMs'] as const) {
    const bad = numberProblem(`${f} of modulator "${m.name}"`, MODULATOR_FIELDS[f], m[f]);
    if (bad) return bad;
  }
  return undefined;
}

/**
 * Add (name undefined), replace (the modulator called `name`; a rename
 * follows into its receptors) or remove (spec null, with its receptors) a modulator.
 */
export function putModulator(doc: CircuitDoc, name: string | undefined, spec: ModulatorSpec | null): Op {
  const list = doc.modulators ?? [];
  const i = name === undefined ? -1 : list.findIndex((m) => m.name === name);
  if (name !== undefined && i < 0) return refuse(`there is no modulator "${name}"`);
  if (spec === null) {
    const next: CircuitDoc = { ...doc, modulators: list.filter((_, k) => k !== i) };
    if (doc.receptors) next.receptors = doc.receptors.filter((r) => r.modulator !== name);
    return done(next);
  }
  const bad = modulatorProblem(spec);
  if (bad) return refuse(bad);
  if (list.some((m, k) => k !== i && m.name === spec.name))
    return refuse(`there is already a modulator "${spec.name}": add these neurons to its releasers instead`);
  const clean: ModulatorSpec = { name: spec.name, from: [...new Set(spec.from)], release: noNegativeZero(spec.release), clearanceMs: spec.clearanceMs };
  const next: CircuitDoc = { ...doc, modulators: i < 0 ? [...list, clean] : list.map((m, k) => (k === i ? clean : m)) };
  if (name !== undefined && name !== spec.name && doc.receptors)
    next.receptors = doc.receptors.map((r) => (r.modulator === name ? { ...r, modulator: spec.name } : r));
  return JSON.stringify(next) === JSON.stringify(doc) ? done(doc) : done(next);
}

/** Add (index undefined), replace or remove (spec null) the receptor at `index` of doc.receptors. */
export function putReceptor(doc: CircuitDoc, index: number | undefined, spec: ReceptorSpec | null): Op {
  const list = doc.receptors ?? [];
  if (index !== undefined && !(Number.isInteger(index) && index >= 0 && index < list.length)) return refuse(`there is no receptors[${index}]`);
  if (spec === null) return index === undefined ? done(doc) : done({ ...doc, receptors: list.filter((_, k) => k !== index) });
  const declared = (doc.modulators ?? []).map((m) => m.name);
  if (!declared.includes(spec.modulator))
    return refuse(
      `a receptor on "${spec.neuron}" reads "${spec.modulator}", which the circuit does not declare; declared: ${declared.join(', ') || 'none'} (add the modulator first)`,
    );
  const what = `the ${spec.modulator} receptor on "${spec.neuron}"`;
  const bad =
    numberProblem(`gain of ${what}`, MODULATOR_FIELDS.gain, spec.gain) ??
    (spec.reversalMv === undefined ? undefined : numberProblem(`reversal of ${what}`, MODULATOR_FIELDS.reversalMv, spec.reversalMv)) ??
    (spec.matchMv === undefined ? undefined : numberProblem(`match point of ${what}`, MODULATOR_FIELDS.matchMv, spec.matchMv)) ??
    (spec.adaptation === undefined ? undefined : numberProblem(`adaptation of ${what}`, MODULATOR_FIELDS.adaptation, spec.adaptation)) ??
    (spec.adaptationMs === undefined ? undefined : numberProblem(`adaptation time of ${what}`, MODULATOR_FIELDS.adaptationMs, spec.adaptationMs));
  if (bad) return refuse(bad);
  // Channels belong to excitability receptors: another effect drops them (the file check would refuse them).
  const { reversalMv: _r, matchMv: _m, ...currentOnly } = spec;
  const kept = spec.effect === 'excitability' ? spec : currentOnly;
  const clean: ReceptorSpec = { ...kept, gain: noNegativeZero(spec.gain) };
  // The same receptor again is no edit (no empty undo step): a field commits on Enter and again on blur.
  if (index !== undefined && JSON.stringify(clean) === JSON.stringify(list[index])) return done(doc);
  return done({ ...doc, receptors: index === undefined ? [...list, clean] : list.map((r, k) => (k === index ? clean : r)) });
}

/** The running mean's time constant a receptor gets when the card first makes it adapt (ms): DOP-1's in the built-in worm (touch.ts). */
export const DEFAULT_ADAPTATION_MS = 20_000;

/**
 * The receptor `r` with adaptation `a`: 0 removes adaptation and its time constant (a receptor that does not adapt
 * carries neither); any other value sets it and keeps the time constant, or gives DEFAULT_ADAPTATION_MS, since the
 * file needs both. A value out of range passes through for putReceptor to refuse with the range.
 */
export function withAdaptation(r: ReceptorSpec, a: number): ReceptorSpec {
  const { adaptation: _a, adaptationMs: _ms, ...fixed } = r;
  if (a === 0) return fixed;
  return { ...fixed, adaptation: a, adaptationMs: r.adaptationMs ?? DEFAULT_ADAPTATION_MS };
}

/** One line on what the receptor's adaptation does: "adapts: a level held for ~1 min acts 0.5 % as strongly as a brief rise (C − 0.995 × its mean over 20 s)". */
export function adaptationText(r: ReceptorSpec): string {
  const a = r.adaptation ?? 0;
  if (a === 0 || r.adaptationMs === undefined) return 'does not adapt: a sustained level acts as fully as a brief rise';
  const kept = Number(((1 - a) * 100).toPrecision(3));
  const over = r.adaptationMs >= 1000 ? `${Number((r.adaptationMs / 1000).toPrecision(3))} s` : `${Number(r.adaptationMs.toPrecision(3))} ms`;
  return `adapts: a level held well beyond ${over} acts ${kept} % as strongly as a brief rise (it reads C − ${a} × C’s mean over ${over})`;
}
