/**
 * Issue 18's chemotaxis target on the imported connectome (importer's defaults), 5 seeds, through the experiment
 * runner: connectome-chemotaxis.experiment.yaml (food-gradient arena, 3 minutes, intact against ASE+AWC ablated).
 * **Not reached** (session 19, `s19-chemo`; docs/biology.md, "Chemotaxis and the sensory ablations on the
 * connectome worm"): every worm, intact or ablated, ends 1.3 mm farther from the food after a minute (index −1 in
 * each group) and none comes nearer than 5.3 mm in 3 minutes. The odour moves ASE and AWC by < 0.01 mV (the import's
 * chemical gain is 1, never fitted), and even ×1000 (ASE 5 mV, AWC 11 mV) moves AIY 0.05 mV in the first second:
 * the signal dies at transduction and again at the sensors' first synapses (they rest 15 mV below release).
 *
 * So the target is written as it is asked, in the experiment file, and the test asserts that its compares do not
 * hold (every run finishing): it fails the day the worm finds the food, when it must assert that they do. The
 * control shows the experiment can pass: the same file on the built-in `worm` (74 neurons) holds its index against
 * the all-chemosensors-ablated control (+1.0 against −0.6, seeds 1–5), though not against ASE+AWC ablated (AWA
 * alone steers that worm).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import type { Circuit } from '../../src/circuits/types';
import { type Experiment, parseExperiment } from '../../src/experiment/load';
import { formatExperiment } from '../../src/experiment/report';
import { type ExperimentResult, experimentJobs, summarizeExperiment } from '../../src/experiment/run';
import { type SimBackend, simBackend } from '../../src/scenario/backend';
import { runJob } from '../../src/scenario/jobs';
import { importWorm } from './connectome-measure';

const FILE = join(import.meta.dirname, 'connectome-chemotaxis.experiment.yaml');
const EXPERIMENT = parseExperiment(readFileSync(FILE, 'utf8'), FILE);

/** The file's groups and compares cut to those named (10 worms × 3 min instead of 20), its circuit file given as `circuit`. */
function run(circuit: Circuit, groups: readonly string[], compares: readonly number[]): ExperimentResult {
  const exp: Experiment = {
    ...EXPERIMENT,
    groups: EXPERIMENT.groups.filter((g) => groups.includes(g.name)),
    compare: compares.map((i) => EXPERIMENT.compare[i]),
  };
  const backend: SimBackend = { ...simBackend, loadCircuitFile: () => circuit };
  const results = experimentJobs(FILE, exp).map((job) => runJob(job, backend));
  return summarizeExperiment('connectome-chemotaxis.experiment.yaml', exp, results);
}

describe('chemotaxis on the connectome worm (issue 18)', () => {
  it('the file is the target as issue 18 asks it: 5 worms, food-gradient, 3 minutes, against ASE+AWC ablated', () => {
    expect(EXPERIMENT.worms).toBe(5);
    expect(EXPERIMENT.groups.map((g) => g.name)).toEqual(['intact', 'ase_awc_ablated', 'ase_ablated', 'chemosensors_ablated']);
    expect(EXPERIMENT.compare[0].text).toMatch(/intact\.approach - ase_awc_ablated\.approach >= 0\.5/);
  });

  it('the experiment can pass: on the built-in worm the index beats the all-chemosensors-ablated control', () => {
    const r = run(getBuiltinCircuit('worm'), ['intact', 'chemosensors_ablated'], [2]);
    expect(r.pass, formatExperiment(r)).toBe(true);
  });

  // The target, not reached: asserted as not holding, with every run finished (a crash cannot pass for "not reached").
  // When the worm finds the food this fails: then assert r.pass instead.
  it('NOT REACHED: the connectome worm does not reach the food nor beat the ASE+AWC-ablated control (seeds 1–5; index −1 in both)', () => {
    const r = run(importWorm(), ['intact', 'ase_awc_ablated'], [0, 1]);
    for (const g of r.groups) expect(g.finished.every(Boolean), `${g.name}: ${g.errors.join('; ')}`).toBe(true);
    expect(
      r.compare.map((c) => c.pass),
      formatExperiment(r),
    ).toEqual([false, false]);
  });
});
