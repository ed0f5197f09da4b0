/**
 * Reading scenario files (Node): the text through ./parse, plus the checks
 * that need the file system. Re-exports ./parse so existing imports keep working.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FileReadError, readTextFile } from '../text/files';
import { ScenarioError } from './errors';
import { parseScenario, sourceOf } from './parse';
import type { Scenario } from './types';
import { isCircuitPath } from './types';

export * from './parse';

/** Read and parse a scenario file; a circuit file it names must exist beside it. */
export function loadScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readTextFile(path, 'scenario');
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    throw new ScenarioError(path, [{ path: [], message: `cannot read the scenario file: ${e.reason}`, fix: 'give the path of a scenario file' }]);
  }
  const scenario = parseScenario(text, path);
  if (isCircuitPath(scenario.circuit)) {
    const circuitPath = resolveCircuitPath(scenario, path);
    if (!existsSync(circuitPath))
      throw new ScenarioError(path, [
        {
          path: ['circuit'],
          ...sourceOf(scenario)?.locate(['circuit']),
          message: `circuit file ${circuitPath} does not exist`,
          fix: 'circuit paths are relative to the scenario file; or use a built-in circuit name',
        },
      ]);
  }
  return scenario;
}

/** Absolute path of a scenario's circuit file (circuit paths are relative to the scenario file). */
export function resolveCircuitPath(scenario: Scenario, scenarioFile: string): string {
  return resolve(dirname(scenarioFile), scenario.circuit);
}

/** Absolute path of a circuit file named in a scenario: relative to the scenario's file, or to the working directory without one. */
export function circuitFilePath(circuit: string, scenarioFile: string | undefined): string {
  return resolve(scenarioFile ? dirname(scenarioFile) : process.cwd(), circuit);
}
