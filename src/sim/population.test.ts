import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { getBuiltinCircuit } from '../circuits/builtin';
import { checkPopulation, runPopulation, runPopulationWorm, type PopulationSpec, type WormTrajectory, withParsedCircuit } from './population';
import { PopulationPool, wormSlices } from './population-threads';

/** Every sample of every series equal bit for bit (Object.is: −0 and NaN count). */
function sameBits(a: readonly WormTrajectory[], b: readonly WormTrajectory[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((w, i) => {
    const v = b[i];
    const pairs: [Float64Array, Float64Array][] = [
      [w.times, v.times],
      ...Object.keys(w.series).map((k) => [w.series[k], v.series[k]] as [Float64Array, Float64Array]),
    ];
    return w.seed === v.seed && pairs.every(([x, y]) => y !== undefined && x.length === y.length && x.every((e, k) => Object.is(e, y[k])));
  });
}

const pools: PopulationPool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe('population', () => {
  it('worker threads give the one-thread trajectories bit for bit, for 1 and 2 workers and any seeds', async () => {
    const one = new PopulationPool({ workers: 1 });
    const two = new PopulationPool({ workers: 2 });
    pools.push(one, two);
    // The loaded Circuit object (crosses to the threads as its document's text).
    const circuit = getBuiltinCircuit('worm');
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 3, maxLength: 3 }), async (seeds) => {
        const spec: PopulationSpec = { circuit, worms: seeds.map((seed) => ({ seed })), durationMs: 1500, everyMs: 50 };
        const here = runPopulation(spec);
        // Not a silent worm: each one's nose moved, and two seeds are two different paths.
        for (const w of here) expect(Math.hypot(w.series.headX.at(-1)! - w.series.headX[0], w.series.headY.at(-1)! - w.series.headY[0])).toBeGreaterThan(0);
        expect(sameBits([here[0]], [{ ...here[1], seed: here[0].seed }])).toBe(false);
        expect(sameBits(await one.run(spec), here)).toBe(true);
        expect(sameBits(await two.run(spec), here)).toBe(true);
      }),
      { numRuns: 2 },
    );
  });

  it("a thread reuses a finished worm's network (reset) for the next clone: the same paths bit for bit as compiling each, clones and individuals, two circuits", () => {
    for (const circuit of ['worm', 'locomotion']) {
      for (const individual of [false, true]) {
        const spec = withParsedCircuit({ circuit, individual, worms: [5, 6, 5, 7].map((seed) => ({ seed })), durationMs: 1000, everyMs: 50 });
        const compiled = spec.worms.map((w) => runPopulationWorm(spec, w));
        const reused = runPopulation(spec);
        expect(sameBits(reused, compiled)).toBe(true);
        // The repeated seed repeats its path; another seed takes another.
        expect(sameBits([reused[2]], [reused[0]])).toBe(true);
        expect(sameBits([reused[1]], [{ ...reused[0], seed: 6 }])).toBe(false);
      }
    }
  });

  it('property: slices every worm once, in order, small enough that no worker is left with more than its share plus 1/32 of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 16 }), (n, workers) => {
        const slices = wormSlices(n, workers);
        expect(slices.flat()).toEqual(Array.from({ length: n }, (_, k) => k));
        // Tasks go to whichever worker is free: the last one can leave the others idle for at most one slice.
        const largest = Math.max(...slices.map((s) => s.length));
        expect(largest).toBeLessThanOrEqual(Math.max(1, n / workers / 32));
      }),
    );
    // 10 worms on 2 workers: 10 tasks of one worm (slices of 2 split 3:2 between the workers).
    expect(wormSlices(10, 2)).toHaveLength(10);
  });

  it('rejects a bad spec before any worm runs, naming the field and the range', async () => {
    const base: PopulationSpec = { circuit: 'worm', worms: [{ seed: 1 }], durationMs: 100 };
    expect(() => checkPopulation({ ...base, durationMs: 0 })).toThrow(/durationMs = 0 must be a finite number > 0/);
    expect(() => checkPopulation({ ...base, worms: [] })).toThrow(/worms must be a non-empty list/);
    expect(() => checkPopulation({ ...base, worms: [{ seed: Number.NaN }] })).toThrow(/worms\[0\]\.seed = NaN/);
    expect(() => checkPopulation({ ...base, record: ['nose' as never] })).toThrow(/record has "nose"; allowed: centroidX/);
    expect(() => new PopulationPool({ workers: 0 })).toThrow(/workers = 0 must be a whole number in 1\.\.256/);
  });
});
