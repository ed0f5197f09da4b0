import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ScenarioError, type ScenarioIssue } from './errors';
import { loadScenarioFile, parseScenario } from './load';
import { stringifyScenario, toDocument } from './serialize';
import { arbScenario } from './test-helpers/arbitraries';

const HEADER = 'format: neuroworm-scenario\nversion: 1\nname: t\ncircuit: worm\nduration: 10s\n';

function issuesOf(text: string, file = 'x.scenario.yaml'): ScenarioIssue[] {
  try {
    parseScenario(text, file);
  } catch (e) {
    if (e instanceof ScenarioError) return [...e.issues];
    throw e;
  }
  throw new Error('expected the scenario to be refused');
}

describe('scenario files: errors name file, line, field and fix', () => {
  it('a bad value: line of the value, dotted path, what is allowed', () => {
    const text = `${HEADER}timeline:\n  - at: 2s\n    poke:\n      position: 1.4\n`;
    const [i] = issuesOf(text);
    expect(i.path).toEqual(['timeline', 0, 'poke', 'position']);
    expect(i.line).toBe(9);
    expect(i.message).toMatch(/1\.4 is above 1/);
    expect(i.fix).toMatch(/0 = nose tip, 1 = tail tip/);
  });

  it('a minBend out of range names the field, its range and what it is for', () => {
    const [i] = issuesOf(`${HEADER}expect:\n  - bendingFrequency: {between: [0.3Hz, 0.6Hz], minBend: -1}\n`);
    expect(i.path).toEqual(['expect', 0, 'bendingFrequency', 'minBend']);
    expect(i.message).toMatch(/minBend: -1 is below 0/);
    expect(i.fix).toMatch(/0 \.\. 50 κL.*bends this much/);
  });

  it('an unknown field: its own line and a did-you-mean', () => {
    const text = `${HEADER}timeline:\n  - at: 2s\n    pokee: {position: 0.1}\n`;
    const [i] = issuesOf(text);
    expect(i.path).toEqual(['timeline', 0, 'pokee']);
    expect(i.line).toBe(8);
    expect(i.fix).toMatch(/did you mean "poke"/);
  });

  it('the message carries the file name and line, and the fix on its own line', () => {
    try {
      parseScenario(`${HEADER}medium: jelly\n`, 'dir/a.scenario.yaml');
      expect.unreachable();
    } catch (e) {
      expect(String((e as Error).message)).toMatch(/^dir\/a\.scenario\.yaml:6:9: medium: medium "jelly" is not allowed\n {2}fix: use one of: agar, water$/);
    }
  });

  it('bad time strings, missing fields, wrong format and version', () => {
    expect(issuesOf(HEADER.replace('10s', '10 parsecs'))[0]).toMatchObject({ path: ['duration'], line: 5 });
    expect(issuesOf(HEADER.replace('name: t\n', ''))[0]).toMatchObject({ path: ['name'], message: 'missing scenario name' });
    expect(issuesOf(HEADER.replace('neuroworm-scenario', 'neuroworm-circuit'))[0]).toMatchObject({
      path: ['format'],
      line: 1,
      fix: 'write format: neuroworm-scenario',
    });
    expect(issuesOf(HEADER.replace('version: 1', 'version: 2'))[0].fix).toMatch(/update neuroworm/);
  });

  it('refuses labels that do not exist, with a suggestion', () => {
    const text = `${HEADER}timeline:\n  - at: 2s\n    label: head-touch\n    poke: {position: 0.05}\nexpect:\n  - reverses: {after: head-tuch, within: 1s}\n`;
    const [i] = issuesOf(text);
    expect(i).toMatchObject({ path: ['expect', 0, 'reverses', 'after'], line: 11 });
    expect(i.fix).toMatch(/did you mean "head-touch"/);
  });

  it('refuses windows and actions past the end of the run', () => {
    const late = issuesOf(`${HEADER}timeline:\n  - at: 12s\n    tap:\n`);
    expect(late[0]).toMatchObject({ path: ['timeline', 0, 'at'], line: 7 });
    const train = issuesOf(`${HEADER}timeline:\n  - at: 1s\n    every: 1s\n    times: 10\n    tap: {}\n`);
    expect(train[0].message).toMatch(/10 s is not before the end/);
    const win = issuesOf(`${HEADER}expect:\n  - moves: {direction: forward, atLeast: 1mm, after: 8s, for: 5s}\n`);
    expect(win[0]).toMatchObject({ path: ['expect', 0, 'moves', 'for'], line: 7 });
  });

  it('one action per timeline item and one check per expectation', () => {
    expect(issuesOf(`${HEADER}timeline:\n  - at: 1s\n    tap: {}\n    poke: {position: 0}\n`)[0].fix).toMatch(/split it/);
    expect(issuesOf(`${HEADER}timeline:\n  - at: 1s\n`)[0].fix).toMatch(/give one of: wait, poke/);
    expect(issuesOf(`${HEADER}expect:\n  - name: nothing\n`)[0].fix).toMatch(/give one of: reverses/);
  });

  it('habituation needs a train of taps or pokes', () => {
    const once = issuesOf(
      `${`${HEADER}timeline:\n  - at: 1s\n    label: t\n    tap:\n expect: []\n`.replace(' expect: []\n', '')}expect:\n  - habituates: {train: t}\n`,
    );
    expect(once[0].message).toMatch(/not a train/);
  });

  it('metrics: unknown names, missing arguments and missing bounds are refused', () => {
    expect(issuesOf(`${HEADER}expect:\n  - metric: {name: sped, atLeast: 1}\n`)[0].fix).toMatch(/did you mean "speed"/);
    expect(issuesOf(`${HEADER}expect:\n  - metric: {name: timeInZone, atMost: 1}\n`)[0]).toMatchObject({ path: ['expect', 0, 'metric', 'zone'] });
    expect(issuesOf(`${HEADER}expect:\n  - metric: {name: speed}\n`)[0].message).toMatch(/no bound/);
  });

  it('YAML syntax errors and duplicate keys have lines too; JSON works the same', () => {
    const dup = issuesOf(`${HEADER}seed: 1\nseed: 2\n`);
    expect(dup[0]).toMatchObject({ line: 7, message: 'a key appears twice in the same mapping' });
    expect(issuesOf(`${HEADER}timeline: [\n`)[0].line).toBeGreaterThanOrEqual(6);
    const json = '{\n  "format": "neuroworm-scenario",\n  "version": 1,\n  "name": "j",\n  "circuit": "worm",\n  "duration": "5s",\n  "seed": -3\n}\n';
    expect(issuesOf(json, 'a.scenario.json')[0]).toMatchObject({ path: ['seed'], line: 7 });
  });

  it('an alias bomb and runaway nesting are refused with the line, not expanded (the bomb named no file or line)', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcde'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcd'[i]}`).join(', ')}]`),
    ].join('\n');
    const [alias] = issuesOf(`${HEADER}${bomb}\n`);
    expect(alias).toMatchObject({ line: 7, column: 8 });
    expect(alias.message).toMatch(/aliases \(\*name\) expand to too many copies .*alias bomb/);
    const [deep] = issuesOf(`${HEADER}description: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(deep).toMatchObject({ line: 6, message: 'nested too deeply to read (thousands of brackets or indents)' });
  });

  it('NaN and infinity are named as such, with the range (".nan" read "must be a number, got number null")', () => {
    const [nan] = issuesOf(`${HEADER}timeline:\n  - at: 2s\n    poke: {position: .nan}\n`);
    expect(nan.message).toBe('body position: NaN is not a number');
    expect(nan.fix).toMatch(/^body position is 0 \.\. 1 /);
    const [inf] = issuesOf(`${HEADER}worm: {x: .inf, y: 1}\n`);
    expect(inf.message).toBe('worm x (mm): infinity is not a finite number');
  });

  it('a timeline that expands to more than 100,000 actions is refused at the item that passes the limit', () => {
    const items = Array.from({ length: 20 }, (_, i) => `  - at: ${i}ms\n    every: 1ms\n    times: 3500000\n    tap:\n`).join('');
    const issues = issuesOf(`format: neuroworm-scenario\nversion: 1\nname: t\ncircuit: worm\nduration: 60min\ntimeline:\n${items}`);
    expect(issues).toHaveLength(20); // each item asks for more than the whole timeline may hold
    expect(issues[0]).toMatchObject({ path: ['timeline', 0, 'times'], message: 'repeat count (times): 3500000 is above 100000' });
    const two = (n: number) => `  - at: 1s\n    every: 10ms\n    times: ${n}\n    tap:\n`;
    const total = issuesOf(`format: neuroworm-scenario\nversion: 1\nname: t\ncircuit: worm\nduration: 60min\ntimeline:\n${two(60_000)}${two(60_000)}`);
    expect(total).toMatchObject([{ path: ['timeline', 1, 'times'], message: 'the timeline expands to more than 100000 actions by this item (times: 60000)' }]);
  });

  it('wait moves the timeline cursor; items without at happen at the cursor; repeats end where their last repetition is', () => {
    const s = parseScenario(
      `${HEADER}timeline:\n  - wait: 1s\n  - poke: {position: 0}\n  - wait: 500ms\n  - every: 1s\n    times: 3\n    tap:\n  - wait: 2s\n  - tap: {force: 0.2}\n`,
    );
    expect(s.timeline.map((t) => t.atMs)).toEqual([1000, 1500, 5500]);
    expect(s.timeline[1]).toMatchObject({ everyMs: 1000, times: 3 });
  });

  it('a circuit file must exist beside the scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nw-scn-'));
    const file = join(dir, 'a.scenario.yaml');
    writeFileSync(file, HEADER.replace('circuit: worm', 'circuit: ./mine.json'));
    expect(() => loadScenarioFile(file)).toThrow(/a\.scenario\.yaml:4:10: circuit: circuit file .*mine\.json does not exist/);
    writeFileSync(join(dir, 'mine.json'), '{}');
    expect(loadScenarioFile(file).circuit).toBe('./mine.json');
    expect(() => loadScenarioFile(join(dir, 'nope.scenario.yaml'))).toThrow(/cannot read the scenario file: no such file/);
  });
});

describe('scenario files: properties', () => {
  it('round-trip: canonical → YAML → canonical is the identity (and via JSON too)', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        expect(parseScenario(stringifyScenario(s))).toEqual(s);
        expect(parseScenario(JSON.stringify(toDocument(s), null, 2), 'x.json')).toEqual(s);
      }),
      { numRuns: 60 },
    );
  });

  type Corruption = { apply(doc: Record<string, unknown>): Array<string | number> | null };

  const corruptions: Record<string, Corruption> = {
    unknownTopField: {
      apply: (d) => {
        d.colour = 'red';
        return ['colour'];
      },
    },
    unknownItemField: {
      apply: (d) => {
        const tl = d.timeline as Array<Record<string, unknown>>;
        if (tl.length === 0) return null;
        tl[tl.length - 1].when = 1;
        return ['timeline', tl.length - 1, 'when'];
      },
    },
    badTime: {
      apply: (d) => {
        const tl = d.timeline as Array<Record<string, unknown>>;
        if (tl.length === 0) return null;
        tl[0].at = '3 fortnights';
        return ['timeline', 0, 'at'];
      },
    },
    badPosition: {
      apply: (d) => {
        const tl = d.timeline as Array<Record<string, unknown>>;
        const i = tl.findIndex((t) => t.poke !== undefined);
        if (i < 0) return null;
        (tl[i].poke as Record<string, unknown>).position = 1.5;
        return ['timeline', i, 'poke', 'position'];
      },
    },
    missingDuration: {
      apply: (d) => {
        delete d.duration;
        return ['duration'];
      },
    },
    badSeed: {
      apply: (d) => {
        d.seed = 1.5;
        return ['seed'];
      },
    },
    badExpectationWindow: {
      apply: (d) => {
        const ex = d.expect as Array<Record<string, Record<string, unknown>>>;
        const i = ex.findIndex((e) => Object.values(e).some((b) => typeof b === 'object' && b !== null && 'within' in b));
        if (i < 0) return null;
        const key = Object.keys(ex[i]).find((k) => k !== 'name')!;
        ex[i][key].within = 'soon';
        return ['expect', i, key, 'within'];
      },
    },
  };

  it('corruptions are refused with the path of the corrupted field and a line that shows it', () => {
    fc.assert(
      fc.property(arbScenario, fc.constantFrom(...Object.keys(corruptions)), (s, which) => {
        const doc = toDocument(s) as Record<string, unknown>;
        const path = corruptions[which].apply(doc);
        fc.pre(path !== null);
        const text = stringify(doc, { lineWidth: 0 });
        const issues = issuesOf(text);
        const hit = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
        expect(hit, `${which}: ${JSON.stringify(issues)}`).toBeDefined();
        expect(hit?.fix?.length).toBeGreaterThan(0);
        // The line shown is the line of the corrupted key or value.
        const lines = text.split('\n');
        const last = path![path!.length - 1];
        if (which !== 'missingDuration') expect(lines[hit!.line! - 1]).toContain(typeof last === 'string' ? last : '-');
        else expect(hit!.line).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
});
