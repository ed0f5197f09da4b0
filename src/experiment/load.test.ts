import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../scenario/errors';
import { parseExperiment } from './load';

const FILE = `format: neuroworm-experiment
version: 1
name: AVA ablation
seed: 5
worms: 6
scenario:
  circuit: touch-withdrawal
  duration: 8s
  timeline:
    - at: 1s
      every: 2s
      times: 3
      label: taps
      tap: {}
    - at: 7s
      label: head-touch
      poke: { position: 0.05 }
measure:
  reversal: { reverses: { after: head-touch, within: 0.9s } }
  backward: { metric: { name: backwardTravel, after: head-touch, for: 0.9s, atLeast: 0 } }
variants:
  intact: {}
  ablated: { ablate: [AVA, AVD], description: no AVA }
  slow: { every: { taps: 3s }, medium: water }
compare:
  - that: intact.backward - ablated.backward >= 0.05
    p: 0.01
  - that: intact.reversal.pass > ablated.reversal.pass
    statistic: median
`;

/** The problems of a file, as "line: message" (the fix on its own). */
function problems(text: string): string[] {
  try {
    parseExperiment(text, 'x.experiment.yaml');
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.issues.map((i) => `${i.line}: ${i.message}`);
  }
  return [];
}

const edit = (from: string, to: string) => {
  if (!FILE.includes(from)) throw new Error(`not in FILE: ${from}`);
  return FILE.replace(from, to);
};

