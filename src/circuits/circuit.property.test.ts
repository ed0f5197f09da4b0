import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '../neural/types';
import { circuitDoc } from './arbitraries';
import { circuitFromDoc, parseCircuit, serializeCircuit } from './circuit';
import { formatPath } from '../text/diagnostics';
import { CircuitError } from './errors';
import { FAKE_MODELS } from './fake-models';
import type { CircuitDoc, ModelInfo } from './types';

const FILE = 'random.json';
/** Stands for a number JSON cannot hold; replaced by 1e999 in the text. */
const HUGE = '\u0001huge';
const UNKNOWN_NEURON = 'no such neuron';

// Documents are mutated generically by path in these tests.
// biome-ignore lint/suspicious/noExplicitAny: walking arbitrary JSON
type Json = any;
type Path = Array<string | number>;

interface Corruption {
  /** What was done, for the failure report. */
  what: string;
  /** The path an issue must point at. */
  path: Path;
  apply(doc: Json): void;
}

const at = (doc: Json, path: Path): Json => path.reduce((o, k) => o[k], doc);
/** Set the value at path, creating missing objects on the way (e.g. a neuron's params). */
const set = (path: Path, value: unknown) => (doc: Json) => {
  let o = doc;
  for (const k of path.slice(0, -1)) o = o[k] ??= {};
  o[path[path.length - 1]] = value;
};
const remove = (path: Path) => (doc: Json) => {
  delete at(doc, path.slice(0, -1))[path[path.length - 1]];
};

/** Ranged numbers of the document, with a value outside their range. */
function outOfRange(doc: CircuitDoc): Array<[Path, number]> {
  const out: Array<[Path, number]> = [];
  doc.neurons.forEach((n, i) => {
    const info = FAKE_MODELS[n.model] as ModelInfo;
    for (const group of ['params', 'init'] as const) {
      for (const [k, v] of Object.entries(n[group] ?? {})) {
        const spec = info[group][k];
        if (typeof v === 'number') out.push([['neurons', i, group, k], spec.max + 1]);
        else out.push([['neurons', i, group, k, 1], spec.min - 1]);
      }
    }
  });
  (doc.synapses ?? []).forEach((s, i) => {
    out.push([['synapses', i, 'weight'], -1]);
    if (s.kind === 'chemical' && s.delayMs !== undefined) out.push([['synapses', i, 'delayMs'], 1001]);
    if (s.kind === 'chemical' && s.depression) {
      out.push([['synapses', i, 'depression', 'use'], 1.5]);
      out.push([['synapses', i, 'depression', 'recoveryMs'], 0]);
    }
  });
  (doc.sensors ?? []).forEach((b, i) => {
    if (b.sensor === 'touch') out.push([['sensors', i, 'from'], -0.5], [['sensors', i, 'to'], 1.5]);
    if (b.sensor === 'stretch') out.push([['sensors', i, 'at'], 1.01]);
  });
  (doc.muscles ?? []).forEach((_, i) => out.push([['muscles', i, 'from'], -0.01], [['muscles', i, 'to'], 2]));
  if (doc.editor?.view) out.push([['editor', 'view', 'zoom'], 0]);
  return out;
}

/** Every object node and every leaf of a document, by path. */
function nodes(value: Json, path: Path = [], objects: Path[] = [], leaves: Path[] = []): { objects: Path[]; leaves: Path[] } {
  if (Array.isArray(value)) {
    if (value.length > 0 && typeof value[0] === 'number') leaves.push(path); // a pair is a leaf too
    value.forEach((v, i) => nodes(v, [...path, i], objects, leaves));
  } else if (value !== null && typeof value === 'object') {
    objects.push(path);
    for (const [k, v] of Object.entries(value)) nodes(v, [...path, k], objects, leaves);
  } else leaves.push(path);
  return { objects, leaves };
}

const REQUIRED = new Set(['id', 'model', 'from', 'to', 'kind', 'weight', 'neuron', 'sensor', 'gain', 'at', 'response', 'use', 'recoveryMs', 'x', 'y', 'zoom']);

