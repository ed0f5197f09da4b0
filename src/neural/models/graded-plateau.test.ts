/**
 * The graded model's persistent inward (plateau) current: the published form
 * of a bistable motor neuron (Boyle, Berri & Cohen 2012: B-units that hold the
 * side they switched to until their input flips them), its hysteresis, its
 * release through inactivation, and that a neuron without it steps as before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveNeuronParams } from '../params';
import { gradedModel, gradedSteadyCurrent } from './graded';

/** A motor neuron like the locomotion core's B-units (τ 10 ms, 20 GΩ, rest −76 mV) with the K⁺ rectifier. */
const UNIT = { capacitance: 0.5, tauMs: 10, restMv: -76, vHalfMv: -44.8, slopeMv: 6.3 };
/** A plateau strong enough to fold the I–V: up near −33 mV, down at rest, threshold near −49 mV. */
const PLATEAU = { plateauNs: 0.06, plateauHalfMv: -45, plateauSlopeMv: 4, plateauEMv: 50 };

function population(...neurons: Record<string, number>[]) {
  return gradedModel.createPopulation(
    neurons.map((params, i) => resolveNeuronParams(gradedModel, { id: `n${i}`, model: 'graded', params, init: { v: -76 } }, 'test')),
  );
}

/** Runs one neuron under a current protocol (pA per step at dt 0.5 ms) and returns V after each step. */
function trace(params: Record<string, number>, currentAt: (t: number) => number, ms: number): number[] {
  const pop = population(params);
  const I = new Float64Array(1);
  const out: number[] = [];
  for (let t = 0; t < ms; t += 0.5) {
    I[0] = currentAt(t);
    pop.step(0.5, I);
    out.push(pop.v[0]);
  }
  return out;
}
const at = (v: number[], ms: number) => v[Math.round(ms / 0.5) - 1];
const pulse = (from: number, to: number, pa: number) => (t: number) => (t >= from && t < to ? pa : 0);

