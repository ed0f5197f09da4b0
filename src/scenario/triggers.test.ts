import { describe, expect, it } from 'vitest';
import { ScenarioError } from './errors';
import { parseScenario } from './load';
import { runScenario } from './runner';
import { stringifyScenario } from './serialize';
import { fakeBackend } from './test-helpers/fake-sim';

const HEADER = 'format: neuroworm-scenario\nversion: 1\nname: triggers\ncircuit: worm\n';

/** The fake reverses 300–400 ms after a head poke (unless AVA is ablated); pokes at these times. */
const pokes = (times: number[]) => times.map((t) => `  - at: ${t}s\n    poke: {position: 0.05}\n`).join('');

function run(text: string, log: string[] = []) {
  const s = parseScenario(`${HEADER}${text}`, 't.scenario.yaml');
  return runScenario(s, { backend: fakeBackend({ log }) }).recording;
}

const firings = (rec: ReturnType<typeof run>, label: string) => rec.actions.filter((a) => a.label === label);
const starts = (rec: ReturnType<typeof run>) => rec.events.filter((e) => e.type === 'reversal-start').map((e) => e.timeMs);

describe('when: triggers', () => {
  it('a trigger on reversing fires at the step the reversal starts, plus its delay, and only then', () => {
    const rec = run(`duration: 6s\ntimeline:\n${pokes([1])}  - when: reversing\n    delay: 500ms\n    label: during\n    medium: agar\n`);
    const [start] = starts(rec);
    expect(start).toBeGreaterThan(1000);
    const f = firings(rec, 'during');
    expect(f).toHaveLength(1);
    expect(f[0]!.atMs).toBeCloseTo(start! + 500, 6);
    expect(f[0]!.appliedMs).toBeCloseTo(start! + 500, 6);
    // Nothing to react to: no reversal, no firing.
    const still = run(`duration: 6s\ntimeline:\n  - when: reversing\n    label: during\n    medium: agar\n`);
    expect(starts(still)).toEqual([]);
    expect(firings(still, 'during')).toEqual([]);
  });

  it('honours times and refractory, and is not armed before its at', () => {
    const body = (extra: string, times = 10) =>
      `duration: 13s\ntimeline:\n${pokes([1, 4, 7, 10])}  - when: reversing\n    times: ${times}\n    label: r\n${extra}    medium: agar\n`;
    const all = run(body(''));
    const s = starts(all);
    expect(s).toHaveLength(4);
    expect(firings(all, 'r').map((a) => a.atMs)).toEqual(s);
    // 5 s refractory: the second and fourth reversals start within 5 s of a firing.
    expect(firings(run(body('    refractory: 5s\n')), 'r').map((a) => a.atMs)).toEqual([s[0], s[2]]);
    expect(firings(run(body('', 2)), 'r').map((a) => a.atMs)).toEqual([s[0], s[1]]);
    expect(firings(run(body('    at: 5s\n')), 'r').map((a) => a.atMs)).toEqual([s[2], s[3]]);
  });

  it('fires on omega turns, a neuron above a level, the nose entering a zone, and the nose near food', () => {
    const omega = run(`duration: 6s\ntimeline:\n  - at: 1s\n    poke: {position: 0.05, kind: harsh}\n  - when: omega\n    label: o\n    medium: agar\n`);
    const turn = omega.events.find((e) => e.type === 'omega-turn')!;
    expect(firings(omega, 'o').map((a) => a.atMs)).toEqual([turn.timeMs]);

    const neuron = run(`duration: 4s\ntimeline:\n${pokes([1])}  - when: {neuron: AVA, above: 0.5}\n    label: n\n    medium: agar\n`);
    expect(firings(neuron, 'n').map((a) => a.atMs)).toEqual(starts(neuron));
    const high = run(`duration: 4s\ntimeline:\n${pokes([1])}  - when: {neuron: AVA, above: 0.95}\n    label: n\n    medium: agar\n`);
    expect(firings(high, 'n')).toEqual([]);

    // The double crawls +x at 0.15 mm/s from x = 1.5; the hot zone's edge is at x = 2 (nose), about 3.3 s in.
    const zone = run(`arena: hot-plate\nworm: {x: 1.5, y: 0}\nduration: 6s\ntimeline:\n  - when: {inZone: hot}\n    label: z\n    medium: agar\n`);
    const [z] = firings(zone, 'z');
    expect(z!.atMs).toBeGreaterThan(3000);
    expect(z!.atMs).toBeLessThan(3600);
    const i = zone.t.findIndex((t) => t >= z!.atMs);
    expect(zone.hx[i]! - 2).toBeGreaterThanOrEqual(-0.002);
    expect(zone.hx[i - 2]!).toBeLessThan(2);

    const food = run(
      `worm: {x: 10, y: 10}\nduration: 8s\ntimeline:\n  - at: 0.5s\n    food: {x: 11, y: 10}\n  - when: {nearFood: 0.5mm}\n    label: f\n    medium: agar\n`,
    );
    const [f] = firings(food, 'f');
    const j = food.t.findIndex((t) => t >= f!.atMs);
    expect(Math.hypot(food.hx[j]! - 11, food.hy[j]! - 10)).toBeLessThanOrEqual(0.5 + 0.002);
    expect(Math.hypot(food.hx[j - 2]! - 11, food.hy[j - 2]! - 10)).toBeGreaterThan(0.5);
  });

  it('a poke fired on the state hits the worm (the double logs it), with the place of food relative to the nose', () => {
    const log: string[] = [];
    const rec = run(
      `worm: {x: 10, y: 10}\nduration: 6s\ntimeline:\n${pokes([1])}  - when: reversing\n    delay: 1s\n    label: tail\n    poke: {position: 0.9}\n  - at: 2s\n    label: f\n    food: {ahead: 2mm, left: 1mm}\n`,
      log,
    );
    const t = firings(rec, 'tail')[0]!.appliedMs;
    expect(log).toContain(`${t} poke 0.9 both gentle`);
    const food = firings(rec, 'f')[0]!;
    const k = rec.t.findIndex((x) => x >= food.appliedMs);
    // Heading +x: 2 mm ahead of the nose, 1 mm to its left (+y).
    expect(food.action).toMatchObject({ type: 'food' });
    const a = food.action as { x: number; y: number };
    expect(a.x).toBeCloseTo(rec.hx[k]! + 2, 1);
    expect(a.y).toBeCloseTo(rec.hy[k]! + 1, 1);
  });
});

