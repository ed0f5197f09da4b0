import { describe, expect, it } from 'vitest';
import type { CircuitDoc } from '../circuits/types';
import { type Evaluator, type EvolveProblem, type EvolveState, evolve, type GenerationReport } from './engine';
import type { EvalJob, RunScore } from './fitness';
import { type Gene, reflect } from './genes';
import type { EvolveSpec } from './spec';

const base: CircuitDoc = {
  format: 'neuroworm-circuit',
  version: 1,
  neurons: [
    { id: 'A', model: 'graded', params: { tonicPa: 0 } },
    { id: 'B', model: 'graded', params: { tonicPa: 0 } },
  ],
};
const gene = (k: number): Gene => ({
  label: `tonicPa ${k}`,
  entry: k,
  lo: 0,
  hi: 1,
  scale: 'linear',
  sign: false,
  targets: [{ kind: 'param', neuron: k, name: 'tonicPa' }],
  current: 0.5,
});

function problem(over: Partial<EvolveSpec> = {}): EvolveProblem {
  const spec: EvolveSpec = {
    name: 'toy',
    circuit: 'toy',
    seed: 3,
    start: 'random',
    free: [],
    fitness: { scenarios: [{ file: 'a', weight: 1 }], seeds: [1, 2], heldOut: [], unstable: -1, perLink: 0 },
    optimiser: { kind: 'cmaes', sigma: 0.3 },
    budget: { generations: 12 },
    ...over,
  };
  return { spec, weights: [1], context: { id: 'toy', scenarios: [{} as never], unstable: -1, phenotype: { base, genes: [gene(0), gene(1)] } } };
}

/** A fake evaluator: a run scores 1 − distance² of the decoded values from (0.3, 0.7), a little seed-dependent; every run is counted. */
function fake(onCall?: (n: number) => void): Evaluator & { runs: number } {
  const ev = {
    runs: 0,
    async evaluate(_ctx: unknown, jobs: readonly EvalJob[], opts: { signal?: AbortSignal } = {}): Promise<RunScore[]> {
      onCall?.(ev.runs);
      await new Promise((r) => setTimeout(r, 0));
      if (opts.signal?.aborted) throw opts.signal.reason;
      ev.runs += jobs.length;
      return jobs.map((j) => {
        const [a, b] = j.genome.x.map(reflect);
        const score = 1 - ((a - 0.3) ** 2 + (b - 0.7) ** 2) - 0.001 * j.seed;
        return { score, pass: score > 0.99, unstable: false, expectations: [score], simMs: 1000 };
      });
    },
    close: async () => undefined,
  };
  return ev;
}

const noWall = (log: GenerationReport[]) => log.map(({ wallMs: _w, ...r }) => r);

describe('evolve', () => {
  it('climbs, logs every generation, and is deterministic', async () => {
    const a = await evolve(problem(), { evaluator: fake(), now: () => 0 });
    const b = await evolve(problem(), { evaluator: fake(), now: () => 0 });
    expect(a.status).toBe('budget');
    expect(a.state.log).toHaveLength(12);
    expect(a.state.log[0].evaluations).toBe(6);
    expect(a.state.log[11].bestEver).toBeGreaterThan(a.state.log[0].best);
    expect(a.best!.fitness).toBeGreaterThan(0.95);
    expect(a.best!.doc.neurons[0].params!.tonicPa).toBeCloseTo(0.3, 1);
    expect(noWall(b.state.log)).toEqual(noWall(a.state.log));
    expect(b.best!.genome).toEqual(a.best!.genome);
  });

  it('resumes from a checkpoint to the same end as an uninterrupted run', async () => {
    const straight = await evolve(problem(), { evaluator: fake(), now: () => 0 });
    let saved: EvolveState | undefined;
    await evolve(problem({ budget: { generations: 5 } }), {
      evaluator: fake(),
      now: () => 0,
      onGeneration: (_r, s) => {
        saved = JSON.parse(JSON.stringify(s));
      },
    });
    expect(saved!.log).toHaveLength(5);
    const resumed = await evolve(problem(), { evaluator: fake(), now: () => 0, resume: saved! });
    expect(resumed.state).toEqual(straight.state);
  });

  it('refuses a checkpoint of another problem', async () => {
    const r = await evolve(problem({ budget: { generations: 1 } }), { evaluator: fake() });
    await expect(evolve(problem({ seed: 4 }), { evaluator: fake(), resume: r.state })).rejects.toThrow(/another evolution/);
  });

  it('stops at the target', async () => {
    const r = await evolve(problem({ budget: { generations: 100, target: 0.9 } }), { evaluator: fake() });
    expect(r.status).toBe('target');
    expect(r.best!.fitness).toBeGreaterThanOrEqual(0.9);
    expect(r.state.log.length).toBeLessThan(100);
  });

  it('Stop ends mid-generation keeping the best of the finished generations; Cancel returns no circuit', async () => {
    const stopper = new AbortController();
    let generations = 0;
    const stopped = await evolve(problem(), {
      evaluator: fake((runs) => {
        if (runs >= 3 * 12) stopper.abort('stop');
      }),
      signal: stopper.signal,
      onGeneration: () => {
        generations++;
      },
    });
    expect(stopped.status).toBe('stopped');
    expect(generations).toBe(3);
    expect(stopped.best!.fitness).toBe(Math.max(...stopped.state.log.map((g) => g.best)));

    const canceller = new AbortController();
    const cancelled = await evolve(problem(), {
      evaluator: fake((runs) => {
        if (runs >= 12) canceller.abort();
      }),
      signal: canceller.signal,
    });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.best).toBeNull();
  });
});
