/**
 * Conductance-based synapses on the body (issue 14 §1), on circuits built in
 * the test with the conversion helper or the generator's option
 * (`buildWorm({ membrane: 'conductance' })`; the shipped builtins stay
 * current-based until the default worm is switched):
 * touch-withdrawal keeps its reflexes, and the whole default worm, driven by
 * random pokes, taps, food and heat, keeps the V of every neuron its synapses
 * drive in [−90, +40] mV (the current-based worm reaches about −665 mV).
 *
 * With its senses and modulator receptors converted too (sensory and stretch
 * transduction and DOP-3/MOD-1 as conductances, `transduction: true`), every
 * neuron stays in range, the sensory cells, stretch receptors and the cells
 * that read dopamine and serotonin included, hungry or fed; converted with current
 * transduction, the senses' gains (up to ±600 pA per unit of concentration
 * difference in the chemosensory pair) run a linear sensory cell to about
 * −340 .. +320 mV under a food drop at the nose.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildChoiceWorm, buildLearningWorm, buildWorm } from '../../src/circuits/builtin/generate';
import { getBuiltinCircuit } from '../../src/circuits/builtin/index';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { toConductanceCircuit } from '../../src/circuits/convert';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import type { BehaviourEvent } from '../../src/streams/types';
import type { Arena } from '../../src/world';
import { parseArena } from '../../src/world/parse';
import { SEEDS, travel } from './measure';

function conductanceVersion(name: string, transduction = false): Circuit {
  const { doc, network } = getBuiltinCircuit(name);
  return circuitFromDoc(toConductanceCircuit(doc, network, { transduction }), `${name} (conductance synapses${transduction ? ' and senses' : ''})`);
}

function worm(circuit: Circuit, seed: number): { sim: Simulation; events: BehaviourEvent[] } {
  const sim = createSimulation({ circuit, seed });
  const events: BehaviourEvent[] = [];
  sim.events$.subscribe((e) => events.push(e));
  return { sim, events };
}

describe('touch-withdrawal with conductance synapses', () => {
  const circuit = conductanceVersion('touch-withdrawal');

  it('every chemical synapse is conductance-based', () => {
    const chemical = circuit.network.synapses.filter((s) => s.kind === 'chemical');
    expect(chemical.length).toBeGreaterThan(20);
    expect(chemical.every((s) => s.model === 'conductance')).toBe(true);
  });

  it.each(SEEDS)('seed %i: crawls; an anterior gentle touch starts a reversal within 1.5 s that ends by itself', (seed) => {
    const { sim, events } = worm(circuit, seed);
    sim.run(5000);
    expect(travel(sim, 3000)).toBeGreaterThan(0.08);
    const t0 = sim.timeMs;
    sim.poke(0.05, { kind: 'gentle' });
    sim.run(1500);
    const start = events.find((e) => e.type === 'reversal-start' && e.timeMs >= t0);
    expect(start, 'a reversal starts').toBeDefined();
    expect(sim.behaviour().alongMmPerS).toBeLessThan(0);
    sim.run(8500);
    const end = events.find((e) => e.type === 'reversal-end' && e.timeMs > start!.timeMs);
    expect(end, 'the reversal ends by itself').toBeDefined();
    expect(sim.behaviour().direction).toBe('forward');
    expect(travel(sim, 3000)).toBeGreaterThan(0.03);
  });

  it('matched at rest instead of at the working point, the conversion is refused: the gait core rests its motor neurons below GABA’s reversal (why the midpoint is the default)', () => {
    const { doc, network } = getBuiltinCircuit('touch-withdrawal');
    // DB1 rests at −76 mV, under GABA's −75 mV: matched there, DD1 ⊣ DB1 would excite.
    expect(() => toConductanceCircuit(doc, network, { matchAt: 'rest' })).toThrow(
      /DD1 → DB1: at DB1's rest \(-76 mV\) a synapse reversing at -75 mV would excite/,
    );
  });

  /** Speed in the 4 s after a gentle touch at 0.9 body length, over the 4 s before it, and whether the touch started a reversal. */
  function posteriorGain(seed: number, ablate?: string): { gain: number; reversed: boolean } {
    const { sim, events } = worm(circuit, seed);
    if (ablate) sim.ablate(ablate);
    sim.run(5000);
    const before = travel(sim, 4000);
    sim.poke(0.9, { kind: 'gentle' });
    return { gain: travel(sim, 4000) / before, reversed: events.some((e) => e.type === 'reversal-start') };
  }

  // Weaker than the current-based worm's ×1.37–1.50 (seeds 1–5): matched at
  // the midpoint, PVC → AVB's drive shrinks as AVB climbs toward the synapse's
  // reversal, so the conversion gives ×1.03–1.12. The speed-up is still PLM's:
  // without PLM the same worm slows over the same window (×0.72–0.83).
  it.each(SEEDS)('seed %i: a posterior gentle touch speeds forward crawling up, through PLM', (seed) => {
    const intact = posteriorGain(seed);
    const noPlm = posteriorGain(seed, 'PLM');
    expect(intact.reversed).toBe(false);
    expect(intact.gain).toBeGreaterThan(1);
    expect(intact.gain - noPlm.gain).toBeGreaterThan(0.15);
  });
});