describe('when: in the file', () => {
  const problems = (text: string) => {
    try {
      parseScenario(`${HEADER}duration: 5s\ntimeline:\n${text}`, 't.scenario.yaml');
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      return e.issues.map((i) => `${i.line}: ${i.message} | ${i.fix}`);
    }
    return [];
  };

  it('refuses unknown states, two conditions, every on a trigger, delay without when, and anchors on a triggered item', () => {
    expect(problems('  - when: dancing\n    tap:\n')).toEqual([
      expect.stringMatching(/^7: when "dancing" is not a state of the worm \| write when: reversing \| forward \| omega/),
    ]);
    expect(problems('  - when: {inZone: hot, neuron: AVA, above: 0.2}\n    tap:\n')).toEqual([
      expect.stringMatching(/^7: when has inZone and neuron: one condition per item/),
    ]);
    expect(problems('  - when: {neuron: AVA}\n    tap:\n')).toEqual([expect.stringMatching(/^7: a neuron condition needs a level/)]);
    expect(problems('  - when: reversing\n    every: 1s\n    times: 3\n    tap:\n')).toEqual([
      expect.stringMatching(/^8: a triggered item \(when\) fires on the worm’s state/),
    ]);
    expect(problems('  - at: 1s\n    delay: 1s\n    tap:\n')).toEqual([expect.stringMatching(/^8: "delay" belongs to a triggered item/)]);
    expect(problems('  - when: reversing\n    label: r\n    tap:\nexpect:\n  - moves: {direction: backward, atLeast: 0.1mm, after: r, for: 1s}\n')).toEqual([
      expect.stringMatching(/^11: "r" is a triggered item: it has no fixed time to measure from/),
    ]);
    expect(problems('  - at: 1s\n    food: {x: 1, ahead: 2mm}\n')).toEqual([expect.stringMatching(/^8: both x\/y and ahead given/)]);
    expect(problems('  - at: 1s\n    food: {left: 2mm}\n')).toEqual([expect.stringMatching(/^8: left without ahead/)]);
  });

  it('names a zone or neuron the world lacks before the run', () => {
    const zone = parseScenario(`${HEADER}duration: 5s\ntimeline:\n  - when: {inZone: cold}\n    tap:\n`, 't.scenario.yaml');
    expect(() => runScenario(zone, { backend: fakeBackend() })).toThrow(/t\.scenario\.yaml:7:\d+: timeline\[0\]\.when\.inZone: the arena has no zone "cold"/);
    const cell = parseScenario(`${HEADER}duration: 5s\ntimeline:\n  - at: 1s\n    tap:\n  - when: {neuron: AVX, above: 0.1}\n    tap:\n`, 't.scenario.yaml');
    expect(() => runScenario(cell, { backend: fakeBackend() })).toThrow(
      /t\.scenario\.yaml:9:\d+: timeline\[1\]\.when\.neuron: circuit "worm" has no neuron or neuron class "AVX"/,
    );
  });

  it('writes triggers and relative places back to the same scenario', () => {
    const s = parseScenario(
      `${HEADER}duration: 5s\ntimeline:\n  - at: 1s\n    when: {nearFood: 0.5bl}\n    delay: 200ms\n    refractory: 2s\n    times: 3\n    heat: {ahead: 0mm, deltaC: 5}\n  - when: omega\n    food: {ahead: 0.5bl, right: 1mm}\n  - when: {neuron: AVA, above: 0.3}\n    tap:\n  - when: {inZone: hot}\n    tap:\n`,
      'rt.scenario.yaml',
    );
    expect(s.timeline[0]!.when).toEqual({ trigger: { on: 'nearFood', within: { value: 0.5, unit: 'bl' } }, delayMs: 200, refractoryMs: 2000 });
    expect(parseScenario(stringifyScenario(s), 'again.scenario.yaml')).toEqual(s);
  });
});
