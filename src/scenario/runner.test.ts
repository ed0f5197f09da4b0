import { describe, expect, it } from 'vitest';
import { scenario } from './builder';
import { ScenarioError } from './errors';
import { parseScenario } from './load';
import { runScenario, type ScenarioReport } from './runner';
import { fakeBackend } from './test-helpers/fake-sim';

const HEADER = 'format: neuroworm-scenario\nversion: 1\nname: fake touch\ncircuit: worm\n';

const touch = parseScenario(
  `${HEADER}duration: 12s
seed: 7
timeline:
  - at: 2s
    label: head
    poke: {position: 0.05, side: left}
  - at: 6s
    every: 1s
    times: 4
    label: taps
    tap: {force: 0.8}
expect:
  - reverses: {after: head, within: 1.5s}
  - moves: {direction: backward, atLeast: 0.1mm, after: head, for: 3s}
  - neuronFires: {neuron: AVA, after: head, within: 1s}
  - neuronSilent: {neuron: AVB, after: 2.5s, for: 1s}
  - bendingFrequency: {between: [0.2Hz, 1Hz], after: 1s, for: 1s}
  - waveDirection: {direction: head-to-tail, after: 0.5s, for: 1s}
  - habituates: {train: taps, response: peakBackwardSpeed, window: 1s}
plot: {neurons: [AVA, AVB]}
`,
  'touch.scenario.yaml',
);

/** Report without the wall-clock time, which is the one thing allowed to differ. */
const numbers = (r: ScenarioReport) => ({ ...r, wallMs: 0 });

