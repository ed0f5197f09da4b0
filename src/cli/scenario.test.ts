import { Command, CommanderError } from 'commander';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load';
import { checkWellFormedXml } from '../scenario/test-helpers/xml';
import { main } from './main';
import { scenarioCommand } from './scenario';

const FAKE = new URL('../scenario/test-helpers/fake-backend-module.ts', import.meta.url).href;

/** Runs `neuroworm scenario ...` like main() does, with the test double as the simulation. */
async function cli(args: string[], whileRunning?: () => void) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  const program = new Command('neuroworm').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  program.addCommand(scenarioCommand(io, { backendModule: FAKE, progress: 'lines', ...(whileRunning && { afterRun: whileRunning }) }));
  let code = 0;
  try {
    await program.parseAsync(['scenario', ...args], { from: 'user' });
  } catch (e) {
    // As main() does: commander's own exits keep their code; anything else is printed and exits 1.
    if (e instanceof CommanderError) code = e.exitCode;
    else {
      io.err(`neuroworm: ${e instanceof Error ? e.message : String(e)}\n`);
      code = 1;
    }
  }
  return { code, ...io };
}

const HEAD = 'format: neuroworm-scenario\nversion: 1\ncircuit: worm\n';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nw-cli-'));
  mkdirSync(join(dir, 'suite', 'nested'), { recursive: true });
  writeFileSync(
    join(dir, 'suite', 'touch.scenario.yaml'),
    `${HEAD}name: head touch\nseed: 7\nduration: 5s\ntimeline:\n  - at: 1s\n    label: head\n    poke: {position: 0.05}\nexpect:\n  - reverses: {after: head, within: 1.5s}\nplot: {neurons: [AVA, AVB]}\n`,
  );
  writeFileSync(
    join(dir, 'suite', 'nested', 'water.scenario.json'),
    JSON.stringify({
      format: 'neuroworm-scenario',
      version: 1,
      name: 'water <fast> & "bendy"',
      circuit: 'worm',
      duration: '3s',
      medium: 'water',
      expect: [{ bendingFrequency: { between: [1.5, 2.5] } }],
    }),
  );
  writeFileSync(join(dir, 'suite', 'notes.yaml'), 'not a scenario: ignored by folder search\n');
  writeFileSync(
    join(dir, 'failing.scenario.yaml'),
    `${HEAD}name: ablated still reverses\nduration: 5s\ntimeline:\n  - at: 0.5s\n    ablate: {neuron: AVA}\n  - at: 1s\n    label: head\n    poke: {position: 0.05}\nexpect:\n  - reverses: {after: head, within: 2s}\n`,
  );
  writeFileSync(join(dir, 'broken.scenario.yaml'), `${HEAD}name: broken\nduration: 5 parsecs\n`);
});

