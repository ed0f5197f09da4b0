import { describe, expect, it } from 'vitest';
import { BodyInstabilityError } from '../body';
import { circuitFromDoc } from '../circuits';
import type { MotorFrame, Stimulus } from '../streams/types';
import { parseArena } from '../world';
import { centroid } from './kinematics';
import { createSimulation, Simulation, SimulationInstabilityError, type SimOptions } from './simulation';
import { TOUCH_NEURONS, TOUCH_SENSORS, touchCircuit, waveCircuit } from './test-circuits';

function collect<T>(sim: Simulation, pick: (s: Simulation) => { subscribe(f: (x: T) => void): unknown }): T[] {
  const out: T[] = [];
  pick(sim).subscribe((x) => out.push(x));
  return out;
}

describe('touch and contacts on stimuli$', () => {
  it('an anterior poke reaches the anterior receptor (ALM) only; a posterior one PLM; a harsh one PVD too', () => {
    const sim = new Simulation({ circuit: touchCircuit(), neuralNoisePa: 0 });
    const stimuli = collect<Stimulus>(sim, (s) => s.stimuli$);
    sim.poke(0.1);
    expect(stimuli).toEqual([]); // stimuli go out with the next tick's batch
    sim.step();
    expect(stimuli).toEqual([{ type: 'touch', position: 0.1, side: 'both', kind: 'gentle', force: 0.4, source: 'poke', neurons: ['ALM'] }]);
    sim.poke(0.9, { side: 'left' });
    sim.poke(0.8, { kind: 'harsh' });
    sim.step();
    expect(stimuli.slice(1).map((s) => s.type === 'touch' && [s.position, s.side, s.kind, s.neurons])).toEqual([
      [0.9, 'left', 'gentle', ['PLM']],
      [0.8, 'both', 'harsh', ['PLM', 'PVD']],
    ]);
  });

  it('the poked receptor neuron depolarises, the others stay at rest', () => {
    const sim = new Simulation({ circuit: touchCircuit(), neuralNoisePa: 0 });
    const [alm, plm, pvd] = ['ALM', 'PLM', 'PVD'].map((id) => sim.neuronIds.indexOf(id));
    sim.poke(0.2);
    sim.run(50);
    const v = sim.telemetry().v;
    expect(v[alm]).toBeGreaterThan(-60); // gain 2 × force 0.4 = 0.8 pA × 20 mV/pA, adapting
    // The others only relax from their initial −65 mV toward rest (−70), untouched.
    expect(v[plm]).toBeLessThan(-69.5);
    expect(v[pvd]).toBe(v[plm]);
  });

  it('a poke at a world point on the body touches it there; off the body it returns null and nothing is felt', () => {
    const sim = new Simulation({ circuit: touchCircuit(), neuralNoisePa: 0 });
    const stimuli = collect<Stimulus>(sim, (s) => s.stimuli$);
    const pose = sim.telemetry().pose;
    const at = sim.poke({ xMm: pose[2], yMm: pose[3] })?.position; // centre of segment 1, near the nose
    expect(at).toBeDefined();
    expect(at!).toBeGreaterThan(0.05);
    expect(at!).toBeLessThan(0.1);
    expect(sim.poke({ xMm: pose[0] + 3, yMm: pose[1] + 3 })).toBeNull();
    sim.step();
    expect(stimuli).toHaveLength(1);
    expect(stimuli[0]).toMatchObject({ type: 'touch', source: 'poke', neurons: ['ALM'] });
  });

  it('a plate tap reaches every gentle receptor, not the harsh one', () => {
    const sim = new Simulation({ circuit: touchCircuit(), neuralNoisePa: 0 });
    const stimuli = collect<Stimulus>(sim, (s) => s.stimuli$);
    sim.tapPlate(0.5);
    sim.step();
    expect(stimuli).toEqual([{ type: 'plate-tap', force: 0.5, neurons: ['ALM', 'PLM'] }]);
  });

  // Body centred at (3, 3) heading +x: the nose is at x = 3.5; the wall's or post's face 0.1 mm ahead of it.
  it.each([
    ['wall', { walls: [{ type: 'segment', from: [3.65, 1], to: [3.65, 5], thickness: 0.1 }] }],
    ['post', { obstacles: [{ type: 'circle', id: 'post', at: [3.9, 3], radius: 0.3 }] }],
  ])('crawling nose-first into a %s is a contact stimulus on the anterior receptor', (_, things) => {
    const arena = parseArena({ version: 1, name: 'bump', plate: { shape: 'dish', diameter: 6 }, ...things, start: { at: [3, 3], headingDeg: 0 } });
    const circuit = waveCircuit({ direction: 'head-to-tail', extraNeurons: TOUCH_NEURONS, sensors: TOUCH_SENSORS });
    const sim = new Simulation({ circuit, arena, neuralNoisePa: 0 });
    const stimuli = collect<Stimulus>(sim, (s) => s.stimuli$);
    for (let k = 0; k < 1500 && stimuli.length === 0; k++) sim.step();
    expect(stimuli.length).toBeGreaterThan(0);
    const first = stimuli[0];
    expect(first).toMatchObject({ type: 'touch', source: 'contact', kind: 'gentle', neurons: ['ALM'] });
    expect(first.type === 'touch' && first.position).toBeLessThan(0.2);
  });
});

