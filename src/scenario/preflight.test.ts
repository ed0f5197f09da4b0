/**
 * `scenario check` runs what `scenario run` runs before its first step: each
 * of these used to pass check and fail (or crash) only when run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from './errors';
import { loadScenarioFile } from './load';
import { checkEdits, preflight } from './preflight';
import { simBackend } from './backend';

const dir = mkdtempSync(join(tmpdir(), 'nw-preflight-'));
const HEAD = 'format: neuroworm-scenario\nversion: 1\nname: x\n';

function refusal(name: string, body: string): string {
  const file = join(dir, `${name}.scenario.yaml`);
  writeFileSync(file, HEAD + body);
  try {
    const s = loadScenarioFile(file);
    checkEdits(s, preflight(s, { backend: simBackend, seed: s.seed, file }), file);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error(`${name}: expected a refusal`);
}

describe('preflight: every check a run makes before its first step, at the scenario’s line', () => {
  it('an unknown built-in circuit, with a suggestion', () => {
    expect(refusal('wrom', 'circuit: wrom\nduration: 1s\n')).toMatch(
      /wrom\.scenario\.yaml:4:10: circuit: unknown built-in circuit "wrom"\n {2}fix: built-in circuits: worm, /,
    );
  });

  it('a circuit file that does not load, with its own message beneath', () => {
    writeFileSync(join(dir, 'bad.json'), '{"format": "neuroworm-circuit", "version": 1, "neurons": [{"id": "A", "model": "graded", "params": {"tauMs": -1}}]}');
    expect(refusal('bad-circuit', 'circuit: ./bad.json\nduration: 1s\n')).toMatch(
      /bad-circuit\.scenario\.yaml:4:10: circuit: the circuit file cannot be used:\n {4}.*bad\.json: 1 problem in the circuit file:\n {6}.*bad\.json:1: neurons\[0\] \(A\)\.params\.tauMs: -1 is out of range/,
    );
  });

  it('a circuit file that is /dev/zero or a folder', () => {
    expect(refusal('zero', 'circuit: /dev/zero\nduration: 1s\n')).toMatch(
      /zero\.scenario\.yaml:4:10: circuit: [\s\S]*\/dev\/zero: cannot read the circuit file: it is not a regular file/,
    );
    expect(refusal('folder', 'circuit: ./\nduration: 1s\n')).toMatch(
      /folder\.scenario\.yaml:4:10: circuit: [\s\S]*cannot read the circuit file: it is a folder/,
    );
  });

  it('an inline arena with a NaN diameter, a 0 × 0 plate or 18 million pillars, at the arena field’s line', () => {
    const arena = (plate: string, extra = '') => `circuit: worm\nduration: 1s\narena:\n  name: x\n  plate: ${plate}\n  start: {at: [5, 5]}\n${extra}`;
    expect(refusal('nan', arena('{shape: dish, diameter: .nan}'))).toMatch(/nan\.scenario\.yaml:8:\d+: arena\.plate\.diameter: expected a number, got NaN/);
    expect(refusal('zero-plate', arena('{shape: rect, size: [0, 0]}'))).toMatch(/zero-plate\.scenario\.yaml:8:\d+: arena\.plate\.size\[0\]: must be ≥ 0\.5/);
    expect(
      refusal(
        'pillars',
        arena('{shape: rect, size: [200, 200]}', '  obstacles: [{type: pillars, from: [0, 0], to: [200, 200], spacing: 0.05, radius: 0.01}]\n'),
      ),
    ).toMatch(/pillars\.scenario\.yaml:10:\d+: arena\.obstacles\[0\]\.spacing: the field would hold \d+ pillars/);
  });

  it('the worm’s start off the plate, at the worm field', () => {
    expect(refusal('off', 'circuit: worm\nduration: 1s\nworm: {x: 50, y: 50}\n')).toMatch(/off\.scenario\.yaml:6:7: worm: .*off the plate/);
  });

  it('a set action the model refuses (unknown parameter, value out of range), at its timeline item', () => {
    const set = (p: string) => `circuit: worm\nduration: 2s\ntimeline:\n  - at: 1s\n    set: ${p}\n`;
    expect(refusal('param', set('{neuron: AVA, param: tauMS, value: 5}'))).toMatch(/param\.scenario\.yaml:8:\d+: timeline\[0\]\.set: .*no parameter "tauMS"/);
    expect(refusal('value', set('{neuron: AVA, param: tauMs, value: 1e9}'))).toMatch(/value\.scenario\.yaml:8:\d+: timeline\[0\]\.set: .*tauMs.*1000000000/);
  });

  it('passes a scenario that runs, and returns the simulation it built', () => {
    const file = join(dir, 'ok.scenario.yaml');
    writeFileSync(file, `${HEAD}circuit: touch-withdrawal\nduration: 2s\ntimeline:\n  - at: 1s\n    set: {neuron: AVA, param: tauMs, value: 20}\n`);
    const s = loadScenarioFile(file);
    const sim = preflight(s, { backend: simBackend, seed: 1, file });
    expect(sim.neuronIds).toContain('AVA');
    expect(() => checkEdits(s, sim, file)).not.toThrow();
  });
});
