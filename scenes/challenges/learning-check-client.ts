import type { CircuitDoc } from '../../src/circuits/types';
import type { LearningCheckOptions, LearningVerdict } from './learning-check';
import type { LearningCheckRequest } from './learning-check.worker';
import { wireWorker } from './touch-check-client';

/** checkLearning (learning-check.ts, a few minutes of simulated worm) in a worker, so the test keeps running; calls back once. */
export function startLearningCheck(
  taught: CircuitDoc,
  naive: CircuitDoc,
  options: LearningCheckOptions,
  done: (verdict: LearningVerdict) => void,
  failed: (message: string) => void,
): Worker {
  const req: LearningCheckRequest = { taught, naive, options };
  const worker = new Worker(new URL('./learning-check.worker.ts', import.meta.url), { type: 'module' });
  return wireWorker<LearningCheckRequest, { verdict: LearningVerdict }>(worker, req, (r) => done(r.verdict), failed);
}