describe('spiking circuits', () => {
  it("an all-LIF reflex (the engine's fused path, whose output is computed when read) drives its muscles from a head poke", () => {
    const lif = (id: string, role: 'sensory' | 'motor') => ({
      id,
      model: 'lif',
      role,
      transmitter: 'acetylcholine',
      params: { resistance: 40, refractoryMs: 2 },
    });
    const circuit = circuitFromDoc(
      {
        format: 'neuroworm-circuit',
        version: 1,
        name: 'spiking reflex',
        neurons: [lif('ALM', 'sensory'), lif('M', 'motor')],
        synapses: [{ kind: 'chemical', from: 'ALM', to: 'M', weight: 4 }],
        sensors: [{ neuron: 'ALM', sensor: 'touch', from: 0, to: 0.5, kind: 'gentle', gain: 2 }],
        muscles: [{ neuron: 'M', side: 'left', from: 0, to: 0.5, gain: 1 }],
      },
      'spiking-reflex.json',
    );
    const sim = new Simulation({ circuit, neuralNoisePa: 0 });
    const m = sim.neuronIds.indexOf('M');
    sim.run(200);
    expect(sim.telemetry().output[m]).toBe(0); // nothing fires untouched
    let spikes = 0;
    sim.telemetry$.subscribe((f) => (spikes += f.spiked[m]));
    sim.poke(0.1);
    sim.run(300);
    const { output, muscles } = sim.telemetry();
    expect(spikes).toBeGreaterThan(0);
    expect(output[m]).toBeGreaterThan(0); // the rate trace of its spikes, fresh in the frame
    const segments = muscles.length / 2;
    expect(Math.max(...muscles.subarray(0, segments / 2))).toBeGreaterThan(0.02); // left, front half
    expect(Math.max(...muscles.subarray(segments))).toBe(0); // right: no binding
  });
});

