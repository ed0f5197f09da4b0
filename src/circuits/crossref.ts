/**
 * Checks that span entries: unique neuron ids, synapse ends and bindings that
 * name existing neurons, duplicate synapses, self gap junctions, conductance
 * synapses or conductance transduction at a transmitter neuron, reversal
 * potentials on a current-transduced sensor, and body ranges that run backwards. They
 * read the raw document defensively (it may
 * be malformed elsewhere) so these problems are reported together with the
 * schema's, not only after the schema's are fixed.
 */
import { volumeIssues } from './crossref-volume';
import { didYouMean, type RawIssue } from './errors';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const field = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const entries = (doc: Obj, k: string): unknown[] => {
  const v = field(doc, k);
  return Array.isArray(v) ? v : [];
};

export function crossReferenceIssues(doc: unknown): RawIssue[] {
  if (!isObj(doc)) return [];
  const issues: RawIssue[] = [];

  // Neuron ids: the first definition wins; later ones are the duplicates.
  const ids = new Map<string, number>();
  const seedNeurons = new Set<string>();
  entries(doc, 'neurons').forEach((n, i) => {
    if (!isObj(n)) return;
    const id = field(n, 'id');
    if (typeof id !== 'string') return;
    if (field(n, 'model') === 'transmitter' && !ids.has(id)) seedNeurons.add(id);
    const first = ids.get(id);
    if (first !== undefined) {
      issues.push({
        path: ['neurons', i, 'id'],
        message: `duplicate neuron id "${id}" (already used by neurons[${first}]); every neuron needs its own id: rename one`,
      });
    } else ids.set(id, i);
  });

  const checkRef = (path: (string | number)[], ref: unknown, what: string): void => {
    if (typeof ref !== 'string' || ref === '' || ids.has(ref)) return;
    issues.push({ path, message: `unknown neuron "${ref}"${didYouMean(ref, ids.keys())}; ${what} must be the id of a neuron listed in "neurons"` });
  };

  const seen = new Map<string, number>();
  entries(doc, 'synapses').forEach((s, i) => {
    if (!isObj(s)) return;
    const from = field(s, 'from');
    const to = field(s, 'to');
    const kind = field(s, 'kind');
    checkRef(['synapses', i, 'from'], from, 'a synapse\'s "from"');
    checkRef(['synapses', i, 'to'], to, 'a synapse\'s "to"');
    if (typeof from !== 'string' || typeof to !== 'string' || (kind !== 'chemical' && kind !== 'electrical')) return;
    // The seed article's neuron has no membrane potential: no release curve, no reversal potential to pull toward.
    const seed = seedNeurons.has(from) ? from : seedNeurons.has(to) ? to : undefined;
    if (kind === 'chemical' && seed !== undefined && field(s, 'model') === 'conductance') {
      issues.push({
        path: ['synapses', i, 'model'],
        message: `"${seed}" is a transmitter neuron (the seed article's), which has no membrane potential for a conductance synapse: remove "model" (current-based is the default)`,
      });
    }
    if (kind === 'electrical' && from === to) {
      issues.push({
        path: ['synapses', i, 'to'],
        message: `a gap junction from "${from}" to itself carries no current; connect two different neurons or remove it`,
      });
      return;
    }
    // A gap junction is symmetric: a↔b and b↔a are the same junction.
    const [a, b] = kind === 'electrical' && to < from ? [to, from] : [from, to];
    const key = JSON.stringify([kind, a, b]);
    const first = seen.get(key);
    if (first !== undefined) {
      const same = kind === 'electrical' ? `a gap junction between "${a}" and "${b}" (in either direction)` : `a chemical synapse from "${from}" to "${to}"`;
      issues.push({
        path: ['synapses', i],
        message: `duplicate: synapses[${first}] is already ${same}; merge them into one (add their weights) or remove one`,
      });
    } else seen.set(key, i);
  });

  for (const list of ['sensors', 'muscles'] as const) {
    entries(doc, list).forEach((b, i) => {
      if (!isObj(b)) return;
      checkRef([list, i, 'neuron'], field(b, 'neuron'), `a ${list === 'sensors' ? 'sensor' : 'muscle'} binding's "neuron"`);
      if (list === 'sensors') issues.push(...transductionIssues(b, i, seedNeurons));
      const from = field(b, 'from');
      const to = field(b, 'to');
      if (typeof from === 'number' && typeof to === 'number' && from > to) {
        issues.push({
          path: [list, i, 'from'],
          message: `from ${from} is after to ${to}; body positions run from 0 (nose tip) to 1 (tail tip), so "from" must be ≤ "to": swap them`,
        });
      }
    });
  }
  issues.push(...volumeIssues(doc, new Set(ids.keys()), seedNeurons));
  return issues;
}

/** A sensor binding's transduction fields: reversals only with conductance transduction, which a transmitter neuron cannot take. */
function transductionIssues(b: Obj, i: number, seedNeurons: ReadonlySet<string>): RawIssue[] {
  const issues: RawIssue[] = [];
  const neuron = field(b, 'neuron');
  if (field(b, 'transduction') === 'conductance') {
    if (typeof neuron === 'string' && seedNeurons.has(neuron)) {
      issues.push({
        path: ['sensors', i, 'transduction'],
        message: `"${neuron}" is a transmitter neuron (the seed article's), which has no membrane potential for a conductance to pull: remove "transduction" (current is the default)`,
      });
    }
    return issues;
  }
  for (const name of ['excitatoryReversalMv', 'inhibitoryReversalMv', 'matchMv']) {
    if (field(b, name) === undefined) continue;
    issues.push({
      path: ['sensors', i, name],
      message: `"${name}" belongs to conductance transduction, and this binding injects a current (the default); add "transduction": "conductance", or remove "${name}"`,
    });
  }
  return issues;
}
