/**
 * The worker thread's side of the context protocol (threads.ts): a task
 * carries its context's id, and the context itself only when the thread said
 * it lacks it. The runs here stop at the circuit check (a base document with
 * no neurons), so no simulation runs.
 */
import { describe, expect, it } from 'vitest';
import type { CircuitDoc } from '../../circuits/types';
import type { EvalContext, EvalJob } from '../fitness';
import { valuesOnly } from '../genome';
import runTask from './thread-task';

const ctx = (id: string): EvalContext => ({ id, scenarios: [], unstable: -7, phenotype: { base: { neurons: [] } as unknown as CircuitDoc, genes: [] } });
const job: EvalJob = { genome: valuesOnly([]), scenario: 0, seed: 1 };

describe('thread task: the context crosses once', () => {
  it('asks for a context it does not hold, keeps the one it is sent, and asks again for another', () => {
    expect(runTask({ ctxId: 'a', job })).toEqual({ needContext: true });
    const first = runTask({ ctxId: 'a', ctx: ctx('a'), job });
    expect(first).toMatchObject({ score: -7, unstable: true, error: expect.stringMatching(/invalid circuit/) });
    // Held now: the id alone is enough, with the same result.
    expect(runTask({ ctxId: 'a', job })).toEqual(first);
    expect(runTask({ ctxId: 'b', job })).toEqual({ needContext: true });
    expect(runTask({ ctxId: 'b', ctx: ctx('b'), job })).toMatchObject({ score: -7 });
    expect(runTask({ ctxId: 'a', job })).toEqual({ needContext: true });
  });
});
