import { describe, expect, it } from 'vitest';
import { circuitFromDoc } from '../circuits';
import type { TransductionFields } from '../circuits/types';
import { Simulation } from './simulation';

/** A graded touch cell and a graded stretch cell (linear membranes: only the transduction can bound them), huge gains. */
function sensedWorm(t: TransductionFields) {
  const graded = (id: string) => ({ id, model: 'graded' as const, role: 'sensory' as const, params: { gKNs: 0, restMv: -65 } });
  return circuitFromDoc(
    {
      format: 'neuroworm-circuit',
      version: 2,
      name: 'sensed',
      neurons: [graded('ALM'), graded('DVA')],
      sensors: [
        { neuron: 'ALM', sensor: 'touch', from: 0, to: 0.5, kind: 'gentle', gain: 500, ...t },
        { neuron: 'DVA', sensor: 'stretch', at: 0.5, side: 'left', gain: 5000, ...t },
      ],
    },
    'sensed.json',
  );
}

/** The range of both neurons' V over a run with a poke and a bent body (a poke bends it). */
function vRange(t: TransductionFields): [number, number] {
  const sim = new Simulation({ circuit: sensedWorm(t), neuralNoisePa: 0, seed: 3 });
  let lo = Infinity;
  let hi = -Infinity;
  sim.telemetry$.subscribe((f) => {
    for (const v of f.v) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  });
  sim.run(100);
  sim.poke(0.2, { side: 'left', kind: 'gentle' });
  sim.run(1500);
  sim.poke(0.45, { side: 'right', kind: 'gentle' });
  sim.run(1500);
  return [lo, hi];
}

describe('Simulation: sensor transduction', () => {
  it('current transduction (the default) lets a huge touch or stretch take V far outside physiology', () => {
    const [lo, hi] = vRange({});
    expect(Math.max(hi, -lo)).toBeGreaterThan(200);
  });

  it('conductance transduction keeps every V between the inhibitory and excitatory reversals', () => {
    const [lo, hi] = vRange({ transduction: 'conductance' });
    expect(lo).toBeGreaterThanOrEqual(-75 - 1e-9);
    expect(hi).toBeLessThanOrEqual(0 + 1e-9);
    expect(hi).toBeGreaterThan(-30); // and it was driven hard
  });

  it('the conductance passes gain × signal at the matching potential: matched higher, a depolarising touch moves V further from rest', () => {
    const peak = (t: TransductionFields) => {
      const sim = new Simulation({ circuit: sensedWorm(t), neuralNoisePa: 0, seed: 3 });
      const alm = sim.neuronIds.indexOf('ALM');
      let hi = -Infinity;
      sim.telemetry$.subscribe((f) => (hi = Math.max(hi, f.v[alm])));
      sim.poke(0.2, { side: 'left', kind: 'gentle', force: 0.0005 });
      sim.run(300);
      return hi + 65;
    };
    // g = x/|0 − matchMv|: matched at −32.5 mV the conductance is twice the one matched at rest (−65 mV).
    const atRest = peak({ transduction: 'conductance' });
    const higher = peak({ transduction: 'conductance', matchMv: -32.5 });
    expect(atRest).toBeGreaterThan(0.5);
    expect(higher / atRest).toBeGreaterThan(1.8);
    expect(higher / atRest).toBeLessThan(2.05);
  });

  it("conductance transduction honours a binding's own reversal potentials", () => {
    const [lo, hi] = vRange({ transduction: 'conductance', excitatoryReversalMv: -20, inhibitoryReversalMv: -70 });
    expect(lo).toBeGreaterThanOrEqual(-70 - 1e-9);
    expect(hi).toBeLessThanOrEqual(-20 + 1e-9);
  });
});
