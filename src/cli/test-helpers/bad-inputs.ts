/**
 * TEST DATA — bad input for every loader and CLI option, each with what a
 * clear refusal must say (the file or option, the field, the range or fix).
 * src/cli/bad-input.test.ts runs them in-process; the numbers in the closing
 * note of issue 12 come from running them as child processes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BadInput {
  name: string;
  /** Arguments after `neuroworm`. */
  args: string[];
  /** What the refusal must contain. */
  says: RegExp;
}

const SCENARIO_HEAD = 'format: neuroworm-scenario\nversion: 1\nname: bad\n';

function circuit(extra: { neurons?: unknown[]; synapses?: unknown[]; sensors?: unknown[]; muscles?: unknown[] } = {}): string {
  return JSON.stringify({
    format: 'neuroworm-circuit',
    version: 1,
    neurons: extra.neurons ?? [
      { id: 'A', model: 'graded' },
      { id: 'B', model: 'graded' },
    ],
    synapses: extra.synapses ?? [{ from: 'A', to: 'B', kind: 'chemical', weight: 1 }],
    ...(extra.sensors && { sensors: extra.sensors }),
    ...(extra.muscles && { muscles: extra.muscles }),
  });
}

function allToAllGaps(model: string, weight: number, n = 6): string {
  const ids = Array.from({ length: n }, (_, i) => `N${i}`);
  const synapses = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ from: a, to: b, kind: 'electrical', weight })));
  const neurons = ids.map((id, i) => ({ id, model, ...(i === 0 && model !== 'transmitter' && { init: { v: -20 } }) }));
  return circuit({ neurons, synapses });
}

