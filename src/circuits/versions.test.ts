import { describe, expect, it } from 'vitest';
import { parseCircuit } from './circuit';
import { CircuitError } from './errors';
import { FAKE_MODELS } from './fake-models';
import { CURRENT_VERSION, MIGRATIONS, migrate, oldestReadable, v1ToV2, VERSIONS, type JsonObject, type VersionTable } from './versions';

/**
 * A made-up version 0 for testing the machinery only (it is not in the shipped
 * table): neurons said "type" where version 1 says "model", and a gap junction
 * was a synapse with "gap": true.
 */
const fakeV0toV1 = (doc: JsonObject): JsonObject => {
  const neurons = doc.neurons as JsonObject[];
  for (const n of neurons) {
    n.model = n.type;
    delete n.type;
  }
  for (const s of doc.synapses as JsonObject[]) {
    s.kind = s.gap ? 'electrical' : 'chemical';
    delete s.gap;
  }
  return doc;
};
const WITH_V0: VersionTable = { current: 1, migrations: { 0: fakeV0toV1 } };

const v0 = {
  format: 'neuroworm-circuit',
  version: 0,
  neurons: [
    { id: 'A', type: 'lif' },
    { id: 'B', type: 'graded', params: { tauMs: 3 } },
  ],
  synapses: [
    { from: 'A', to: 'B', weight: 1 },
    { from: 'A', to: 'B', weight: 0.5, gap: true },
  ],
};
const v1 = {
  format: 'neuroworm-circuit',
  version: 1,
  neurons: [
    { id: 'A', model: 'lif' },
    { id: 'B', model: 'graded', params: { tauMs: 3 } },
  ],
  synapses: [
    { from: 'A', to: 'B', kind: 'chemical', weight: 1 },
    { from: 'A', to: 'B', kind: 'electrical', weight: 0.5 },
  ],
};

describe('format versions', () => {
  it('ships version 2, read from version 1 by an additive migration', () => {
    expect(CURRENT_VERSION).toBe(2);
    expect(Object.keys(MIGRATIONS)).toEqual(['1']);
  });

  it('migrates an older file before validating it, and then it equals the current-version file', () => {
    const old = parseCircuit(JSON.stringify(v0, null, 2), 'old.json', FAKE_MODELS, WITH_V0);
    const cur = parseCircuit(JSON.stringify(v1, null, 2), 'old.json', FAKE_MODELS, WITH_V0);
    expect(old).toEqual(cur);
    expect(old.doc.version).toBe(1);
  });

  it('does not change the value it was given', () => {
    const value = structuredClone(v0);
    const r = migrate(value, WITH_V0);
    expect(r.ok).toBe(true);
    expect(value).toEqual(v0);
  });

  it('applies a chain of migrations in order and sets each version', () => {
    const seen: number[] = [];
    const step = (n: number) => (doc: JsonObject) => {
      seen.push(doc.version as number);
      (doc.trail as number[]).push(n);
      return doc;
    };
    const table: VersionTable = { current: 4, migrations: { 1: step(1), 2: step(2), 3: step(3) } };
    expect(oldestReadable(table)).toBe(1);
    const r = migrate({ format: 'neuroworm-circuit', version: 2, trail: [] }, table);
    expect(r).toEqual({ ok: true, fromVersion: 2, pathsKept: false, doc: { format: 'neuroworm-circuit', version: 4, trail: [2, 3] } });
    expect(seen).toEqual([2, 3]);
  });

  it('refuses versions with no migration path, naming the readable range', () => {
    const table: VersionTable = { current: 3, migrations: { 2: (d) => d } }; // 1 → 2 is missing
    const r = migrate({ format: 'neuroworm-circuit', version: 1 }, table);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/format version 1 is unknown .* this app reads versions 2 to 3/);
  });

  it('refuses a file newer than the app, even with migrations for older ones', () => {
    try {
      parseCircuit(JSON.stringify({ ...v1, version: 2 }), 'new.json', FAKE_MODELS, WITH_V0);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CircuitError);
      expect((e as Error).message).toMatch(
        /new.json:1: version: this file has format version 2, made by a newer Neuroworm; this app reads versions 0 to 1: update Neuroworm/,
      );
    }
  });

  it("reports a migration that fails, and the migrated file's errors without line numbers", () => {
    const broken: VersionTable = {
      current: 1,
      migrations: {
        0: () => {
          throw new Error('neurons is not a list');
        },
      },
    };
    expect(() => parseCircuit(JSON.stringify(v0), 'old.json', FAKE_MODELS, broken)).toThrow(
      /old.json:1: \(whole file\): could not upgrade the file from format version 0 to 1: neurons is not a list/,
    );
    const bad = { ...v0, neurons: [{ id: 'A', type: 'lif', params: { tauMs: -1 } }, v0.neurons[1]] };
    try {
      parseCircuit(JSON.stringify(bad, null, 2), 'old.json', FAKE_MODELS, WITH_V0);
      expect.unreachable();
    } catch (e) {
      const err = e as CircuitError;
      expect(err.issues).toEqual([
        { path: ['neurons', 0, 'params', 'tauMs'], where: 'neurons[0] (A).params.tauMs', message: expect.stringMatching(/-1 is out of range/) },
      ]);
    }
  });
});

