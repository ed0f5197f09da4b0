import { describe, expect, it } from 'vitest';
import { circuitFromDoc, parseCircuit, parseNeuronFile, serializeCircuit } from './circuit';
import { CircuitError, MAX_ISSUES, MAX_ISSUES_IN_MESSAGE } from './errors';
import { FAKE_MODELS } from './fake-models';
import { formatPath } from '../text/diagnostics';
import { CURRENT_VERSION } from './versions';
import type { CircuitIssue } from './types';

const FILE = 'touch.json';

// biome-ignore lint/suspicious/noExplicitAny: documents are mutated generically in these tests
type Doc = Record<string, any>;

/** A small valid circuit: every kind of entry once. */
function base(): Doc {
  return {
    format: 'neuroworm-circuit',
    version: CURRENT_VERSION,
    name: 'Gentle touch withdrawal',
    description: 'ALM senses touch and drives AVA through AVD.',
    neurons: [
      { id: 'ALML', model: 'graded', role: 'sensory', params: { tauMs: 5 } },
      { id: 'AVDL', model: 'graded', preset: 'sluggish', role: 'inter', params: { restMv: -65 } },
      { id: 'AVAL', model: 'lif', role: 'inter', transmitter: 'glutamate' },
      { id: 'DA01', model: 'transmitter', role: 'motor', params: { threshold: [2, 3] }, init: { stepsToActivation: 7 } },
      { id: 'Z', model: 'izhikevich', preset: 'fast-spiking', position: { x: 10, y: -4 } },
    ],
    synapses: [
      { from: 'ALML', to: 'AVDL', kind: 'chemical', weight: 1.2, depression: { use: 0.2, recoveryMs: 500 } },
      { from: 'AVDL', to: 'AVAL', kind: 'chemical', weight: 2, sign: 'inhibitory', delayMs: 3 },
      { from: 'AVAL', to: 'DA01', kind: 'electrical', weight: 0.5 },
      { from: 'DA01', to: 'AVAL', kind: 'chemical', weight: 0.1, model: 'current' },
    ],
    sensors: [
      { neuron: 'ALML', sensor: 'touch', from: 0, to: 0.35, kind: 'gentle', gain: 1 },
      { neuron: 'ALML', sensor: 'stretch', at: 0.4, side: 'left', gain: 0.5 },
      { neuron: 'Z', sensor: 'chemical', side: 'right', response: 'on', gain: 2 },
      { neuron: 'Z', sensor: 'tap', gain: 1 },
    ],
    muscles: [{ neuron: 'DA01', side: 'left', from: 0.1, to: 0.25, gain: -1 }],
    editor: { view: { x: 0, y: 0, zoom: 1 }, notes: 'draft' },
  };
}

const text = (doc: unknown): string => JSON.stringify(doc, null, 2);

function refuse(source: string, fileName = FILE): CircuitError {
  try {
    parseCircuit(source, fileName, FAKE_MODELS);
  } catch (e) {
    expect(e).toBeInstanceOf(CircuitError);
    return e as CircuitError;
  }
  throw new Error('expected the circuit to be refused');
}

/** The single issue at `path`, after checking the error's message shows it with the file name. */
function issueAt(err: CircuitError, path: string): CircuitIssue {
  const found = err.issues.filter((i) => formatPath(i.path) === path);
  expect(found, `issues: ${err.message}`).toHaveLength(1);
  const is = found[0];
  expect(err.message).toContain(`${FILE}${is.line === undefined ? '' : `:${is.line}`}: ${is.where}: ${is.message}`);
  return is;
}

/** Line (1-based) of the first line of `source` containing `needle`. */
const lineOf = (source: string, needle: string): number => source.split('\n').findIndex((l) => l.includes(needle)) + 1;

function corrupt(mutate: (doc: Doc) => void): string {
  const d = base();
  mutate(d);
  return text(d);
}