/** Writes the files into `dir` and lists the cases. */
export function badInputs(dir: string): BadInput[] {
  mkdirSync(dir, { recursive: true });
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const scenario = (name: string, body: string, head = `${SCENARIO_HEAD}circuit: worm\n`) => file(`${name}.scenario.yaml`, head + body);
  const cases: BadInput[] = [];
  const add = (name: string, args: string[], says: RegExp) => cases.push({ name, args, says });
  const run = (path: string) => ['scenario', 'run', path, '--workers', '1'];
  const check = (path: string) => ['scenario', 'check', path];

  // ---- scenario files: bombs and files that are not files
  const bomb = Array.from({ length: 20 }, (_, i) => `  - at: ${i}ms\n    every: 1ms\n    times: 3500000\n    tap:\n`).join('');
  const bombFile = scenario('timeline-bomb', `duration: 60min\ntimeline:\n${bomb}`);
  add('timeline bomb (check)', check(bombFile), /timeline-bomb\.scenario\.yaml:9:12: timeline\[0\]\.times: repeat count \(times\): 3500000 is above 100000/);
  add('timeline bomb (run)', run(bombFile), /timeline-bomb\.scenario\.yaml:9:12: timeline\[0\]\.times: repeat count \(times\): 3500000 is above 100000/);
  const devZero = scenario('dev-zero-circuit', 'circuit: /dev/zero\nduration: 1s\n', SCENARIO_HEAD);
  add(
    'circuit /dev/zero (check)',
    check(devZero),
    /dev-zero-circuit\.scenario\.yaml:4:10: circuit: the circuit file cannot be used:\n {4}\/dev\/zero: cannot read the circuit file: it is not a regular file/,
  );
  add(
    'circuit /dev/zero (run)',
    run(devZero),
    /dev-zero-circuit\.scenario\.yaml:4:10: circuit: the circuit file cannot be used:\n {4}\/dev\/zero: cannot read the circuit file: it is not a regular file/,
  );
  const dirCircuit = scenario('dir-circuit', 'circuit: ./sub/\nduration: 1s\n', SCENARIO_HEAD);
  mkdirSync(join(dir, 'sub'), { recursive: true });
  add(
    'circuit is a folder (check)',
    check(dirCircuit),
    /dir-circuit\.scenario\.yaml:4:10: circuit: the circuit file cannot be used:\n.*cannot read the circuit file: it is a folder/,
  );
  add('scenario is /dev/zero', check('/dev/zero'), /\/dev\/zero.*not a regular file/);
  add(
    'scenario is huge',
    check(file('huge.scenario.yaml', `${SCENARIO_HEAD}circuit: worm\nduration: 1s\n${'# padding\n'.repeat(600_000)}`)),
    /huge\.scenario\.yaml.*over the 4 MB limit/,
  );
  add('scenario is empty', check(file('empty.scenario.yaml', '')), /empty\.scenario\.yaml.*holds a mapping/);
  add('scenario is binary', check(file('binary.scenario.yaml', '\u0000\u0001\u0002\u00ff{[')), /binary\.scenario\.yaml:\d+/);
  add(
    'YAML alias bomb',
    check(
      scenario(
        'alias-bomb',
        `duration: 1s\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
      ),
    ),
    /alias-bomb\.scenario\.yaml:\d+.*alias/i,
  );
  add('deep nesting', check(scenario('deep', `duration: 1s\ndescription: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)), /deep\.scenario\.yaml:\d+/);
  add(
    'unknown built-in circuit',
    check(scenario('unknown-circuit', 'duration: 1s\n', `${SCENARIO_HEAD}circuit: wrom\n`)),
    /unknown-circuit\.scenario\.yaml:4:10: circuit: unknown built-in circuit "wrom"\n {2}fix: built-in circuits: worm, /,
  );
  const badCircuit = file(
    'broken-circuit.json',
    '{"format": "neuroworm-circuit", "version": 1, "neurons": [{"id": "A", "model": "graded", "params": {"tauMs": -1}}]}',
  );
  add(
    'invalid circuit file',
    check(scenario('invalid-circuit', 'duration: 1s\n', `${SCENARIO_HEAD}circuit: ./broken-circuit.json\n`)),
    /invalid-circuit\.scenario\.yaml:4.*circuit[\s\S]*broken-circuit\.json:1.*tauMs/,
  );
  void badCircuit;
  add(
    'inline arena NaN diameter',
    check(scenario('arena-nan', 'duration: 1s\narena:\n  name: x\n  plate: {shape: dish, diameter: .nan}\n  start: {at: [5, 5]}\n')),
    /arena-nan\.scenario\.yaml:\d+.*arena\.plate\.diameter.*NaN/,
  );
  add(
    'inline arena 0×0 plate',
    check(scenario('arena-zero', 'duration: 1s\narena:\n  name: x\n  plate: {shape: rect, size: [0, 0]}\n  start: {at: [5, 5]}\n')),
    /arena-zero\.scenario\.yaml:\d+.*arena\.plate\.size/,
  );
  add(
    'inline arena 18 M pillars',
    check(
      scenario(
        'arena-pillars',
        'duration: 1s\narena:\n  name: x\n  plate: {shape: rect, size: [200, 200]}\n  obstacles: [{type: pillars, from: [0, 0], to: [200, 200], spacing: 0.05, radius: 0.01}]\n  start: {at: [100, 100]}\n',
      ),
    ),
    /arena-pillars\.scenario\.yaml:\d+.*arena\.obstacles\[0\]\.spacing.*pillars/,
  );
  add('start off the plate', check(scenario('off-plate', 'duration: 1s\nworm: {x: 50, y: 50}\n')), /off-plate\.scenario\.yaml:\d+.*worm.*off the plate/);
  add(
    '.nan poke position',
    check(scenario('nan-position', 'duration: 2s\ntimeline:\n  - at: 1s\n    poke: {position: .nan}\n')),
    /nan-position\.scenario\.yaml:8:22: timeline\[0\]\.poke\.position: body position: NaN is not a number\n {2}fix: body position is 0 \.\. 1/,
  );
  add(
    '.inf poke force',
    check(scenario('inf-force', 'duration: 2s\ntimeline:\n  - at: 1s\n    poke: {position: 0.1, force: .inf}\n')),
    /inf-force\.scenario\.yaml:8:34: timeline\[0\]\.poke\.force: force: infinity is not a finite number\n {2}fix: force is 0 \.\. 1/,
  );
  add(
    'food amount 1e308',
    check(scenario('food-amount', 'duration: 2s\ntimeline:\n  - at: 1s\n    food: {x: 5, y: 5, amount: 1e308}\n')),
    /food-amount\.scenario\.yaml:8:32: timeline\[0\]\.food\.amount: food amount: 1e\+308 is above 100/,
  );
  add(
    'food far off any plate',
    check(scenario('food-far', 'duration: 2s\ntimeline:\n  - at: 1s\n    food: {x: 1e9, y: 5}\n')),
    /food-far\.scenario\.yaml:8:15: timeline\[0\]\.food\.x: food x \(mm\): 1000000000 is above 200/,
  );
  add(
    'heat deltaC 1e308',
    check(scenario('heat-delta', 'duration: 2s\ntimeline:\n  - at: 1s\n    heat: {x: 5, y: 5, deltaC: 1e308}\n')),
    /heat-delta\.scenario\.yaml:8:32: timeline\[0\]\.heat\.deltaC: deltaC \(°C\): 1e\+308 is above 50/,
  );
  add(
    'heat radius 0',
    check(scenario('heat-radius', 'duration: 2s\ntimeline:\n  - at: 1s\n    heat: {x: 5, y: 5, deltaC: 2, radius: 0}\n')),
    /heat-radius\.scenario\.yaml:8:43: timeline\[0\]\.heat\.radius: radius \(mm\): 0 is not above 0/,
  );
  add(
    'tap force 1e308',
    check(scenario('tap-force', 'duration: 2s\ntimeline:\n  - at: 1s\n    tap: {force: 1e308}\n')),
    /tap-force\.scenario\.yaml:8:18: timeline\[0\]\.tap\.force: force: 1e\+308 is above 1/,
  );
  add(
    'set value 1e308',
    check(scenario('set-value', 'duration: 2s\ntimeline:\n  - at: 1s\n    set: {neuron: AVA, param: tauMs, value: 1e308}\n')),
    /set-value\.scenario\.yaml:8:45: timeline\[0\]\.set\.value: value: 1e\+308 is above 1e9/,
  );
  add(
    'set unknown param',
    check(scenario('set-param', 'duration: 2s\ntimeline:\n  - at: 1s\n    set: {neuron: AVA, param: tauMS, value: 5}\n')),
    /set-param\.scenario\.yaml:8:10: timeline\[0\]\.set: .*no parameter "tauMS"; allowed: .*tauMs/,
  );
  add('seed 1e20', check(scenario('seed-big', 'duration: 1s\nseed: 1e20\n')), /seed-big\.scenario\.yaml:6:7: seed: seed: 100000000000000000000 is above 2\^32/);
  add(
    'duration 1e308 ms',
    check(scenario('duration-big', 'duration: 1e308\n')),
    /duration-big\.scenario\.yaml:5:11: duration: duration 1e\+308 ms is out of range: 1e\+308 is above 3600000/,
  );
  add(
    'every 0',
    check(scenario('every-zero', 'duration: 2s\ntimeline:\n  - at: 1s\n    every: 0ms\n    times: 3\n    tap:\n')),
    /every-zero\.scenario\.yaml:\d+.*every/,
  );
  add(
    'times 1e12',
    check(scenario('times-big', 'duration: 60min\ntimeline:\n  - at: 1s\n    every: 1ms\n    times: 1e12\n    tap:\n')),
    /times-big\.scenario\.yaml:\d+.*times/,
  );
  add(
    'worm x infinity',
    check(scenario('worm-inf', 'duration: 1s\nworm: {x: .inf, y: 5}\n')),
    /worm-inf\.scenario\.yaml:6:11: worm\.x: worm x \(mm\): infinity is not a finite number/,
  );
  add(
    'heading 1e308',
    check(scenario('heading-big', 'duration: 1s\nworm: {x: 5, y: 5, heading: 1e308}\n')),
    /heading-big\.scenario\.yaml:6:29: worm\.heading: heading \(degrees\): 1e\+308 is above 360/,
  );
  add(
    'threshold NaN',
    check(scenario('threshold-nan', 'duration: 2s\nexpect:\n  - neuronFires: {neuron: AVA, within: 1s, threshold: .nan}\n')),
    /threshold-nan\.scenario\.yaml:7:55: expect\[0\]\.neuronFires\.threshold: output threshold: NaN is not a number/,
  );
  add(
    'expectation within 1e308',
    check(scenario('within-big', 'duration: 2s\nexpect:\n  - reverses: {within: 1e308}\n')),
    /within-big\.scenario\.yaml:7:24: expect\[0\]\.reverses\.within: time limit \(within\) 1e\+308 ms is out of range/,
  );
  add(
    'unknown neuron in expectation',
    check(scenario('neuron-typo', 'duration: 2s\nexpect:\n  - neuronFires: {neuron: AVZ, within: 1s}\n')),
    /neuron-typo\.scenario\.yaml:7:27: expect\[0\]\.neuronFires\.neuron: circuit "worm" has no neuron or neuron class "AVZ"/,
  );
  add(
    'unknown zone',
    check(scenario('zone-typo', 'duration: 2s\narena: hot-zone\nexpect:\n  - staysOutOfZone: {zone: hto}\n')),
    /zone-typo\.scenario\.yaml:8:28: expect\[0\]\.staysOutOfZone\.zone: the arena has no zone "hto"\n {2}fix: zones: hot/,
  );

  // ---- circuit files through trace and clamp
  const trace = (path: string, ...more: string[]) => ['trace', path, '--steps', '50', ...more];
  add(
    'synapse weight 1e308',
    trace(file('w-big.json', circuit({ synapses: [{ from: 'A', to: 'B', kind: 'chemical', weight: 1e308 }] }))),
    /w-big\.json:1: synapses\[0\].*weight.*1e\+308 is out of range; allowed: 0 \.\. 1000/,
  );
  add(
    'gap weight 1e308',
    trace(file('g-big.json', circuit({ synapses: [{ from: 'A', to: 'B', kind: 'electrical', weight: 1e308 }] }))),
    /g-big\.json:1: synapses\[0\].*weight.*out of range; allowed: 0 \.\. 1000/,
  );
  add(
    'muscle gain 1e308',
    trace(file('m-big.json', circuit({ muscles: [{ neuron: 'B', side: 'left', from: 0, to: 1, gain: 1e308 }] }))),
    /m-big\.json:1: muscles\[0\].*gain.*out of range; allowed: -100 \.\. 100/,
  );
  add(
    'sensor gain 1e308',
    trace(file('s-big.json', circuit({ sensors: [{ neuron: 'A', sensor: 'tap', gain: 1e308 }] }))),
    /s-big\.json:1: sensors\[0\].*gain.*out of range; allowed: -10000 \.\. 10000/,
  );
  add('JSON 1e999', trace(file('inf.json', circuit().replace('"weight":1', '"weight":1e999'))), /inf\.json:1: synapses\[0\].*weight.*not a finite number/);
  add('circuit /dev/zero', trace('/dev/zero'), /\/dev\/zero: \(whole file\): cannot read the circuit file: it is not a regular file/);
  add('circuit is a folder', trace(dir), /cannot read the circuit file: it is a folder/);
  add(
    'circuit is huge',
    trace(file('huge.json', `{"format": "neuroworm-circuit", "version": 1, "neurons": [], "description": "${'x'.repeat(70 * 1024 * 1024)}"}`)),
    /huge\.json: \(whole file\): cannot read the circuit file: it is over the 64 MB limit/,
  );
  add('deeply nested circuit', trace(file('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`)), /deep\.json.*(nesting|not a circuit|object)/);
  add(
    '6 HH all-to-all gaps at 3 nS',
    trace(file('hh-gaps.json', allToAllGaps('hodgkin-huxley', 3)), '--steps', '2000'),
    /hh-gaps\.json: neuron N\d \(hodgkin-huxley\) reached a non-finite potential/,
  );
  add(
    '6 transmitter all-to-all gaps at 1',
    trace(file('t-gaps.json', allToAllGaps('transmitter', 1)), '--steps', '4000'),
    /t-gaps\.json:\d+: neurons\[0\] \(N0\).*gap junctions.*sum to 5.*at most 1/,
  );
  add(
    'delayMs 1e308',
    trace(file('delay.json', circuit({ synapses: [{ from: 'A', to: 'B', kind: 'chemical', weight: 1, delayMs: 1e308 }] }))),
    /delay\.json:1: synapses\[0\].*delayMs.*0 \.\. 1000 ms/,
  );

  // ---- CLI options
  const two = file('two.json', circuit());
  add('trace --steps 1e12', ['trace', two, '--steps', '1e12'], /--steps.*1e12.*whole numbers 1 \.\. 1e6/);
  add('trace --steps 0', ['trace', two, '--steps', '0'], /--steps.*whole numbers 1 \.\. 1e6/);
  add('trace --dt 1e9', ['trace', two, '--steps', '5', '--dt', '1e9'], /--dt.*1e9.*> 0 \.\. 100 ms/);
  add('trace --dt NaN', ['trace', two, '--steps', '5', '--dt', 'NaN'], /--dt.*NaN/);
  const neuron = file('neuron.json', '{"id": "n", "model": "graded"}');
  add('clamp --dt 1e9', ['clamp', neuron, '--dt', '1e9'], /--dt.*1e9.*> 0 \.\. 10 ms/);
  add('clamp --current 1e9', ['clamp', neuron, '--current', '1e9'], /--current.*1e9.*-1000 \.\. 1000/);
  add('clamp --duration 1e12', ['clamp', neuron, '--duration', '1e12'], /--duration.*1e12.*(> 0 \.\. 1e6 ms|steps)/);
  add('clamp too many steps', ['clamp', neuron, '--duration', '1000000', '--dt', '0.00001'], /(1e11|100000000000) steps.*at most/);
  add('clamp --from after --to', ['clamp', neuron, '--from', '50', '--to', '10'], /neuron\.json: --to \(10 ms\) must not be before --from \(50 ms\)/);
  add('clamp neuron /dev/zero', ['clamp', '/dev/zero'], /\/dev\/zero: cannot read the neuron file: it is not a regular file/);
  const table = file('t.csv', 'pre,post,type,contacts\nAVAL,AVBL,chemical,2\n');
  add('import --weight-scale 1e300', ['import-connectome', table, '--weight-scale', '1e300'], /--weight-scale.*1e300.*> 0 \.\. 10/);
  add('import --muscle-scale 1e300', ['import-connectome', table, '--muscle-scale', '1e300'], /--muscle-scale.*1e300.*> 0 \.\. 10/);
  add('import --min-contacts 1e300', ['import-connectome', table, '--min-contacts', '1e300'], /--min-contacts.*whole numbers 0 \.\. 1e6/);
  add('import table /dev/zero', ['import-connectome', '/dev/zero'], /\/dev\/zero: cannot read the wiring table: it is not a regular file/);
  add('import table is a folder', ['import-connectome', dir], /cannot read the wiring table: it is a folder/);
  add(
    'import sign overrides /dev/zero',
    ['import-connectome', table, '--sign-overrides', '/dev/zero'],
    /\/dev\/zero: cannot read the sign-override file: it is not a regular file/,
  );
  add(
    'import transmitter connectome, stiff gaps',
    ['import-connectome', table, file('gaps.csv', 'pre,post,type,contacts\nAVAL,AVAR,electrical,60\n'), '--model', 'transmitter'],
    /--weight-scale.*(at most|≤) 0\.01/,
  );

  // ---- recordings
  const record = (name: string, text: string) => ['scenario', 'record', file(name, text)];
  add(
    'recording empty',
    record('rec-empty.json', ''),
    /rec-empty\.json: \(whole file\): a recording is a list of actions or a mapping with "actions", got null/,
  );
  add('recording NaN atMs', record('rec-nan.json', '[{"atMs": NaN, "action": "tap"}]'), /rec-nan\.json:1:\d+: \[0\]\.atMs/);
  add('recording unknown action', record('rec-action.json', '[{"atMs": 1, "action": "teleport"}]'), /rec-action\.json:1:\d+: \[0\]\.action: .*"teleport"/);
  add(
    'recording position out of range',
    record('rec-pos.json', '[{"atMs": 1, "action": "poke", "position": 7}]'),
    /rec-pos\.json:1:\d+: \[0\]\.position: .*above 1/,
  );
  add('recording atMs 1e15', record('rec-late.json', '[{"atMs": 1e15, "action": "tap"}]'), /rec-late\.json:1:\d+: \[0\]\.atMs: .*(limit|above)/);
  add('recording is an object without actions', record('rec-obj.json', '{"circuit": "worm"}'), /rec-obj\.json:1:\d+: actions: /);
  add('recording /dev/zero', ['scenario', 'record', '/dev/zero'], /\/dev\/zero: cannot read the recording: it is not a regular file/);
  add(
    'scenario run --repeat 1e9',
    ['scenario', 'run', two, '--repeat', '1e9'],
    /--repeat "1e9": 1000000000 is above 10000; allowed: whole numbers 1 \.\. 10000/,
  );
  return cases;
}