describe('graded model: plateau current', () => {
  it('folds the steady-state I–V (a range of V where holding it needs less current as V rises): bistable', () => {
    const p = resolveNeuronParams(gradedModel, { id: 'x', model: 'graded', params: { ...UNIT, ...PLATEAU } }, 'test').params as never;
    const slope = (v: number) => gradedSteadyCurrent(p, v + 0.5) - gradedSteadyCurrent(p, v - 0.5);
    const negative = Array.from({ length: 60 }, (_, k) => -70 + k).filter((v) => slope(v) < 0);
    expect(negative.length).toBeGreaterThan(5);
    const plain = resolveNeuronParams(gradedModel, { id: 'x', model: 'graded', params: UNIT }, 'test').params as never;
    for (let v = -90; v < 30; v++) expect(gradedSteadyCurrent(plain, v + 0.5)).toBeGreaterThan(gradedSteadyCurrent(plain, v - 0.5));
  });

  it('a brief depolarising pulse switches it up and it stays up; a hyperpolarising one switches it down', () => {
    const v = trace({ ...UNIT, ...PLATEAU }, (t) => pulse(20, 40, 3)(t) + pulse(300, 320, -6)(t), 600);
    expect(at(v, 15)).toBeLessThan(-70);
    expect(at(v, 290)).toBeGreaterThan(-45); // 250 ms after the pulse ended
    expect(at(v, 290)).toBeLessThan(0);
    expect(at(v, 600)).toBeLessThan(-70);
    // Without the plateau the same pulse leaves nothing behind.
    const plain = trace(UNIT, pulse(20, 40, 3), 300);
    expect(Math.abs(at(plain, 290) - at(plain, 15))).toBeLessThan(0.05);
  });

  it('shows hysteresis: it switches up at a higher held current than it switches down', () => {
    // A slow ramp −3 → 3 → −3 pA over 4 s; the switch is where V crosses −50 mV.
    const ramp = (t: number) => (t < 2000 ? -3 + (6 * t) / 2000 : 3 - (6 * (t - 2000)) / 2000);
    const v = trace({ ...UNIT, ...PLATEAU }, ramp, 4000);
    const up = v.findIndex((x) => x > -50);
    const down = v.findIndex((x, k) => k > 4000 && x < -50);
    expect(up).toBeGreaterThan(0);
    expect(down).toBeGreaterThan(0);
    const upPa = ramp(up * 0.5);
    const downPa = ramp(down * 0.5);
    expect(upPa - downPa).toBeGreaterThan(1);
    // Without the plateau the crossings sit at the same current (within the membrane's lag, τ 10 ms ≈ 0.015 pA of ramp).
    const w = trace(UNIT, ramp, 4000);
    const wUp = ramp(w.findIndex((x) => x > -50) * 0.5);
    const wDown = ramp(w.findIndex((x, k) => k > 4000 && x < -50) * 0.5);
    expect(Math.abs(wUp - wDown)).toBeLessThan(0.05);
  });

  it('lets go through its inactivation after about τh, and recovers while down', () => {
    const inact = { ...UNIT, ...PLATEAU, plateauInactMs: 300 };
    const v = trace(inact, pulse(20, 40, 3), 3000);
    expect(at(v, 100)).toBeGreaterThan(-45); // up
    const release = v.findIndex((x, k) => k > 200 && x < -60) * 0.5;
    expect(release).toBeGreaterThan(150);
    expect(release).toBeLessThan(1500);
    // Without inactivation it holds for the whole 3 s.
    expect(at(trace({ ...UNIT, ...PLATEAU }, pulse(20, 40, 3), 3000), 3000)).toBeGreaterThan(-45);
    // Recovered: a second pulse 2 s after release switches it up again.
    const twice = trace(inact, (t) => pulse(20, 40, 3)(t) + pulse(release + 2000, release + 2020, 3)(t), release + 2200);
    expect(at(twice, release + 2150)).toBeGreaterThan(-45);
  });

  it('a neuron without a plateau steps bit for bit as it did, beside one with a plateau', () => {
    fc.assert(
      fc.property(
        fc.record({
          tauMs: fc.double({ min: 2, max: 50, noNaN: true }),
          restMv: fc.double({ min: -80, max: -40, noNaN: true }),
          gKNs: fc.double({ min: 0, max: 2, noNaN: true }),
          tonicPa: fc.double({ min: -2, max: 2, noNaN: true }),
        }),
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 50, maxLength: 50 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (params, currents, conductance) => {
          const alone = population(params);
          const beside = population(params, { ...UNIT, ...PLATEAU, plateauInactMs: 100 });
          const g1 = new Float64Array([conductance]);
          const g2 = new Float64Array([conductance, 0.2]);
          for (const c of currents) {
            alone.step(0.5, new Float64Array([c]), g1);
            beside.step(0.5, new Float64Array([c, 2]), g2);
            expect(beside.v[0]).toBe(alone.v[0]);
            expect(beside.output[0]).toBe(alone.output[0]);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps V between the lowest and highest reversal potentials for any input it can get', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 100, maxLength: 100 }), (currents) => {
        const pop = population({ ...UNIT, ...PLATEAU, plateauNs: 5, plateauInactMs: 50 });
        for (const c of currents) {
          pop.step(0.5, new Float64Array([0]), new Float64Array([Math.abs(c)]));
          expect(pop.v[0]).toBeGreaterThanOrEqual(-80);
          expect(pop.v[0]).toBeLessThanOrEqual(50);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('rejects a plateau outside its range, naming the field and the range', () => {
    expect(() => resolveNeuronParams(gradedModel, { id: 'DB1', model: 'graded', params: { plateauInactMs: -1 } }, 'worm.json neurons[3]')).toThrow(
      /plateauInactMs.*0.*100000/s,
    );
    expect(() => resolveNeuronParams(gradedModel, { id: 'DB1', model: 'graded', params: { plateauNs: 500 } }, 'here')).toThrow(/plateauNs/);
  });
});