type Drive =
  | { kind: 'poke'; at: number; harsh: boolean }
  | { kind: 'tap'; force: number }
  | { kind: 'food'; dx: number; dy: number }
  | { kind: 'heat'; dx: number; dy: number; deltaC: number };

const drive: fc.Arbitrary<Drive> = fc.oneof(
  fc.record({ kind: fc.constant('poke' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), harsh: fc.boolean() }),
  fc.record({ kind: fc.constant('tap' as const), force: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('food' as const), dx: fc.double({ min: -3, max: 3, noNaN: true }), dy: fc.double({ min: -3, max: 3, noNaN: true }) }),
  fc.record({
    kind: fc.constant('heat' as const),
    dx: fc.double({ min: -3, max: 3, noNaN: true }),
    dy: fc.double({ min: -3, max: 3, noNaN: true }),
    deltaC: fc.double({ min: -5, max: 5, noNaN: true }),
  }),
);

/** Runs the drives, one every `gapMs`, and returns each neuron's lowest and highest V at any physics step. */
function vRange(sim: Simulation, drives: readonly Drive[], gapMs: number): { lo: Float64Array; hi: Float64Array } {
  const lo = new Float64Array(sim.network.size).fill(Infinity);
  const hi = new Float64Array(sim.network.size).fill(-Infinity);
  const run = (ms: number) => {
    const end = sim.timeMs + ms - 1e-9;
    while (sim.timeMs < end) {
      sim.step();
      const v = sim.network.v;
      for (let i = 0; i < v.length; i++) {
        if (v[i] < lo[i]) lo[i] = v[i];
        if (v[i] > hi[i]) hi[i] = v[i];
      }
    }
  };
  run(1000);
  for (const d of drives) {
    const [x, y] = sim.headPosition();
    if (d.kind === 'poke') sim.poke(d.at, { kind: d.harsh ? 'harsh' : 'gentle' });
    else if (d.kind === 'tap') sim.tapPlate(d.force);
    else if (d.kind === 'food') sim.dropFood(x + d.dx, y + d.dy);
    else sim.heatSpot(x + d.dx, y + d.dy, d.deltaC);
    run(gapMs);
  }
  return { lo, hi };
}

/**
 * Random pokes, taps, food and heat at random hunger (fast-check) keep every listed neuron's V in
 * [−90, +40] mV at every step, and the network is not silent (its V spans tens of mV).
 */
function holdsInRange(circuit: Circuit, neurons: readonly (readonly [string, number])[], numRuns: number, arena?: Arena): void {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 1000 }),
      fc.array(drive, { minLength: 3, maxLength: 8 }),
      fc.integer({ min: 200, max: 1500 }),
      fc.double({ min: 0, max: 2, noNaN: true }),
      (seed, drives, gapMs, hoursOffFood) => {
        const { lo, hi } = vRange(createSimulation({ circuit, seed, hoursOffFood, ...(arena && { arena }) }), drives, gapMs);
        for (const [id, i] of neurons) {
          expect(lo[i], id).toBeGreaterThanOrEqual(-90);
          expect(hi[i], id).toBeLessThanOrEqual(40);
        }
        expect(Math.max(...neurons.map(([, i]) => hi[i])) - Math.min(...neurons.map(([, i]) => lo[i]))).toBeGreaterThan(20);
      },
    ),
    { numRuns },
  );
}

