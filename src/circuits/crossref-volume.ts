/**
 * Cross-references of plasticity and volume transmission, read defensively
 * from the raw document (as crossref.ts does): modulator names unique, their
 * releasers and the receptors' neurons existing, receptors naming declared
 * modulators, receptor channels on neurons that take them, and plastic
 * synapses the engine can run (current-based,
 * without delay or depression, weight inside the rule's bounds).
 */
import { resolvePlastic } from '../neural/plastic-rules';
import type { PlasticSpec } from '../neural/types';
import { didYouMean, type RawIssue } from './errors';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (doc: Obj, k: string): unknown[] => (Object.hasOwn(doc, k) && Array.isArray(doc[k]) ? (doc[k] as unknown[]) : []);

export function volumeIssues(doc: Obj, ids: ReadonlySet<string>, seedNeurons: ReadonlySet<string>): RawIssue[] {
  const issues: RawIssue[] = [];
  const ref = (path: (string | number)[], id: unknown, what: string) => {
    if (typeof id === 'string' && id !== '' && !ids.has(id))
      issues.push({ path, message: `unknown neuron "${id}"${didYouMean(id, ids)}; ${what} must be the id of a neuron listed in "neurons"` });
  };
  const names = new Map<string, number>();
  list(doc, 'modulators').forEach((m, i) => {
    if (!isObj(m)) return;
    const name = m.name;
    if (typeof name === 'string') {
      const first = names.get(name);
      if (first !== undefined)
        issues.push({
          path: ['modulators', i, 'name'],
          message: `duplicate modulator "${name}" (already modulators[${first}]); merge their "from" lists or rename one`,
        });
      else names.set(name, i);
    }
    if (Array.isArray(m.from)) m.from.forEach((id, k) => ref(['modulators', i, 'from', k], id, 'a releasing neuron'));
  });
  list(doc, 'receptors').forEach((r, i) => {
    if (!isObj(r)) return;
    ref(['receptors', i, 'neuron'], r.neuron, 'a receptor\'s "neuron"');
    const m = r.modulator;
    if (typeof m === 'string' && m !== '' && !names.has(m))
      issues.push({
        path: ['receptors', i, 'modulator'],
        message: `unknown modulator "${m}"${didYouMean(m, names.keys())}; declared: ${[...names.keys()].join(', ') || 'none'} (declare it in "modulators")`,
      });
    issues.push(...channelIssues(r, i, seedNeurons));
    if ((r.adaptation === undefined) !== (r.adaptationMs === undefined)) {
      const [has, needs] = r.adaptation === undefined ? ['adaptationMs', 'adaptation'] : ['adaptation', 'adaptationMs'];
      issues.push({
        path: ['receptors', i, has],
        message: `an adapting receptor needs both "adaptation" (0 .. 1) and "adaptationMs" (1 .. 1e7 ms, the running mean's time constant); give "${needs}" or remove "${has}"`,
      });
    }
  });
  list(doc, 'synapses').forEach((s, i) => {
    if (!isObj(s) || s.kind !== 'chemical' || !isObj(s.plastic)) return;
    const fix = (field: string, what: string) =>
      issues.push({ path: ['synapses', i, field], message: `a plastic synapse ${what}; remove "${field}" or "plastic"` });
    if (typeof s.delayMs === 'number' && s.delayMs > 0) fix('delayMs', 'takes no delay');
    if (s.depression !== undefined) fix('depression', 'holds its own depression (rule "short-term" has two timescales)');
    for (const end of ['from', 'to'] as const)
      if (typeof s[end] === 'string' && seedNeurons.has(s[end] as string))
        issues.push({
          path: ['synapses', i, 'plastic'],
          message: `"${s[end]}" is a transmitter neuron (the seed article's), which has no plastic synapses; remove "plastic"`,
        });
    if (typeof s.weight !== 'number') return;
    try {
      resolvePlastic(s.plastic as unknown as PlasticSpec, 'plastic', s.weight);
    } catch (e) {
      // Ranges and names are the schema's; what is left is the weight against the bounds.
      const message = (e as Error).message;
      if (/lies outside the plastic bounds|is above wMax/.test(message))
        issues.push({ path: ['synapses', i, 'weight'], message: message.replace(/^plastic: /, '') });
    }
  });
  return issues;
}

/** A receptor's channel fields (modulation.ts checks the match point against the neuron's rest when it compiles). */
function channelIssues(r: Obj, i: number, seedNeurons: ReadonlySet<string>): RawIssue[] {
  const at = (field: string, message: string): RawIssue => ({ path: ['receptors', i, field], message });
  const hasReversal = typeof r.reversalMv === 'number';
  if (!hasReversal)
    return r.matchMv === undefined ? [] : [at('matchMv', 'is the match point of a conductance receptor; give "reversalMv" too (mV) or remove "matchMv"')];
  if (r.effect !== 'excitability')
    return [
      at(
        'reversalMv',
        `belongs to an "excitability" receptor (channels on the membrane), not "${String(r.effect)}"; remove it or set "effect": "excitability"`,
      ),
    ];
  if (typeof r.neuron === 'string' && seedNeurons.has(r.neuron))
    return [
      at(
        'reversalMv',
        `"${r.neuron}" is a transmitter neuron (the seed article's), which takes no conductance; remove "reversalMv" to keep the receptor a current`,
      ),
    ];
  return [];
}