describe('neuroworm scenario run', () => {
  it('runs a folder recursively, prints the table and exits 0 when everything passes', async () => {
    const r = await cli(['run', join(dir, 'suite'), '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/head touch \[seed 7\]\s+PASS/);
    expect(r.stdout).toMatch(/✓ reverses within 1\.5 s after head\s+3\d\d ms \(≤ 1500\)/);
    expect(r.stdout).toMatch(/water <fast> & "bendy" \[seed 1\]\s+PASS/);
    expect(r.stdout).toMatch(/2\/2 runs passed/);
    expect(r.stderr).toMatch(/\[\d\/2\] PASS head touch \[seed 7\]/);
  });

  it('exits 1 on a failing expectation and shows measured value, bound, seed and the command to reproduce', async () => {
    const r = await cli(['run', join(dir, 'failing.scenario.yaml'), '--workers', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ablated still reverses \[seed 1\]\s+FAIL/);
    expect(r.stdout).toMatch(/✗ reverses within 2 s after head\s+— \(≤ 2000\)/);
    expect(r.stdout).toMatch(
      /failed with seed 1[\s\S]*measured —, bound ≤ 2000 ms[\s\S]*reproduce: npx neuroworm scenario run .*failing\.scenario\.yaml --seed 1/,
    );
  });

  it('reports broken files as errors with file, line and fix, and still runs the others', async () => {
    const r = await cli(['run', join(dir, 'broken.scenario.yaml'), join(dir, 'suite', 'touch.scenario.yaml'), '--workers', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken\.scenario\.yaml:5:11: duration: "5 parsecs" is not a time\n {2}fix: write a time/);
    expect(r.stdout).toMatch(/head touch \[seed 7\]\s+PASS/);
  });

  it('--seed and --repeat: K seeds from N, with pass rates and measured ranges', async () => {
    const r = await cli(['run', join(dir, 'suite', 'touch.scenario.yaml'), '--seed', '20', '--repeat', '3', '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/head touch \[seeds 20\.\.22\]\s+3\/3 \(100%\)/);
    expect(r.stdout).toMatch(/✓ reverses within 1\.5 s after head\s+3\/3\s+3\d\d\.\.3\d\d ms \(≤ 1500\)/);
  });

  it('worker threads give the same results as one thread', async () => {
    const one = join(dir, 'one.json');
    const two = join(dir, 'two.json');
    expect((await cli(['run', join(dir, 'suite'), '--repeat', '2', '--workers', '1', '--json', one])).code).toBe(0);
    expect((await cli(['run', join(dir, 'suite'), '--repeat', '2', '--workers', '2', '--json', two])).code).toBe(0);
    const strip = (f: string) => {
      const j = JSON.parse(readFileSync(f, 'utf8')) as { results: Array<{ report: { wallMs: number } }> };
      j.results.forEach((r) => (r.report.wallMs = 0));
      return j;
    };
    expect(strip(two)).toEqual(strip(one));
    expect(strip(one)).toMatchObject({ format: 'neuroworm-scenario-report', runs: 4, passed: 4 });
  }, 60_000);

  it('--junit writes well-formed JUnit XML with failures and errors; --json the same runs', async () => {
    const junit = join(dir, 'out.xml');
    const json = join(dir, 'out.json');
    const r = await cli(['run', dir, '--workers', '1', '--junit', junit, '--json', json]);
    expect(r.code).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    checkWellFormedXml(xml);
    expect(xml).toMatch(/<testsuites name="neuroworm scenarios" tests="4" failures="1" errors="1"/);
    expect(xml).toContain('name="water &lt;fast&gt; &amp; &quot;bendy&quot; [seed 1]"');
    expect(xml).toMatch(/<failure message="reverses within 2 s after head: measured —, bound ≤ 2000">/);
    expect(xml).toMatch(/<error message="[^"]*broken\.scenario\.yaml:5:11: duration/);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { runs: number; passed: number; scenarios: Array<{ passRate: number }> };
    expect(report).toMatchObject({ runs: 4, passed: 2 });
  });

  it('--plot writes one SVG per run with the path, stimuli and neuron traces', async () => {
    const plots = join(dir, 'plots');
    const r = await cli(['run', join(dir, 'suite'), '--workers', '1', '--plot', plots]);
    expect(r.code).toBe(0);
    expect(readdirSync(plots).sort()).toEqual(['touch-seed7.svg', 'water-seed1.svg']);
    const svg = readFileSync(join(plots, 'touch-seed7.svg'), 'utf8');
    checkWellFormedXml(svg);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('head touch — seed 7');
    expect((svg.match(/<polyline /g) ?? []).length).toBe(2 + 4); // centroid, nose, AVAL, AVAR, AVBL, AVBR
    expect(svg).toMatch(/<title>1 s: poke 0\.05 both gentle \(head\)<\/title>/);
    expect(svg).toMatch(/reversal/);
  });

  it('makes missing parent folders for --junit, --json and --plot', async () => {
    const out = join(dir, 'deep', 'er', 'out');
    const r = await cli([
      'run',
      join(dir, 'suite', 'touch.scenario.yaml'),
      '--workers',
      '1',
      '--junit',
      join(out, 'x.xml'),
      '--json',
      join(out, 'r', 'x.json'),
      '--plot',
      join(out, 'p'),
    ]);
    expect(r.code).toBe(0);
    checkWellFormedXml(readFileSync(join(out, 'x.xml'), 'utf8'));
    expect(JSON.parse(readFileSync(join(out, 'r', 'x.json'), 'utf8'))).toMatchObject({ runs: 1, passed: 1 });
    expect(readdirSync(join(out, 'p'))).toEqual(['touch-seed7.svg']);
  });

  it('refuses an unusable output path before running (exit 2, the path and why) and never writes over an input', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const touch = join(dir, 'suite', 'touch.scenario.yaml');
    const before = readFileSync(touch, 'utf8');
    const cases: Array<[string[], RegExp]> = [
      [['--junit', join(file, 'x.xml')], /--junit .*a-file\/x\.xml: .*a-file is a file, not a folder/],
      [['--json', join(dir, 'suite')], /--json .*suite: it is a folder; give a file name/],
      [['--plot', file], /--plot .*a-file: it is a file; give a folder/],
      [['--json', touch], /--json .*touch\.scenario\.yaml: it is also an input of this command/],
      [['--json', join(dir, 'same.out'), '--junit', join(dir, 'same.out')], /--junit .*same\.out: --json writes the same path/],
    ];
    for (const [flags, message] of cases) {
      const r = await cli(['run', touch, '--workers', '1', ...flags]);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe(''); // refused before the run: no table
    }
    expect(readFileSync(touch, 'utf8')).toBe(before);
  });

  it('prints the summary even when writing a report fails, then says so and exits 1', async () => {
    const out = join(dir, 'vanishing');
    const r = await cli(['run', join(dir, 'suite', 'touch.scenario.yaml'), '--workers', '1', '--json', join(out, 'r.json')], () => {
      // The folder checked before the run is replaced by a file while it runs.
      rmSync(out, { recursive: true });
      writeFileSync(out, 'in the way');
    });
    expect(r.stdout).toMatch(/head touch \[seed 7\]\s+PASS/);
    expect(r.stderr).toMatch(/could not write the JSON report .*vanishing\/r\.json/);
    expect(r.code).toBe(1);
  });

  it('refuses bad arguments with a message and a non-zero exit', async () => {
    expect((await cli(['run', dir, '--repeat', '0'])).stderr).toMatch(/--repeat "0": 0 is below 1; allowed: whole numbers 1 \.\. 10000/);
    expect((await cli(['run', dir, '--workers', 'two'])).code).not.toBe(0);
    expect((await cli(['run', dir, '--seed', '-1'])).code).not.toBe(0);
    const missing = await cli(['run', join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope: no such file or folder/);
    const empty = mkdtempSync(join(tmpdir(), 'nw-empty-'));
    expect((await cli(['run', empty])).stderr).toMatch(/no \*\.scenario\.yaml/);
    expect((await cli(['run'])).stderr).toMatch(/missing required argument 'paths'/);
  });
});

describe('neuroworm scenario check and record', () => {
  it('check validates without running', async () => {
    const ok = await cli(['check', join(dir, 'suite')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ok {4}.*touch\.scenario\.yaml {2}\(head touch: 1 action, 1 expectation, 5 s\)/);
    const bad = await cli(['check', join(dir, 'broken.scenario.yaml')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/error .*broken\.scenario\.yaml:5:11/);
  });

  it('record turns a game recording into a scenario that loads back', async () => {
    const rec = join(dir, 'play.json');
    writeFileSync(
      rec,
      JSON.stringify({
        circuit: 'touch-withdrawal',
        seed: 4,
        actions: [
          { atMs: 3000, action: 'tap' },
          { atMs: 1200, action: 'poke', position: 0.1, side: 1, kind: 'gentle' },
          { atMs: 5000, action: 'food', x: 1, y: 2 },
        ],
      }),
    );
    const printed = await cli(['record', rec]);
    expect(printed.code).toBe(0);
    const s = parseScenario(printed.stdout);
    expect(s).toMatchObject({ name: 'play', circuit: 'touch-withdrawal', seed: 4, durationMs: 10_000, expect: [] });
    expect(s.timeline.map((t) => [t.atMs, t.label, t.action.type])).toEqual([
      [1200, 'poke1', 'poke'],
      [3000, 'tap1', 'tap'],
      [5000, 'food1', 'food'],
    ]);
    expect(s.timeline[0].action).toEqual({ type: 'poke', position: 0.1, side: 'left', kind: 'gentle' });

    const out = join(dir, 'rec.scenario.yaml');
    expect((await cli(['record', rec, '-o', out, '--name', 'replay', '--duration', '20s', '--circuit', 'worm'])).code).toBe(0);
    expect(parseScenario(readFileSync(out, 'utf8'))).toMatchObject({ name: 'replay', durationMs: 20_000, circuit: 'worm' });
    expect((await cli(['record', rec, '-o', out])).stderr).toMatch(/exists; use --force/);
    expect((await cli(['record', rec, '-o', out, '--force'])).code).toBe(0);
    const self = await cli(['record', rec, '-o', rec, '--force']);
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/--out .*play\.json: it is also an input of this command/);
    expect(JSON.parse(readFileSync(rec, 'utf8'))).toMatchObject({ seed: 4 });
  });

  it('record refuses a malformed recording naming the line and field', async () => {
    const rec = join(dir, 'bad-play.json');
    writeFileSync(rec, '[\n  {"atMs": 100, "action": "tap"},\n  {"atMs": 200, "action": "poke", "position": 2}\n]\n');
    const r = await cli(['record', rec]);
    expect(r.code).not.toBe(0);
    expect(r.stderr + r.stdout).toMatch(/bad-play\.json:3:\d+: \[1\]\.position: .*above 1[\s\S]*fix: /);
  });

  it('record names the field and the problem for each bad recording (it said "(top level): Invalid input", or blamed <output>)', async () => {
    const rec = (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    const cases: Array<[string, string, RegExp]> = [
      ['r-empty.json', '', /r-empty\.json: \(whole file\): a recording is a list of actions or a mapping with "actions", got null/],
      [
        'r-action.json',
        '[{"atMs": 1, "action": "teleport"}]',
        /r-action\.json:1:\d+: \[0\]\.action: action "teleport" is not allowed\n {2}fix: use one of: poke, tap/,
      ],
      ['r-nan.json', '[{"atMs": "NaN", "action": "tap"}]', /r-nan\.json:1:\d+: \[0\]\.atMs: atMs: text "NaN" is not a number/],
      ['r-late.json', '[{"atMs": 1e15, "action": "tap"}]', /r-late\.json:1:\d+: \[0\]\.atMs: atMs: 1000000000000000 is above 3600000/],
      ['r-obj.json', '{"circuit": "worm"}', /r-obj\.json:1:\d+: actions: actions must be a list/],
      ['r-side.json', '[{"atMs": 5, "action": "poke", "position": 0.1, "side": 7}]', /r-side\.json:1:\d+: \[0\]\.side: side 7 is not allowed/],
    ];
    for (const [name, text, message] of cases) {
      const r = await cli(['record', rec(name, text)]);
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr).not.toMatch(/Invalid input|<output>/);
    }
    const medium = await cli([
      'record',
      rec('r-medium.json', '[{"atMs": 5, "action": "medium", "medium": "water"}, {"atMs": 9, "action": "poke", "position": 0.2, "side": -1}]'),
    ]);
    expect(parseScenario(medium.stdout).timeline.map((t) => t.action)).toEqual([
      { type: 'medium', medium: 'water' },
      { type: 'poke', position: 0.2, side: 'right', kind: 'gentle' },
    ]);
  });

  it('every subcommand has --help with examples, reachable from the main program', async () => {
    for (const sub of ['run', 'check', 'record']) {
      const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
      expect(await main(['scenario', sub, '--help'], io)).toBe(0);
      expect(io.stdout).toMatch(/Examples:\n {2}\$ neuroworm scenario /);
    }
  });
});
