import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combine, expectationScore, PARTIAL_MAX, parseBound, type RunScore } from './fitness';

describe('parseBound', () => {
  it('reads the bounds the expectations write', () => {
    expect(parseBound('≤ 1500')).toEqual({ lo: -Infinity, hi: 1500 });
    expect(parseBound('< 0.5')).toEqual({ lo: -Infinity, hi: 0.5 });
    expect(parseBound('≥ 0.1')).toEqual({ lo: 0.1, hi: Infinity });
    expect(parseBound('0.05 .. 0.5')).toEqual({ lo: 0.05, hi: 0.5 });
    expect(parseBound('-2 .. -1e-3')).toEqual({ lo: -2, hi: -0.001 });
    expect(parseBound('= 0')).toEqual({ lo: 0, hi: 0 });
    expect(parseBound('= head-to-tail')).toBeNull();
    expect(parseBound('')).toBeNull();
  });
});

describe('expectationScore', () => {
  it('is 1 for a pass and at most PARTIAL_MAX for a failure, more the closer it came', () => {
    expect(expectationScore({ pass: true, measured: 3, bound: '≤ 1' })).toBe(1);
    expect(expectationScore({ pass: false, measured: null, bound: '≤ 1500' })).toBe(0);
    expect(expectationScore({ pass: false, measured: 'unclear', bound: '= head-to-tail' })).toBe(0);
    const near = expectationScore({ pass: false, measured: 0.09, bound: '0.1 .. 0.3' });
    const far = expectationScore({ pass: false, measured: 0, bound: '0.1 .. 0.3' });
    const beyond = expectationScore({ pass: false, measured: 0.6, bound: '0.1 .. 0.3' });
    expect(near).toBeGreaterThan(far);
    expect(near).toBeLessThan(PARTIAL_MAX);
    expect(beyond).toBeCloseTo(PARTIAL_MAX / 2, 12);
    expect(expectationScore({ pass: false, measured: 2, bound: '= 0' })).toBeCloseTo(PARTIAL_MAX / 3, 12);
    // A bound of 0 takes its scale from the other bound: 0.05 above 0 .. 0.1 is half a range away.
    expect(expectationScore({ pass: false, measured: -0.05, bound: '0 .. 0.1' })).toBeCloseTo(PARTIAL_MAX / 1.5, 12);
    // Far from the bound there is still a slope.
    expect(expectationScore({ pass: false, measured: 10, bound: '≤ -0.02' })).toBeGreaterThan(
      expectationScore({ pass: false, measured: 20, bound: '≤ -0.02' }),
    );
  });

  it('falls as the measured value moves away from the bound (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        (b, d, more) => {
          const a = expectationScore({ pass: false, measured: b + d, bound: `≤ ${b}` });
          const c = expectationScore({ pass: false, measured: b + d + more, bound: `≤ ${b}` });
          expect(a).toBeGreaterThanOrEqual(c);
          expect(a).toBeLessThanOrEqual(PARTIAL_MAX);
          expect(c).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('combine', () => {
  const run = (score: number, extra: Partial<RunScore> = {}): RunScore => ({
    score,
    pass: score === 1,
    unstable: false,
    expectations: [],
    simMs: 1000,
    ...extra,
  });

  it('averages over seeds, weights the scenarios, and charges links', () => {
    // Two scenarios × two seeds, ordered scenario-major as genomeJobs lists them.
    const runs = [run(1), run(0.5), run(0), run(-1, { unstable: true })];
    const f = combine(runs, [3, 1], 2, 4, 0.01);
    expect(f.perScenario).toEqual([0.75, -0.5]);
    expect(f.fitness).toBeCloseTo((3 * 0.75 + 1 * -0.5) / 4 - 0.04, 12);
    expect(f).toMatchObject({ passed: 1, runs: 4, unstable: 1, simMs: 4000 });
  });
});
