/**
 * Runs scenario-pool jobs with progress on stderr: a bar on a terminal, a
 * line per finished job (or every Nth) when piped, nothing with 'none'.
 * `scenario run` and `experiment run` share it; each says how a finished job
 * reads.
 */
import cliProgress from 'cli-progress';
import type { Job } from '../scenario/jobs';
import { runJobs } from '../scenario/pool';
import type { JobResult } from '../scenario/report';
import type { CliIo } from './io';

export type ProgressMode = 'auto' | 'bar' | 'lines' | 'none';

export interface ProgressOptions {
  workers: number;
  backendModule?: string;
  io: CliIo;
  mode?: ProgressMode;
  /** What the bar counts ("scenarios", "worms"). */
  unit: string;
  /** A finished job in a word or two, for the bar's tail and the line. */
  describe(r: JobResult): string;
  /** Extra text on a line (not on the bar), e.g. the job's wall time. */
  lineSuffix?(r: JobResult): string;
  /** Print every Nth line (and the last); default every one. */
  lineEvery?: number;
}

export async function runJobsWithProgress(jobs: Job[], o: ProgressOptions): Promise<JobResult[]> {
  const mode = o.mode ?? 'auto';
  const useBar = mode === 'bar' || (mode === 'auto' && Boolean(process.stderr.isTTY));
  const lines = mode === 'lines' || (mode === 'auto' && !useBar);
  const every = o.lineEvery ?? 1;
  let bar: cliProgress.SingleBar | undefined;
  if (useBar && jobs.length > 0) {
    bar = new cliProgress.SingleBar(
      { format: `${o.unit} {bar} {value}/{total} | {last}`, hideCursor: true, clearOnComplete: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    bar.start(jobs.length, 0, { last: '' });
  }
  let done = 0;
  try {
    return await runJobs(jobs, {
      workers: o.workers,
      ...(o.backendModule !== undefined && { backendModule: o.backendModule }),
      onDone: (_i, r) => {
        done++;
        const what = o.describe(r);
        if (bar) bar.increment({ last: what });
        else if (lines && (done % every === 0 || done === jobs.length)) o.io.err(`[${done}/${jobs.length}] ${what}${o.lineSuffix?.(r) ?? ''}\n`);
      },
    });
  } finally {
    bar?.stop();
  }
}
