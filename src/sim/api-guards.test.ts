/**
 * NaN and infinities passed to the Simulation's public calls are refused at
 * the call: tapPlate(NaN) and dropFood(5, 5, Infinity) used to be accepted
 * and turn the worm's state into NaN a step later.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation';

describe('Simulation API: bad numbers are refused where they are passed', () => {
  it('tapPlate, dropFood, heatSpot and poke (a body position or a world point) refuse NaN and infinities, naming the call and the argument', () => {
    const sim = createSimulation({ circuit: 'touch-withdrawal', seed: 1 });
    const [x, y] = sim.headPosition();
    const cases: Array<[() => void, RegExp]> = [
      [() => sim.tapPlate(Number.NaN), /Simulation\.tapPlate: force = NaN must be a finite number/],
      [() => sim.tapPlate(3), /Simulation\.tapPlate: force = 3 must be in 0\.\.1/],
      [() => sim.dropFood(5, 5, Number.POSITIVE_INFINITY), /Simulation\.dropFood: amount = Infinity must be a finite number/],
      [() => sim.dropFood(Number.NaN, 5), /Simulation\.dropFood: xMm = NaN/],
      [() => sim.heatSpot(5, 5, Number.NaN), /Simulation\.heatSpot: deltaC = NaN/],
      [() => sim.heatSpot(5, 5, 2, Number.POSITIVE_INFINITY), /Simulation\.heatSpot: radiusMm = Infinity/],
      [() => sim.poke({ xMm: Number.NaN, yMm: y }), /poke: world point \(NaN, /],
      [() => sim.poke({ xMm: x, yMm: y }, { force: Number.NaN }), /poke: force = NaN must be in 0\.\.1/],
      [() => sim.poke(Number.NaN), /position NaN must be in 0\.\.1/],
    ];
    for (const [call, message] of cases) expect(call).toThrow(message);
    // Nothing of the refused calls got in: the worm steps on with finite state.
    sim.run(200);
    expect(sim.telemetry().pose.every(Number.isFinite)).toBe(true);
    expect(sim.telemetry().v.every(Number.isFinite)).toBe(true);
  });
});
