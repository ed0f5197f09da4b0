/**
 * Every file under examples/ loads with the loader its command uses, so an
 * example cannot rot when a format moves on: evolve specs with the circuit and
 * scenarios they name (`neuroworm evolve`), experiments (`neuroworm
 * experiment run`), scenarios with their circuit, and the best circuits the
 * example runs saved. Nothing is run; loading is where a user's first error
 * would come from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCircuit } from '../../src/circuits/circuit';
import { loadEvolveProblem } from '../../src/evolve/node/load';
import { loadExperimentFile } from '../../src/experiment/load';
import { loadScenarioFile } from '../../src/scenario/load';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const all = filesUnder(EXAMPLES).map((f) => relative(ROOT, f));
const named = (re: RegExp) => all.filter((f) => re.test(f));

describe('examples/: every file loads with its command’s loader', () => {
  it('the folder has examples of each kind (a check over nothing would pass)', () => {
    for (const re of [/\.evolve\.ya?ml$/, /\.experiment\.ya?ml$/, /\.scenario\.ya?ml$/, /best\.circuit\.json$/])
      expect(named(re).length, String(re)).toBeGreaterThan(0);
  });

  it.each(named(/\.evolve\.ya?ml$/))('%s: the spec, its circuit and scenarios build a problem', (f) => {
    const problem = loadEvolveProblem(join(ROOT, f));
    expect(problem.parsed.spec.fitness.scenarios.length).toBeGreaterThan(0);
  });

  it.each(named(/\.experiment\.ya?ml$/))('%s: the experiment loads', (f) => {
    expect(loadExperimentFile(join(ROOT, f)).groups.length).toBeGreaterThan(0);
  });

  it.each(named(/\.scenario\.ya?ml$/))('%s: the scenario and its circuit load', (f) => {
    expect(loadScenarioFile(join(ROOT, f)).circuit).toBeTruthy();
  });

  it.each(named(/\.circuit\.json$/))('%s: the circuit parses', (f) => {
    expect(parseCircuit(readFileSync(join(ROOT, f), 'utf8'), f).doc.neurons.length).toBeGreaterThan(0);
  });
});