describe('determinism', () => {
  const actions = (sim: Simulation) => {
    for (let k = 0; k < 300; k++) {
      if (k === 40) sim.poke(0.15, { kind: 'harsh' });
      if (k === 120) sim.tapPlate(0.7);
      sim.step();
    }
  };
  const opts = (): SimOptions => ({ circuit: waveCircuit({ direction: 'head-to-tail', extraNeurons: TOUCH_NEURONS, sensors: TOUCH_SENSORS }), seed: 11 });

  it('same options and actions: bit-identical pose, V and muscles', () => {
    const a = new Simulation(opts());
    const b = new Simulation(opts());
    actions(a);
    actions(b);
    const ta = a.telemetry();
    const tb = b.telemetry();
    expect(tb.timeMs).toBe(ta.timeMs);
    expect(Buffer.from(tb.pose.buffer)).toEqual(Buffer.from(ta.pose.buffer));
    expect(Buffer.from(tb.v.buffer)).toEqual(Buffer.from(ta.v.buffer));
    expect(Buffer.from(tb.muscles.buffer)).toEqual(Buffer.from(ta.muscles.buffer));
  });

  it('another seed is another worm (the neural noise differs), and noise 0 makes the seed irrelevant', () => {
    const a = new Simulation(opts());
    const c = new Simulation({ ...opts(), seed: 12 });
    actions(a);
    actions(c);
    expect(Buffer.from(c.telemetry().v.buffer)).not.toEqual(Buffer.from(a.telemetry().v.buffer));
    expect(Buffer.from(c.telemetry().pose.buffer)).not.toEqual(Buffer.from(a.telemetry().pose.buffer));
    const q1 = new Simulation({ ...opts(), neuralNoisePa: 0 });
    const q2 = new Simulation({ ...opts(), seed: 99, neuralNoisePa: 0 });
    actions(q1);
    actions(q2);
    expect(Buffer.from(q2.telemetry().pose.buffer)).toEqual(Buffer.from(q1.telemetry().pose.buffer));
  });
});

describe('clock and streams', () => {
  it('telemetry$ and motor$ emit one frame per step, stamped with the step end; run(ms) runs whole steps', () => {
    const sim = new Simulation({ circuit: touchCircuit(), physicsStepMs: 10, neuralStepMs: 0.5 });
    const times: number[] = [];
    const motor: number[] = [];
    sim.telemetry$.subscribe((t) => times.push(t.timeMs));
    sim.motor$.subscribe((m: MotorFrame) => motor.push(m.timeMs));
    sim.step();
    sim.run(25); // 25 ms = 2.5 steps: at least 25 ms in whole steps → 3 steps
    expect(sim.timeMs).toBe(40);
    sim.run(20);
    expect(sim.timeMs).toBe(60);
    sim.run(0);
    expect(times).toEqual([10, 20, 30, 40, 50, 60]);
    expect(motor).toEqual(times);
    expect(sim.telemetry().timeMs).toBe(60);
    expect(sim.telemetry().muscles).toHaveLength(2 * sim.segments);
    expect(sim.telemetry().v).toHaveLength(3);
  });

  it('run(ms) refuses a clock input that is not a finite number ≥ 0', () => {
    const sim = new Simulation({ circuit: touchCircuit() });
    expect(() => sim.run(Number.POSITIVE_INFINITY)).toThrow(/run: ms = Infinity/);
    expect(() => sim.run(-1)).toThrow(/run/);
    expect(sim.timeMs).toBe(0);
  });

  it("the arena's start is the body's centre, whatever the body's length", () => {
    for (const lengthMm of [1, 2]) {
      const sim = new Simulation({ circuit: touchCircuit(), body: { lengthMm } });
      const [cx, cy] = centroid(sim.telemetry().pose);
      expect(cx).toBeCloseTo(5, 9); // the plate arena starts the worm at (5, 5) heading +x
      expect(cy).toBeCloseTo(5, 9);
    }
  });

  it('createSimulation is the constructor; unset options take their defaults', () => {
    const sim = createSimulation({ circuit: touchCircuit(), seed: undefined, medium: undefined, segments: undefined, neuralNoisePa: undefined });
    expect(sim).toBeInstanceOf(Simulation);
    expect(sim.seed).toBe(1);
    expect(sim.medium).toBe('agar');
    expect(sim.segments).toBe(20);
    expect(sim.neuralNoisePa).toBe(0.02);
    expect(sim.physicsStepMs).toBe(10);
    expect(sim.neuralStepMs).toBe(1);
    sim.step();
    expect(sim.timeMs).toBe(10);
  });
});

