import { describe, expect, it } from 'vitest';
import { getBuiltinCircuit } from '../circuits/builtin';
import { GAIT } from '../circuits/builtin/locomotion';
import { buildProblem, ProblemError } from './problem';
import type { EvolveSpec, TopologySpec } from './spec';
import { NEAT_DEFAULTS } from './spec-schema';

const loco = getBuiltinCircuit('locomotion');
const topo = (t: Partial<TopologySpec>): TopologySpec => ({
  links: [],
  groups: {},
  share: 'class',
  weight: { range: [0.1, 10], scale: 'log' },
  sign: 'free',
  pool: [],
  ...t,
});
const spec = (topology: TopologySpec): EvolveSpec => ({
  name: 't',
  circuit: 'locomotion',
  seed: 1,
  start: 'random',
  free: [],
  topology,
  fitness: { scenarios: [], seeds: [1], heldOut: [], unstable: -1, perLink: 0 },
  optimiser: { kind: 'neat', ...NEAT_DEFAULTS },
  budget: { generations: 1 },
});
const problems = (t: TopologySpec) => {
  try {
    buildProblem(spec(t), loco, []);
  } catch (e) {
    if (e instanceof ProblemError) return e.problems;
    throw e;
  }
  return [];
};

describe('buildProblem: topology', () => {
  it('makes link candidates between groups, named groups first, and joins only the named cells', () => {
    const p = buildProblem(
      spec(
        topo({
          groups: { 'A-type': ['DA1', 'DA2', 'VA1', 'VA2'] },
          links: [{ kind: 'chemical', from: ['AVA', 'AVB'], to: ['A-type', 'DB'] }],
          pool: [{ id: 'AVDL', model: 'graded' }],
        }),
      ),
      loco,
      [],
    );
    const t = p.context.phenotype.topology!;
    expect(t.candidates.map((c) => `${c.from}>${c.to}`).sort()).toEqual(['AVA>A-type', 'AVA>DB', 'AVB>A-type', 'AVB>DB']);
    expect(t.members['A-type']).toEqual(['DA1', 'VA1', 'DA2', 'VA2']);
    expect(t.members.DB).toHaveLength(GAIT.units);
    expect(t.members.AVD).toEqual(['AVDL']);
    expect(t.members.DA).toBeUndefined();
  });

  it('lists every problem: unknown names, a group named like a neuron, a cell in two groups, a pool neuron the circuit has or the validator refuses', () => {
    const found = problems(
      topo({
        groups: { AVA: ['AVB'], X: ['DB1'], Y: ['DB1', 'NOPE'] },
        links: [{ kind: 'chemical', from: ['AVQ'], to: ['X'] }],
        pool: [
          { id: 'AVB', model: 'graded' },
          { id: 'NEW', model: 'graded', params: { tauMs: -1 } },
        ],
      }),
    );
    const text = found.map((p) => `${p.path.join('.')}: ${p.message}`);
    expect(text).toEqual([
      'topology.pool.0.id: pool neuron AVB is already in the circuit',
      'topology.pool.1: NEW.params.tauMs: -1 is out of range; allowed: 0.1 .. 100000 ms (Membrane time constant C/gL: how fast V follows its input.)',
      'topology.groups.AVA: group name "AVA" is also a neuron',
      'topology.groups.Y: neither the circuit nor the pool has a neuron or class "NOPE"',
      'topology.groups.Y: DB1 is in groups X and Y',
      'topology.links.0.from: neither the circuit nor the pool has a neuron, class or group "AVQ"',
    ]);
  });
});
