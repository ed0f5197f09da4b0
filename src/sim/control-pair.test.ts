import { describe, expect, it } from 'vitest';
import type { TouchStimulus } from '../streams/types';
import { ControlPair, samePlaceRelativeToHead } from './control-pair';
import { createSimulation, type Simulation } from './simulation';

const worm = (start?: { xMm: number; yMm: number; headingRad: number }): Simulation =>
  createSimulation({ circuit: 'touch-withdrawal', seed: 4, ...(start && { start }) });

function reversals(sim: Simulation): number[] {
  const out: number[] = [];
  sim.events$.subscribe((e) => e.type === 'reversal-start' && out.push(e.timeMs));
  return out;
}

describe('a treated worm beside its control', () => {
  it('the control feels the same touch at the same body position; without AVA only the control backs away', () => {
    const treated = worm();
    const control = worm({ xMm: 6.5, yMm: 7, headingRad: Math.PI / 2 });
    const pair = new ControlPair(treated, control);
    treated.ablate('AVA');
    const touches: TouchStimulus[] = [];
    control.stimuli$.subscribe((s) => s.type === 'touch' && touches.push(s));
    const rt = reversals(treated);
    const rc = reversals(control);
    pair.run(3000);
    const [x, y] = treated.headPosition();
    const t = pair.poke({ xMm: x, yMm: y }, { heldMs: 0 });
    expect(t).not.toBeNull();
    pair.run(3000);
    expect(touches).toHaveLength(1);
    expect(touches[0]).toMatchObject({ position: t!.position, side: t!.side, kind: t!.kind, force: t!.force });
    expect(rc.length).toBeGreaterThanOrEqual(1);
    expect(rt).toHaveLength(0);
    expect(control.timeMs).toBe(treated.timeMs);
  });

  it('an intact pair of the same seed and start stays one worm, bit for bit, through touches, taps, food and heat', () => {
    const a = worm();
    const b = worm();
    const pair = new ControlPair(a, b);
    pair.run(1000);
    pair.poke(0.05, { kind: 'gentle' });
    pair.tapPlate(0.6);
    const [x, y] = a.headPosition();
    pair.dropFood(x + 0.4, y, 1);
    pair.heatSpot(x - 1, y + 0.5, 4, 0.4);
    pair.run(2000);
    expect(Array.from(b.telemetry().pose)).toEqual(Array.from(a.telemetry().pose));
    expect(b.timeOnFoodMs()).toBe(a.timeOnFoodMs());
    expect(b.world.food.map((f) => [f.x, f.y])).toEqual(a.world.food.map((f) => [f.x, f.y]));
  });

  it('food and heat go to the same place relative to the nose and heading', () => {
    const a = worm();
    const b = worm({ xMm: 6.5, yMm: 7, headingRad: Math.PI / 2 });
    const [ax, ay] = a.headPosition();
    const [bx, by] = b.headPosition();
    const th = (s: Simulation): number => {
      const p = s.telemetry().pose;
      return Math.atan2(p[1] - p[3], p[0] - p[2]);
    };
    // 0.5 mm straight ahead of a's nose is 0.5 mm straight ahead of b's.
    const ahead = samePlaceRelativeToHead(a, b, ax + 0.5 * Math.cos(th(a)), ay + 0.5 * Math.sin(th(a)));
    expect(ahead[0]).toBeCloseTo(bx + 0.5 * Math.cos(th(b)), 9);
    expect(ahead[1]).toBeCloseTo(by + 0.5 * Math.sin(th(b)), 9);
    const pair = new ControlPair(a, b, (x, y) => b.world.isFree(x, y));
    pair.dropFood(ax + 0.5 * Math.cos(th(a)), ay + 0.5 * Math.sin(th(a)));
    expect(b.world.food.at(-1)).toMatchObject({ x: expect.closeTo(ahead[0], 9), y: expect.closeTo(ahead[1], 9) });
    expect(b.distanceToFoodMm()).toBeCloseTo(a.distanceToFoodMm(), 1);
  });

  it('refuses worms on different clocks', () => {
    const a = worm();
    const b = worm();
    b.step();
    expect(() => new ControlPair(a, b)).toThrow(/share the clock/);
  });
});