describe('guards and option errors', () => {
  /**
   * A graded and a LIF neuron joined by an absurd gap junction: junctions to
   * non-graded models are stepped explicitly (graded pairs are relaxed exactly,
   * see docs/neural.md), so the coupling overshoots and grows every step.
   */
  const unstable = () =>
    circuitFromDoc(
      {
        format: 'neuroworm-circuit',
        version: 1,
        neurons: [
          { id: 'A', model: 'graded', init: { v: -60 } },
          { id: 'B', model: 'lif' },
        ],
        synapses: [{ kind: 'electrical', from: 'A', to: 'B', weight: 1000 }],
      },
      'blow-up.json',
    );

  it('a neuron that blows up stops the simulation with SimulationInstabilityError naming it and the time', () => {
    const sim = new Simulation({ circuit: unstable(), neuralNoisePa: 0 });
    let err: unknown;
    try {
      for (let k = 0; k < 100; k++) sim.step();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SimulationInstabilityError);
    const e = err as SimulationInstabilityError;
    expect(e.message).toMatch(/neuron [AB] has a non-finite membrane potential/);
    expect(e.message).toMatch(/\(graded\)/);
    expect(e.message).toMatch(/at t = \d+ ms/);
    expect(e.neuron).toMatch(/^[AB]$/);
    // It stops at the first bad step: the clock did not move past it, and nothing non-finite reached the body.
    const t = sim.timeMs;
    expect(() => sim.step()).toThrow(SimulationInstabilityError);
    expect(sim.timeMs).toBe(t);
    expect(sim.body.isFinite()).toBe(true);
  });

  it('a start off the plate or inside a wall is refused, naming the point and the arena start', () => {
    // The plate is a 10 mm dish centred at [5, 5]: [0, 0] is outside it.
    expect(() => new Simulation({ circuit: touchCircuit(), start: { xMm: 0, yMm: 0, headingRad: 0 } })).toThrow(
      /the worm's body at start \(nose at \[0, 0\] mm, heading 0°\) is off the plate or inside a wall at \[0\.00, 0\.00\] mm; .*body centre at \[5, 5\] mm/,
    );
    expect(() => new Simulation({ circuit: touchCircuit(), start: { xMm: 5.5, yMm: 5, headingRad: Number.NaN } })).toThrow(/start must be finite/);
    expect(() => new Simulation({ circuit: touchCircuit(), start: { xMm: 5.5, yMm: 5, headingRad: 0 } })).not.toThrow();
  });

  it('the body guard surfaces through step()', () => {
    const sim = new Simulation({ circuit: touchCircuit() });
    sim.run(50);
    sim.body.parts[5].position.x = Number.NaN; // as if something corrupted the physics state
    expect(() => sim.step()).toThrow(BodyInstabilityError);
    expect(() => sim.step()).toThrow(/segment 5 position\.x = NaN/);
  });

  it('bad options are refused with the option, the value and the fix', () => {
    const circuit = touchCircuit();
    expect(() => new Simulation({ circuit, physicsStepMs: 10, neuralStepMs: 3 })).toThrow(
      /physicsStepMs \(10\) must be a whole multiple of neuralStepMs \(3\)/,
    );
    expect(() => new Simulation({ circuit, neuralStepMs: 20 })).toThrow(/whole multiple/);
    expect(() => new Simulation({ circuit, neuralStepMs: 0 })).toThrow(/neuralStepMs/);
    expect(() => new Simulation({ circuit, physicsStepMs: 0 })).toThrow(/physicsStepMs/);
    expect(() => new Simulation({ circuit, physicsStepMs: 20, neuralStepMs: 1 })).toThrow(/physicsStepMs = 20.*16\.6/);
    expect(() => new Simulation({ circuit, neuralNoisePa: -0.1 })).toThrow(/neuralNoisePa must be a finite number ≥ 0/);
    expect(() => new Simulation({ circuit, neuralNoisePa: Number.NaN })).toThrow(/neuralNoisePa/);
    expect(() => new Simulation({ circuit, seed: Number.POSITIVE_INFINITY })).toThrow(/seed/);
    expect(() => new Simulation({ circuit: 'no-such-circuit' })).toThrow(/unknown built-in circuit/);
    expect(() => new Simulation({ circuit, segments: 3 })).toThrow(/segments/);
  });
});
