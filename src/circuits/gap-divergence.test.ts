import { describe, expect, it } from 'vitest';
import { parseCircuit } from './circuit';
import { lintCircuit } from './lint';

/** n neurons of one model, all joined to all by gap junctions of conductance g. */
function allToAll(model: string, g: number, n = 6) {
  const ids = Array.from({ length: n }, (_, i) => `N${i}`);
  return parseCircuit(
    JSON.stringify({
      format: 'neuroworm-circuit',
      version: 1,
      neurons: ids.map((id) => ({ id, model })),
      synapses: ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ from: a, to: b, kind: 'electrical', weight: g }))),
    }),
    'gaps.json',
  );
}

const divergence = (c: ReturnType<typeof allToAll>) => lintCircuit(c).filter((w) => /too stiff/.test(w.message));

describe('lint: gap junctions that diverge at the 1 ms step', () => {
  it('six Hodgkin–Huxley neurons all-to-all at 3 nS are named (they reach NaN), at 1 nS they are not', () => {
    const [w, ...more] = divergence(allToAll('hodgkin-huxley', 3));
    expect(more).toEqual([]);
    expect(w.path).toBe('neurons[0]');
    expect(w.message).toMatch(/the gap junctions joining N0, N1, N2, N3, N4, N5 are too stiff .* diverged to NaN within \d+ ms/);
    expect(divergence(allToAll('hodgkin-huxley', 1))).toEqual([]);
  });

  it('graded neurons are relaxed exactly by the engine, so even 100 nS draws no warning', () => {
    expect(divergence(allToAll('graded', 100))).toEqual([]);
  });
});
