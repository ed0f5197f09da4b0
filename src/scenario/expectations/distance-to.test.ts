import { describe, expect, it } from 'vitest';
import { scenario } from '../builder';
import { parseScenario } from '../load';
import { validateRefs } from '../refs';
import { runScenario } from '../runner';
import { stringifyScenario } from '../serialize';
import { simBackend } from '../backend';
import { fakeBackend } from '../test-helpers/fake-sim';

const HEAD = 'format: neuroworm-scenario\nversion: 1\nname: d\ncircuit: worm\nduration: 20s\narena: {zones: [{id: far, x: 50, y: 0, radius: 1}]}\n';
const FOOD = 'timeline:\n  - at: 0s\n    food: {x: 3, y: 0}\n';

function run(expect: string) {
  return runScenario(parseScenario(`${HEAD}${FOOD}expect:\n${expect}`), { backend: fakeBackend() });
}

describe('distanceTo: the nose’s distance to the food or a zone over a window', () => {
  it('below holds while the farthest distance in the window is under the bound; above while the closest is over it', () => {
    const { report, recording } = run(
      [
        '  - distanceTo: {target: food, below: 0.5mm, after: 18s}',
        '  - distanceTo: {target: food, below: 0.5mm, after: 0s}',
        '  - distanceTo: {target: far, above: 40mm}',
        '  - distanceTo: {target: far, between: [40mm, 47mm]}',
      ].join('\n'),
    );
    const [near, whole, far, band] = report.expectations;
    const food = recording.food as Float64Array;
    const at18 = recording.t.findIndex((t) => t >= 18_000);
    expect(near).toMatchObject({ kind: 'distanceTo', pass: true, unit: 'mm', bound: '≤ 0.5' });
    expect(near.measured).toBeCloseTo(Math.max(...food.slice(at18)), 12);
    expect(whole).toMatchObject({ pass: false, measured: food[0] }); // 3 mm away at the start
    // The zone's edge is 49 mm from x = 0; the worm crawls toward it, so the closest is at the end.
    const edge = (j: number) => Math.hypot(recording.hx[j] - 50, recording.hy[j]) - 1;
    expect(far).toMatchObject({ pass: true });
    expect(far.measured).toBeCloseTo(edge(recording.count - 1), 12);
    expect(band).toMatchObject({ pass: false }); // the farthest (at the start) is above 47 mm
    expect(band.measured).toBeCloseTo(edge(0), 12);
  });

  it('in body lengths when the bound is', () => {
    const { report } = run('  - distanceTo: {target: food, below: 0.5bl, after: 18s}\n');
    expect(report.expectations[0]).toMatchObject({ unit: 'bl', pass: true });
  });

  it('refuses no bound or two, a zone the arena lacks, and reads back what it writes', () => {
    expect(() => parseScenario(`${HEAD}expect:\n  - distanceTo: {target: food}\n`)).toThrow(/distanceTo needs one bound, got 0/);
    expect(() => parseScenario(`${HEAD}expect:\n  - distanceTo: {target: food, below: 1mm, above: 2mm}\n`)).toThrow(/got 2/);
    const s = parseScenario(`${HEAD}expect:\n  - distanceTo: {target: farr, below: 1mm}\n`, 'z.scenario.yaml');
    expect(() => validateRefs(s, { zoneIds: ['far'] })).toThrow(
      /z\.scenario\.yaml:8:\d+: expect\[0\]\.distanceTo\.target: the arena has no zone "farr"[\s\S]*did you mean "far"/,
    );
    const built = scenario('b')
      .circuit('worm')
      .duration('5s')
      .expect.that('distanceTo', { target: 'food', between: ['0.1mm', '2bl'], after: '1s' })
      .build();
    expect(parseScenario(stringifyScenario(built))).toEqual(built);
  });

  it('on the real world: the distance to a zone is the distance to its edge, 0 inside', () => {
    const d = simBackend.zoneDistanceMm?.('hot-zone');
    expect(d).toBeDefined();
    // The "hot" band is the rect centred at [6, 3], 2.5 × 6 mm: x 4.75..7.25.
    expect(d?.('hot', 6, 3)).toBe(0);
    expect(d?.('hot', 1.75, 3)).toBeCloseTo(3, 12);
    expect(() => d?.('cold', 1, 1)).toThrow(/no zone "cold"/);
  });
});
