import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getBuiltinCircuit } from '../circuits/builtin';
import { BODY_DEFAULTS } from '../body';
import { getModel } from '../neural/models';
import { resolveNeuronParams } from '../neural/params';
import { Rng } from '../neural/rng';
import { CLONE, drawIndividual, INDIVIDUAL_SPREAD, individualNetwork, type Individual, type Spread } from './individual';
import { createSimulation } from './simulation';

const spec = getBuiltinCircuit('touch-withdrawal').network;
const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Every drawn quantity within ±2 sd of its centre (the documented truncation). */
function withinSpread(ind: Individual): boolean {
  const ok = (x: number, s: Spread): boolean => Math.abs(x - (s.how === 'factor' ? 1 : 0)) <= 2 * s.sd + 1e-12;
  const s = INDIVIDUAL_SPREAD;
  if (!ok(ind.start.dxMm, s.startMm) || !ok(ind.start.dyMm, s.startMm) || !ok(ind.start.dHeadingRad, s.headingRad)) return false;
  if (!ok(ind.bodyLengthFactor, s.bodyLength) || !ok(ind.muscleForceFactor, s.muscleForce)) return false;
  for (const n of spec.neurons) {
    const vary = s.neurons[n.model] ?? {};
    const changed = ind.neurons.get(n.id) ?? {};
    for (const [name, sp] of Object.entries(vary)) {
      const base = resolveNeuronParams(getModel(n.model), n, n.id).params[name] as number;
      const d = sp.how === 'factor' ? changed[name] / base : changed[name] - base;
      if (!ok(d, sp)) return false;
    }
  }
  return true;
}

describe('individuals: a seed draws a whole worm', () => {
  it('the same seed draws the same individual, bit for bit; the draw is within the documented spread', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const a = drawIndividual(new Rng(seed), spec);
        const b = drawIndividual(new Rng(seed), spec);
        expect(b).toEqual(a);
        expect(withinSpread(a)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('different seeds differ in every varied quantity, each neuron on its own', () => {
    fc.assert(
      fc.property(seeds, seeds, (s1, s2) => {
        fc.pre(s1 !== s2);
        const a = drawIndividual(new Rng(s1), spec);
        const b = drawIndividual(new Rng(s2), spec);
        expect(a.bodyLengthFactor).not.toBe(b.bodyLengthFactor);
        expect(a.muscleForceFactor).not.toBe(b.muscleForceFactor);
        expect(a.start.dHeadingRad).not.toBe(b.start.dHeadingRad);
        expect(a.neurons.get('AVA')!.vHalfMv).not.toBe(b.neurons.get('AVA')!.vHalfMv);
        // Neurons are not varied in lockstep: two neurons of one worm get different draws.
        const base = (id: string): number => resolveNeuronParams(getModel('graded'), spec.neurons.find((n) => n.id === id)!, id).params.vHalfMv as number;
        expect(a.neurons.get('AVA')!.vHalfMv - base('AVA')).not.toBe(a.neurons.get('AVB')!.vHalfMv - base('AVB'));
      }),
      { numRuns: 20 },
    );
  });

  it('a population spreads like one: body lengths over 100 seeds have sd ≈ the documented 2.5 % (truncated), none beyond ±5 %', () => {
    const lengths = Array.from({ length: 100 }, (_, s) => drawIndividual(new Rng(s + 1), spec).bodyLengthFactor);
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    const sd = Math.sqrt(lengths.reduce((a, b) => a + (b - mean) ** 2, 0) / (lengths.length - 1));
    expect(Math.abs(mean - 1)).toBeLessThan(0.01);
    expect(sd).toBeGreaterThan(0.018);
    expect(sd).toBeLessThan(0.03);
    expect(Math.max(...lengths.map((l) => Math.abs(l - 1)))).toBeLessThanOrEqual(0.05);
  });

  it('the simulation builds the drawn worm: its body length, muscle force, neuron parameters and start', () => {
    const sim = createSimulation({ circuit: 'touch-withdrawal', seed: 11, individual: true });
    const ind = sim.individual;
    expect(ind).not.toBe(CLONE);
    expect(sim.bodyLengthMm).toBeCloseTo(BODY_DEFAULTS.lengthMm * ind.bodyLengthFactor, 12);
    const ava = sim.network.indexOf('AVA');
    expect(sim.network.paramsOf(ava).vHalfMv).toBe(ind.neurons.get('AVA')!.vHalfMv);
    // Placed where a clone of its length is placed, moved by its jitter (the head segment's centre sits
    // ~25 µm behind the nose tip, turned by the heading jitter: hence 2 decimals).
    const clone = createSimulation({ circuit: 'touch-withdrawal', seed: 11, body: { lengthMm: sim.bodyLengthMm } });
    const [x, y] = sim.headPosition();
    const [cx, cy] = clone.headPosition();
    expect(x - cx).toBeCloseTo(ind.start.dxMm, 2);
    expect(y - cy).toBeCloseTo(ind.start.dyMm, 2);
    expect(Math.abs(ind.start.dxMm) + Math.abs(ind.start.dyMm)).toBeGreaterThan(0.01);
    // The drawn parameters replace the circuit's in a copy; the circuit itself is untouched.
    expect(individualNetwork(spec, ind)).not.toBe(spec);
    expect(getBuiltinCircuit('touch-withdrawal').network.neurons.find((n) => n.id === 'AVA')!.params.vHalfMv).toBe(
      spec.neurons.find((n) => n.id === 'AVA')!.params.vHalfMv,
    );
  });

  it('the default is a clone: the same worm and, bit for bit, the same trajectory as before the option existed', () => {
    const a = createSimulation({ circuit: 'touch-withdrawal', seed: 3 });
    const b = createSimulation({ circuit: 'touch-withdrawal', seed: 3, individual: false });
    expect(a.individual).toBe(CLONE);
    expect(a.bodyLengthMm).toBe(BODY_DEFAULTS.lengthMm);
    expect(a.network.paramsOf(a.network.indexOf('AVA'))).toEqual(
      createSimulation({ circuit: 'touch-withdrawal', seed: 4 }).network.paramsOf(a.network.indexOf('AVA')),
    );
    for (const s of [a, b]) {
      s.run(500);
      s.poke(0.05, { kind: 'gentle' });
      s.run(500);
    }
    expect(Array.from(b.telemetry().pose)).toEqual(Array.from(a.telemetry().pose));
  });

  it('two runs of one individual are the same trajectory bit for bit; two individuals are not', () => {
    const run = (seed: number): number[] => {
      const s = createSimulation({ circuit: 'touch-withdrawal', seed, individual: true });
      s.run(1000);
      return Array.from(s.telemetry().pose);
    };
    expect(run(5)).toEqual(run(5));
    expect(run(6)).not.toEqual(run(5));
  });
});
