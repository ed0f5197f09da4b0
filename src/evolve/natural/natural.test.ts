import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getBuiltinCircuit } from '../../circuits/builtin';
import { buildWorm } from '../../circuits/builtin/generate';
import { circuitFromDoc } from '../../circuits/circuit';
import { circuitOf } from '../adapters';
import { rngFor } from '../seeds';
import { naturalConditions } from './conditions';
import { NATURAL_FREE, naturalRanges } from './genome-plan';
import { Generation } from './generation';
import { layoutPlate, START_CLEARANCE_MM } from './plate';
import { NaturalSelection } from './selection';

describe('natural selection conditions', () => {
  it('fills defaults and names every bad field with its range and the fix', () => {
    expect(naturalConditions().population).toBe(20);
    expect(() => naturalConditions({ population: 1, mutationRate: 2 })).toThrow(
      /population = 1 must be a whole number in 2\.\.60[\s\S]*mutationRate = 2 must be a number in 0\.\.1; fix/,
    );
    expect(() => naturalConditions({ foodPatches: 2.5 })).toThrow(/foodPatches = 2.5 must be a whole number/);
    expect(() => naturalConditions({ speed: 3 } as never)).toThrow(/unknown field "speed"/);
  });
});

describe('the plate', () => {
  it('starts every worm clear of food, heat and toxin, on the dish', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 20 }), (seed, food) => {
        const c = naturalConditions({ seed, foodPatches: food, heatSpots: 2, toxinPatches: 2, population: 10 });
        // The player's heat and toxin are always on the plate (food gives way when crowded).
        const { arena, starts } = layoutPlate(c, rngFor(seed, 0, 2));
        const R = c.plateMm / 2;
        expect(arena.hazards.length).toBe(2);
        expect(arena.temperature.spots.length).toBe(2);
        for (const s of starts) {
          expect(Math.hypot(s.xMm - R, s.yMm - R)).toBeLessThan(R);
          for (const f of arena.food) expect(Math.hypot(s.xMm - f.at[0], s.yMm - f.at[1])).toBeGreaterThanOrEqual(f.radius + START_CLEARANCE_MM - 1e-9);
          for (const h of arena.hazards)
            if (h.zone.type === 'circle')
              expect(Math.hypot(s.xMm - h.zone.at[0], s.yMm - h.zone.at[1])).toBeGreaterThanOrEqual(h.zone.radius + START_CLEARANCE_MM - 1e-9);
          for (const h of arena.temperature.spots)
            expect(Math.hypot(s.xMm - h.at[0], s.yMm - h.at[1])).toBeGreaterThan(0.6 * h.radius + START_CLEARANCE_MM - 1e-9);
        }
      }),
      { numRuns: 30 },
    );
  });
});

/** The worm circuit with its muscles unbound: neurons run, nothing moves the body. */
function silentCircuit() {
  const doc = structuredClone(getBuiltinCircuit('worm').doc);
  doc.muscles = [];
  return circuitOf(doc, 'silent worm');
}

describe('a generation on one plate', () => {
  it('a worm whose neurons drive no muscle never eats and stays where it started (no drift), on any plate', () => {
    const silent = silentCircuit();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const c = naturalConditions({ seed, population: 3, generationS: 3, plateMm: 12, foodPatches: 12 });
        const rng = rngFor(seed, 0, 2);
        const layout = layoutPlate(c, rng);
        const gen = new Generation(c, layout, [silent, silent, silent], [seed, seed + 1, seed + 2], rng);
        gen.run();
        for (const [i, w] of gen.worms.entries()) {
          expect(w.eaten).toBe(0);
          const [x, y] = w.sim.headPosition();
          expect(Math.hypot(x - layout.starts[i].xMm, y - layout.starts[i].yMm)).toBeLessThan(0.05);
        }
        expect(gen.world.food.every((f) => f.amount === 1)).toBe(true);
      }),
      { numRuns: 3 },
    );
  });

  it('shares one world: stepped once per tick (not once per worm), and food one worm eats is gone for all', () => {
    const c = naturalConditions({ seed: 3, population: 4, generationS: 1, foodPatches: 4 });
    const rng = rngFor(3, 0, 2);
    const layout = layoutPlate(c, rng);
    const worm = circuitOf(getBuiltinCircuit('worm').doc);
    const gen = new Generation(c, layout, [worm, worm, worm, worm], [1, 2, 3, 4], rng);
    gen.run(500);
    expect(gen.world.timeMs).toBe(500);
    for (const w of gen.worms) expect(w.sim.world).toBe(gen.world);
    // Put worm 0's nose on a patch: what it eats leaves the shared patch.
    const [x, y] = gen.worms[0].sim.headPosition();
    const patch = gen.world.addFood(x, y, 1, { radius: 0.3, eatRate: 0.1 });
    gen.run(500);
    expect(gen.worms[0].eaten).toBeGreaterThan(0);
    expect(patch.amount).toBeCloseTo(1 - gen.worms.reduce((a, w) => a + w.eaten, 0), 12);
  });

  it('a shared world with an arena as well is refused', () => {
    const c = naturalConditions({ population: 2 });
    const layout = layoutPlate(c, rngFor(1, 0, 2));
    const gen = new Generation(c, layout, [silentCircuit(), silentCircuit()], [1, 2], rngFor(1, 0, 2));
    expect(() => new (gen.worms[0].sim.constructor as never as new (o: object) => unknown)({ circuit: 'worm', arena: 'plate', world: gen.world })).toThrow(
      /an arena or a shared world, not both/,
    );
  });
});

