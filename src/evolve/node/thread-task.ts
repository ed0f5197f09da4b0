/** One evaluation run in a worker thread: the pool's task function (see threads.ts). */
import { type EvalContext, type EvalJob, type RunScore, scoreRun } from '../fitness';

export interface ThreadTask {
  ctx: EvalContext;
  job: EvalJob;
}

export default function runTask(task: ThreadTask): RunScore {
  return scoreRun(task.ctx, task.job);
}
