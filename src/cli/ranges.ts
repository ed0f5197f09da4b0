/**
 * The allowed range of every number the CLI's options take, in one table:
 * the option parsers check against it, and `--help` and the docs print it.
 * Time options are ms; currents are in the clamped model's own unit.
 */
import { InvalidArgumentError } from 'commander';
import { MAX_DURATION_MS } from '../scenario/ranges';
import { type Range, rangeProblem, rangeText } from '../text/ranges';

export const CLI_RANGES = {
  'trace --steps': { min: 1, max: 1e6, int: true, unit: '', help: 'network steps (transmitter neurons: seed cycles)' },
  'trace --dt': { min: 0, above: true, max: 100, unit: 'ms', help: 'time step of non-transmitter neurons' },
  'clamp --current': { min: -1000, max: 1000, unit: '', help: "step amplitude in the model's current unit (graded pA, lif nA, hodgkin-huxley µA/cm²)" },
  'clamp --from, --to': { min: 0, max: 1e6, unit: 'ms', help: 'when the current is on' },
  'clamp --duration': { min: 0, above: true, max: 1e6, unit: 'ms', help: 'length of the run; with --dt at most 5,000,000 steps' },
  'clamp --dt': { min: 0, above: true, max: 10, unit: 'ms', help: 'time step' },
  'import-connectome --weight-scale': { min: 0, above: true, max: 10, unit: '', help: 'chemical weight and gap conductance per contact' },
  'import-connectome --muscle-scale': { min: 0, above: true, max: 10, unit: '', help: 'muscle gain per neuromuscular contact' },
  'import-connectome --min-contacts': { min: 0, max: 1e6, int: true, unit: '', help: 'connections with fewer contacts are dropped' },
  'scenario --seed': { min: 0, max: 0xffffffff, int: true, unit: '', help: 'seed of every run (run), or of the scenario (record)' },
  'scenario run --repeat': { min: 1, max: 10_000, int: true, unit: '', help: 'seeds per scenario' },
  'scenario run --workers': { min: 1, max: 256, int: true, unit: '', help: 'parallel worker threads' },
  'experiment run --worms': { min: 1, max: 1000, int: true, unit: '', help: 'individuals per group (default: the file’s worms)' },
  'experiment run --seed': { min: 0, max: 0xffffffff, int: true, unit: '', help: 'first seed; worm i of every group has seed + i' },
  'experiment run --wcon-every': { min: 10, max: 10_000, unit: 'ms', help: 'interval of the body points written to WCON' },
  'scenario record --duration': { min: 0, above: true, max: MAX_DURATION_MS, unit: 'ms', help: 'length of the recorded scenario (e.g. 30s)' },
} as const satisfies Record<string, Range>;

export type CliOption = keyof typeof CLI_RANGES;

/** `whole numbers 1 .. 1e6` — for an option's --help line. */
export function allowed(option: CliOption): string {
  return rangeText(CLI_RANGES[option]);
}

/** A commander parser for a number option held to its range; the refusal names the option (`flag`, when a row covers two), the value, the range and its meaning. */
export function rangeArg(option: CliOption, flag = option.split(' ').at(-1) as string) {
  const range = CLI_RANGES[option];
  return (raw: string): number => {
    const value = raw.trim() === '' ? Number.NaN : Number(raw);
    const problem = rangeProblem(value, range);
    if (problem !== undefined)
      throw new InvalidArgumentError(`${flag} "${raw}": ${Number.isNaN(value) ? 'not a number' : problem}; allowed: ${rangeText(range)} (${range.help})`);
    return value + 0;
  };
}