describe('natural selection', () => {
  it('same conditions and seed → the same generations, bit for bit (eaten, poses, genomes)', () => {
    const run = () => {
      const ns = new NaturalSelection({ seed: 7, population: 4, generationS: 4, plateMm: 12, foodPatches: 10, predators: 1, heatSpots: 1, toxinPatches: 1 });
      const summaries = [ns.runGeneration(), ns.runGeneration()];
      ns.current.run(1000);
      return { summaries, genomes: ns.population, poses: ns.current.worms.map((w) => [...w.sim.telemetry().pose]) };
    };
    const a = run();
    expect(run()).toEqual(a);
    expect(a.summaries.map((s) => s.generation)).toEqual([0, 1]);
  });

  it('a different seed lays out another plate', () => {
    const a = new NaturalSelection({ seed: 1, population: 2, generationS: 5 });
    const b = new NaturalSelection({ seed: 2, population: 2, generationS: 5 });
    expect(a.current.world.food.map((f) => f.x)).not.toEqual(b.current.world.food.map((f) => f.x));
  });

  it("the champion's circuit is a valid circuit file with its origin in the name", () => {
    const ns = new NaturalSelection({ seed: 2, population: 3, generationS: 5, plateMm: 12, foodPatches: 14 });
    expect(ns.championDoc()).toBeNull();
    const s = ns.runGeneration();
    const doc = ns.championDoc()!;
    expect(doc.name).toMatch(/generation 1, ate/);
    expect(() => circuitOf(doc)).not.toThrow();
    expect(ns.champion!.eaten).toBe(s.best);
  });
});

describe('the genome plan on either membrane', () => {
  const current = circuitFromDoc(buildWorm({ membrane: 'current' }), 'worm (current)');
  const conductance = circuitFromDoc(buildWorm({ membrane: 'conductance' }), 'worm (conductance)');

  it('on the circuit the ranges were tuned on they are NATURAL_FREE exactly', () => {
    const r = naturalRanges(current, current);
    expect(r.free).toEqual(NATURAL_FREE);
    expect(r.newLink).toEqual([0.003, 3]);
  });

  it('on conductances each range moves with its hand-tuned value (nS, not pA): the value sits where it sat in its range', () => {
    const r = naturalRanges(conductance, current);
    // An entry's hand-tuned value is the mean weight of the synapses it sets (what its range is carried by); one of
    // them may move within it on conductances, as AFD → RIM does (45 mV of drive against the current worm's 100,
    // CONDUCTANCE_LAYERS.senses), so the mean is what must sit where it sat.
    const tuned = (c: typeof current, k: number) => {
      const e = NATURAL_FREE[k]!;
      if (e.what !== 'weight') throw new Error(`NATURAL_FREE[${k}] is not a weight entry`);
      const ws = c.network.synapses.filter((s) => s.kind === 'chemical' && e.from.includes(s.from) && e.to.includes(s.to)).map((s) => s.weight);
      expect(ws.length).toBeGreaterThan(0);
      return ws.reduce((a, b) => a + b, 0) / ws.length;
    };
    const at = (x: number, [lo, hi]: readonly [number, number]) => Math.log(x / lo) / Math.log(hi / lo);
    for (const k of [3, 4, 5, 6]) {
      expect(r.free[k].range[1]).toBeLessThan(NATURAL_FREE[k].range[1] / 5);
      expect(at(tuned(conductance, k), r.free[k].range)).toBeCloseTo(at(tuned(current, k), NATURAL_FREE[k].range), 1);
    }
    // AVB's tonic current is ×6 on the conductance worm (sized for its junctions): its range follows.
    const avb = (c: typeof current) => c.network.neurons.find((n) => n.id === 'AVB')!.params!.tonicPa as number;
    expect(r.free[0].range[0] / NATURAL_FREE[0].range[0]).toBeCloseTo(avb(conductance) / avb(current), 9);
    expect(r.newLink[1]).toBeLessThan(3 / 5);
    // Signs carry no unit.
    expect(r.free[1]).toBe(NATURAL_FREE[1]);
  });

  it('a base circuit without a tuned cell or synapse is refused, naming it and the fix', () => {
    const doc = structuredClone(current.doc);
    doc.synapses = (doc.synapses ?? []).filter((s) => !(s.to === 'RIM'));
    expect(() => naturalRanges(circuitFromDoc(doc, 'no RIM inputs'), current)).toThrow(
      /weight ASER,AFDL,AFDR,ADL,AWC → RIM has no hand-tuned value .*fix: give the base circuit/,
    );
  });
});
