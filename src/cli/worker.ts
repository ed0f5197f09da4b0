/**
 * `neuroworm worker --queue URL`: run evolution jobs from a Redis queue on
 * this machine until stopped (Ctrl-C or SIGTERM finishes the runs in hand).
 * Start one per machine; `neuroworm evolve --queue URL` coordinates.
 */
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { QueueWorker } from '../evolve/node/queue';
import type { CliIo } from './io';

function intArg(what: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\s*\d+\s*$/.test(v) || n < min || n > max) throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}.`);
    return n;
  };
}

export interface WorkerCliDeps {
  /** Resolves when the worker should stop (the real command: SIGINT or SIGTERM). */
  until?: Promise<void>;
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export function workerCommand(io: CliIo, deps: WorkerCliDeps = {}): Command {
  return new Command('worker')
    .description('Run evolution jobs from a Redis job queue on this machine (see neuroworm evolve --queue; docs/evolution.md).')
    .requiredOption('--queue <url>', 'the Redis the coordinator uses, e.g. redis://10.0.0.5:6379')
    .option('--threads <n>', 'runs at once, one worker thread each (default: one per CPU core)', intArg('--threads', 1, 256))
    .option(
      '--lock-ms <ms>',
      'how long a run may go without this worker answering before another worker takes it over',
      intArg('--lock-ms', 1000, 3_600_000),
      15_000,
    )
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError()
    .exitOverride()
    .addHelpText('after', '\nExamples:\n  $ neuroworm worker --queue redis://10.0.0.5:6379\n  $ neuroworm worker --queue redis://127.0.0.1:6379 --threads 2')
    .action(async (opts: { queue: string; threads?: number; lockMs: number }) => {
      const threads = opts.threads ?? availableParallelism();
      let worker: QueueWorker;
      try {
        worker = await (await import('../evolve/node/queue')).startQueueWorker(opts.queue, {
          threads,
          lockMs: opts.lockMs,
          log: (l) => io.err(`worker: ${l}\n`),
        });
      } catch (e) {
        io.err(`neuroworm worker: ${(e as Error).message}\n`);
        throw new CommanderError(2, 'neuroworm.worker.connect', '');
      }
      io.err(`worker: taking evolution runs from ${opts.queue} with ${threads} thread${threads === 1 ? '' : 's'} (Ctrl-C to stop)\n`);
      await (deps.until ?? signalled());
      io.err('worker: finishing the runs in hand…\n');
      await worker.close();
      io.err(`worker: stopped after ${worker.done} run${worker.done === 1 ? '' : 's'}\n`);
    });
}
