import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Network } from '../neural/network';
import { ProprioceptionController } from './proprioception';
import { SkinController } from './skin';
import { type Transduction, TRANSDUCTION_REVERSAL } from './transduction';

const REST = -65;
const conductance = (matchMv = REST): Transduction => ({ mode: 'conductance', ...reversals, matchMv });
const reversals = { excitatoryMv: TRANSDUCTION_REVERSAL.excitatoryMv, inhibitoryMv: TRANSDUCTION_REVERSAL.inhibitoryMv };

/** One graded neuron (linear: gKNs 0, so nothing but the transduction can bound it) fed by a stretch receptor. */
function stretchedNeuron(t: Transduction | undefined, params: Record<string, number> = {}) {
  const net = Network.fromSpec(
    { neurons: [{ id: 'DB', model: 'graded', params: { gKNs: 0, restMv: REST, ...params }, init: {} }], synapses: [] },
    { inputConductance: t?.mode === 'conductance' },
  );
  const p = new ProprioceptionController([{ neuron: 0, at: 0.5, side: 'left', gain: 1, ...(t ? { transduction: t } : {}) }], 11, 1);
  const curvature = new Float64Array(9);
  /** Holds the body bent by kappa for ms, returns the V trace. */
  const run = (kappa: number, ms: number, dt = 1): number[] => {
    curvature[4] = kappa;
    const trace: number[] = [];
    for (let t = 0; t < ms; t += dt) {
      net.input.fill(0);
      net.inputConductance.fill(0);
      p.apply(net.input, net.inputConductance, curvature);
      net.step(dt);
      trace.push(net.v[0]);
    }
    return trace;
  };
  return { net, run };
}

describe('sensory transduction bounded by reversal potentials', () => {
  it('a huge stretch takes a current-transduced neuron far past any reversal (why the bound is needed)', () => {
    const { run } = stretchedNeuron(undefined);
    expect(Math.min(...run(-1e4, 200))).toBeLessThan(-1000);
    expect(Math.max(...run(1e4, 200))).toBeGreaterThan(1000);
  });

  it('a huge stretch cannot take a conductance-transduced neuron below the inhibitory or above the excitatory reversal', () => {
    const { run } = stretchedNeuron(conductance());
    const down = run(-1e4, 200);
    expect(Math.min(...down)).toBeGreaterThanOrEqual(TRANSDUCTION_REVERSAL.inhibitoryMv - 1e-9);
    expect(down.at(-1)).toBeCloseTo(TRANSDUCTION_REVERSAL.inhibitoryMv, 1); // it does get there
    const up = run(1e4, 200);
    expect(Math.max(...up)).toBeLessThanOrEqual(TRANSDUCTION_REVERSAL.excitatoryMv + 1e-9);
    expect(up.at(-1)).toBeCloseTo(TRANSDUCTION_REVERSAL.excitatoryMv, 1);
  });

  it('a huge touch cannot take its neuron above the excitatory reversal', () => {
    const net = Network.fromSpec({ neurons: [{ id: 'ALM', model: 'graded', params: { gKNs: 0 }, init: {} }], synapses: [] }, { inputConductance: true });
    const skin = new SkinController([{ neuron: 0, from: 0, to: 0.3, kind: 'gentle', side: 'both', gain: 1000, transduction: conductance() }], [], ['ALM']);
    skin.touchAt(0.1, 'both', 'gentle', 1, 'poke');
    let top = -Infinity;
    for (let t = 0; t < 300; t++) {
      net.input.fill(0);
      net.inputConductance.fill(0);
      skin.apply(net.input, net.inputConductance, 1);
      net.step(1);
      top = Math.max(top, net.v[0]);
    }
    expect(top).toBeGreaterThan(-5); // driven hard ...
    expect(top).toBeLessThanOrEqual(TRANSDUCTION_REVERSAL.excitatoryMv + 1e-9); // ... and stopped at the reversal
  });

  it('a small stretch matches the linear current near rest to first order', () => {
    const settle = (t: Transduction | undefined, kappa: number) => stretchedNeuron(t).run(kappa, 300).at(-1)! - REST;
    for (const kappa of [0.05, -0.05, 0.2, -0.2]) {
      const linear = settle(undefined, kappa);
      const bounded = settle(conductance(), kappa);
      // Steady state x·R/(1 + g·R), g = |x|/D, against x·R: they differ by at most (x·R)²/D, second order in the drive.
      const D = Math.abs((kappa > 0 ? TRANSDUCTION_REVERSAL.excitatoryMv : TRANSDUCTION_REVERSAL.inhibitoryMv) - REST);
      expect(Math.sign(bounded)).toBe(Math.sign(linear));
      expect(Math.abs(bounded - linear)).toBeLessThanOrEqual(linear ** 2 / D + 1e-9);
      expect(Math.abs(bounded - linear)).toBeGreaterThan(0); // not the same thing: the bound acts
    }
    // Halving the drive quarters the departure (near 4: second order).
    const dev = (kappa: number) => Math.abs(settle(conductance(), kappa) - settle(undefined, kappa));
    expect(dev(-0.1) / dev(-0.05)).toBeGreaterThan(3.5);
  });

  it('a current-transduced binding leaves the external conductance untouched (old circuits unchanged)', () => {
    const p = new ProprioceptionController([{ neuron: 0, at: 0.5, side: 'left', gain: 2 }], 11, 1);
    const input = new Float64Array(1);
    const g = new Float64Array(1);
    const curvature = new Float64Array(9);
    curvature[4] = 3;
    p.apply(input, g, curvature);
    expect([input[0], g[0], p.conducting]).toEqual([6, 0, false]);
  });

  it('property: any drive sequence, neuron and step keeps V between the reversals, the rest and the start', () => {
    fc.assert(
      fc.property(
        fc.record({
          drives: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
          rest: fc.double({ min: -90, max: 10, noNaN: true }),
          tauMs: fc.double({ min: 0.5, max: 500, noNaN: true }),
          capacitance: fc.double({ min: 0.05, max: 50, noNaN: true }),
          dt: fc.constantFrom(0.1, 0.5, 1, 5, 20),
          inhibitoryMv: fc.double({ min: -100, max: -50, noNaN: true }),
          excitatoryMv: fc.double({ min: -20, max: 40, noNaN: true }),
        }),
        ({ drives, rest, tauMs, capacitance, dt, inhibitoryMv, excitatoryMv }) => {
          const t: Transduction = { mode: 'conductance', excitatoryMv, inhibitoryMv, matchMv: rest };
          const { net, run } = stretchedNeuron(t, { restMv: rest, tauMs, capacitance });
          const lo = Math.min(inhibitoryMv, rest, net.v[0]) - 1e-6;
          const hi = Math.max(excitatoryMv, rest, net.v[0]) + 1e-6;
          for (const x of drives) {
            for (const v of run(x, 3 * dt, dt)) if (!(v >= lo && v <= hi)) return false;
          }
          return true;
        },
      ),
    );
  });
});