/** All single-field corruptions of a valid document. */
function corruptions(doc: CircuitDoc): Corruption[] {
  const list: Corruption[] = [];
  const { objects, leaves } = nodes(doc);
  for (const o of objects) {
    list.push({ what: `unknown field in ${formatPath(o)}`, path: [...o, 'zzUnknown'], apply: set([...o, 'zzUnknown'], 1) });
  }
  for (const l of leaves) {
    list.push({ what: `wrong type at ${formatPath(l)}`, path: l, apply: set(l, true) });
    if (typeof at(doc, l) === 'number' && l[0] !== 'version') list.push({ what: `non-finite at ${formatPath(l)}`, path: l, apply: set(l, HUGE) });
    const key = l[l.length - 1];
    const touchSide = l[0] === 'sensors' && key === 'side' && (at(doc, l.slice(0, -1)) as { sensor: string }).sensor === 'touch';
    if (typeof key === 'string' && REQUIRED.has(key) && !touchSide && l[0] !== 'editor' && !(l[0] === 'neurons' && (l[2] === 'params' || l[2] === 'init'))) {
      list.push({ what: `missing ${formatPath(l)}`, path: l, apply: remove(l) });
    }
  }
  list.push({ what: 'no neurons list', path: ['neurons'], apply: remove(['neurons']) });
  list.push({ what: 'newer version', path: ['version'], apply: set(['version'], 99) });
  list.push({ what: 'other format', path: ['format'], apply: set(['format'], 'something-else') });
  for (const [p, v] of outOfRange(doc)) list.push({ what: `${v} at ${formatPath(p)}`, path: p, apply: set(p, v) });

  doc.neurons.forEach((n, i) => {
    const info = FAKE_MODELS[n.model] as ModelInfo;
    list.push({ what: 'unknown model', path: ['neurons', i, 'model'], apply: set(['neurons', i, 'model'], 'nosuchmodel') });
    list.push({ what: 'unknown preset', path: ['neurons', i, 'preset'], apply: set(['neurons', i, 'preset'], 'nosuchpreset') });
    if (i > 0) list.push({ what: 'duplicate id', path: ['neurons', i, 'id'], apply: set(['neurons', i, 'id'], doc.neurons[0].id) });
    for (const group of ['params', 'init'] as const) {
      for (const [k, spec] of Object.entries(info[group]) as Array<[string, ParamSpec]>) {
        const p = ['neurons', i, group, k];
        const pair = Array.isArray(spec.default);
        list.push({ what: `wrong pair shape at ${formatPath(p)}`, path: p, apply: set(p, pair ? spec.min : [spec.min, spec.min]) });
        if (pair) list.push({ what: `pair of 3 at ${formatPath(p)}`, path: p, apply: set(p, [spec.min, spec.min, spec.min]) });
        if (spec.integer && spec.min + 0.5 <= spec.max) {
          list.push({ what: `non-integer at ${formatPath(p)}`, path: pair ? [...p, 0] : p, apply: set(p, pair ? [spec.min + 0.5, spec.min] : spec.min + 0.5) });
        }
      }
    }
  });
  (doc.synapses ?? []).forEach((s, i) => {
    for (const end of ['from', 'to'] as const) {
      list.push({ what: `synapse ${end} unknown`, path: ['synapses', i, end], apply: set(['synapses', i, end], UNKNOWN_NEURON) });
    }
    const n = doc.synapses!.length;
    const again = s.kind === 'electrical' ? { ...s, from: s.to, to: s.from } : { ...s };
    list.push({ what: 'duplicate synapse', path: ['synapses', n], apply: (d) => d.synapses.push(again) });
    if (s.kind === 'electrical') list.push({ what: 'self gap junction', path: ['synapses', i, 'to'], apply: set(['synapses', i, 'to'], s.from) });
  });
  for (const listName of ['sensors', 'muscles'] as const) {
    (doc[listName] ?? []).forEach((b, i) => {
      list.push({ what: `${listName} neuron unknown`, path: [listName, i, 'neuron'], apply: set([listName, i, 'neuron'], UNKNOWN_NEURON) });
      if ('from' in b) {
        list.push({
          what: 'from after to',
          path: [listName, i, 'from'],
          apply: (d) => {
            d[listName][i].from = 0.75;
            d[listName][i].to = 0.25;
          },
        });
      }
    });
  }
  return list;
}