describe('parseCircuit: a valid file', () => {
  const c = parseCircuit(text(base()), FILE, FAKE_MODELS);

  it('completes every neuron: model defaults, then the preset, then the file', () => {
    const [alm, avd, ava, da, z] = c.network.neurons;
    expect(alm.params).toEqual({ tauMs: 5, restMv: -60, vHalfMv: -40, gKNs: 0.5 });
    expect(alm.init).toEqual({ v: -60 });
    // preset sluggish sets tauMs 100 and restMv -70; the file overrides restMv.
    expect(avd.params).toEqual({ tauMs: 100, restMv: -65, vHalfMv: -40, gKNs: 0.5 });
    expect(avd.preset).toBe('sluggish');
    expect(ava.transmitter).toBe('glutamate');
    expect(da.params).toEqual({ threshold: [2, 3], returnability: [0.1, 0.1], reproductivity: [1, 0] });
    expect(da.init).toEqual({ stepsToActivation: 7, stepsToRecovery: 0, accumulated: [0, 0] });
    // A preset value that the model declares as init goes to init.
    expect(z.params).toEqual({ a: 0.1, b: 0.2, c: -65, d: 2 });
    expect(z.init).toEqual({ v: -70, u: -13 });
    expect(c.network.synapses).toEqual(base().synapses);
  });

  it('keeps the file as written in doc (omitted fields stay omitted)', () => {
    expect(c.doc).toEqual(base());
    expect(c.doc.neurons[0]).not.toHaveProperty('init');
    expect(c.doc.sensors?.[0]).not.toHaveProperty('side');
  });

  it('defaults a touch binding with no side to both sides', () => {
    expect(c.sensors[0]).toEqual({ neuron: 'ALML', sensor: 'touch', from: 0, to: 0.35, kind: 'gentle', gain: 1, side: 'both' });
    expect(c.muscles).toEqual(base().muscles);
  });

  it('does not share objects between doc and network', () => {
    (c.network.neurons[3].params.threshold as unknown as number[])[0] = 99;
    c.network.synapses[0].weight = 99;
    expect(c.doc.neurons[3].params?.threshold).toEqual([2, 3]);
    expect(c.doc.synapses?.[0].weight).toBe(1.2);
  });

  it('accepts a minimal file: header and neurons only', () => {
    const m = parseCircuit('{"format":"neuroworm-circuit","version":1,"neurons":[{"id":"A","model":"lif"}]}', FILE, FAKE_MODELS);
    expect(m.network).toEqual({
      neurons: [{ id: 'A', model: 'lif', params: { tauMs: 20, thresholdMv: -50, refractoryMs: 2 }, init: { v: -65 } }],
      synapses: [],
    });
    expect(m.sensors).toEqual([]);
    expect(m.muscles).toEqual([]);
  });

  it('allows a chemical synapse onto itself and a chemical and an electrical synapse between the same pair', () => {
    const ok = corrupt((d) => {
      d.synapses.push({ from: 'ALML', to: 'ALML', kind: 'chemical', weight: 1 });
      d.synapses.push({ from: 'AVDL', to: 'ALML', kind: 'chemical', weight: 1 });
      d.synapses.push({ from: 'ALML', to: 'AVDL', kind: 'electrical', weight: 1 });
    });
    expect(parseCircuit(ok, FILE, FAKE_MODELS).network.synapses).toHaveLength(7);
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(parseCircuit(`\ufeff${text(base())}`, FILE, FAKE_MODELS).doc).toEqual(base());
  });

  it('reads -0 as 0, so saving and loading again gives the same circuit', () => {
    const c0 = parseCircuit(corrupt((d) => (d.neurons[4].position.x = '@')).replace('"@"', '-0'), FILE, FAKE_MODELS);
    expect(Object.is(c0.doc.neurons[4].position?.x, 0)).toBe(true);
  });
});

