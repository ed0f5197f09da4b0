import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runJobs } from '../scenario/pool';
import { loadExperimentFile } from './load';
import { experimentJobs, summarizeExperiment } from './run';
import { ABLATION_EXPERIMENT, FAKE_BACKEND } from './test-helpers/fixtures';
import { toWcon, validateWcon } from './wcon';

let file: string;
beforeAll(() => {
  file = join(mkdtempSync(join(tmpdir(), 'nw-exp-')), 'ablation.experiment.yaml');
  writeFileSync(file, ABLATION_EXPERIMENT);
});

describe('experiment runs', () => {
  it('one job per worm per group, the same seeds in every group', () => {
    const exp = loadExperimentFile(file);
    const jobs = experimentJobs(file, exp, { worms: 3, seed: 10 });
    expect(jobs.map((j) => `${j.group}:${j.seed}`)).toEqual(['intact:10', 'intact:11', 'intact:12', 'ablated:10', 'ablated:11', 'ablated:12']);
    expect(experimentJobs(file, exp)).toHaveLength(12);
  });

  it('the same numbers with 1 and 2 workers; the ablation shows in the statistics and the compares', async () => {
    const exp = loadExperimentFile(file);
    const jobs = experimentJobs(file, exp);
    const one = summarizeExperiment(file, exp, await runJobs(jobs, { workers: 1, backendModule: FAKE_BACKEND }));
    const two = summarizeExperiment(file, exp, await runJobs(jobs, { workers: 2, backendModule: FAKE_BACKEND }));
    expect(two).toEqual(one);
    const [intact, ablated] = one.groups;
    expect(intact!.measures.reversal!.stats.n).toBe(6);
    expect(intact!.measures.reversal!.passRate).toBe(1);
    expect(ablated!.measures.reversal!.stats).toMatchObject({ n: 0, missing: 6 });
    // The double's latency depends on the seed: six worms, not six copies.
    expect(intact!.measures.reversal!.stats.sd).toBeGreaterThan(0);
    expect(one.compare.map((c) => c.pass)).toEqual([true, true]);
    expect(one.compare[0]!.p).toBeLessThan(0.05);
    expect(one.pass).toBe(true);
    expect(one.simMs).toBe(12 * 4000);
  });

  it('a compare that states the wrong direction fails on the same runs', async () => {
    writeFileSync(file, ABLATION_EXPERIMENT.replace('intact.backward - ablated.backward >= 0.05', 'ablated.backward - intact.backward >= 0.05'));
    try {
      const exp = loadExperimentFile(file);
      const r = summarizeExperiment(file, exp, await runJobs(experimentJobs(file, exp), { workers: 1, backendModule: FAKE_BACKEND }));
      expect(r.compare[0]!.pass).toBe(false);
      expect(r.pass).toBe(false);
    } finally {
      writeFileSync(file, ABLATION_EXPERIMENT);
    }
  });

  it('a run that fails counts as missing, and the experiment does not pass', async () => {
    const exp = loadExperimentFile(file);
    const results = await runJobs(experimentJobs(file, exp, { worms: 2 }), { workers: 1, backendModule: FAKE_BACKEND });
    results[0] = { file, name: 'x', seed: results[0]!.seed, group: 'intact', error: 'boom' };
    const r = summarizeExperiment(file, exp, results, { worms: 2 });
    expect(r.groups[0]!.errors).toEqual([`seed ${results[0]!.seed}: boom`]);
    expect(r.groups[0]!.finished).toEqual([false, true]);
    expect(r.groups[0]!.measures.reversal!.values[0]).toBeNull();
    expect(r.pass).toBe(false);
  });

  it('body points export as valid WCON, one record per worm', async () => {
    const exp = loadExperimentFile(file);
    const results = await runJobs(experimentJobs(file, exp, { worms: 2, poseEveryMs: 100 }), { workers: 1, backendModule: FAKE_BACKEND });
    const doc = toWcon(
      exp.name,
      'intact',
      results.filter((r) => r.group === 'intact'),
      { name: 'neuroworm', version: 'test' },
    );
    expect(validateWcon(doc)).toEqual([]);
    expect(doc.data.map((d) => d.id)).toEqual(['intact-seed3', 'intact-seed4']);
    const rec = doc.data[0]!;
    expect(rec.t[0]).toBe(0);
    expect(rec.t.at(-1)).toBe(4);
    expect(rec.t).toHaveLength(41);
    expect(rec.x[0]).toHaveLength(12); // the double's 12 segments
    // The worm moved: its head is somewhere else at the end.
    expect(Math.hypot(rec.x.at(-1)![0]! - rec.x[0]![0]!, rec.y.at(-1)![0]! - rec.y[0]![0]!)).toBeGreaterThan(0.05);
  });
});

describe('validateWcon', () => {
  it('names what a file lacks', () => {
    expect(validateWcon([])).toEqual(['a WCON file is a JSON object']);
    expect(validateWcon({ data: [] })).toEqual(['units is required']);
    expect(validateWcon({ units: { t: 's', x: 'mm' }, data: [], extra: 1 })).toEqual([
      'top-level key "extra" is not WCON (custom keys start with @)',
      'units.y is required (a unit such as "s" or "mm")',
    ]);
    const units = { t: 's', x: 'mm', y: 'mm' };
    expect(validateWcon({ units, data: [{ t: [0, 1], x: [[0]], y: [[0], [1]] }] })).toEqual([
      'data[0].id is required',
      'data[0].x must have one entry per time (2)',
    ]);
    expect(validateWcon({ units, data: [{ id: 'a', t: [1, 0], x: [[0], [1, 2]], y: [[0], [1]], speed: 2 }] })).toEqual([
      'data[0].t is not increasing at 1',
      'data[0]: x and y differ in length at time 1',
      'data[0].speed is not WCON (custom keys start with @)',
    ]);
    expect(validateWcon({ units, data: [{ id: 'a', t: [0], x: [[0]], y: [[0]], '@mine': 1 }], '@lab': 'x' })).toEqual([]);
  });
});
