import { describe, expect, it } from 'vitest';
import { alongBodyVelocity, centroid } from './kinematics';
import { Simulation } from './simulation';
import { TOUCH_NEURONS, TOUCH_SENSORS, touchCircuit, waveCircuit } from './test-circuits';

const crawler = () => new Simulation({ circuit: waveCircuit({ direction: 'head-to-tail', extraNeurons: TOUCH_NEURONS, sensors: TOUCH_SENSORS }), seed: 4 });

describe('Simulation.monitor', () => {
  it('records neuron variables and body quantities exactly as the telemetry frame has them, every N steps', () => {
    const sim = crawler();
    const m = sim.monitor({ neurons: ['ALM', 'P'], variables: ['v', 'output'], body: ['headX', 'centroidY'], everyMs: 30 });
    const [alm, p] = ['ALM', 'P'].map((id) => sim.neuronIds.indexOf(id));
    const row = (t: ReturnType<typeof sim.telemetry>) => [t.timeMs, t.v[alm], t.output[p], t.pose[0], centroid(t.pose)[1]];
    const seen: number[][] = [];
    sim.telemetry$.subscribe((t) => {
      if (Math.round(t.timeMs) % 30 === 0) seen.push(row(t));
    });
    const first = row(sim.telemetry());
    sim.run(300);
    expect(m.names).toEqual(['ALM.v', 'ALM.output', 'P.v', 'P.output', 'headX', 'centroidY']);
    expect(m.count).toBe(11); // at attach, then every 3 steps
    const rows = Array.from({ length: m.count }, (_, i) => [m.timeAt(i), m.valueAt(0, i), m.valueAt(3, i), m.valueAt(4, i), m.valueAt(5, i)]);
    expect(rows).toEqual([first, ...seen]);
  });

  it('records along-body travel per step and the muscle peak between samples', () => {
    const sim = crawler();
    const m = sim.monitor({ body: ['forwardMm', 'backwardMm', 'muscleMax'], everyMs: 100 });
    let prev = Float64Array.from(sim.telemetry().pose);
    let fwd = 0;
    let back = 0;
    let peak = Number.NEGATIVE_INFINITY;
    const peaks: number[] = [];
    sim.telemetry$.subscribe((t) => {
      const d = alongBodyVelocity(prev, t.pose, 10) * 10;
      if (d > 0) fwd += d;
      else back -= d;
      prev = Float64Array.from(t.pose);
      peak = Math.max(peak, ...t.muscles, 0);
      if (Math.round(t.timeMs) % 100 === 0) {
        peaks.push(peak);
        peak = Number.NEGATIVE_INFINITY;
      }
    });
    sim.run(2000);
    expect(m.latest('forwardMm')).toBe(fwd);
    expect(m.latest('backwardMm')).toBe(back);
    expect(fwd).toBeGreaterThan(0.02); // the wave circuit crawls forward: a silent recorder would read 0
    expect(Array.from(m.series('muscleMax')).slice(1)).toEqual(peaks);
  });

  it('records the lowest and highest membrane potential of any neuron between samples', () => {
    const sim = crawler();
    const m = sim.monitor({ body: ['membraneMinMv', 'membraneMaxMv'], everyMs: 100 });
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    const lows: number[] = [];
    const highs: number[] = [];
    sim.telemetry$.subscribe((t) => {
      low = Math.min(low, ...t.v);
      high = Math.max(high, ...t.v);
      if (Math.round(t.timeMs) % 100 === 0) {
        lows.push(low);
        highs.push(high);
        low = Number.POSITIVE_INFINITY;
        high = Number.NEGATIVE_INFINITY;
      }
    });
    sim.run(1000);
    expect(Array.from(m.series('membraneMinMv')).slice(1)).toEqual(lows);
    expect(Array.from(m.series('membraneMaxMv')).slice(1)).toEqual(highs);
    expect(Math.max(...highs) - Math.min(...lows)).toBeGreaterThan(1); // the crawler's neurons differ: a constant would fail
  });

  it('at sub-steps it sees what the physics step hides: every neural sub-step, stamped with its own time', () => {
    const sim = new Simulation({ circuit: touchCircuit(), neuralNoisePa: 0, physicsStepMs: 10, neuralStepMs: 0.5 });
    const m = sim.monitor({ neurons: ['ALM'], when: 'substep', initial: false });
    sim.poke(0.1);
    sim.step();
    expect(m.count).toBe(20);
    expect(m.timeAt(0)).toBe(0.5);
    expect(m.timeAt(19)).toBe(10);
    const v = m.series('ALM.v');
    expect(v[19]).toBe(sim.telemetry().v[0]);
    expect(v[0]).toBeLessThan(v[19]); // the poke depolarises ALM within the step
  });

  it('zones and food distance read the world at each sample; a ring keeps the latest', () => {
    const sim = crawler();
    const m = sim.monitor({ body: ['foodDistanceMm'], keep: 5 });
    expect(m.latest('foodDistanceMm')).toBe(Number.POSITIVE_INFINITY);
    const [hx, hy] = sim.headPosition();
    sim.dropFood(hx + 1, hy);
    sim.run(100);
    expect(m.count).toBe(5);
    expect(m.latest('foodDistanceMm')).toBe(sim.distanceToFoodMm());
    expect(m.latest('foodDistanceMm')).toBeLessThan(1);
    expect(() => sim.monitor({ zones: ['nowhere'], when: 'substep' })).toThrow(/once per physics step/);
  });

  it('refuses unknown neurons (with a did-you-mean), variables and quantities', () => {
    const sim = new Simulation({ circuit: touchCircuit() });
    expect(() => sim.monitor({ neurons: ['ALN'] })).toThrow(/no neuron "ALN"; did you mean "ALM"\?/);
    expect(() => sim.monitor({ neurons: ['ALM'], variables: ['u' as 'v'] })).toThrow(/unknown neuron variable "u"/);
    expect(() => sim.monitor({ body: ['speed' as 'headX'] })).toThrow(/unknown body quantity "speed"/);
    expect(() => sim.monitor({ everyMs: 0 })).toThrow(/everyMs = 0 must be a number > 0/);
  });

  it('watching does not change the worm, and a stopped monitor stops recording', () => {
    const run = (watch: boolean) => {
      const sim = crawler();
      const m = watch ? sim.monitor({ neurons: sim.neuronIds, variables: ['v', 'output', 'spiked'], body: ['forwardMm', 'muscleMax'], when: 'step' }) : null;
      const sub = watch ? sim.monitor({ neurons: ['P'], when: 'substep' }) : null;
      sim.run(500);
      m?.stop();
      sim.run(100);
      return { pose: Array.from(sim.telemetry().pose), v: Array.from(sim.telemetry().v), count: m?.count, sub: sub?.count };
    };
    const watched = run(true);
    const plain = run(false);
    expect(watched.pose).toEqual(plain.pose);
    expect(watched.v).toEqual(plain.v);
    expect(watched.count).toBe(51);
    expect(watched.sub).toBe(601);
  });
});
