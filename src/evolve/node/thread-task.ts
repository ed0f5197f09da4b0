/**
 * One evaluation run in a worker thread: the pool's task function (see
 * threads.ts). The evaluation context (the base circuit, genes, scenarios:
 * 30 KB for the locomotion circuit, 250 KB for the connectome) crosses to a
 * thread once, not with every run: a task names it by id and carries it only
 * when the thread answered that it does not hold it.
 */
import { type EvalContext, type EvalJob, type RunScore, scoreRun } from '../fitness';

export interface ThreadTask {
  /** The context's id (EvalContext.id). */
  ctxId: string;
  /** The context itself, sent after the thread answered `needContext`. */
  ctx?: EvalContext;
  job: EvalJob;
}

/** The thread's answer when it does not hold the task's context: send it again with `ctx`. */
export interface NeedContext {
  needContext: true;
}

/** The last context this thread was given (a run uses one at a time). */
let held: EvalContext | null = null;

export default function runTask(task: ThreadTask): RunScore | NeedContext {
  if (task.ctx) held = task.ctx;
  if (held?.id !== task.ctxId) return { needContext: true };
  return scoreRun(held, task.job);
}