function refusal(text: string): CircuitError {
  try {
    parseCircuit(text, FILE, FAKE_MODELS);
  } catch (e) {
    if (e instanceof CircuitError) return e;
    throw e;
  }
  throw new Error('the corrupted circuit was accepted');
}

describe('circuit files, property-based', () => {
  it('round-trip: parse(serialize(c)) equals c, and the doc is exactly what was given', () => {
    fc.assert(
      fc.property(circuitDoc(FAKE_MODELS), (doc) => {
        const c = circuitFromDoc(doc, FILE, FAKE_MODELS);
        expect(c.doc).toStrictEqual(doc);
        const text = serializeCircuit(c);
        const again = parseCircuit(text, FILE, FAKE_MODELS);
        expect(again).toStrictEqual(c);
        expect(serializeCircuit(again)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it('the network is complete: every model param and init value, from the file, else the preset, else the default', () => {
    fc.assert(
      fc.property(circuitDoc(FAKE_MODELS), (doc) => {
        const c = circuitFromDoc(doc, FILE, FAKE_MODELS);
        c.network.neurons.forEach((spec, i) => {
          const entry = doc.neurons[i];
          const info = FAKE_MODELS[entry.model] as ModelInfo;
          const preset = entry.preset ? info.presets[entry.preset] : {};
          for (const group of ['params', 'init'] as const) {
            expect(Object.keys(spec[group])).toEqual(Object.keys(info[group]));
            for (const [k, s] of Object.entries(info[group])) {
              expect(spec[group][k]).toEqual(entry[group]?.[k] ?? preset[k] ?? s.default);
            }
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('any single-field corruption of a valid file is refused, with an issue at the corrupted path on its line', () => {
    const docAndCorruption = circuitDoc(FAKE_MODELS).chain((doc) => {
      const all = corruptions(doc);
      return fc.nat(all.length - 1).map((k) => ({ doc, corruption: all[k] }));
    });
    fc.assert(
      fc.property(docAndCorruption, ({ doc, corruption }) => {
        const bad = structuredClone(doc) as Json;
        corruption.apply(bad);
        const text = JSON.stringify(bad, null, 2).replaceAll(JSON.stringify(HUGE), '1e999');
        const err = refusal(text);
        const want = formatPath(corruption.path);
        const issue = err.issues.find((i) => formatPath(i.path) === want);
        expect(issue, `${corruption.what}: expected an issue at ${want}; got\n${err.message}`).toBeDefined();
        expect(err.message).toContain(`${FILE}:${issue!.line}: ${issue!.where}: ${issue!.message}`);
        // The line shown holds the field (a pretty-printed field is on its key's line) or, if it was removed, its object.
        const key = corruption.path[corruption.path.length - 1];
        const line = text.split('\n')[issue!.line! - 1];
        if (typeof key === 'string' && at(bad, corruption.path.slice(0, -1))?.[key] !== undefined) expect(line).toContain(`${JSON.stringify(key)}:`);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws anything but CircuitError, whatever the text', () => {
    const header = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })).map((o) => JSON.stringify({ format: 'neuroworm-circuit', version: 1, ...o }));
    const mangled = circuitDoc(FAKE_MODELS).chain((doc) => {
      const { objects, leaves } = nodes(doc);
      const targets = [...objects, ...leaves].filter((p) => p.length > 0);
      return fc.tuple(fc.constantFrom(...targets), fc.jsonValue({ maxDepth: 3 })).map(([p, v]) => {
        const d = structuredClone(doc) as Json;
        set(p, v)(d);
        return JSON.stringify(d);
      });
    });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), header, mangled), (text) => {
        try {
          parseCircuit(text, FILE, FAKE_MODELS);
        } catch (e) {
          expect(e).toBeInstanceOf(CircuitError);
          expect((e as CircuitError).issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});