describe('runner on the fake simulation', () => {
  it('runs to the end and evaluates every expectation', () => {
    const { report, recording } = runScenario(touch, { backend: fakeBackend() });
    expect(report.expectations.map((e) => [e.kind, e.pass])).toEqual([
      ['reverses', true],
      ['moves', true],
      ['neuronFires', true],
      ['neuronSilent', true],
      ['bendingFrequency', true],
      ['waveDirection', true],
      ['habituates', true],
    ]);
    expect(report).toMatchObject({ scenario: 'fake touch', seed: 7, pass: true, simMs: 12_000 });
    // The fake reverses 300–400 ms after the touch.
    expect(report.expectations[0].measured).toBeGreaterThanOrEqual(300);
    expect(report.expectations[0].measured).toBeLessThan(400);
    expect(report.expectations[6].responses).toHaveLength(4);
    expect(recording.neurons.AVAL).toBeDefined();
    expect(recording.neurons.AVBR).toBeDefined();
    expect(recording.t[recording.count - 1]).toBe(12_000);
  });

  it('is deterministic: same scenario and seed → identical report and recording; another seed → other numbers', () => {
    const a = runScenario(touch, { backend: fakeBackend() });
    const b = runScenario(touch, { backend: fakeBackend() });
    expect(numbers(b.report)).toEqual(numbers(a.report));
    expect(b.recording).toEqual(a.recording);
    const c = runScenario(touch, { backend: fakeBackend(), seed: 8 });
    expect(c.report.seed).toBe(8);
    expect(c.report.expectations[0].measured).not.toBe(a.report.expectations[0].measured);
  });

  it('applies actions at the first step boundary at or after their time, with their arguments', () => {
    const log: string[] = [];
    const s = scenario('all actions')
      .circuit('worm')
      .duration('1s')
      .at(100)
      .poke({ position: 0.9, side: 'right', kind: 'harsh', force: 0.7 })
      .at(105)
      .tap()
      .at(200)
      .food({ x: 1, y: 2, amount: 3 })
      .at(200)
      .heat({ x: 1, y: 0, deltaC: 5, radius: 0.5 })
      .at(300)
      .ablate('AVA')
      .at(300)
      .cut('ALM', 'AVDL')
      .at(300)
      .set('PVCL', 'threshold', 2)
      .at(400)
      .every(100, 3)
      .switchMedium('water')
      .build();
    runScenario(s, { backend: fakeBackend({ stepMs: 10, log }) });
    expect(log).toEqual([
      '100 poke 0.9 right harsh 0.7',
      '110 tap',
      '200 food 1 2 3',
      '200 heat 1 0 5 0.5',
      '300 ablate AVAL',
      '300 ablate AVAR',
      '300 cut ALML AVDL',
      '300 cut ALMR AVDL',
      '300 set PVCL threshold 2',
      '400 medium water',
      '500 medium water',
      '600 medium water',
    ]);
  });

  it('refuses unknown neurons before running, naming the line', () => {
    const bad = parseScenario(`${HEADER}duration: 5s\ntimeline:\n  - wait: 1s\n  - ablate: {neuron: AVX}\n`, 'bad.scenario.yaml');
    const backend = fakeBackend();
    try {
      runScenario(bad, { backend });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const [i] = (e as ScenarioError).issues;
      expect(i).toMatchObject({ path: ['timeline', 1, 'ablate', 'neuron'], line: 8 });
      expect(i.message).toMatch(/no neuron or neuron class "AVX"/);
      expect(i.fix).toMatch(/did you mean "AVM"/);
    }
    expect(backend.created[0].timeMs).toBe(0);
  });

  it('refuses unknown arenas and zones before building the simulation', () => {
    const backend = fakeBackend();
    const bad = parseScenario(`${HEADER}duration: 5s\narena: hot-plat\nexpect:\n  - staysOutOfZone: {zone: hott}\n`, 'z.scenario.yaml');
    expect(() => runScenario(bad, { backend })).toThrow(/z\.scenario\.yaml:6:8: arena: unknown arena "hot-plat"[\s\S]*fix: did you mean "hot-plate"/);
    expect(backend.created).toHaveLength(0);
    const zone = parseScenario(`${HEADER}duration: 5s\narena: hot-plate\nexpect:\n  - staysOutOfZone: {zone: hott}\n`, 'z.scenario.yaml');
    expect(() => runScenario(zone, { backend })).toThrow(/expect\[0\]\.staysOutOfZone\.zone: the arena has no zone "hott"/);
  });

  it('passes placement, heading, medium and seed to the factory, and loads circuit files relative to the scenario', () => {
    const backend = fakeBackend();
    const s = parseScenario(
      `${HEADER.replace('circuit: worm', 'circuit: ../c/mine.json')}duration: 1s\nseed: 3\nmedium: water\nworm: {x: 1, y: 2, heading: 90}\n`,
    );
    const created: unknown[] = [];
    const spy = {
      ...backend,
      createSimulation: (o: Parameters<typeof backend.createSimulation>[0]) => {
        created.push(o);
        return backend.createSimulation(o);
      },
    };
    runScenario(s, { backend: spy, file: '/x/scn/a.scenario.yaml' });
    expect(created[0]).toEqual({
      circuit: { fakeCircuitFrom: '/x/c/mine.json' },
      seed: 3,
      medium: 'water',
      start: { xMm: 1, yMm: 2, headingRad: Math.PI / 2 },
    });
  });

  it('water bends faster than agar (probes read the simulation at the window end)', () => {
    const s = (medium: string) => parseScenario(`${HEADER}duration: 4s\nmedium: ${medium}\nexpect:\n  - bendingFrequency: {between: [1.5, 2]}\n`);
    expect(runScenario(s('water'), { backend: fakeBackend() }).report.expectations[0]).toMatchObject({ pass: true, measured: 1.8 });
    expect(runScenario(s('agar'), { backend: fakeBackend() }).report.expectations[0]).toMatchObject({ pass: false, measured: 0.4 });
  });

  it('minBend reads the bend amplitude the simulation probes over the same window (the double draws 1.87 κL)', () => {
    const s = (minBend: number) =>
      parseScenario(
        `${HEADER}duration: 4s\nexpect:\n  - bendingFrequency: {between: [0.3, 0.5], minBend: ${minBend}}\n  - metric: {name: bendAmplitude, atLeast: 0}\n`,
      );
    const ok = runScenario(s(1.5), { backend: fakeBackend() }).report.expectations;
    expect(ok[0]).toMatchObject({ pass: true, measured: 0.4 });
    expect(ok[1].measured as number).toBeCloseTo(1.87, 2);
    expect(runScenario(s(2), { backend: fakeBackend() }).report.expectations[0]).toMatchObject({ pass: false, measured: null });
  });

  it('ablating the command neurons stops the reversal (doesNotReverse passes, reverses fails)', () => {
    const s = parseScenario(
      `${HEADER}duration: 5s\ntimeline:\n  - at: 0.5s\n    ablate: {neuron: AVA}\n  - at: 1s\n    label: head\n    poke: {position: 0.05}\nexpect:\n  - doesNotReverse: {after: head, within: 3s}\n  - reverses: {after: head, within: 3s}\n`,
    );
    const r = runScenario(s, { backend: fakeBackend() }).report;
    expect(r.expectations.map((e) => e.pass)).toEqual([true, false]);
    expect(r.pass).toBe(false);
  });

  it('food and zones are recorded only when needed, and measured', () => {
    const s = parseScenario(
      `${HEADER}duration: 20s\narena: {zones: [{id: far, x: 50, y: 50, radius: 1}]}\ntimeline:\n  - at: 0s\n    food: {x: 0, y: 2}\nexpect:\n  - reachesFood: {within: 19s, distance: 0.3mm}\n  - staysOutOfZone: {zone: far}\n`,
    );
    const { report, recording } = runScenario(s, { backend: fakeBackend() });
    expect(report.expectations.map((e) => e.pass)).toEqual([true, true]);
    expect(recording.food).toBeDefined();
    expect(Object.keys(recording.zones)).toEqual(['far']);
    const plain = runScenario(parseScenario(`${HEADER}duration: 1s\n`), { backend: fakeBackend() }).recording;
    expect(plain.food).toBeUndefined();
    expect(plain.neurons).toEqual({});
  });

  it('records muscle activation only when a metric needs it, keeping the peak between samples', () => {
    const s = parseScenario(
      `${HEADER}duration: 3s\ntimeline:\n  - at: 1s\n    label: touch\n    poke: {position: 0.5}\nexpect:\n  - metric: {name: peakMuscleActivation, after: touch, for: 1s, atLeast: 0.8}\n  - metric: {name: peakMuscleActivation, after: 0s, for: 0.9s, atMost: 0.5}\n`,
    );
    const { report, recording } = runScenario(s, { backend: fakeBackend(), sampleMs: 500 });
    expect(report.expectations.map((e) => [e.pass, e.measured])).toEqual([
      [true, 0.9],
      [true, 0.3],
    ]);
    expect(recording.muscle).toBeDefined();
    expect(runScenario(parseScenario(`${HEADER}duration: 1s\n`), { backend: fakeBackend() }).recording.muscle).toBeUndefined();
  });

  it('stops and fails when the simulation reports instability', () => {
    const s = parseScenario(`${HEADER}duration: 5s\n`);
    const r = runScenario(s, { backend: fakeBackend({ unstableAtMs: 1000 }) }).report;
    expect(r.pass).toBe(false);
    expect(r.error).toMatch(/unstable at 1000 ms/);
    expect(r.simMs).toBe(1000);
  });

  it('stops and fails with the message when a step throws (the real guards throw)', () => {
    const r = runScenario(parseScenario(`${HEADER}duration: 5s\n`), { backend: fakeBackend({ throwAtMs: 2000 }) }).report;
    expect(r.pass).toBe(false);
    expect(r.error).toBe('the simulation became unstable at 2000 ms (neuron X has a non-finite membrane potential at t = 2000 ms)');
    expect(r.simMs).toBe(2000);
  });

  it('reports progress about every simulated second and measures wall time with the given clock', () => {
    const seen: number[] = [];
    let clock = 0;
    const r = runScenario(parseScenario(`${HEADER}duration: 3s\n`), { backend: fakeBackend(), onProgress: (t) => seen.push(t), now: () => (clock += 5) });
    expect(seen).toEqual([1000, 2000, 3000]);
    expect(r.report.wallMs).toBe(5);
  });
});