describe('parseCircuit: every error names the file, the line, the path and the fix', () => {
  it('unknown fields, with the allowed ones and a suggestion', () => {
    const src = corrupt((d) => {
      d.colour = 'red';
      d.neurons[2].params = { tauMS: 3 };
      d.synapses[2].sign = 'excitatory';
    });
    const err = refuse(src);
    const top = issueAt(err, 'colour');
    expect(top.message).toMatch(
      /unknown field "colour"; allowed fields here: format, version, name, description, neurons, synapses, sensors, muscles, modulators, receptors, editor/,
    );
    expect(top.line).toBe(lineOf(src, '"colour"'));
    const param = issueAt(err, 'neurons[2].params.tauMS');
    expect(param.where).toBe('neurons[2] (AVAL).params.tauMS');
    expect(param.message).toMatch(/unknown field "tauMS" \(did you mean "tauMs"\?\); allowed fields here: tauMs, thresholdMv, refractoryMs/);
    expect(param.line).toBe(lineOf(src, '"tauMS"'));
    expect(issueAt(err, 'synapses[2].sign').message).toMatch(/allowed fields here: from, to, kind, weight/);
    expect(err.issues).toHaveLength(3);
  });

  it('missing and duplicate neuron ids', () => {
    const src = corrupt((d) => {
      delete d.neurons[1].id;
      d.neurons[4].id = 'ALML';
    });
    const err = refuse(src);
    const missing = issueAt(err, 'neurons[1].id');
    expect(missing.message).toMatch(/missing; neuron id is required/);
    // reported at the line that opens the neuron's object: `{`, `"model": ...`, `"preset": "sluggish"`
    expect(missing.line).toBe(lineOf(src, '"sluggish"') - 2);
    expect(src.split('\n')[missing.line! - 1].trim()).toBe('{');
    const dup = issueAt(err, 'neurons[4].id');
    expect(dup.where).toBe('neurons[4] (ALML).id');
    expect(dup.message).toMatch(/duplicate neuron id "ALML" \(already used by neurons\[0\]\).*rename one/);
  });

  it('ids that are not names, and empty names', () => {
    const err = refuse(
      corrupt((d) => {
        d.neurons[2].id = 'AV AL';
        d.neurons[3].id = '';
        d.synapses[0].from = '';
        d.name = '';
        d.neurons[0].label = '';
      }),
    );
    expect(issueAt(err, 'neurons[2].id').message).toMatch(/"AV AL" is not a valid neuron id: ids are 1 to 64 letters/);
    expect(issueAt(err, 'neurons[3].id').message).toBe('empty; neuron id must not be empty');
    expect(issueAt(err, 'synapses[0].from').message).toBe('empty; the presynaptic neuron id must not be empty');
    // Free text may be empty.
    expect(err.issues.map((i) => formatPath(i.path))).not.toContain('name');
    expect(err.issues.map((i) => formatPath(i.path))).not.toContain('neurons[0].label');
  });

  it('synapses and bindings that name unknown neurons', () => {
    const err = refuse(
      corrupt((d) => {
        d.synapses[0].to = 'AVDR';
        d.sensors[1].neuron = 'PLML';
        d.muscles[0].neuron = 'DA1';
      }),
    );
    const s = issueAt(err, 'synapses[0].to');
    expect(s.where).toBe('synapses[0] (ALML→AVDR).to');
    expect(s.message).toMatch(/unknown neuron "AVDR" \(did you mean "AVDL"\?\); a synapse's "to" must be the id of a neuron listed in "neurons"/);
    expect(issueAt(err, 'sensors[1].neuron').message).toMatch(/unknown neuron "PLML"/);
    expect(issueAt(err, 'muscles[0].neuron').message).toMatch(/unknown neuron "DA1" \(did you mean "DA01"\?\)/);
  });

  it('duplicate synapses; a gap junction a↔b duplicates b↔a', () => {
    const src = corrupt((d) => {
      d.synapses.push({ from: 'ALML', to: 'AVDL', kind: 'chemical', weight: 3 });
      d.synapses.push({ from: 'DA01', to: 'AVAL', kind: 'electrical', weight: 3 });
    });
    const err = refuse(src);
    expect(issueAt(err, 'synapses[4]').message).toMatch(/duplicate: synapses\[0\] is already a chemical synapse from "ALML" to "AVDL"; merge them/);
    const gap = issueAt(err, 'synapses[5]');
    expect(gap.where).toBe('synapses[5] (DA01↔AVAL)');
    expect(gap.message).toMatch(/synapses\[2\] is already a gap junction between "AVAL" and "DA01" \(in either direction\)/);
  });

  it('gap junctions from a neuron to itself', () => {
    const err = refuse(corrupt((d) => d.synapses.push({ from: 'Z', to: 'Z', kind: 'electrical', weight: 1 })));
    expect(issueAt(err, 'synapses[4].to').message).toMatch(/gap junction from "Z" to itself carries no current; connect two different neurons or remove it/);
  });

  it('unknown models, listing the allowed ones', () => {
    const err = refuse(corrupt((d) => (d.neurons[0].model = 'hh')));
    expect(issueAt(err, 'neurons[0].model').message).toBe('unknown model "hh"; allowed: "graded", "lif", "izhikevich" or "transmitter"');
    const missing = refuse(corrupt((d) => delete d.neurons[0].model));
    expect(issueAt(missing, 'neurons[0].model').message).toMatch(/missing; "model" is required: one of "graded"/);
  });

  it('unknown presets, listing the presets of that model', () => {
    const err = refuse(
      corrupt((d) => {
        d.neurons[4].preset = 'regular';
        d.neurons[2].preset = 'fast';
      }),
    );
    expect(issueAt(err, 'neurons[4].preset').message).toMatch(
      /"regular" is not a valid preset of model "izhikevich"; allowed: "regular-spiking" or "fast-spiking"/,
    );
    expect(issueAt(err, 'neurons[2].preset').message).toMatch(/model "lif" has no presets; remove "preset"/);
  });

  it('out-of-range values: the value, the range, the unit and what it means', () => {
    const src = corrupt((d) => {
      d.neurons[0].params.tauMs = 0;
      d.synapses[0].weight = -1;
      d.synapses[0].depression.use = 1.5;
      d.synapses[1].delayMs = 5000;
    });
    const err = refuse(src);
    const tau = issueAt(err, 'neurons[0].params.tauMs');
    expect(tau.where).toBe('neurons[0] (ALML).params.tauMs');
    expect(tau.message).toBe('0 is out of range; allowed: 0.1 .. 1000 ms (membrane time constant)');
    expect(tau.line).toBe(lineOf(src, '"tauMs": 0'));
    expect(issueAt(err, 'synapses[0].weight').message).toMatch(/-1 is out of range; allowed: 0 .. 1000 \(synaptic strength/);
    expect(issueAt(err, 'synapses[0].depression.use').message).toMatch(/1.5 is out of range; allowed: 0 .. 1/);
    expect(issueAt(err, 'synapses[1].delayMs').message).toMatch(/5000 is out of range; allowed: 0 .. 1000 ms \(transmission delay\)/);
  });

  it('numbers far outside physics are refused with their range (a weight of 1e308 used to give V = 1.4e306)', () => {
    const src = corrupt((d) => {
      d.synapses[0].weight = 1e308;
      d.muscles[0].gain = 1e308;
      d.sensors[0].gain = -1e308;
    });
    const err = refuse(src);
    expect(issueAt(err, 'synapses[0].weight').message).toMatch(/^1e\+308 is out of range; allowed: 0 .. 1000 /);
    expect(issueAt(err, 'muscles[0].gain').message).toMatch(/^1e\+308 is out of range; allowed: -100 .. 100 /);
    expect(issueAt(err, 'sensors[0].gain').message).toMatch(/^-1e\+308 is out of range; allowed: -10000 .. 10000 /);
  });

  it('gap junctions onto a transmitter neuron that sum above 1 are refused: its state would diverge', () => {
    const gaps = (w: number) =>
      JSON.stringify({
        format: 'neuroworm-circuit',
        version: 1,
        neurons: ['a', 'b', 'c'].map((id) => ({ id, model: 'transmitter' })),
        synapses: [
          { from: 'a', to: 'b', kind: 'electrical', weight: w },
          { from: 'a', to: 'c', kind: 'electrical', weight: w },
        ],
      });
    expect(parseCircuit(gaps(0.5), 'ok.json', FAKE_MODELS).doc.synapses).toHaveLength(2);
    const err = refuse(gaps(0.6));
    expect(err.issues).toHaveLength(1);
    expect(issueAt(err, 'neurons[0]').message).toMatch(/gap junctions onto transmitter neuron "a" sum to 1\.2, and at most 1 is stable/);
  });

  it('non-integers where whole numbers are required', () => {
    const err = refuse(corrupt((d) => (d.neurons[3].init.stepsToActivation = 2.5)));
    expect(issueAt(err, 'neurons[3].init.stepsToActivation').message).toMatch(/2.5 is not a whole number; allowed: whole numbers 0 .. 1000 steps/);
  });

  it('wrong pair shapes', () => {
    const err = refuse(
      corrupt((d) => {
        d.neurons[3].params.threshold = 2;
        d.neurons[3].params.returnability = [0.1, 0.2, 0.3];
        d.neurons[3].params.reproductivity = [1, 'x'];
        d.neurons[3].init.accumulated = [1];
        d.neurons[0].params.tauMs = [1, 2];
      }),
    );
    expect(issueAt(err, 'neurons[3].params.threshold').message).toBe('2 is not a pair; threshold is a pair [excitatory, inhibitory], each 0 .. 100');
    expect(issueAt(err, 'neurons[3].params.returnability').message).toMatch(/a list of 3 is not a pair/);
    expect(issueAt(err, 'neurons[3].params.reproductivity[1]').message).toMatch(/"x" is not a number; allowed: 0 .. 10/);
    expect(issueAt(err, 'neurons[3].init.accumulated').message).toMatch(/a list of 1 is not a pair/);
    expect(issueAt(err, 'neurons[0].params.tauMs').message).toMatch(/\[1,2\] is a list, but this takes a single number: 0.1 .. 1000 ms/);
  });

  it('non-finite numbers (a JSON number too large for a double)', () => {
    const src = corrupt((d) => (d.neurons[0].params.tauMs = '@')).replace('"@"', '1e999');
    expect(issueAt(refuse(src), 'neurons[0].params.tauMs').message).toMatch(/Infinity is not a finite number.*allowed: 0.1 .. 1000 ms/);
  });

  it('bad body fractions: outside 0..1, and from after to', () => {
    const err = refuse(
      corrupt((d) => {
        d.sensors[0].from = 0.5;
        d.sensors[0].to = 0.2;
        d.sensors[1].at = 1.2;
        d.muscles[0].from = -0.1;
      }),
    );
    expect(issueAt(err, 'sensors[0].from').message).toMatch(/from 0.5 is after to 0.2; body positions run from 0 \(nose tip\) to 1 \(tail tip\).*swap them/);
    expect(issueAt(err, 'sensors[1].at').message).toMatch(/1.2 is out of range; allowed: 0 .. 1 of the body length/);
    expect(issueAt(err, 'muscles[0].from').message).toMatch(/-0.1 is out of range; allowed: 0 .. 1 of the body length/);
  });

  it("a stretch receptor's rate sensitivity out of range is refused with its field, line and range", () => {
    const src = corrupt((d) => {
      d.sensors[1].rateMs = -5;
    });
    const issue = issueAt(refuse(src), 'sensors[1].rateMs');
    expect(issue.message).toMatch(/^-5 is out of range; allowed: 0 .. 2000 ms \(the receptor also answers how fast the bend changes/);
    expect(issue.line).toBe(lineOf(src, '"rateMs": -5'));
  });

  it("a thermoreceptor's set point is read, and out of range is refused with its field, line and range", () => {
    const ok = corrupt((d) => {
      d.sensors[2] = { neuron: 'Z', sensor: 'temperature', side: 'left', response: 'level', gain: 0.5, setPointC: 20 };
    });
    expect(parseCircuit(ok, FILE, FAKE_MODELS).sensors[2]).toMatchObject({ sensor: 'temperature', setPointC: 20 });
    const src = corrupt((d) => {
      d.sensors[2] = { neuron: 'Z', sensor: 'temperature', side: 'left', response: 'level', gain: 0.5, setPointC: 120 };
    });
    const issue = issueAt(refuse(src), 'sensors[2].setPointC');
    expect(issue.message).toMatch(/^120 is out of range; allowed: -50 .. 100 °C \(the receptor’s set point/);
    expect(issue.line).toBe(lineOf(src, '"setPointC": 120'));
  });

  it('bad bindings: unknown sensor, missing fields, wrong enums', () => {
    const err = refuse(
      corrupt((d) => {
        d.sensors[0].sensor = 'smell';
        delete d.sensors[2].response;
        d.sensors[3].side = 'left';
        d.muscles[0].side = 'dorsal';
      }),
    );
    expect(issueAt(err, 'sensors[0].sensor').message).toMatch(
      /unknown sensor "smell"; allowed: "touch", "stretch", "chemical", "temperature", "toxin", "tap", "lawn" or "hunger"/,
    );
    expect(issueAt(err, 'sensors[2].response').message).toMatch(/missing; a response is required: "level", "on", "off" or "difference"/);
    expect(issueAt(err, 'sensors[3].side').message).toMatch(/unknown field "side"; allowed fields here: neuron, sensor, gain/);
    expect(issueAt(err, 'muscles[0].side').message).toMatch(/"dorsal" is not a valid side; allowed: "left" or "right"/);
  });

  it('wrong types of lists and objects', () => {
    const err = refuse(
      corrupt((d) => {
        d.synapses = {};
        d.neurons[0] = 'ALML';
        d.editor.view = [1, 2];
      }),
    );
    expect(issueAt(err, 'synapses').message).toMatch(/is not a list; synapses is a list/);
    expect(issueAt(err, 'neurons[0]').message).toMatch(/"ALML" is not a neuron; expected an object/);
    expect(issueAt(err, 'editor.view').message).toMatch(/\[1,2\] is not an editor view; expected an object \{x, y, zoom\}/);
  });

  it('reports every problem at once, in file order', () => {
    const src = corrupt((d) => {
      d.muscles[0].gain = 'big';
      d.neurons[0].params.tauMs = -1;
      d.synapses[1].to = 'nobody';
      d.extra = true;
    });
    const err = refuse(src);
    expect(err.issues.map((i) => formatPath(i.path))).toEqual(['neurons[0].params.tauMs', 'synapses[1].to', 'muscles[0].gain', 'extra']);
    const lines = err.issues.map((i) => i.line as number);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(err.message.split('\n')[0]).toBe(`${FILE}: 4 problems in the circuit file:`);
  });

  it('caps the list of problems and says how many more there are', () => {
    const doc = base();
    doc.neurons = Array.from({ length: 300 }, (_, i) => ({ id: `N${i}`, model: 'lif', params: { tauMs: -i - 1 } }));
    doc.synapses = [];
    doc.sensors = [];
    doc.muscles = [];
    const err = refuse(text(doc));
    expect(err.issues).toHaveLength(MAX_ISSUES);
    expect(err.omitted).toBe(300 - MAX_ISSUES);
    expect(err.message.split('\n')).toHaveLength(1 + MAX_ISSUES_IN_MESSAGE + 1);
    expect(err.message).toMatch(new RegExp(`300 problems[\\s\\S]*\\.\\.\\. and ${300 - MAX_ISSUES_IN_MESSAGE} more$`));
  });

  it('keys written twice in one object', () => {
    const src = text(base()).replace('"name": "Gentle touch withdrawal",', '"name": "a",\n  "name": "b",');
    const err = refuse(src);
    const is = issueAt(err, 'name');
    expect(is.message).toMatch(/field "name" appears twice in one object \(lines 4 and 5\); JSON keeps only the last one; remove the other/);
    expect(is.line).toBe(5);
  });

  it('invalid JSON, with line and column', () => {
    const src = text(base()).replace('"weight": 1.2,', '"weight": 1.2,,');
    const err = refuse(src);
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0].line).toBe(lineOf(src, '1.2,,'));
    expect(err.message).toMatch(
      new RegExp(`^${FILE}: 1 problem in the circuit file:\\n  ${FILE}:\\d+:\\d+: \\(whole file\\): not valid JSON: unexpected ","; expected a field name`),
    );
  });

  it('files that are not circuits, or not of a version this app reads', () => {
    expect(refuse('[1, 2]').issues[0].message).toMatch(/a circuit file must be a JSON object .*this file holds a list/);
    expect(issueAt(refuse('{"format": "neuroworm-scenario", "version": 1}'), 'format').message).toMatch(
      /"neuroworm-scenario" is not a Neuroworm circuit file's format/,
    );
    expect(issueAt(refuse('{"neurons": []}'), 'format').message).toMatch(/add "format": "neuroworm-circuit", "version": 2/);
    expect(issueAt(refuse('{"format": "neuroworm-circuit", "neurons": []}'), 'version').message).toMatch(/missing.*add "version": 2/);
    expect(issueAt(refuse('{"format": "neuroworm-circuit", "version": "1"}'), 'version').message).toMatch(/"1" is not a format version/);
    expect(issueAt(refuse('{"format": "neuroworm-circuit", "version": 3, "neurons": []}'), 'version').message).toMatch(
      /format version 3, made by a newer Neuroworm; this app reads versions 1 to 2: update Neuroworm/,
    );
    expect(issueAt(refuse('{"format": "neuroworm-circuit", "version": 0}'), 'version').message).toMatch(/format version 0 is unknown/);
  });

  it('missing lists', () => {
    const err = refuse('{"format": "neuroworm-circuit", "version": 1}');
    expect(issueAt(err, 'neurons').message).toMatch(/missing; neurons is required \(write \[\] for none\)/);
  });
});

describe('circuitFromDoc', () => {
  it('validates an in-memory document, without line numbers, and does not touch it', () => {
    const doc = base();
    const before = structuredClone(doc);
    const c = circuitFromDoc(doc, 'editor', FAKE_MODELS);
    expect(doc).toEqual(before);
    expect(c.doc).toEqual(doc);
    expect(c.doc).not.toBe(doc);
    expect(c.doc.neurons[0]).not.toBe(doc.neurons[0]);
    doc.neurons[0].id = 'X';
    doc.neurons[0].params.tauMs = -5;
    try {
      circuitFromDoc(doc, 'editor', FAKE_MODELS);
      expect.unreachable();
    } catch (e) {
      const err = e as CircuitError;
      expect(err.issues.every((i) => i.line === undefined)).toBe(true);
      expect(err.message).toMatch(/^editor: 4 problems[\s\S]*\n {2}editor: neurons\[0\] \(X\)\.params\.tauMs: -5 is out of range/);
    }
  });
});

describe('serializeCircuit', () => {
  it('writes the file back as it was, in schema key order, whatever order it was read in', () => {
    const shuffled = base();
    const reordered = {
      muscles: shuffled.muscles,
      neurons: shuffled.neurons.map((n: Record<string, unknown>) => Object.fromEntries(Object.entries(n).reverse())),
      version: CURRENT_VERSION,
      format: 'neuroworm-circuit',
      sensors: shuffled.sensors,
      synapses: shuffled.synapses,
      editor: shuffled.editor,
      description: shuffled.description,
      name: shuffled.name,
    };
    const a = serializeCircuit(parseCircuit(text(base()), FILE, FAKE_MODELS));
    const b = serializeCircuit(parseCircuit(text(reordered), FILE, FAKE_MODELS));
    expect(b).toBe(a);
    expect(a.startsWith('{\n  "format": "neuroworm-circuit",\n  "version": 2,\n  "name": ')).toBe(true);
    expect(a.endsWith('}\n')).toBe(true);
    // one synapse per line
    expect(a).toContain('\n    { "from": "AVAL", "to": "DA01", "kind": "electrical", "weight": 0.5 },\n');
    expect(JSON.parse(a)).toEqual(base());
  });

  it('round-trips: parse(serialize(c)) equals c', () => {
    const c = parseCircuit(text(base()), FILE, FAKE_MODELS);
    expect(parseCircuit(serializeCircuit(c), FILE, FAKE_MODELS)).toEqual(c);
  });
});

describe('parseNeuronFile', () => {
  it('reads one neuron entry as a complete NeuronSpec', () => {
    const spec = parseNeuronFile('{"id": "HH", "model": "izhikevich", "preset": "regular-spiking", "params": {"d": 4}}', 'n.json', FAKE_MODELS);
    expect(spec).toEqual({ id: 'HH', model: 'izhikevich', preset: 'regular-spiking', params: { a: 0.02, b: 0.2, c: -65, d: 4 }, init: { v: -65, u: -13 } });
  });

  it('refuses a bad one with file, line, path and fix', () => {
    try {
      parseNeuronFile('{"id": "N",\n "model": "lif",\n "params": {"tauMs": 5000}}', 'n.json', FAKE_MODELS);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CircuitError);
      expect((e as Error).message).toContain('n.json:3: params.tauMs: 5000 is out of range; allowed: 0.1 .. 1000 ms');
    }
  });
});