describe('parseExperiment', () => {
  it('makes one scenario per group with the variant applied and the measures as named expectations', () => {
    const e = parseExperiment(FILE, 'x.experiment.yaml');
    expect(e).toMatchObject({ name: 'AVA ablation', seed: 5, worms: 6, individual: true, measures: ['reversal', 'backward'] });
    expect(e.groups.map((g) => g.name)).toEqual(['intact', 'ablated', 'slow']);
    const [intact, ablated, slow] = e.groups.map((g) => g.scenario);
    expect(intact!.individual).toBe(true);
    expect(intact!.seed).toBe(5);
    expect(intact!.expect.map((x) => [x.name, x.kind])).toEqual([
      ['reversal', 'reverses'],
      ['backward', 'metric'],
    ]);
    expect(ablated!.timeline.slice(0, 2).map((t) => [t.atMs, t.action])).toEqual([
      [0, { type: 'ablate', neuron: 'AVA' }],
      [0, { type: 'ablate', neuron: 'AVD' }],
    ]);
    expect(ablated!.timeline.length).toBe(intact!.timeline.length + 2);
    expect(e.groups[1]!.description).toBe('no AVA');
    expect(slow!.timeline[0]!.everyMs).toBe(3000);
    expect(intact!.timeline[0]!.everyMs).toBe(2000);
    expect(slow!.medium).toBe('water');
    expect(e.compare[0]).toMatchObject({ contrast: 'difference', relation: '>=', threshold: 0.05, alpha: 0.01, statistic: 'mean' });
    expect(e.compare[1]).toMatchObject({ a: { pass: true }, statistic: 'median' });
  });

  it('individual: false makes clones; worms defaults to 20', () => {
    const e = parseExperiment(edit('worms: 6\n', 'individual: false\n'), 'x');
    expect(e.worms).toBe(20);
    expect(e.groups.every((g) => g.scenario.individual === false)).toBe(true);
  });

  it('refuses a scenario file, or another version, at the header', () => {
    expect(problems(edit('neuroworm-experiment', 'neuroworm-scenario'))).toEqual(['1: format "neuroworm-scenario" is not an experiment']);
    expect(problems(edit('version: 1', 'version: 9'))).toEqual(['2: version 9 is not supported']);
  });

  it('places every problem at its line in the experiment file', () => {
    // The base scenario (reported once, not once per group).
    expect(problems(edit('duration: 8s', 'duration: 8 parsecs'))).toEqual(['8: "8 parsecs" is not a time']);
    // A variant's field, at the variant's line.
    expect(problems(edit('medium: water', 'medium: mud'))).toEqual(['24: medium "mud" is not allowed']);
    expect(problems(edit('ablate: [AVA, AVD]', 'ablate: AVA'))).toEqual(['23: ablate must be a list']);
    expect(problems(edit('ablate: [AVA, AVD]', 'ablate: [AVA, "A V D"]'))).toEqual([expect.stringMatching(/^23: neuron "A V D" is not valid/)]);
    expect(problems(edit('every: { taps: 3s }', 'every: { tapz: 3s }'))).toEqual(['24: no timeline item of the base scenario is labelled "tapz"']);
    expect(problems(edit('every: { taps: 3s }', 'every: { head-touch: 3s }'))).toEqual(['24: "head-touch" is not repeated']);
    expect(problems(edit('every: { taps: 3s }', 'every: { taps: 5s }'))).toEqual([expect.stringMatching(/^24: action at 11 s is not before the end/)]);
    expect(problems(edit('ablated: { ablate', 'ablated: { ablat'))).toEqual([expect.stringMatching(/^23: unknown field "ablat" in variant/)]);
    // A measure, at the measure's line.
    expect(problems(edit('within: 0.9s', 'within: 0.9 fortnights'))).toEqual(['19: "0.9 fortnights" is not a time']);
    expect(problems(edit('after: head-touch, within', 'after: head-tuch, within'))).toEqual(['19: no timeline item is labelled "head-tuch"']);
    expect(problems(edit('reversal: {', 'reversal-latency: {'))).toEqual([expect.stringMatching(/^19: measure name "reversal-latency" is not valid/)]);
  });

  it('omit leaves labelled items out of a group (a sham control), the items after them at their times', () => {
    const sham = `format: neuroworm-experiment
version: 1
name: dishabituation
scenario:
  circuit: touch-withdrawal
  duration: 12s
  timeline:
    - at: 1s
      every: 2s
      times: 3
      label: taps
      tap: {}
    - wait: 2s
    - label: tail
      poke: { position: 0.85, kind: harsh }
    - wait: 3s
    - label: test
      tap: {}
measure:
  recovery: { recovers: { train: taps, test: test, response: reversalDistance, window: 1s, ratioAtLeast: 0.8 } }
variants:
  touched: {}
  untouched: { omit: [tail] }
compare:
  - that: touched.recovery > untouched.recovery
`;
    const [touched, untouched] = parseExperiment(sham, 'x').groups.map((g) => g.scenario);
    const times = (s: typeof touched) => s!.timeline.map((t) => [t.atMs, t.action.type]);
    expect(times(touched)).toEqual([
      [1000, 'tap'],
      [7000, 'poke'],
      [10000, 'tap'],
    ]);
    expect(times(untouched)).toEqual([
      [1000, 'tap'],
      [10000, 'tap'],
    ]);
    const bad = (omit: string) => {
      try {
        parseExperiment(sham.replace('omit: [tail]', omit), 'x');
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        return e.issues.map((i) => `${i.line}: ${i.message} (${i.fix})`);
      }
      return [];
    };
    expect(bad('omit: [tial]')).toEqual(['23: no timeline item of the base scenario is labelled "tial" (labels there: taps, tail, test)']);
    expect(bad('omit: [taps]')).toEqual([
      '23: leaving out "taps" would move the items after it (they are placed from its last repetition) (give the next item an at, or omit a single item placed by the cursor)',
    ]);
    expect(bad('omit: tail')).toEqual(['23: omit must be a list of timeline labels (write omit: [tail])']);
  });

  it('checks compares against the groups and measures', () => {
    expect(problems(edit('intact.backward - ablated.backward', 'intact.backward - ablatd.backward'))).toEqual(['26: no group "ablatd"']);
    expect(problems(edit('intact.backward - ablated.backward', 'intact.backward - ablated.forward'))).toEqual(['26: no measure "forward"']);
    expect(problems(edit('intact.backward - ablated.backward', 'intact.backward - intact.backward'))).toEqual([
      '26: "intact.backward - intact.backward >= 0.05" compares group intact with itself',
    ]);
    expect(problems(edit('intact.backward - ablated.backward', 'intact.backward - ablated.reversal'))).toEqual([
      expect.stringMatching(/^26: .* compares different measures/),
    ]);
    expect(problems(edit('intact.backward - ablated.backward >= 0.05', 'intact.backward is bigger'))).toEqual([
      '26: "intact.backward is bigger" is not a comparison',
    ]);
    expect(problems(edit('p: 0.01', 'p: 5'))).toEqual([expect.stringMatching(/^27: significance level \(p\): 5 is above 1/)]);
  });

  it('the base scenario cannot hold what belongs to the experiment', () => {
    expect(problems(edit('  circuit: touch-withdrawal', '  seed: 3\n  circuit: touch-withdrawal'))).toEqual([
      '7: "seed" belongs to the experiment, not to its scenario',
    ]);
    expect(problems(edit('  circuit: touch-withdrawal', '  expect: []\n  circuit: touch-withdrawal'))).toEqual([
      '7: "expect" belongs to the experiment, not to its scenario',
    ]);
  });

  it('needs at least one variant and one measure', () => {
    expect(
      problems(
        edit(
          'variants:\n  intact: {}\n  ablated: { ablate: [AVA, AVD], description: no AVA }\n  slow: { every: { taps: 3s }, medium: water }\ncompare:\n  - that: intact.backward - ablated.backward >= 0.05\n    p: 0.01\n  - that: intact.reversal.pass > ablated.reversal.pass\n    statistic: median\n',
          'variants: {}\n',
        ),
      ),
    ).toEqual(['21: variants is empty']);
  });
});
