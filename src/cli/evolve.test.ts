import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCircuit } from '../circuits/circuit';
import { evolveCommand } from './evolve';
import { workerCommand } from './worker';

const FIXTURES = new URL('../../test/fixtures/evolve/', import.meta.url).pathname;

/** Runs `neuroworm evolve|worker ...` as main() does. */
async function cli(args: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  const program = new Command('neuroworm').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  program.addCommand(evolveCommand(io, { progress: 'lines' }));
  program.addCommand(workerCommand(io, { until: Promise.resolve() }));
  let code = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode;
    else {
      io.err(`neuroworm: ${e instanceof Error ? e.message : String(e)}\n`);
      code = 1;
    }
  }
  return { code, ...io };
}

let dir: string;
let spec: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nw-evolve-'));
  cpSync(FIXTURES, dir, { recursive: true });
  spec = join(dir, 'tiny.evolve.yaml');
});

describe('neuroworm evolve', () => {
  it('evolves, writes every output, checks the held-out seeds, and resumes', async () => {
    const r = await cli(['evolve', spec, '--workers', '1']);
    expect(r.stderr).toContain('evolve "tiny crawl": 4 free values, CMA-ES, 1 scenario × 2 seeds, up to 3 generations on this thread');
    expect(r.stderr).toMatch(/generation 3\/3 {2}best /);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('3 generations run (budget)');
    expect(r.stdout).toMatch(/held-out seeds 3:\n {2}[01]\/1 pass {2}short crawl/);
    const out = join(dir, 'tiny.out');
    const csv = readFileSync(join(out, 'generations.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('generation,evaluations,best,median,mean,worst,bestEver,bestPassed,runs,unstable,simSeconds,wallMs,sigma,species');
    expect(csv).toHaveLength(4);
    const best = parseCircuit(readFileSync(join(out, 'best.circuit.json'), 'utf8'), 'best.circuit.json');
    expect(best.doc.name).toBe('Locomotion (evolved)');
    expect(best.doc.description).toMatch(/^Evolved by neuroworm evolve from tiny\.evolve\.yaml \("tiny crawl", seed 7\): generation \d, fitness/);
    expect(readFileSync(join(out, 'fitness.svg'), 'utf8')).toMatch(/^<svg[\s\S]*best so far[\s\S]*<\/svg>\n$/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ format: 'neuroworm-evolve-report', status: 'budget', generations: 3, evaluations: 12 });
    expect(report.heldOut).toHaveLength(1);
    expect(report.throughput.simulatedSeconds).toBe(72);

    const again = await cli(['evolve', spec, '--workers', '1']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds a run .*use --resume to continue it, --force to start over/);

    const more = await cli(['evolve', spec, '--workers', '1', '--resume', '--generations', '4']);
    expect(more.code, more.stderr).toBe(0);
    expect(more.stderr).toContain('resuming after generation 3');
    const csv4 = readFileSync(join(out, 'generations.csv'), 'utf8').trim().split('\n');
    expect(csv4.slice(0, 4)).toEqual(csv.slice(0, 4));
    expect(csv4).toHaveLength(5);
  });

  it('refuses a bad spec before running, naming the file, line and fix', async () => {
    const bad = join(dir, 'bad.evolve.yaml');
    writeFileSync(bad, readFileSync(spec, 'utf8').replace('of: AVB, range: [0, 3]', 'of: AVBX, range: [0, 3]').replace('population: 4', 'populaton: 4'));
    const r = await cli(['evolve', bad, '--workers', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.evolve\.yaml:\d+:\d+: optimiser.cmaes.populaton: unknown field "populaton" in cmaes\n {2}fix: did you mean "population"\?/);
    expect(existsSync(join(dir, 'bad.out'))).toBe(false);
    writeFileSync(bad, readFileSync(spec, 'utf8').replace('of: AVB, range: [0, 3]', 'of: AVBX, range: [0, 3]'));
    const r2 = await cli(['evolve', bad, '--workers', '1']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/bad\.evolve\.yaml:10:26: free\[0\]\.of: circuit "Locomotion" has no neuron or class "AVBX"\n {2}fix: did you mean "AVB"\?/);
  });

  it('refuses a queue that is not a Redis URL or does not answer, and --workers with --queue', async () => {
    const both = await cli(['evolve', spec, '--workers', '2', '--queue', 'redis://127.0.0.1:1']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--workers or --queue, not both/);
    const notUrl = await cli(['evolve', spec, '--queue', 'localhost:6379', '--out', join(dir, 'q.out')]);
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toMatch(/"localhost:6379" is not a Redis URL; write redis:\/\/HOST:PORT/);
    const worker = await cli(['worker', '--queue', 'redis://127.0.0.1:1', '--threads', '1']);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  });
});
