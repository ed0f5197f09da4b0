import { describe, expect, it } from 'vitest';
import { FieldSensor } from './field-sensor';
import { ProprioceptionController } from './proprioception';

/** One step of `p` on an 11-segment body bent by k at its middle (body fraction 0.5) and nowhere else: each receptor's input. */
function bendAtMiddle(p: ProprioceptionController, receptors: number): (k: number) => number[] {
  const curvature = new Float64Array(9);
  return (k) => {
    curvature[4] = k;
    const input = new Float64Array(receptors);
    p.apply(input, new Float64Array(receptors), curvature);
    return Array.from(input);
  };
}

describe('ProprioceptionController', () => {
  it('drives a left receptor when the body bends left at its point, a right one when it bends right', () => {
    const p = new ProprioceptionController(
      [
        { neuron: 0, at: 0.5, side: 'left', gain: 1 },
        { neuron: 1, at: 0.5, side: 'right', gain: 1 },
      ],
      11,
      1,
    );
    const curvature = new Float64Array(9);
    curvature[4] = 3; // segment 5 of 0..10 = body fraction 0.5
    const input = new Float64Array(2);
    p.apply(input, new Float64Array(input.length), curvature);
    expect(Array.from(input)).toEqual([3, -3]);
  });

  it('a receptor with rateMs also answers how fast the bend changes: gain × (κL + rateMs × d(κL)/dt); without it, the bend only', () => {
    // Body length 2 mm, physics step 10 ms; the bend at 0.5 rises 0 → 1 → 3 → 3 per step.
    const p = new ProprioceptionController(
      [
        { neuron: 0, at: 0.5, side: 'left', gain: 1.5 },
        { neuron: 1, at: 0.5, side: 'left', gain: 1.5, rateMs: 0 },
        { neuron: 2, at: 0.5, side: 'right', gain: 1.5, rateMs: 50 },
      ],
      11,
      2,
      10,
    );
    const felt = bendAtMiddle(p, 3);
    expect(felt(0)).toEqual([0, 0, 0]); // no rate on the first step: nothing to compare with
    expect(felt(1)).toEqual([3, 3, -3 * (1 + 5)]); // 1 per 10 ms × 50 ms = 5 more
    expect(felt(3)).toEqual([9, 9, -3 * (3 + 10)]);
    expect(felt(3)).toEqual([9, 9, -9]); // held: the bend only
  });

  it('a receptor with lagMs follows the bend through a first-order lag and adds its rate term unlagged; without it, at once', () => {
    // Body length 1 mm, physics step 10 ms, lag 10 ms: each step closes 1 − e^−1 of the gap to the bend.
    const p = new ProprioceptionController(
      [
        { neuron: 0, at: 0.5, side: 'left', gain: 1 },
        { neuron: 1, at: 0.5, side: 'left', gain: 1, lagMs: 10 },
        { neuron: 2, at: 0.5, side: 'left', gain: 1, lagMs: 10, rateMs: 20 },
      ],
      11,
      1,
      10,
    );
    const felt = bendAtMiddle(p, 3);
    const a = 1 - Math.exp(-1);
    expect(felt(2)).toEqual([2, 2, 2]); // the first read starts the lag at the bend
    const [now, lagged, withRate] = felt(4);
    expect(now).toBe(4);
    expect(lagged).toBeCloseTo(2 + 2 * a, 12);
    expect(withRate).toBeCloseTo(2 + 2 * a + 2 * 2, 12); // + rateMs/step × Δκ, not lagged
    const held = felt(4);
    expect(held[1]).toBeCloseTo(lagged + (4 - lagged) * a, 12); // still catching up with a held bend
    expect(held[2]).toBeCloseTo(held[1], 12); // held: no rate
  });
});