describe('version 1 → 2: the bounded graded neuron, synapse models', () => {
  const graded = (params?: JsonObject): JsonObject => ({ id: 'B', model: 'graded', ...(params ? { params } : {}) });
  const file = (neurons: JsonObject[], synapses: JsonObject[] = []) => ({ format: 'neuroworm-circuit', version: 1, neurons, synapses });

  it('asks for the linear neuron (gKNs 0) on every graded neuron that does not set gKNs, and changes nothing else', () => {
    const doc = file([{ id: 'A', model: 'lif' }, graded(), graded({ tauMs: 3 }), graded({ gKNs: 2 })], [{ from: 'A', to: 'B', kind: 'chemical', weight: 1 }]);
    const out = v1ToV2(structuredClone(doc));
    expect(out.neurons).toEqual([{ id: 'A', model: 'lif' }, graded({ gKNs: 0 }), graded({ tauMs: 3, gKNs: 0 }), graded({ gKNs: 2 })]);
    // Synapses keep their meaning without a field: "model" omitted is current-based in version 2 too.
    expect(out.synapses).toEqual(doc.synapses);
  });

  it('keeps line numbers in the errors of a version-1 file (the migration only adds fields)', () => {
    const text = JSON.stringify(file([{ id: 'A', model: 'lif' }, graded({ tauMs: -3 })]), null, 2);
    try {
      parseCircuit(text, 'old.json', FAKE_MODELS);
      expect.unreachable();
    } catch (e) {
      const issue = (e as CircuitError).issues[0];
      expect(issue.path).toEqual(['neurons', 1, 'params', 'tauMs']);
      expect(issue.line).toBe(text.split('\n').findIndex((l) => l.includes('"tauMs": -3')) + 1);
    }
    expect(VERSIONS.additive).toEqual([1]);
  });

  it('refuses conductance fields on a current-based synapse, naming the field and the fix', () => {
    const text = JSON.stringify(
      { ...file([graded(), { ...graded(), id: 'C' }], [{ from: 'B', to: 'C', kind: 'chemical', weight: 1, reversalMv: -75 }]), version: 2 },
      null,
      2,
    );
    expect(() => parseCircuit(text, 'c.json', FAKE_MODELS)).toThrow(
      /c.json:\d+: synapses\[0\] \(B→C\)\.reversalMv: -75: "reversalMv" belongs to conductance synapses, and this one is current-based \(the default\); add "model": "conductance", or remove "reversalMv"/,
    );
    const ok = JSON.parse(text);
    ok.synapses[0].model = 'conductance';
    expect(parseCircuit(JSON.stringify(ok), 'c.json', FAKE_MODELS).network.synapses[0]).toEqual({ ...ok.synapses[0] });
  });

  it('refuses a conductance synapse at a transmitter neuron (no membrane potential), naming the fix', () => {
    const doc = {
      ...file([{ id: 'T', model: 'transmitter' }, graded()], [{ from: 'T', to: 'B', kind: 'chemical', weight: 1, model: 'conductance' }]),
      version: 2,
    };
    expect(() => parseCircuit(JSON.stringify(doc, null, 2), 't.json', FAKE_MODELS)).toThrow(
      /t.json:\d+: synapses\[0\] \(T→B\)\.model: "T" is a transmitter neuron .* remove "model" \(current-based is the default\)/,
    );
  });
});
