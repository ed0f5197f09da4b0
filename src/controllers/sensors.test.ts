import { describe, expect, it } from 'vitest';
import { FieldSensor } from './field-sensor';
import { ProprioceptionController } from './proprioception';

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
});
