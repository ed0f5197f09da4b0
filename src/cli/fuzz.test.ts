/**
 * The fuzz suite: every loader fed damaged copies of real files, and the CLI
 * fed bad option values. Each input must end in one of two ways: loaded (and
 * then usable: a circuit steps without NaN, a scenario passes its preflight
 * and runs, a recording loads back as a scenario), or refused with the
 * loader's own error naming the file. Never another exception, a hang, a NaN
 * or an exit 0 with NaN in its output. The tally is printed at the end.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as yamlText } from 'yaml';
import { parseCircuit, parseNeuronFile } from '../circuits/circuit';
import { CircuitError } from '../circuits/errors';
import { importConnectome } from '../circuits/connectome/import';
import { ConnectomeError } from '../circuits/connectome/problems';
import { parseSignOverrides } from '../circuits/connectome/sign-overrides';
import { runClamp } from '../neural/clamp';
import { ScenarioError } from '../scenario/errors';
import { parseScenario } from '../scenario/parse';
import { preflight } from '../scenario/preflight';
import { recordToYaml } from '../scenario/record';
import { simBackend } from '../scenario/backend';
import { ArenaError } from '../world/errors';
import { parseArena } from '../world/parse';
import { main } from './main';
import { damage, damageText, jsonText } from './test-helpers/mutate';
import { traceNetwork } from './trace';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface Count {
  tried: number;
  loaded: number;
  refused: number;
}
const tally = new Map<string, Count>();

/** Runs one input: `use` loads it (and uses what it loaded); a throw must be the loader's refusal. */
function attempt(loader: string, file: string, use: () => void, refusalType: new (...a: never[]) => Error): void {
  const c = tally.get(loader) ?? { tried: 0, loaded: 0, refused: 0 };
  tally.set(loader, c);
  c.tried++;
  try {
    use();
    c.loaded++;
  } catch (e) {
    // Anything but the loader's own refusal naming the file is a crash, and fails the property.
    if (!(e instanceof refusalType) || !e.message.includes(file)) throw e;
    c.refused++;
  }
}

afterAll(() => {
  const rows = [...tally].map(
    ([k, c]) =>
      `${k.padEnd(28)} tried ${String(c.tried).padStart(4)}  loaded ${String(c.loaded).padStart(4)}  refused ${String(c.refused).padStart(4)}  crashed 0`,
  );
  const sum = [...tally.values()].reduce((s, c) => ({ tried: s.tried + c.tried, loaded: s.loaded + c.loaded, refused: s.refused + c.refused }), {
    tried: 0,
    loaded: 0,
    refused: 0,
  });
  console.log(
    `fuzz tally (FC_SEED ${process.env.FC_SEED ?? 'default'}):\n${rows.join('\n')}\nall: tried ${sum.tried}, loaded ${sum.loaded}, refused ${sum.refused}, crashed 0`,
  );
});

const scenarios = [
  'test/scenarios/touch-anterior-reversal.scenario.yaml',
  'test/scenarios/habituation-taps.scenario.yaml',
  'test/scenarios/hot-zone-avoidance.scenario.yaml',
];

