import { Command, CommanderError } from 'commander';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ABLATION_EXPERIMENT, FAKE_BACKEND } from '../experiment/test-helpers/fixtures';
import { CSV_COLUMNS } from '../experiment/report';
import { validateWcon } from '../experiment/wcon';
import { checkWellFormedXml } from '../scenario/test-helpers/xml';
import { experimentCommand } from './experiment';

/** Runs `neuroworm experiment ...` as main() does, on the scenario test double. */
async function cli(args: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  const program = new Command('neuroworm').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  program.addCommand(experimentCommand(io, { backendModule: FAKE_BACKEND, progress: 'lines' }));
  let code = 0;
  try {
    await program.parseAsync(['experiment', ...args], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode;
    else throw e;
  }
  return { code, ...io };
}

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nw-exp-cli-'));
  file = join(dir, 'ablation.experiment.yaml');
  writeFileSync(file, ABLATION_EXPERIMENT);
});

describe('neuroworm experiment run', () => {
  it('prints each group’s statistics and each compare’s verdict, and writes every report', async () => {
    const out = join(dir, 'out');
    const r = await cli([
      'run',
      file,
      '--worms',
      '4',
      '--workers',
      '1',
      '--json',
      join(out, 'r.json'),
      '--junit',
      join(out, 'r.xml'),
      '--csv',
      join(out, 'r.csv'),
      '--report',
      join(out, 'report'),
      '--wcon',
      join(out, 'wcon'),
    ]);
    expect(r.stderr).toMatch(/\[8\/8\]/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/experiment "fake ablation": 4 worms per group, individuals, seeds 3\.\.6/);
    expect(r.stdout).toMatch(/backward \(mm\)\n\s+group\s+n\s+missing\s+mean\s+median\s+SD\s+95% CI of mean\s+met bound\n\s+intact\s+4\s+0/);
    expect(r.stdout).toMatch(
      /✓ intact\.backward - ablated\.backward >= 0\.05\n\s+estimate [\d.]+, 95% CI \[[\d.]+, [\d.]+\], Cliff's delta 1 \(large\), p [\d.]+/,
    );
    expect(r.stdout).toMatch(/PASS 2\/2 compares hold/);
    expect(r.stdout).toMatch(/8 worms, 32\.0 worm-s in .* with 1 worker: [\d.]+ worm-s per wall-s/);

    const json = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8'));
    expect(json).toMatchObject({ format: 'neuroworm-experiment-report', version: 1, pass: true, worms: 4 });
    expect(json.groups[0].measures.backward.values).toHaveLength(4);
    checkWellFormedXml(readFileSync(join(out, 'r.xml'), 'utf8'));
    expect(readFileSync(join(out, 'r.xml'), 'utf8')).toMatch(/tests="2" failures="0" errors="0"/);

    const csv = readFileSync(join(out, 'r.csv'), 'utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv).toHaveLength(1 + 2 * 4 * 2); // groups × worms × measures
    expect(csv[1]).toMatch(/^fake ablation,intact,1,3,reversal,\d+,ms,true,true$/);
    expect(csv.filter((l) => l.includes(',ablated,') && l.includes(',reversal,'))).toEqual(
      [1, 2, 3, 4].map((w) => `fake ablation,ablated,${w},${w + 2},reversal,,ms,false,true`),
    );

    const svg = readFileSync(join(out, 'report', 'report.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns/);
    expect(svg.match(/<title>intact seed \d: [\d.]+ mm<\/title>/g)).toHaveLength(4);
    expect(svg).toContain('ablated: tracks of 4 worms');
    expect(readFileSync(join(out, 'report', 'report.html'), 'utf8')).toContain(svg);
    for (const g of ['intact', 'ablated']) {
      const w = JSON.parse(readFileSync(join(out, 'wcon', `${g}.wcon`), 'utf8'));
      expect(validateWcon(w)).toEqual([]);
      expect(w.data).toHaveLength(4);
    }
  });

  it('exits 1 with the summary when a compare fails', async () => {
    const bad = join(dir, 'wrong.experiment.yaml');
    writeFileSync(bad, ABLATION_EXPERIMENT.replace('intact.backward - ablated.backward', 'ablated.backward - intact.backward'));
    const r = await cli(['run', bad, '--worms', '3', '--workers', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ ablated\.backward - intact\.backward >= 0\.05/);
    expect(r.stdout).toMatch(/FAIL 1\/2 compares hold/);
  });

  it('refuses a bad file with its line, and bad outputs, before any worm runs', async () => {
    const bad = join(dir, 'bad.experiment.yaml');
    writeFileSync(bad, ABLATION_EXPERIMENT.replace('ablate: [AVA]', 'ablate: [AVX]'));
    const r = await cli(['run', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/group ablated: .*bad\.experiment\.yaml:\d+:\d+: .*AVX/);
    expect(r.stdout).toBe('');

    const broken = join(dir, 'broken.experiment.yaml');
    writeFileSync(broken, ABLATION_EXPERIMENT.replace('duration: 4s', 'duration: 4 parsecs'));
    const b = await cli(['run', broken]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('broken.experiment.yaml:8:13: scenario.duration: "4 parsecs" is not a time');

    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    const o = await cli(['run', file, '--csv', join(dir, 'a-folder')]);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/--csv .*a-folder: it is a folder; give a file name/);
    expect(o.stdout).toBe('');

    const w = await cli(['run', file, '--worms', '0']);
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/--worms "0": 0 is below 1; allowed: whole numbers 1 \.\. 1000/);
  });
});

describe('neuroworm experiment check', () => {
  it('says ok with the groups, measures and compares, or the problems', async () => {
    const r = await cli(['check', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^ok {4}.*ablation\.experiment\.yaml {2}\(fake ablation: groups intact, ablated; measures reversal, backward; 2 compares; 6 worms per group\)\n$/,
    );
    const bad = join(dir, 'bad2.experiment.yaml');
    writeFileSync(bad, ABLATION_EXPERIMENT.replace('intact.backward - ablated', 'intact.backward - ablatd'));
    const b = await cli(['check', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/bad2\.experiment\.yaml:20:\d+: compare\[0\]\.that: no group "ablatd"\n\s+fix: did you mean "ablated"\?/);
  });
});
