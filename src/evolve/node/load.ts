/**
 * Loading an evolution spec from disk (Node): the spec, the circuit it names
 * (built in, or a file relative to the spec) and its scenario files (relative
 * to the spec), then the problem. Every error names the spec file and line
 * (or the circuit or scenario file with its own lines) before anything runs.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BUILTIN_CIRCUIT_NAMES, getBuiltinCircuit } from '../../circuits/builtin';
import { parseCircuit } from '../../circuits/circuit';
import { CircuitError } from '../../circuits/errors';
import type { Circuit } from '../../circuits/types';
import { ScenarioError, type ScenarioIssue } from '../../scenario/errors';
import { loadScenarioFile } from '../../scenario/load';
import { isCircuitPath, type Scenario } from '../../scenario/types';
import { nearest } from '../../text/nearest';
import type { EvolveProblem } from '../engine';
import { buildProblem, ProblemError } from '../problem';
import { EvolveSpecError, type ParsedSpec, parseEvolveSpec } from '../spec-parse';

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String(e);
    throw new EvolveSpecError(path, [{ path: [], message: `cannot read the ${what}: ${why}`, fix: 'check the path' }]);
  }
}

export function readEvolveSpec(path: string): ParsedSpec {
  return parseEvolveSpec(readText(path, 'evolution spec'), path);
}

function issue(p: ParsedSpec, path: Array<string | number>, message: string, fix: string): ScenarioIssue {
  return { path, ...p.locate(path), message, fix };
}

/** The spec's circuit: a built-in by name or a file relative to the spec. */
export function specCircuit(p: ParsedSpec): Circuit {
  const name = p.spec.circuit;
  if (!isCircuitPath(name)) {
    if (BUILTIN_CIRCUIT_NAMES.includes(name)) return getBuiltinCircuit(name);
    const near = nearest(name, BUILTIN_CIRCUIT_NAMES);
    throw new EvolveSpecError(p.file, [
      issue(
        p,
        ['circuit'],
        `unknown built-in circuit "${name}"`,
        `${near ? `did you mean "${near}"? ` : ''}built-in circuits: ${BUILTIN_CIRCUIT_NAMES.join(', ')}; or give a file path (./my.json)`,
      ),
    ]);
  }
  const file = resolve(dirname(p.file), name);
  try {
    return parseCircuit(readFileSync(file, 'utf8'), file);
  } catch (e) {
    if (e instanceof CircuitError) throw e;
    throw new EvolveSpecError(p.file, [
      issue(
        p,
        ['circuit'],
        `cannot read the circuit file ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
        'circuit paths are relative to the spec file',
      ),
    ]);
  }
}

/** The spec's fitness scenarios, in order, from files relative to the spec. */
export function specScenarios(p: ParsedSpec): Scenario[] {
  const issues: ScenarioIssue[] = [];
  const out = p.spec.fitness.scenarios.map((s, i) => {
    const file = resolve(dirname(p.file), s.file);
    try {
      return loadScenarioFile(file);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      issues.push(
        issue(
          p,
          ['fitness', 'scenarios', i],
          `the scenario file ${s.file} has problems:\n${e.message}`,
          'fix the scenario file (paths are relative to the spec)',
        ),
      );
      return null;
    }
  });
  if (issues.length > 0) throw new EvolveSpecError(p.file, issues);
  return out as Scenario[];
}

/** Read a spec and everything it names, and build the problem; throws EvolveSpecError, CircuitError or ScenarioError naming files and lines. */
export function loadEvolveProblem(specPath: string): EvolveProblem & { parsed: ParsedSpec } {
  const parsed = readEvolveSpec(specPath);
  const circuit = specCircuit(parsed);
  const scenarios = specScenarios(parsed);
  try {
    return { ...buildProblem(parsed.spec, circuit, scenarios), parsed };
  } catch (e) {
    if (!(e instanceof ProblemError)) throw e;
    throw new EvolveSpecError(
      parsed.file,
      e.problems.map((q) => issue(parsed, q.path, q.message, q.fix)),
    );
  }
}
