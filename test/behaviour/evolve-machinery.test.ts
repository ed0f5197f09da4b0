/**
 * The evolution machinery on the real simulation: the same spec and seed give
 * the same run whatever evaluates it — this thread, two worker threads, or
 * (evolve-queue.test.ts) queue workers on other processes.
 */
import { describe, expect, it } from 'vitest';
import { evolve } from '../../src/evolve/engine';
import { localEvaluator } from '../../src/evolve/local';
import { loadEvolveProblem } from '../../src/evolve/node/load';
import { threadEvaluator } from '../../src/evolve/node/threads';
import { TINY_SPEC, withoutWall } from './evolve-fixture';

describe('evolution on the real simulation', () => {
  it('gives the same run on 1 and on 2 worker threads', async () => {
    const one = await evolve(loadEvolveProblem(TINY_SPEC), { evaluator: localEvaluator() });
    const pool = threadEvaluator(2);
    let two: Awaited<ReturnType<typeof evolve>>;
    try {
      two = await evolve(loadEvolveProblem(TINY_SPEC), { evaluator: pool });
    } finally {
      await pool.close();
    }
    expect(one.state.log).toHaveLength(3);
    // Not a silent circuit: the runs measured different worms.
    expect(new Set(one.state.log.flatMap((g) => [g.best, g.worst])).size).toBeGreaterThan(2);
    expect(withoutWall(two.state.log)).toEqual(withoutWall(one.state.log));
    expect(two.best!.genome).toEqual(one.best!.genome);
    expect(two.best!.doc).toEqual(one.best!.doc);
  });
});
