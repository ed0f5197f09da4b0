import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BodyPoint } from '../body';
import { HARSH_HOLD_MS, POKE_REACH_MM, resolvePoke, type PokedBody } from './poke';
import { Simulation } from './simulation';
import { touchCircuit } from './test-circuits';

/** A straight worm from the nose at (0, 0) back along −x, 11 points 0.1 mm apart: heading +x, so its left (+90°) is +y. */
function straightBody(nearest: BodyPoint = { position: 0.3, distanceMm: 0, side: 1 }): PokedBody {
  const pose = new Float64Array(22);
  for (let i = 0; i <= 10; i++) pose[2 * i] = -0.1 * i;
  return { pose, lengthMm: 1, nearestBodyPoint: () => nearest };
}

describe('resolvePoke: one rule for clicks, scenarios and recordings', () => {
  it('a press held longer than HARSH_HOLD_MS is harsh, a short one gentle; an explicit kind wins', () => {
    const b = straightBody();
    expect(resolvePoke(0.2, { heldMs: HARSH_HOLD_MS }, b)).toEqual({ position: 0.2, side: 'both', kind: 'gentle', force: 0.4 });
    expect(resolvePoke(0.2, { heldMs: HARSH_HOLD_MS + 1 }, b)).toEqual({ position: 0.2, side: 'both', kind: 'harsh', force: 1 });
    expect(resolvePoke(0.2, { heldMs: 2000, kind: 'gentle', force: 0.7 }, b)).toMatchObject({ kind: 'gentle', force: 0.7 });
    expect(resolvePoke(0.2, {}, b)?.kind).toBe('gentle');
  });

  it('a world point takes the side of the body it lies on, and misses beyond reach', () => {
    expect(resolvePoke({ xMm: 0, yMm: 0.05 }, {}, straightBody({ position: 0.3, distanceMm: 0.01, side: 1 }))).toMatchObject({ position: 0.3, side: 'left' });
    expect(resolvePoke({ xMm: 0, yMm: -0.05 }, {}, straightBody({ position: 0.3, distanceMm: 0, side: -1 }))?.side).toBe('right');
    expect(resolvePoke({ xMm: 0, yMm: 1 }, {}, straightBody({ position: 0.3, distanceMm: POKE_REACH_MM + 1e-9, side: 1 }))).toBeNull();
  });

  it('a push touches the side facing away from it, harshly, with a force growing to full at half a body length', () => {
    const b = straightBody();
    // Pushed toward +y (the worm's left) ⇒ touched on its right.
    expect(resolvePoke(0.5, { push: { dxMm: 0, dyMm: 0.5 } }, b)).toEqual({ position: 0.5, side: 'right', kind: 'harsh', force: 1 });
    expect(resolvePoke(0.5, { push: { dxMm: 0, dyMm: -0.25 } }, b)).toEqual({ position: 0.5, side: 'left', kind: 'harsh', force: 0.5 });
    expect(resolvePoke(0.5, { push: { dxMm: 0.01, dyMm: -0.01 } }, b)?.force).toBe(0.2); // a twitch still pushes a little
  });

  it('the side of a push depends only on which way it points across the body (property)', () => {
    const b = straightBody();
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 0.001, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (dx, dy, s) => {
          const up = resolvePoke(s, { push: { dxMm: dx, dyMm: dy } }, b);
          const down = resolvePoke(s, { push: { dxMm: dx, dyMm: -dy } }, b);
          return up?.side === 'right' && down?.side === 'left' && up.force >= 0.2 && up.force <= 1;
        },
      ),
    );
  });

  it('refuses targets and options out of range, naming them', () => {
    const b = straightBody();
    expect(() => resolvePoke(1.2, {}, b)).toThrow(/body position 1.2 must be in 0..1/);
    expect(() => resolvePoke({ xMm: Number.NaN, yMm: 0 }, {}, b)).toThrow(/world point \(NaN, 0\) must be finite/);
    expect(() => resolvePoke(0.5, { force: 2 }, b)).toThrow(/force = 2 must be in 0..1/);
    expect(() => resolvePoke(0.5, { heldMs: -1 }, b)).toThrow(/heldMs = -1/);
    expect(() => resolvePoke(0.5, { push: { dxMm: Number.POSITIVE_INFINITY, dyMm: 0 } }, b)).toThrow(/push \(Infinity, 0\)/);
  });
});

describe('Simulation.poke', () => {
  it('a held click, a scenario poke and a replay of the same touch give the same stimulus and the same body', () => {
    const run = (poke: (sim: Simulation) => void) => {
      const sim = new Simulation({ circuit: touchCircuit(), neuralNoisePa: 0 });
      const seen: unknown[] = [];
      sim.stimuli$.subscribe((s) => seen.push(s));
      sim.run(100);
      poke(sim);
      sim.run(200);
      return { seen, pose: Array.from(sim.telemetry().pose), v: Array.from(sim.telemetry().v) };
    };
    // The click lands on the body point the scenario names: find it on an identical worm.
    const probe = new Simulation({ circuit: touchCircuit(), neuralNoisePa: 0 });
    probe.run(100);
    const pose = probe.telemetry().pose;
    const click = probe.poke({ xMm: pose[4], yMm: pose[5] }, { heldMs: 600 });
    expect(click).toMatchObject({ kind: 'harsh', force: 1 });
    const { position, side } = click!;
    const byClick = run((sim) => sim.poke({ xMm: pose[4], yMm: pose[5] }, { heldMs: 600 }));
    const byScenario = run((sim) => sim.poke(position, { side, kind: 'harsh' }));
    expect(byScenario).toEqual(byClick);
  });
});
