/**
 * The shipped experiments (examples/experiments/) on the real simulation,
 * each with a small population so the suite stays quick: every compare must
 * hold and every run finish. The habituation series (650 s of worm per
 * individual) is checked (format, groups, preflight) here and run by hand
 * (docs/experiments.md gives its measured numbers and the command).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadExperimentFile } from '../../src/experiment/load';
import { formatExperiment } from '../../src/experiment/report';
import { experimentJobs, summarizeExperiment } from '../../src/experiment/run';
import { simBackend } from '../../src/scenario/backend';
import { runJob } from '../../src/scenario/jobs';
import { preflight } from '../../src/scenario/preflight';

const dir = fileURLToPath(new URL('../../examples/experiments/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.experiment.yaml'))
  .sort();

/** Individuals per group in this suite: enough for p < 0.01 between groups that do not overlap (8 + 8: p ≥ 1.6e-4). */
const WORMS: Record<string, number> = {
  'ava-ablation.experiment.yaml': 8,
  'chemotaxis-ase.experiment.yaml': 6,
  // Half-millimetre effects on an all-or-none test tap: 10 a group for p < 0.05 (held-out blocks: p 2e-4 .. 0.03).
  'dishabituation.experiment.yaml': 10,
};

describe('examples/experiments', () => {
  it('has the four worked examples of docs/experiments.md', () => {
    expect(files).toEqual([
      'ava-ablation.experiment.yaml',
      'chemotaxis-ase.experiment.yaml',
      'dishabituation.experiment.yaml',
      'habituation-isi.experiment.yaml',
    ]);
  });

  for (const f of files) {
    const file = `${dir}${f}`;
    it(`${f}: every group passes preflight`, () => {
      const exp = loadExperimentFile(file);
      for (const g of exp.groups) expect(() => preflight(g.scenario, { backend: simBackend, seed: exp.seed, file })).not.toThrow();
    });
    const worms = WORMS[f];
    if (worms === undefined) continue;
    it(`${f}: every compare holds with ${worms} individuals per group`, () => {
      const exp = loadExperimentFile(file);
      const results = experimentJobs(file, exp, { worms }).map((job) => runJob(job, simBackend));
      const r = summarizeExperiment(f, exp, results, { worms });
      expect(r.pass, formatExperiment(r)).toBe(true);
    });
  }
});