describe('fuzz: loaders refuse damaged files cleanly, or load something that works', () => {
  it('scenario files (values, fields and text damaged): ScenarioError naming the file, or a scenario that passes preflight and runs', () => {
    const docs = scenarios.map((f) => parseScenarioDoc(read(f)));
    const input = fc.oneof(
      fc.constantFrom(...docs).chain((d) => damage(d).map((x) => yamlText(x.value))),
      fc.constantFrom(...scenarios.map(read)).chain((t) => damageText(t)),
    );
    fc.assert(
      fc.property(input, (text) => {
        attempt(
          'scenario',
          'fuzz.scenario.yaml',
          () => {
            const s = parseScenario(text, 'fuzz.scenario.yaml');
            // Everything a run checks, then its first 300 ms on the real simulation.
            const sim = preflight(s, { backend: simBackend, seed: s.seed, file: 'fuzz.scenario.yaml' });
            for (let k = 0; k < 30; k++) sim.step();
            expect(sim.headPosition().every(Number.isFinite)).toBe(true);
          },
          ScenarioError,
        );
      }),
      { numRuns: 80 },
    );
  });

  it('circuit files: CircuitError naming the file, or a circuit whose network steps without NaN (or stops naming the neuron)', () => {
    const files = ['src/circuits/builtin/seed-two-neurons.json', 'src/circuits/builtin/touch-withdrawal.json', 'assets/neurons/squid.json'];
    const circuits = files.slice(0, 2).map((f) => JSON.parse(read(f)) as unknown);
    const input = fc.oneof(
      fc.constantFrom(...circuits).chain((d) => damage(d).map((x) => jsonText(x.value))),
      fc.constantFrom(...files.slice(0, 2).map(read)).chain((t) => damageText(t)),
    );
    fc.assert(
      fc.property(input, (text) => {
        attempt(
          'circuit',
          'fuzz.json',
          () => {
            const c = parseCircuit(text, 'fuzz.json');
            try {
              for (const line of traceNetwork(c.network, 60, 'json')) expect(line).not.toMatch(/null|NaN|Infinity/);
            } catch (e) {
              // The one clean way a loaded circuit may stop: trace names the neuron and the step.
              if (!(e instanceof Error) || !/reached a non-finite potential/.test(e.message)) throw e;
            }
          },
          CircuitError,
        );
      }),
      { numRuns: 80 },
    );
  });

  it('neuron files for clamp: CircuitError, or a neuron whose clamp stays finite', () => {
    const neuron = JSON.parse(read('assets/neurons/izhikevich-rs.json')) as unknown;
    fc.assert(
      fc.property(
        damage(neuron).map((x) => jsonText(x.value)),
        (text) => {
          attempt(
            'neuron (clamp)',
            'fuzz-neuron.json',
            () => {
              const n = parseNeuronFile(text, 'fuzz-neuron.json');
              if (n.model === 'transmitter') return;
              const r = runClamp(n, { currentA: 10, fromMs: 10, toMs: 90, durationMs: 100, dtMs: 0.1 });
              for (const row of r.rows) expect(Object.values(row).every(Number.isFinite)).toBe(true);
            },
            CircuitError,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('arenas: ArenaError naming the file, or an arena', () => {
    const arenas = ['src/world/arenas/plate.json', 'src/world/arenas/hot-zone.json', 'src/world/arenas/pillars.json'].map(
      (f) => JSON.parse(read(f)) as unknown,
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...arenas).chain((a) => damage(a)),
        ({ value }) => {
          attempt('arena', 'fuzz-arena.json', () => void parseArena(value, 'fuzz-arena.json'), ArenaError);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('recordings: ScenarioError naming the file, or a scenario that loads back', () => {
    const recording = {
      circuit: 'touch-withdrawal',
      seed: 4,
      actions: [
        { atMs: 1200, action: 'poke', position: 0.1, side: 1, kind: 'gentle' },
        { atMs: 3000, action: 'tap', force: 0.5 },
        { atMs: 4000, action: 'food', x: 5, y: 5 },
        { atMs: 5000, action: 'heat', x: 5, y: 5, deltaC: 2 },
        { atMs: 6000, action: 'medium', medium: 'water' },
      ],
    };
    fc.assert(
      fc.property(
        fc.oneof(
          damage(recording).map((x) => jsonText(x.value)),
          damageText(JSON.stringify(recording)),
        ),
        (text) => {
          attempt(
            'recording',
            'fuzz-play.json',
            () => void parseScenario(recordToYaml(text, { name: 'r' }, 'fuzz-play.json'), 'fuzz-play.json (as a scenario)'),
            ScenarioError,
          );
        },
      ),
      { numRuns: 80 },
    );
  });

  it('wiring tables and sign overrides: ConnectomeError naming the file, or a valid circuit', () => {
    const table = read('data/connectome-white-varshney.csv').split('\n').slice(0, 60).join('\n');
    const muscles = read('data/neurons-to-muscle.csv').split('\n').slice(0, 40).join('\n');
    const cell = fc.oneof(fc.constantFrom('', '-1', 'NaN', '1e308', 'x', '"', 'AVAL', 'MDL05', 'GapJunction', 'Send', '1,2'), fc.string({ maxLength: 6 }));
    const damagedTable = fc.oneof(
      damageText(table),
      fc.tuple(fc.integer({ min: 1, max: 59 }), fc.integer({ min: 0, max: 4 }), cell).map(([row, col, v]) => {
        const rows = table.split('\n');
        const cells = rows[row].split(',');
        cells[col % cells.length] = v;
        rows[row] = cells.join(',');
        return rows.join('\n');
      }),
    );
    fc.assert(
      fc.property(damagedTable, fc.constantFrom(0.01, 0.04, 10), (text, weightScale) => {
        attempt(
          'wiring table',
          'fuzz.csv',
          () => {
            importConnectome(
              [
                { name: 'fuzz.csv', text },
                { name: 'muscles.csv', text: muscles },
              ],
              { weightScale },
            );
          },
          ConnectomeError,
        );
      }),
      { numRuns: 60 },
    );
    const signs = [{ from: 'AVM', to: 'AVBL', sign: 'inhibitory' }];
    fc.assert(
      fc.property(
        fc.oneof(
          damage(signs).map((x) => jsonText(x.value)),
          damageText(JSON.stringify(signs)),
        ),
        (text) => {
          attempt('sign overrides', 'fuzz-signs.json', () => void parseSignOverrides(text, 'fuzz-signs.json'), ConnectomeError);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('fuzz: the CLI refuses bad option values with exit 2 and says which, never runs on them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nw-fuzz-'));
  const neuron = join(dir, 'n.json');
  writeFileSync(neuron, '{"id": "n", "model": "graded"}');
  const seed = new URL('../circuits/builtin/seed-two-neurons.json', import.meta.url).pathname;
  const value = fc.oneof(
    fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '1e12', '-1', '0', '', ' ', 'abc', '1e-320', '0x10', '2.5', '1/2'),
    fc.double().map(String),
    fc.integer({ min: 1, max: 5 }).map(String),
  );
  const commands: Array<[string, (v: string) => string[]]> = [
    ['trace --steps', (v) => ['trace', seed, '--steps', v]],
    ['trace --dt', (v) => ['trace', seed, '--steps', '3', '--dt', v]],
    ['clamp --current', (v) => ['clamp', neuron, '--current', v, '--duration', '5']],
    ['clamp --dt', (v) => ['clamp', neuron, '--dt', v, '--duration', '5']],
    ['clamp --duration', (v) => ['clamp', neuron, '--duration', v, '--dt', '1']],
    ['clamp --from', (v) => ['clamp', neuron, '--from', v, '--duration', '5']],
    ['scenario run --repeat', (v) => ['scenario', 'run', '/nonexistent-fuzz', '--repeat', v]],
    ['scenario record --seed', (v) => ['scenario', 'record', '/nonexistent-fuzz.json', '--seed', v]],
    ['scenario record --duration', (v) => ['scenario', 'record', '/nonexistent-fuzz.json', '--duration', v]],
  ];

  it('each numeric option: a value in range runs (exit 0, finite output) or the run is refused; out of range exits 2 naming the option', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commands), value, async ([name, argv], v) => {
        const io = { out: '', err: '' };
        const code = await main(argv(v), { out: (t) => void (io.out += t), err: (t) => void (io.err += t) });
        const c = tally.get(`option ${name}`) ?? { tried: 0, loaded: 0, refused: 0 };
        tally.set(`option ${name}`, c);
        c.tried++;
        expect([0, 1, 2]).toContain(code);
        expect(io.err).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
        if (code === 0) {
          c.loaded++;
          expect(io.out).not.toMatch(/\bNaN\b|Infinity|"v":null/);
        } else {
          c.refused++;
          const flag = name.split(' ').at(-1) as string;
          // A value the option refuses names the option and the value; a run refused later names its file.
          expect(io.err).toMatch(new RegExp(`${flag} "|nonexistent-fuzz|n\\.json|seed-two-neurons`));
        }
      }),
      { numRuns: 150 },
    );
  });
});

function parseScenarioDoc(text: string): unknown {
  return JSON.parse(JSON.stringify(parseYaml(text)));
}
