import { Command, CommanderError } from 'commander';
import { clampCommand } from './clamp';
import { registerTrace } from './trace';
import { importConnectomeCommand } from './import-connectome';
import { type CliIo, processIo } from './io';
import { scenarioCommand } from './scenario';
import { evolveCommand } from './evolve';
import { experimentCommand } from './experiment';
import { workerCommand } from './worker';
import packageJson from '../../package.json' with { type: 'json' };

const USAGE_ERRORS = new Set([
  'commander.invalidArgument',
  'commander.missingArgument',
  'commander.optionMissingArgument',
  'commander.missingMandatoryOptionValue',
  'commander.unknownOption',
  'commander.unknownCommand',
  'commander.excessArguments',
  'commander.conflictingOption',
]);

/** Builds the `neuroworm` command tree. Subcommands register themselves here. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('neuroworm')
    .description('Neuroworm headless tools: run circuits, clamp neurons, run scenarios.')
    .version(packageJson.version)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError()
    .exitOverride();
  program.addCommand(clampCommand(io));
  registerTrace(program, io);
  program.addCommand(importConnectomeCommand(io));
  program.addCommand(scenarioCommand(io));
  program.addCommand(evolveCommand(io, { signals: true }));
  program.addCommand(experimentCommand(io));
  program.addCommand(workerCommand(io));
  return program;
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    // A usage error (a bad option value, a missing argument) exits 2, as bad paths do; help and --version exit 0.
    if (e instanceof CommanderError) return e.exitCode === 1 && USAGE_ERRORS.has(e.code) ? 2 : e.exitCode;
    io.err(`neuroworm: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
