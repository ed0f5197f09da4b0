import { describe, expect, test } from 'vitest';
import type { NeuronRole } from '../../src/neural/types';
import { buildCircuitView, type RawSynapse } from './circuit-view';
import { layoutCircuit } from './neural-layout';

function circuit(counts: Record<NeuronRole, number>, synapses: RawSynapse[] = []) {
  const ids: string[] = [];
  const roles: NeuronRole[] = [];
  for (const role of ['motor', 'inter', 'sensory'] as NeuronRole[]) {
    for (let i = 0; i < counts[role]; i++) {
      ids.push(`${role[0].toUpperCase()}${i + 1}`);
      roles.push(role);
    }
  }
  return buildCircuitView(ids, roles, synapses);
}

describe('layoutCircuit', () => {
  test('bands run sensory, inter, motor from top to bottom and every node stays inside the box', () => {
    const v = circuit({ sensory: 80, inter: 100, motor: 122 });
    const L = layoutCircuit(v, 600, 500);
    expect(L.bands.map((b) => b.role)).toEqual(['sensory', 'inter', 'motor']);
    for (let i = 0; i < v.ids.length; i++) {
      const x = L.xy[2 * i];
      const y = L.xy[2 * i + 1];
      expect(x - L.radius).toBeGreaterThanOrEqual(0);
      expect(x + L.radius).toBeLessThanOrEqual(600);
      expect(y - L.radius).toBeGreaterThanOrEqual(0);
      expect(y + L.radius).toBeLessThanOrEqual(500);
    }
    const meanY = (role: NeuronRole) => {
      const ys = v.ids
        .map((_, i) => i)
        .filter((i) => v.roles[i] === role)
        .map((i) => L.xy[2 * i + 1]);
      return ys.reduce((a, b) => a + b, 0) / ys.length;
    };
    expect(meanY('sensory')).toBeLessThan(meanY('inter'));
    expect(meanY('inter')).toBeLessThan(meanY('motor'));
  });

  test('no two nodes overlap', () => {
    const v = circuit({ sensory: 40, inter: 90, motor: 172 });
    const L = layoutCircuit(v, 420, 640);
    let closest = Infinity;
    for (let i = 0; i < v.ids.length; i++)
      for (let j = i + 1; j < v.ids.length; j++) closest = Math.min(closest, Math.hypot(L.xy[2 * i] - L.xy[2 * j], L.xy[2 * i + 1] - L.xy[2 * j + 1]));
    expect(closest).toBeGreaterThanOrEqual(2 * L.radius);
  });

  test('an interneuron sits above the motor neurons it drives', () => {
    // M1..M9 in name order along the row; I1 drives only M9, I2 only M1.
    const v = circuit({ sensory: 0, inter: 2, motor: 9 }, [
      { pre: 9, post: 8, kind: 0, sign: 1, weight: 1 },
      { pre: 10, post: 0, kind: 0, sign: 1, weight: 1 },
    ]);
    const L = layoutCircuit(v, 900, 300);
    const x = (i: number) => L.xy[2 * i];
    expect(Math.abs(x(9) - x(8))).toBeLessThan(Math.abs(x(9) - x(0)));
    expect(Math.abs(x(10) - x(0))).toBeLessThan(Math.abs(x(10) - x(8)));
  });

  test('saved positions are used, scaled into the box with the aspect kept', () => {
    const v = buildCircuitView(['a', 'b'], ['inter', 'inter'], [], new Float32Array([0, 0, 1, 0.5]));
    const L = layoutCircuit(v, 220, 220, 10);
    expect(L.xy[0]).toBeCloseTo(10);
    expect(L.xy[2]).toBeCloseTo(210);
    expect(L.xy[3] - L.xy[1]).toBeCloseTo(100);
  });
});
