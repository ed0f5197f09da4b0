/**
 * Everything a run checks before its first step, as one function that
 * `scenario run` and `scenario check` share: the arena and its zones, the
 * circuit (a built-in name, or a file that loads), the simulation built from
 * them (the worm's start on the plate), and the neurons the scenario names.
 * Every refusal is a ScenarioError that names the scenario file and the line
 * of the field at fault, with the inner file's own message beneath it.
 */
import type { ScenarioSim } from './backend';
import { applyAction } from './actions';
import { ArenaError } from '../world/errors';
import type { ScenarioIssue } from './errors';
import { ScenarioError } from './errors';
import { sourceOf } from './parse';
import { validateRefs } from './refs';
import { suggest } from './schema';
import type { SimBackend } from './backend';
import { simulationOptions } from './sim-options';
import type { Scenario } from './types';
import { isCircuitPath } from './types';

export interface PreflightOptions {
  backend: SimBackend;
  seed: number;
  /** The scenario's file (circuit paths are relative to it). */
  file?: string;
}

function refuse(scenario: Scenario, file: string | undefined, path: Array<string | number>, message: string, fix: string): never {
  const src = sourceOf(scenario);
  const issue: ScenarioIssue = { path, ...src?.locate(path), message, fix };
  throw new ScenarioError(src?.file ?? file ?? scenario.name, [issue]);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** An inner error's message indented under the scenario's line. */
const indent = (text: string) => text.replace(/\n/g, '\n    ');

/** The arena's own problems, each at its line in the scenario. */
function arenaError(scenario: Scenario, file: string | undefined, e: ArenaError): never {
  const src = sourceOf(scenario);
  const issues: ScenarioIssue[] = e.issues.map((i) => {
    const path = ['arena', ...i.path];
    return { path, ...src?.locate(path), message: i.message, fix: 'see docs/world.md for the arena format' };
  });
  throw new ScenarioError(src?.file ?? file ?? scenario.name, issues);
}

/** Runs every check a run makes before its first step and returns the simulation built for it. Throws ScenarioError. */
export function preflight(scenario: Scenario, opts: PreflightOptions): ScenarioSim {
  const { backend, file } = opts;
  const zoneIds = zoneIdsOf(scenario, backend, file);
  const world = { ...(backend.arenaNames && { arenaNames: backend.arenaNames }), ...(zoneIds && { zoneIds }) };
  validateRefs(scenario, world);

  const circuit = scenario.circuit;
  if (!isCircuitPath(circuit) && backend.circuitNames && !backend.circuitNames.includes(circuit)) {
    const near = suggest(circuit, backend.circuitNames);
    refuse(
      scenario,
      file,
      ['circuit'],
      `unknown built-in circuit "${circuit}"`,
      `${near ? `did you mean "${near}"? ` : ''}built-in circuits: ${backend.circuitNames.join(', ')}; or a circuit file path relative to this file (./my.json)`,
    );
  }
  let options: ReturnType<typeof simulationOptions>;
  try {
    options = simulationOptions(scenario, opts.seed, backend, file);
  } catch (e) {
    refuse(scenario, file, ['circuit'], `the circuit file cannot be used:\n    ${indent(messageOf(e))}`, 'fix the circuit file, or name a built-in circuit');
  }
  let sim: ScenarioSim;
  try {
    sim = backend.createSimulation(options);
  } catch (e) {
    if (e instanceof ArenaError) arenaError(scenario, file, e);
    const at = scenario.worm && /start/.test(messageOf(e)) ? ['worm'] : [];
    refuse(scenario, file, at, messageOf(e), at.length ? 'move the worm onto open plate, or leave worm out to use the arena’s start' : 'see docs/scenarios.md');
  }
  validateRefs(scenario, { ...world, neuronIds: sim.neuronIds });
  return sim;
}

/**
 * The nervous-system edits of the timeline (set, ablate, cut) applied once,
 * in order, to a simulation that will not run: what `set` would refuse at
 * its time (an unknown parameter, a value out of the model's range) is
 * refused now, at its line. For `scenario check`; a run meets the same
 * checks when each action is due (see actionError).
 */
export function checkEdits(scenario: Scenario, sim: ScenarioSim, file?: string): void {
  scenario.timeline.forEach((item, i) => {
    const a = item.action;
    if (a.type !== 'set' && a.type !== 'ablate' && a.type !== 'cut') return;
    try {
      applyAction(sim, a);
    } catch (e) {
      throw actionError(scenario, i, e, file);
    }
  });
}

/** An action that failed when applied, placed at its timeline item's line. */
export function actionError(scenario: Scenario, index: number, e: unknown, file?: string): ScenarioError {
  const src = sourceOf(scenario);
  const item = scenario.timeline[index];
  const path = ['timeline', src ? src.fileTimelineIndex(index) : index, item?.action.type ?? ''];
  return new ScenarioError(src?.file ?? file ?? scenario.name, [
    { path, ...src?.locate(path), message: messageOf(e), fix: 'see docs/scenarios.md for this action' },
  ]);
}

function zoneIdsOf(scenario: Scenario, backend: SimBackend, file: string | undefined): readonly string[] | undefined {
  try {
    return backend.zoneIds?.(scenario.arena);
  } catch (e) {
    if (e instanceof ArenaError) arenaError(scenario, file, e);
    throw e;
  }
}