describe('FieldSensor', () => {
  it('starts adapted: no on/off response where it is placed', () => {
    const s = new FieldSensor([{ neuron: 0, side: 'left', response: 'on', gain: 1 }]);
    s.sample(5, 5, 10);
    const input = new Float64Array(1);
    s.apply(input, new Float64Array(input.length));
    expect(input[0]).toBe(0);
  });

  it('an on cell answers a rise, an off cell a fall, a level cell the value', () => {
    const s = new FieldSensor(
      [
        { neuron: 0, side: 'left', response: 'on', gain: 1 },
        { neuron: 1, side: 'right', response: 'off', gain: 1 },
        { neuron: 2, side: 'right', response: 'level', gain: 2 },
      ],
      { memoryMs: 1000 },
    );
    s.sample(1, 1, 10);
    for (let t = 0; t < 50; t++) s.sample(1 + t * 0.01, 1 - t * 0.01, 10);
    const input = new Float64Array(3);
    s.apply(input, new Float64Array(input.length));
    expect(input[0]).toBeGreaterThan(0.1);
    expect(input[1]).toBeGreaterThan(0.1);
    expect(input[2]).toBeCloseTo(2 * 0.51, 9);
  });

  it('a set point is subtracted from a level (gain × (value − set point), negative below it) and leaves on/off cells as they were', () => {
    const bindings = (setPoint?: number) =>
      (['level', 'on'] as const).map((response, neuron) => ({
        neuron,
        side: 'left' as const,
        response,
        gain: 0.5,
        ...(setPoint !== undefined && { setPoint }),
      }));
    const drive = (setPoint: number | undefined, temps: number[]) => {
      const s = new FieldSensor(bindings(setPoint));
      for (const t of temps) s.sample(t, t, 10);
      const input = new Float64Array(2);
      s.apply(input, new Float64Array(2));
      return [...input];
    };
    const warming = [20, 21, 22, 23, 24];
    const [withSet, without] = [drive(20, warming), drive(undefined, warming)];
    expect(withSet[0]).toBeCloseTo(0.5 * 4, 12);
    expect(without[0]).toBeCloseTo(0.5 * 24, 12);
    expect(withSet[1]).toBeGreaterThan(0);
    expect(withSet[1]).toBeCloseTo(without[1], 12);
    expect(drive(20, [18])[0]).toBeCloseTo(-1, 12);
  });
  it('a difference cell reads its side minus the other: on currents what a level binding on each side with opposite gains reads; as a conductance one channel by the sign, where the pair opens two that grow with the common level', () => {
    const conductance = { mode: 'conductance' as const, excitatoryMv: 0, inhibitoryMv: -70, matchMv: -55 };
    const diff = (transduction?: typeof conductance) =>
      new FieldSensor([
        { neuron: 0, side: 'left', response: 'difference', gain: 600, ...(transduction && { transduction }) },
        { neuron: 1, side: 'right', response: 'difference', gain: 600, ...(transduction && { transduction }) },
      ]);
    const pair = (transduction?: typeof conductance) =>
      new FieldSensor([
        { neuron: 0, side: 'left', response: 'level', gain: 600, ...(transduction && { transduction }) },
        { neuron: 0, side: 'right', response: 'level', gain: -600, ...(transduction && { transduction }) },
      ]);
    const read = (s: FieldSensor, left: number, right: number) => {
      s.sample(left, right, 10);
      const [current, g] = [new Float64Array(2), new Float64Array(2)];
      s.apply(current, g);
      return { current: [...current], g: [...g] };
    };
    // Currents: the same drive either way.
    expect(read(diff(), 0.21, 0.2).current[0]).toBeCloseTo(read(pair(), 0.21, 0.2).current[0], 9);
    expect(read(diff(), 0.21, 0.2).current[1]).toBeCloseTo(-6, 9);
    // Conductances: the left cell opens excitatory channels, 6 pA / 55 mV; the right cell inhibitory ones, 6 pA / 15 mV.
    const d = read(diff(conductance), 0.21, 0.2);
    expect(d.g[0]).toBeCloseTo(6 / 55, 9);
    expect(d.current[0]).toBeCloseTo(0, 9);
    expect(d.g[1]).toBeCloseTo(6 / 15, 9);
    expect(d.current[1]).toBeCloseTo((6 / 15) * -70, 9);
    // The pair opens both, 600 × level each, so the same 0.01 difference is shunted by ~50× the difference cell's channels.
    const p = read(pair(conductance), 0.21, 0.2);
    expect(p.g[0]).toBeCloseTo((600 * 0.21) / 55 + (600 * 0.2) / 15, 9);
    expect(p.g[0] / d.g[0]).toBeGreaterThan(50);
  });
});
