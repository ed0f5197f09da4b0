/**
 * What `npm run bench` (bench/run.ts) runs: named suites, each a module that
 * exports `suite: BenchSuite`. Adding one is one line in bench/run.ts.
 */

export interface BenchOptions {
  /** Shorter runs and fewer repeats (a smoke test; numbers are rougher). */
  quick: boolean;
  /** Progress and result lines for the report. */
  log: (line: string) => void;
  /** The command line's other flags, for suite-specific switches (e.g. cuba's --no-brian2). */
  args: readonly string[];
}

/** A goal the issue or design sets, checked on this run; `met` null = not measured (e.g. Brian2 missing). */
export interface BenchGoal {
  name: string;
  met: boolean | null;
  detail: string;
}

export interface SuiteResult {
  /** Machine-readable results, written to bench/results/latest.json. */
  data: unknown;
  goals: BenchGoal[];
}

export interface BenchSuite {
  name: string;
  /** One line: what it measures. */
  description: string;
  run(options: BenchOptions): SuiteResult | Promise<SuiteResult>;
}