describe('the default worm with conductance synapses, senses and receptors', () => {
  // The generator's conductance worm: its gait working point and its layers' conductance parameters (membrane.ts).
  const circuit = circuitFromDoc(buildWorm({ membrane: 'conductance' }), 'worm (conductance membrane)');
  const all = circuit.network.neurons.map((n, i) => [n.id, i] as const);
  const sensed = new Set((circuit.doc.sensors ?? []).map((b) => b.neuron));

  it('keeps the V of every neuron (sensory cells, stretch receptors and the cells with dopamine and serotonin receptors included) in [−90, +40] mV under random pokes, taps, food, heat and hunger', () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    for (const id of ['AVA', 'AVB', 'AVD', 'PVC', 'AIB', 'RIM', 'DD1', 'VD1', 'ALM', 'PLM', 'DB1', 'DB4', 'VB1', 'RMDD', 'NSM', 'CEPD'])
      expect(all.map(([n]) => n)).toContain(id);
    expect(sensed.has('DB1') && sensed.has('ALM')).toBe(true);
    const receptors = circuit.doc.receptors ?? [];
    expect(receptors.length).toBeGreaterThan(10);
    expect(receptors.every((r) => r.effect !== 'excitability' || r.reversalMv !== undefined)).toBe(true);
    holdsInRange(circuit, all, 12);
  });

  it('converted with current transduction, the sensed neurons leave the range (what the conductance senses fix)', () => {
    const current = circuitFromDoc(buildWorm({ membrane: 'current' }), 'worm (current membrane)');
    const synapsesOnly = circuitFromDoc(toConductanceCircuit(current.doc, current.network), 'worm (conductance synapses)');
    const sim = createSimulation({ circuit: synapsesOnly, seed: 1 });
    const drives: Drive[] = [
      { kind: 'food', dx: 0.3, dy: 0 },
      { kind: 'heat', dx: 0.5, dy: 0, deltaC: 5 },
      { kind: 'poke', at: 0.05, harsh: true },
    ];
    const { lo, hi } = vRange(sim, drives, 1500);
    // Indices of this circuit's own neurons: the conductance worm has seven body units to the current worm's six.
    const sensedIdx = sim.neuronIds.flatMap((id, i) => (sensed.has(id) ? [i] : []));
    expect(Math.min(...sensedIdx.map((i) => lo[i])) < -90 || Math.max(...sensedIdx.map((i) => hi[i])) > 40).toBe(true);
  });

  it('the current-based worm fails the same check (inhibition without a floor)', () => {
    const shipped = circuitFromDoc(buildWorm({ membrane: 'current' }), 'worm (current membrane)');
    const sim = createSimulation({ circuit: shipped, seed: 1 });
    const drives: Drive[] = [
      { kind: 'poke', at: 0.05, harsh: false },
      { kind: 'tap', force: 0.5 },
    ];
    const { lo } = vRange(sim, drives, 3000);
    expect(Math.min(...lo)).toBeLessThan(-300);
  });
});

/** A plate with a spot of each odour 1 mm to either side of the worm's start, so its odour cells read strong levels and differences across the nose. */
const odourPlate = (odours: readonly string[]): Arena =>
  parseArena({
    name: `${odours.join(' and ')} beside the worm`,
    plate: { shape: 'rect', size: [14, 10] },
    chemicals: { sources: odours.map((odour, k) => ({ at: [k % 2 === 0 ? 6 : 8, 5], radius: 0.3, emission: 0.2, odour })) },
    start: { at: [7, 5], headingDeg: -90 },
  });

// The learning and choice worms are the default worm plus a layer each (generate.ts); on conductances (membrane.ts,
// CONDUCTANCE_LAYERS.learning/choice) their odour cells read the two sides through one difference binding each.
describe.each([
  { name: 'learning', build: buildLearningWorm, odours: ['butanone'], own: ['AIA', 'RIAL', 'RIAR', 'RIC'] },
  { name: 'choice', build: buildChoiceWorm, odours: ['diacetyl', 'isoamyl-alcohol'], own: ['RIR', 'AIA', 'RIFL', 'RIFR', 'RIAL', 'RIAR'] },
])('the $name worm on conductances', ({ name, build, odours, own }) => {
  const circuit = circuitFromDoc(build({ membrane: 'conductance' }), `${name} worm (conductance membrane)`);
  const all = circuit.network.neurons.map((n, i) => [n.id, i] as const);
  const plate = odourPlate(odours);

  it('keeps the V of every neuron, its own odour cells included, in [−90, +40] mV under random pokes, taps, food, heat and hunger beside its odours', () => {
    for (const id of own) expect(all.map(([n]) => n)).toContain(id);
    expect(circuit.network.synapses.filter((s) => s.kind === 'chemical').every((s) => s.model === 'conductance')).toBe(true);
    holdsInRange(circuit, all, 6, plate);
  });

  it('its odour cells move (tens of mV) beside the odours, and the current-based worm takes them out of the range there', () => {
    const span = (c: Circuit) => {
      const sim = createSimulation({ circuit: c, arena: plate, seed: 1, hoursOffFood: 2 });
      const { lo, hi } = vRange(sim, [{ kind: 'tap', force: 0.5 }], 6000);
      const idx = own.map((id) => sim.neuronIds.indexOf(id));
      return { lo: Math.min(...idx.map((i) => lo[i])), hi: Math.max(...idx.map((i) => hi[i])) };
    };
    const conductance = span(circuit);
    expect(conductance.hi - conductance.lo).toBeGreaterThan(20);
    const current = span(circuitFromDoc(build({ membrane: 'current' }), `${name} worm (current membrane)`));
    expect(current.lo < -90 || current.hi > 40).toBe(true);
  });
});
