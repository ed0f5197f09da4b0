import { describe, expect, it } from 'vitest';
import { EvolveSpecError, parseEvolveSpec } from './spec-parse';
import { CMAES_SIGMA, NEAT_DEFAULTS } from './spec-schema';

const head = `format: neuroworm-evolve
version: 1
name: test
circuit: locomotion
`;
const tail = `fitness:
  scenarios: [crawl.scenario.yaml]
  seeds: [1, 2]
optimiser: cmaes
budget: {generations: 10}
`;

function errorOf(text: string): EvolveSpecError {
  try {
    parseEvolveSpec(text, 'x.evolve.yaml');
  } catch (e) {
    if (e instanceof EvolveSpecError) return e;
    throw e;
  }
  throw new Error('expected an EvolveSpecError');
}

describe('parseEvolveSpec', () => {
  it('reads the file form into the canonical spec with every default filled in', () => {
    const { spec } = parseEvolveSpec(
      `${head}free:
  - {param: tauMs, of: [DB, VB], range: [15, 300], scale: log, share: class}
  - {weight: chemical, from: AVB, to: DB, range: [0.2, 5]}
  - {sign: chemical, from: AVA, to: AVB}
  - {gain: stretch, of: DB, range: [0.01, 0.3]}
  - {gain: muscle, of: DD, range: [-2, -0.1]}
${tail}`,
      'x.evolve.yaml',
    );
    expect(spec).toMatchObject({ seed: 1, start: 'random', optimiser: { kind: 'cmaes', sigma: CMAES_SIGMA }, budget: { generations: 10 } });
    expect(spec.fitness).toEqual({ scenarios: [{ file: 'crawl.scenario.yaml', weight: 1 }], seeds: [1, 2], heldOut: [], unstable: -1, perLink: 0 });
    expect(spec.free).toEqual([
      { what: 'param', name: 'tauMs', of: ['DB', 'VB'], range: [15, 300], scale: 'log', share: 'class' },
      { what: 'weight', kind: 'chemical', from: ['AVB'], to: ['DB'], range: [0.2, 5], scale: 'linear', share: 'pair' },
      { what: 'sign', from: ['AVA'], to: ['AVB'], range: [0, 1], scale: 'linear', share: 'pair' },
      { what: 'sensorGain', sensor: 'stretch', of: ['DB'], range: [0.01, 0.3], scale: 'linear', share: 'pair' },
      { what: 'muscleGain', of: ['DD'], range: [-2, -0.1], scale: 'linear', share: 'pair' },
    ]);
  });

  it('fills NEAT’s defaults and the topology’s', () => {
    const { spec } = parseEvolveSpec(
      `${head}topology:
  links: [{kind: chemical, from: [ALM], to: [AVA, AVB]}]
${tail.replace('optimiser: cmaes', 'optimiser: {neat: {population: 20}}')}`,
      'x.evolve.yaml',
    );
    expect(spec.optimiser).toEqual({ kind: 'neat', ...NEAT_DEFAULTS, population: 20 });
    expect(spec.topology).toEqual({
      links: [{ kind: 'chemical', from: ['ALM'], to: ['AVA', 'AVB'] }],
      groups: {},
      share: 'pair',
      weight: { range: [0.05, 10], scale: 'log' },
      sign: 'free',
      pool: [],
    });
  });

  it('names the file, line, field and fix of every mistake', () => {
    const e = errorOf(`${head}free:
  - {param: tauMs, of: AVB, range: [300, 15]}
  - {paramm: tauMs, of: AVB, range: [1, 2]}
  - {weight: chemical, of: AVB, range: [1, 2]}
  - {param: tauMs, of: AVB, range: [0, 2], scale: log}
fitness:
  scenarios: [a.scenario.yaml]
  seeds: [1, 2]
  heldOut: [2, 3]
optimiser: cmaes
budget: {generations: 0}
`);
    const lines = e.message.split('\n');
    expect(e.message).toContain('x.evolve.yaml:6:');
    expect(lines.find((l) => l.includes('free[0].range'))).toMatch(/low bound is not below the high bound/);
    expect(e.message).toMatch(/free\[1\]\.paramm: unknown field "paramm" in free entry\n {2}fix: did you mean "param"\?/);
    expect(e.message).toMatch(/x\.evolve\.yaml:8:\d+: free\[2\]\.of: "of" does not apply to a weight entry/);
    expect(e.message).toMatch(/free\[3\]\.range: a log scale needs a range above 0/);
    expect(e.message).toMatch(/fitness\.heldOut: a held-out seed is also a selection seed/);
    expect(e.message).toMatch(/budget\.generations: generations: 0 is below 1/);
  });

  it('refuses topology without NEAT, an empty search, and a newer version', () => {
    expect(errorOf(`${head}topology: {links: [{kind: chemical, from: A, to: B}]}\n${tail}`).message).toMatch(
      /optimiser: topology evolves only with the neat optimiser/,
    );
    expect(errorOf(`${head}${tail}`).message).toMatch(/free: nothing is free to evolve/);
    expect(errorOf(`${head.replace('version: 1', 'version: 2')}free: [{param: tauMs, range: [1, 2]}]\n${tail}`).message).toMatch(
      /newer than this neuroworm reads.*\n {2}fix: update neuroworm/,
    );
    expect(errorOf('format: neuroworm-scenario\n').message).toMatch(/not an evolution spec/);
  });
});
