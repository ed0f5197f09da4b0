import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { circuitFromDoc, lintCircuit, serializeCircuit } from '../index';
import { PUBLISHED_TABLES, publishedTable } from '../connectome/published-tables';
import { buildWorm, builtinDocs } from './generate';
import { GAIT } from './locomotion';
import { BUILTIN_CIRCUIT_NAMES, getBuiltinCircuit } from './index';

describe('built-in circuits', () => {
  const docs = builtinDocs();

  it.each(Object.keys(docs))('%s.json is exactly what generate.ts produces (run `npx tsx src/circuits/builtin/generate.ts` after changing a layer)', (name) => {
    const committed = readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8');
    expect(committed).toBe(serializeCircuit(circuitFromDoc(docs[name], `${name}.json`)));
  });

  it('every generated circuit is registered, and every registered one is generated', () => {
    expect([...BUILTIN_CIRCUIT_NAMES].sort()).toEqual(Object.keys(docs).sort());
  });

  it.each(Object.keys(docs))('%s says what it models and what it simplifies', (name) => {
    const d = getBuiltinCircuit(name).doc.description ?? '';
    expect(d.length).toBeGreaterThan(100);
    expect(d).toMatch(/Simplifi/);
  });

  it('keeps the hooks other layers use: AVA, AVB, RMDD, RMDV in every graded worm; FIRST and SECOND in the seed circuit', () => {
    for (const name of ['locomotion', 'touch-withdrawal', 'habituation', 'worm']) {
      const ids = getBuiltinCircuit(name).network.neurons.map((n) => n.id);
      expect(ids).toEqual(expect.arrayContaining(['AVA', 'AVB', 'RMDD', 'RMDV']));
    }
    expect(getBuiltinCircuit('seed-two-neurons').network.neurons.map((n) => n.id)).toEqual(['FIRST', 'SECOND']);
  });

  it("habituation lives on the touch cells' synapses only where the circuit says so", () => {
    const depressing = (name: string) =>
      getBuiltinCircuit(name)
        .doc.synapses?.filter((s) => s.kind === 'chemical' && s.plastic?.rule === 'short-term' && ['ALM', 'AVM', 'PLM'].includes(s.from)) // the touch cells' two-pool short-term synapses
        .map((s) => `${s.from}>${s.to}`);
    expect(depressing('habituation')).toEqual(['ALM>AVD', 'AVM>AVD', 'PLM>PVC']);
    expect(depressing('worm')).toEqual(['ALM>AVD', 'AVM>AVD', 'PLM>PVC']);
    expect(depressing('touch-withdrawal')).toEqual([]);
  });

  it('name only neurons of the real worm: a neuron of the White/Varshney table, or its left/right class (ALM for ALML/ALMR)', () => {
    const real = new Set(
      publishedTable(PUBLISHED_TABLES.whiteVarshney)
        .text.split('\n')
        .slice(1)
        .flatMap((line) => line.split(',').slice(0, 2)),
    );
    expect(real.size).toBeGreaterThan(270);
    const isReal = (id: string) => real.has(id) || real.has(`${id}L`) || real.has(`${id}R`);
    for (const name of Object.keys(docs)) {
      if (name === 'seed-two-neurons') continue; // the seed article's FIRST and SECOND, not a model of real cells
      const unknown = docs[name].neurons.map((n) => n.id).filter((id) => !isReal(id));
      expect(unknown, name).toEqual([]);
    }
    // A one-per-class name and one of its members never stand for the same cell twice.
    for (const name of Object.keys(docs)) {
      const ids = new Set(docs[name].neurons.map((n) => n.id));
      const twice = [...ids].filter((id) => ids.has(`${id}L`) || ids.has(`${id}R`));
      expect(twice, name).toEqual([]);
    }
  });

  it('pass their own lint: no warnings at all (the worm once drew 34, "sensor bound to RMDD, whose role is motor"; the conductance worm "DA9 excites itself" until VA12 ⊣ DA9, session 16)', () => {
    for (const name of Object.keys(docs)) expect(lintCircuit(getBuiltinCircuit(name)), name).toEqual([]);
  });

  it('worm-current is the default worm on current synapses, under a name and description of its own', () => {
    const old = getBuiltinCircuit('worm-current');
    const { doc } = circuitFromDoc(buildWorm({ membrane: 'current' }), 'c');
    expect(old.doc.neurons).toEqual(doc.neurons);
    expect(old.doc.synapses).toEqual(doc.synapses);
    expect(old.doc.name).toMatch(/current synapses.*old default/);
    expect(old.doc.description).toMatch(/until the switch to conductance synapses/);
    expect(lintCircuit(old)).toEqual([]);
  });

  it("puts the B-units' plateau in their membrane (GAIT.unitPlateauNs), not in a self-synapse; the shipped worm has none", () => {
    const plateaus = (doc: ReturnType<typeof buildWorm>) => (doc.neurons ?? []).filter((n) => typeof n.params?.plateauNs === 'number').map((n) => n.id);
    expect(plateaus(buildWorm({ membrane: 'current' }))).toEqual([]);
    const shipped = { ...GAIT };
    try {
      Object.assign(GAIT, { unitPlateauNs: 0.02, unitPlateauInactMs: 300 });
      const doc = buildWorm({ membrane: 'current' });
      expect(plateaus(doc).sort()).toEqual(
        Array.from({ length: GAIT.units }, (_, i) => [`DB${i + 1}`, `VB${i + 1}`])
          .flat()
          .sort(),
      );
      const db1 = doc.neurons?.find((n) => n.id === 'DB1')?.params;
      expect(db1).toMatchObject({ plateauNs: 0.02, plateauInactMs: 300, plateauHalfMv: GAIT.unitHalfMv });
      expect(doc.synapses?.filter((s) => s.from === s.to && /^[DV]B\d$/.test(s.from))).toEqual([]);
      expect(() => circuitFromDoc(doc, 'worm.json')).not.toThrow();
    } finally {
      Object.assign(GAIT, shipped);
    }
  });

  it('with GAIT.tailOwnD the tail pair is inhibited as the wiring has it: DA9 → VD12 ⊣ VA12, nothing onto DA9; the shipped worm keeps DD6/VD6', () => {
    const inhibitors = (doc: ReturnType<typeof buildWorm>, to: string) =>
      (doc.synapses ?? []).filter((s) => s.kind === 'chemical' && s.to === to && /^[DV]D\d+$/.test(s.from)).map((s) => s.from);
    const shipped = { ...GAIT };
    try {
      expect([inhibitors(buildWorm({ membrane: 'current' }), 'DA9'), inhibitors(buildWorm({ membrane: 'current' }), 'VA12')]).toEqual([['DD6'], ['VD6']]);
      Object.assign(GAIT, { units: 7, tailOwnD: 1 });
      const doc = buildWorm({ membrane: 'current' });
      expect(inhibitors(doc, 'DA9')).toEqual([]);
      expect(inhibitors(doc, 'VA12')).toEqual(['VD12']);
      expect((doc.synapses ?? []).some((s) => s.from === 'DA9' && s.to === 'VD12')).toBe(true);
      // VD12 takes VD7's place in the tail unit: it relaxes the tail's ventral muscles and holds VB7 down too.
      expect(doc.neurons?.some((n) => n.id === 'VD7')).toBe(false);
      expect(inhibitors(doc, 'VB7')).toEqual(['VD12']);
      expect(doc.muscles?.some((m) => m.neuron === 'VD12' && m.side === 'right' && m.gain < 0)).toBe(true);
      // tailVaInhibitsDa adds the wiring's VA12 → DA9 as an inhibition, at its share of the pair's; only with the own D cells.
      Object.assign(GAIT, { tailVaInhibitsDa: 0.5 });
      const direct = buildWorm({ membrane: 'current' }).synapses?.filter((s) => s.kind === 'chemical' && s.to === 'DA9' && s.sign === 'inhibitory');
      expect(direct?.map((s) => [s.from, s.kind === 'chemical' && s.weight])).toEqual([
        ['VA12', Number(((GAIT.oscPairInhibition * GAIT.tailPairScale) / 2).toFixed(3))],
      ]);
      Object.assign(GAIT, { tailOwnD: 0 });
      expect(() => buildWorm({ membrane: 'current' })).toThrow(/GAIT.tailVaInhibitsDa = 0.5: .*only with tailOwnD 1/);
      Object.assign(GAIT, { tailOwnD: 0.5, tailVaInhibitsDa: 0 });
      expect(() => buildWorm({ membrane: 'current' })).toThrow(/GAIT.tailOwnD = 0.5: must be 0 .* or 1/);
    } finally {
      Object.assign(GAIT, shipped);
    }
  });

  it('with GAIT.tailDriveUse AVA’s drive onto the tail pair depresses (and only that drive); the shipped worm’s does not; a use without a recovery names the fields', () => {
    const drives = (doc: ReturnType<typeof buildWorm>) =>
      (doc.synapses ?? []).filter((s) => s.from === 'AVA' && (s.to === 'DA9' || s.to === 'VA12')).map((s) => (s.kind === 'chemical' ? s.depression : 'gap'));
    const shipped = { ...GAIT };
    try {
      expect(drives(buildWorm({ membrane: 'current' }))).toEqual([undefined, undefined]);
      Object.assign(GAIT, { tailDriveUse: 0.005, tailDriveRecoveryMs: 1000 });
      const doc = buildWorm({ membrane: 'current' });
      expect(drives(doc)).toEqual([
        { use: 0.005, recoveryMs: 1000 },
        { use: 0.005, recoveryMs: 1000 },
      ]);
      expect((doc.synapses ?? []).filter((s) => s.from === 'AVA' && s.kind === 'chemical' && s.depression).length).toBe(2);
      Object.assign(GAIT, { tailDriveRecoveryMs: 0 });
      expect(() => buildWorm({ membrane: 'current' })).toThrow(/GAIT.tailDriveUse = 0.005, tailDriveRecoveryMs = 0: .*recovery > 0 ms/);
    } finally {
      Object.assign(GAIT, shipped);
    }
  });

  it('with GAIT.aGapNs AVA is gap-coupled to each body DA/VA and not to the tail pair; avaHalfBelowMv lowers its release midpoint; out of range (here and for unitGapNs) names the field', () => {
    const gapsOfAva = (doc: ReturnType<typeof buildWorm>) =>
      (doc.synapses ?? [])
        .filter((s) => s.kind === 'electrical' && (s.from === 'AVA' || s.to === 'AVA'))
        .map((s) => (s.from === 'AVA' ? s.to : s.from))
        .sort();
    const shipped = { ...GAIT };
    try {
      expect(gapsOfAva(buildWorm({ membrane: 'current' }))).toEqual([]);
      Object.assign(GAIT, { units: 7, aGapNs: 0.03, avaHalfBelowMv: 10 });
      const doc = buildWorm({ membrane: 'current' });
      expect(gapsOfAva(doc)).toEqual([1, 2, 3, 4, 5, 6].flatMap((k) => [`DA${k}`, `VA${k}`]).sort());
      expect(doc.neurons?.find((n) => n.id === 'AVA')?.params?.vHalfMv).toBe(-50);
      Object.assign(GAIT, { aGapNs: -0.1 });
      expect(() => buildWorm({ membrane: 'current' })).toThrow(/GAIT.aGapNs = -0.1: must be a conductance 0..1 nS/);
      Object.assign(GAIT, { aGapNs: 0, avaHalfBelowMv: 30 });
      expect(() => buildWorm({ membrane: 'current' })).toThrow(/GAIT.avaHalfBelowMv = 30: must be 0..25 mV/);
      Object.assign(GAIT, { avaHalfBelowMv: 0, unitGapNs: 2 });
      expect(() => buildWorm({ membrane: 'current' })).toThrow(/GAIT.unitGapNs = 2: must be a conductance 0..1 nS/);
      Object.assign(GAIT, { unitGapNs: Number.NaN });
      expect(() => buildWorm({ membrane: 'current' })).toThrow(/GAIT.unitGapNs = NaN: must be a conductance 0..1 nS/);
    } finally {
      Object.assign(GAIT, shipped);
    }
  });

  it("GAIT.stretchLagMs puts a lag on the B units' receptors of the bend ahead only (none in the shipped worm); out of range names the field", () => {
    const lagged = (doc: ReturnType<typeof buildWorm>) =>
      (doc.sensors ?? []).flatMap((x) => (x.sensor === 'stretch' && x.lagMs !== undefined ? [`${x.neuron}@${x.at}:${x.lagMs}`] : []));
    const shipped = { ...GAIT };
    try {
      expect(lagged(buildWorm({ membrane: 'current' }))).toEqual([]);
      Object.assign(GAIT, { stretchLagMs: 350 });
      const doc = buildWorm({ membrane: 'current' });
      const cells = new Set(lagged(doc).map((x) => x.split('@')[0]));
      const bCells = (doc.neurons ?? []).map((n) => n.id).filter((id) => /^[DV]B\d+$/.test(id));
      expect([...cells].sort()).toEqual(bCells.sort());
      expect(lagged(doc).every((x) => x.endsWith(':350'))).toBe(true);
      // Each B cell: one receptor of the bend ahead, lagged; its own-segment feedback is not.
      expect(lagged(doc).length).toBe(bCells.length);
      Object.assign(GAIT, { stretchLagMs: -1 });
      expect(() => buildWorm({ membrane: 'current' })).toThrow(/GAIT.stretchLagMs = -1: must be 0..5000 ms/);
    } finally {
      Object.assign(GAIT, shipped);
    }
  });
});
