import { describe, expect, it } from 'vitest';
import type { BehaviourEvent } from '../streams/types';
import { parseArena } from '../world';
import { RunMeasures } from './measures';
import { createSimulation } from './simulation';

/** A 20 × 10 mm plate, 20 °C rising 0.5 °C per mm along x, a 2 × 2 mm goal centred at (10, 5); the worm's centre at (5, 5), heading +x. */
const arena = parseArena(
  {
    version: 1,
    name: 'measures',
    plate: { shape: 'rect', size: [20, 10] },
    temperature: { celsius: 20, gradients: [{ type: 'linear', from: [0, 0], to: [20, 0], fromValue: 0, toValue: 10 }] },
    goals: [{ id: 'box', zone: { type: 'rect', at: [10, 5], size: [2, 2] } }],
    start: { at: [5, 5], headingDeg: 0 },
  },
  'measures arena',
);

describe('experiment measures', () => {
  it('distanceToZoneMm: from the nose to the zone edge, 0 inside; an unknown zone is named', () => {
    const sim = createSimulation({ circuit: 'locomotion', arena });
    const [x, y] = sim.headPosition();
    expect(Math.abs(y - 5)).toBeLessThan(1); // level with the box: the nearest edge is its left side, x = 9
    expect(sim.distanceToZoneMm('box')).toBeCloseTo(9 - x, 9);
    const inside = createSimulation({ circuit: 'locomotion', arena, start: { xMm: 10.3, yMm: 5, headingRad: 0 } });
    expect(inside.distanceToZoneMm('box')).toBe(0);
    expect(inside.inZone('box')).toBe(true);
    expect(() => sim.distanceToZoneMm('nowhere')).toThrow(/unknown zone "nowhere".*box/);
  });

  it('temperatureAtNoseC: the plate temperature where the nose is, heat spots included', () => {
    const sim = createSimulation({ circuit: 'locomotion', arena });
    sim.run(2000);
    const [x, y] = sim.headPosition();
    expect(sim.temperatureAtNoseC()).toBeCloseTo(20 + x / 2, 6);
    sim.heatSpot(x, y, 4, 0.5);
    expect(sim.temperatureAtNoseC()).toBeGreaterThan(20 + x / 2 + 3);
  });

  it('timeOnFoodMs: the time the nose spends on food with food left, not near it', () => {
    const on = createSimulation({ circuit: 'locomotion', arena });
    const [x, y] = on.headPosition();
    on.dropFood(x, y, 1);
    on.run(1500);
    expect(on.timeOnFoodMs()).toBe(1500);
    const near = createSimulation({ circuit: 'locomotion', arena });
    near.dropFood(x + 1, y, 1); // 0.5 mm from the patch's edge: close, but not on it
    near.run(1500);
    expect(near.distanceToFoodMm()).toBeGreaterThan(0);
    expect(near.timeOnFoodMs()).toBe(0);
    const eaten = createSimulation({ circuit: 'locomotion', arena });
    eaten.dropFood(x, y, 0);
    eaten.run(500);
    expect(eaten.timeOnFoodMs()).toBe(0);
  });

  it('reversal count and rate: reversal starts seen in the pose, per minute of the window', () => {
    const sim = createSimulation({ circuit: 'touch-withdrawal', seed: 2 });
    const starts: number[] = [];
    sim.events$.subscribe((e) => e.type === 'reversal-start' && starts.push(e.timeMs));
    sim.run(3000);
    for (let k = 0; k < 3; k++) {
      sim.poke(0.05, { kind: 'gentle' });
      sim.run(12_000);
    }
    expect(starts.length).toBeGreaterThanOrEqual(2);
    expect(sim.reversalCount()).toBe(starts.length);
    expect(sim.reversalsPerMinute()).toBeCloseTo(starts.length / (sim.timeMs / 60_000), 9);
    const recent = starts.filter((t) => t >= sim.timeMs - 15_000).length;
    expect(recent).toBeLessThan(starts.length);
    expect(sim.reversalsPerMinute(15_000)).toBeCloseTo(recent / 0.25, 9);
    expect(() => sim.reversalsPerMinute(-1)).toThrow(/windowMs/);
  });

  it('omega-turn count: the omega turns the pose shows after a harsh head poke', () => {
    const sim = createSimulation({ circuit: 'touch-withdrawal', seed: 1 });
    let omegas = 0;
    sim.events$.subscribe((e) => e.type === 'omega-turn' && omegas++);
    sim.run(3000);
    sim.poke(0.05, { kind: 'harsh' });
    sim.run(12_000);
    expect(omegas).toBeGreaterThanOrEqual(1);
    expect(sim.omegaTurnCount()).toBe(omegas);
  });

  it('RunMeasures counts reversal starts and omega turns only, and time on food only while on it', () => {
    const m = new RunMeasures();
    const ev = (type: BehaviourEvent['type'], timeMs: number): BehaviourEvent => ({ type, timeMs }) as BehaviourEvent;
    m.update([ev('reversal-start', 100), ev('reversal-end', 900), ev('touch', 50)], true, 10);
    m.update([ev('omega-turn', 1000)], false, 10);
    m.update([ev('reversal-start', 59_000)], true, 10);
    expect([m.reversalCount, m.omegaTurnCount, m.timeOnFoodMs]).toEqual([2, 1, 20]);
    expect(m.reversalsPerMinute(60_000)).toBe(2);
    expect(m.reversalsPerMinute(60_000, 30_000)).toBe(2); // one start in the last 30 s = 2 per minute
    expect(m.reversalsPerMinute(0)).toBe(0);
  });
});
