import { describe, expect, it } from 'vitest';
import { circuitFromDoc, lintCircuit } from '../index';
import { buildChoiceWorm, buildLearningWorm, buildSeedTwoNeurons, buildWorm, WORM_MEMBRANE } from './generate';
import { CONDUCTANCE_GAIT } from './conductance-gait';
import { GAIT } from './locomotion';
import { buildConductance, CONDUCTANCE_LAYERS } from './membrane';
import { CHOICE } from './choice';
import { LEARNING } from './learning';
import { MODULATION } from './modulation';
import { SENSES } from './senses';
import { TOUCH } from './touch';

const chemical = (doc: ReturnType<typeof buildWorm>) => (doc.synapses ?? []).filter((s) => s.kind === 'chemical');

describe("the default worm's membrane option", () => {
  it('conductance: every chemical synapse, sensor binding and excitability receptor of the graded worm is a conductance', () => {
    const doc = buildWorm({ membrane: 'conductance' });
    expect(chemical(doc).length).toBeGreaterThan(100);
    expect(chemical(doc).every((s) => s.model === 'conductance')).toBe(true);
    expect((doc.sensors ?? []).every((b) => b.transduction === 'conductance')).toBe(true);
    const receptors = (doc.receptors ?? []).filter((r) => r.effect === 'excitability');
    expect(receptors.map((r) => r.label)).toContain('MOD-1');
    expect(receptors.every((r) => typeof r.reversalMv === 'number')).toBe(true);
    // DOP-3 and serotonin act on the 14 B units' release (Gαo), not their V (docs/biology.md, "The lawn gait bends").
    const release = (doc.receptors ?? []).filter((r) => r.effect === 'release' && /^[DV]B\d+$/.test(r.neuron));
    expect(release.filter((r) => r.modulator === 'dopamine' && r.gain < 0)).toHaveLength(14);
    expect(release.filter((r) => r.modulator === 'serotonin' && r.gain < 0)).toHaveLength(14);
    expect(doc.description).toMatch(/conductances toward reversal potentials/);
    // No warning: with the tail's own D cells (CONDUCTANCE_GAIT.tailOwnD; Cook et al. 2019 have no D cell synapse onto
    // DA9) nothing inhibited DA9's self-excitation until VA12 ⊣ DA9 (tailVaInhibitsDa, docs/biology.md "The backing
    // follows the head"); the lint warned "DA9 excites itself and nothing inhibits them" before.
    expect(lintCircuit(circuitFromDoc(doc, 'worm (conductance)'))).toEqual([]);
  });

  it("conductance: built at CONDUCTANCE_GAIT and the layers' conductance values, which the current worm does not see", () => {
    const conductance = circuitFromDoc(buildWorm({ membrane: 'conductance' }), 'c').network;
    const current = circuitFromDoc(buildWorm({ membrane: 'current' }), 'i').network;
    const param = (net: typeof current, id: string, p: string) => net.neurons.find((n) => n.id === id)?.params?.[p];
    expect(param(conductance, 'DB1', 'plateauNs')).toBe(CONDUCTANCE_GAIT.unitPlateauNs);
    expect(param(current, 'DB1', 'plateauNs') ?? 0).toBe(0);
    // AVB is sized for its junctions on the conductance worm (avbSizeScale): its tonic current scales with it.
    expect(param(conductance, 'AVB', 'tonicPa')).toBeCloseTo((CONDUCTANCE_GAIT.avbTonicPa as number) * (CONDUCTANCE_GAIT.avbSizeScale as number), 12);
    expect(param(current, 'AVB', 'tonicPa')).toBe(GAIT.avbTonicPa);
    // CONDUCTANCE_GAIT has seven body units to the shipped six: DB7 and VB7 join, A-type unit 6 becomes DA6/VA6 (the
    // tail's own DA9/VA12 move to unit 7), DD6 serves units 6 and 7 (the worm has six DD), and with the tail's own D
    // cells (tailOwnD) unit 7's ventral D cell is VD12, which DA9 drives, in VD7's place.
    const ids = (net: typeof current) => net.neurons.map((n) => n.id).sort();
    expect(CONDUCTANCE_GAIT.units).toBe(7);
    expect(CONDUCTANCE_GAIT.tailOwnD).toBe(1);
    expect(ids(conductance)).toEqual([...ids(current), 'DB7', 'VB7', 'VD12', 'DA6', 'VA6'].sort());
    // A layer fix (CONDUCTANCE_LAYERS) reaches the conductance worm only.
    expect(CONDUCTANCE_LAYERS.touch.avdSlopeMv).not.toBe(TOUCH.avdSlopeMv);
    expect(param(conductance, 'AVD', 'slopeMv')).toBe(CONDUCTANCE_LAYERS.touch.avdSlopeMv);
    expect(param(current, 'AVD', 'slopeMv')).toBe(TOUCH.avdSlopeMv);
    // The head's timers start part-charged on the conductance worm only, both of them (SMDD alone bent the path
    // ventrally: docs/biology.md, "The conductance gait crawls straight"); the shipped worm's have no start state.
    const init = (doc: ReturnType<typeof buildWorm>, id: string) => doc.neurons.find((n) => n.id === id)?.init;
    expect(init(buildWorm({ membrane: 'conductance' }), 'SMDD')).toEqual({ v: CONDUCTANCE_LAYERS.gait.timerStartMv });
    expect(init(buildWorm({ membrane: 'conductance' }), 'SMDV')).toEqual({ v: CONDUCTANCE_LAYERS.gait.timerVentralStartMv });
    for (const id of ['SMDD', 'SMDV']) expect(init(buildWorm({ membrane: 'current' }), id)).toBeUndefined();
  });

  it('leaves every layer table as it was, also when the build throws', () => {
    const before = JSON.stringify([GAIT, TOUCH, SENSES, MODULATION, LEARNING, CHOICE]);
    buildWorm({ membrane: 'conductance' });
    buildLearningWorm({ membrane: 'conductance' });
    buildChoiceWorm({ membrane: 'conductance' });
    expect(JSON.stringify([GAIT, TOUCH, SENSES, MODULATION, LEARNING, CHOICE])).toBe(before);
    expect(() =>
      buildConductance(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(JSON.stringify([GAIT, TOUCH, SENSES, MODULATION, LEARNING, CHOICE])).toBe(before);
  });

  it('the default is WORM_MEMBRANE, for the learning and choice worms too; the seed circuit stays current-based', () => {
    expect(buildWorm()).toEqual(buildWorm({ membrane: WORM_MEMBRANE }));
    expect(buildLearningWorm()).toEqual(buildLearningWorm({ membrane: WORM_MEMBRANE }));
    expect(buildChoiceWorm()).toEqual(buildChoiceWorm({ membrane: WORM_MEMBRANE }));
    expect(chemical(buildSeedTwoNeurons()).some((s) => s.model === 'conductance')).toBe(false);
  });

  it.each([
    ['learning', buildLearningWorm, ['RIAL', 'RIAR']],
    ['choice', buildChoiceWorm, ['RIFL', 'RIFR', 'RIAL', 'RIAR']],
  ] as const)(
    'the %s worm on conductances: the conductance worm plus its layer, its comparison cells reading one difference binding each',
    (_, build, cells) => {
      const doc = build({ membrane: 'conductance' });
      const worm = buildWorm({ membrane: 'conductance' });
      expect(chemical(doc).every((s) => s.model === 'conductance')).toBe(true);
      expect((doc.sensors ?? []).every((b) => b.transduction === 'conductance')).toBe(true);
      // Every cell of the conductance worm, at its values (the seven-unit gait, AVD's slope), and the layer's cells.
      const ids = new Set(doc.neurons.map((n) => n.id));
      for (const n of worm.neurons) expect(ids.has(n.id), n.id).toBe(true);
      expect(doc.neurons.find((n) => n.id === 'AVD')?.params?.slopeMv).toBe(CONDUCTANCE_LAYERS.touch.avdSlopeMv);
      expect(doc.description).toMatch(/conductances toward reversal potentials/);
      const layer = build === buildLearningWorm ? CONDUCTANCE_LAYERS.learning : CONDUCTANCE_LAYERS.choice;
      for (const id of cells) {
        const bindings = (doc.sensors ?? []).filter((b) => b.neuron === id);
        expect(
          bindings.map((b) => b.sensor === 'chemical' && b.response),
          id,
        ).toEqual(['difference']);
        expect(bindings[0].matchMv).toBe(layer.compareMatchMv);
        expect(doc.neurons.find((n) => n.id === id)?.params?.restMv).toBe(layer.compareRestMv);
      }
      // The current-based build keeps two level bindings per comparison cell (its JSON is the shipped file).
      const current = build({ membrane: 'current' });
      expect((current.sensors ?? []).filter((b) => b.neuron === cells[0]).map((b) => b.sensor === 'chemical' && b.response)).toEqual(['level', 'level']);
    },
  );

  it('AVA ⊣ RIV is slow on conductances only (CONDUCTANCE_LAYERS.touch.avaRivTauMs); every other synapse stays instant, and a bad time constant is refused', () => {
    const avaRiv = (doc: ReturnType<typeof buildWorm>) => chemical(doc).filter((s) => s.from === 'AVA' && s.to === 'RIV');
    const conductance = buildWorm({ membrane: 'conductance' });
    expect(CONDUCTANCE_LAYERS.touch.avaRivTauMs).toBeGreaterThan(0);
    expect(avaRiv(conductance).map((s) => s.tauMs)).toEqual([CONDUCTANCE_LAYERS.touch.avaRivTauMs]);
    expect(chemical(conductance).filter((s) => s.tauMs !== 0)).toHaveLength(1);
    // The current-based worm (its JSON is worm-current) has no time constant on any synapse.
    expect(chemical(buildWorm({ membrane: 'current' })).some((s) => s.tauMs !== undefined)).toBe(false);
    expect(() => buildConductance(() => buildWorm({ membrane: 'current' }), { ...CONDUCTANCE_LAYERS, touch: { avaRivTauMs: -5 } })).toThrow(
      /TOUCH.avaRivTauMs = -5: must be 0..10000 ms \(0 = instant, as converted\); set it in CONDUCTANCE_LAYERS.touch/,
    );
  });

  it('the turn release midpoints (touch.rivAvbReleaseHalfMv, aibRivReleaseHalfMv) are off by default, land on their one synapse when given, and bad values are refused', () => {
    const pick = (doc: ReturnType<typeof buildWorm>, from: string, to: string) => chemical(doc).filter((s) => s.from === from && s.to === to);
    const build = () => buildWorm({ membrane: 'current' });
    const shipped = buildWorm({ membrane: 'conductance' });
    expect(pick(shipped, 'RIV', 'AVB').map((s) => s.releaseHalfMv)).toEqual([-40]);
    expect(pick(shipped, 'AIB', 'RIV').map((s) => s.releaseHalfMv)).toEqual([-40]);
    const moved = buildConductance(build, {
      ...CONDUCTANCE_LAYERS,
      touch: { ...CONDUCTANCE_LAYERS.touch, rivAvbReleaseHalfMv: -30, aibRivReleaseHalfMv: -34 },
    });
    expect(pick(moved, 'RIV', 'AVB').map((s) => s.releaseHalfMv)).toEqual([-30]);
    expect(pick(moved, 'AIB', 'RIV').map((s) => s.releaseHalfMv)).toEqual([-34]);
    expect(pick(moved, 'RIV', 'AIB').map((s) => s.releaseHalfMv)).toEqual([-40]);
    expect(() => buildConductance(build, { ...CONDUCTANCE_LAYERS, touch: { rivAvbReleaseHalfMv: 5 } })).toThrow(
      /TOUCH.rivAvbReleaseHalfMv = 5: must be −70..0 mV of RIV/,
    );
  });

  it('the aversive site AIA → RIM is slow on the conductance learning worm only (CONDUCTANCE_LAYERS.learning.aversiveTauMs), and bad values are refused', () => {
    const aversive = (doc: ReturnType<typeof buildWorm>) => chemical(doc).filter((s) => s.from === 'AIA' && s.to === 'RIM');
    expect(CONDUCTANCE_LAYERS.learning.aversiveTauMs).toBeGreaterThan(0);
    expect(aversive(buildLearningWorm({ membrane: 'conductance' })).map((s) => s.tauMs)).toEqual([CONDUCTANCE_LAYERS.learning.aversiveTauMs]);
    expect(aversive(buildLearningWorm({ membrane: 'current' })).map((s) => s.tauMs)).toEqual([undefined]);
    const build = () => buildLearningWorm({ membrane: 'current' });
    expect(() => buildConductance(build, { ...CONDUCTANCE_LAYERS, learning: { aversiveTauMs: -1 } })).toThrow(
      /LEARNING.aversiveTauMs = -1: must be 0..60000 ms \(0 = instant, as converted\); set it in CONDUCTANCE_LAYERS.learning/,
    );
    expect(() => buildConductance(build, { ...CONDUCTANCE_LAYERS, learning: { aversiveReleaseHalfMv: 5 } })).toThrow(
      /LEARNING.aversiveReleaseHalfMv = 5: must be −70..0 mV of AIA/,
    );
  });

  it("the turn relay's depression and RIA's learned steering sites only on conductances (the current worm's fixed, undepressed); bad values are refused", () => {
    const depressions = (doc: ReturnType<typeof buildWorm>) =>
      chemical(doc)
        .filter((s) => s.from === 'RIM')
        .map((s) => [s.to, s.depression]);
    // Each plastic RIA → SMB site: its ends, naive weight and the sign of its rate (octopamine builds + / weakens −).
    const steering = (doc: ReturnType<typeof buildWorm>) =>
      chemical(doc)
        .filter((s) => s.plastic !== undefined && (s.to === 'SMBD' || s.to === 'SMBV'))
        .map((s) => [s.from, s.to, s.weight, Math.sign(s.plastic?.params?.rate ?? Number.NaN)]);
    const build = () => buildLearningWorm({ membrane: 'current' });
    expect(LEARNING.relayDepression).toBeUndefined();
    expect([LEARNING.crossedMax, LEARNING.uncrossedRate, LEARNING.pushPull]).toEqual([0, 0, 1]);
    expect(steering(build())).toEqual([]);
    expect(depressions(build())).toEqual([
      ['AVA', undefined],
      ['AIB', undefined],
    ]);
    const shipped = CONDUCTANCE_LAYERS.learning.relayDepression;
    expect(shipped).toBeDefined();
    expect(depressions(buildLearningWorm({ membrane: 'conductance' }))).toEqual([
      ['AVA', shipped],
      ['AIB', shipped],
    ]);
    // On conductances starvation inverts the steering: the own-side sites start at the fixed weight and weaken, the crossed ones start silent and grow.
    const own = buildConductance(build).synapses?.find((s) => s.from === 'RIAL' && s.to === 'SMBD')?.weight;
    expect(own).toBeGreaterThan(0);
    expect(steering(buildLearningWorm({ membrane: 'conductance' }))).toEqual([
      ['RIAL', 'SMBD', own, -1],
      ['RIAL', 'SMBV', 0, 1],
      ['RIAR', 'SMBV', own, -1],
      ['RIAR', 'SMBD', 0, 1],
    ]);
    const d = { use: 0.0003, recoveryMs: 10_000 };
    const learning = { ...CONDUCTANCE_LAYERS.learning, relayDepression: d, uncrossedRate: 0 };
    const studied = buildConductance(build, { ...CONDUCTANCE_LAYERS, learning });
    expect(depressions(studied)).toEqual([
      ['AVA', d],
      ['AIB', d],
    ]);
    // Without uncrossedRate only the crossed sites learn, silent when naive.
    expect(steering(studied)).toEqual([
      ['RIAL', 'SMBV', 0, 1],
      ['RIAR', 'SMBD', 0, 1],
    ]);
    // The default worm has no learning layer, so the lever never reaches it.
    expect(depressions(buildConductance(() => buildWorm({ membrane: 'current' }), { ...CONDUCTANCE_LAYERS, learning: { relayDepression: d } }))).toEqual(
      depressions(buildWorm({ membrane: 'conductance' })),
    );
    expect(() => buildConductance(build, { ...CONDUCTANCE_LAYERS, learning: { relayDepression: { use: 0, recoveryMs: 1000 } } })).toThrow(
      /LEARNING.relayDepression = \{"use":0,"recoveryMs":1000\}: use must be in \(0, 1\] per ms/,
    );
    expect(() => buildConductance(build, { ...CONDUCTANCE_LAYERS, learning: { ...learning, pushPull: 1 } })).toThrow(
      /LEARNING.crossedMax = 4 needs pushPull 0 \(it is 1\)/,
    );
    expect(() => buildConductance(build, { ...CONDUCTANCE_LAYERS, learning: { ...learning, crossedMax: 0, uncrossedRate: 0.00005 } })).toThrow(
      /LEARNING.uncrossedRate = 0.00005 \(crossedMax 0\): give a rate in \(0, 0.001\] per ms with crossedMax > 0/,
    );
  });

  it('an unknown membrane is refused with the field, the allowed values and the fix', () => {
    expect(() => buildWorm({ membrane: 'ohmic' as never })).toThrow(/buildWorm: membrane = "ohmic": must be one of 'current', 'conductance'; use 'current'/);
    expect(() => buildLearningWorm({ membrane: 'ohmic' as never })).toThrow(/buildLearningWorm: membrane = "ohmic"/);
    expect(() => buildChoiceWorm({ membrane: 'ohmic' as never })).toThrow(/buildChoiceWorm: membrane = "ohmic"/);
  });
});
