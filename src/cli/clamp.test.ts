import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clampCsv, runClamp } from '../neural/clamp';
import { main } from './main';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const neuronFile = (name: string) => join(ROOT, 'assets', 'neurons', name);
const dir = mkdtempSync(join(tmpdir(), 'neuroworm-clamp-'));

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

async function clamp(...args: string[]) {
  const io = capture();
  const code = await main(['clamp', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('neuroworm clamp', () => {
  it("prints seed 003's experiment as CSV, the same as runClamp", async () => {
    const args = ['--current', '1', '--from', '5', '--to', '15', '--duration', '200', '--dt', '0.01'];
    const r = await clamp(neuronFile('seed-calcium.json'), ...args, '--csv');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('t,V,spike,m,h,n,ca');
    expect(lines.length).toBe(20_002);
    expect(lines[1].split(',').slice(0, 3)).toEqual(['0', '-70', '0']);
    expect(lines[20_001].startsWith('200,')).toBe(true);
    const direct = runClamp({ id: 'seed', model: 'hodgkin-huxley', preset: 'seed-calcium' }, { currentA: 1, fromMs: 5, toMs: 15, durationMs: 200, dtMs: 0.01 });
    expect(r.out).toBe(clampCsv(direct));
  });

  it('prints a readable summary without --csv', async () => {
    const r = await clamp(neuronFile('squid.json'), '--current', '10', '--duration', '200', '--dt', '0.05');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^neuron squid \(hodgkin-huxley, preset squid\)/);
    expect(r.out).toMatch(/current 10 µA\/cm² from 0 to 200 ms/);
    expect(r.out).toMatch(/spikes: 14 at 1\.9, 16\.75, 31\.3/);
    expect(r.out).toMatch(/rate: \d+(\.\d+)? Hz over the run/);
    expect(r.out).toMatch(/V: min -7\d\.\d+ mV, max 4\d\.\d+ mV/);
  });

  it('runs every shipped example neuron', async () => {
    for (const name of ['lif.json', 'izhikevich-rs.json', 'izhikevich-fs.json', 'squid.json', 'seed-calcium.json']) {
      const r = await clamp(neuronFile(name), '--current', '5', '--duration', '50', '--dt', '0.1');
      expect(r.err, name).toBe('');
      expect(r.out, name).toMatch(/spikes: \d+/);
    }
  });

  it('reads a neuron entry copied from a circuit file (label, position) and clamps graded neurons too', async () => {
    const entry = file(
      'copied.json',
      JSON.stringify({
        id: 'AVAL',
        model: 'graded',
        role: 'inter',
        transmitter: 'glutamate',
        label: 'AVA left',
        position: { x: 3, y: 4 },
        // The linear cell (no K⁺ rectifier), whose V has the closed form below.
        params: { tauMs: 5, gKNs: 0 },
      }),
    );
    const r = await clamp(entry, '--current', '2', '--duration', '10', '--dt', '1', '--csv');
    expect(r.err).toBe('');
    expect(r.out.split('\n')[0]).toBe('t,V,spike');
    expect(Number(r.out.split('\n')[11].split(',')[1])).toBeCloseTo(-65 + 2 * 5 * (1 - Math.exp(-2)), 9);
    const other = await clamp(entry, '--neuron', 'AVB');
    expect(other.err).toMatch(/copied\.json: holds one neuron, "AVAL", not a circuit; --neuron AVB does not match its id/);
  });

  it('picks a neuron out of a circuit file with --neuron', async () => {
    const circuit = file(
      'circuit.json',
      JSON.stringify({
        format: 'neuroworm-circuit',
        version: 1,
        neurons: [
          { id: 'a', model: 'lif' },
          { id: 'b', model: 'izhikevich', preset: 'chattering' },
        ],
        synapses: [],
      }),
    );
    const r = await clamp(circuit, '--neuron', 'b', '--current', '10', '--duration', '20', '--dt', '1', '--csv');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('t,V,spike,u');
    const none = await clamp(circuit, '--duration', '20');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/circuit\.json: a circuit file with 2 neurons; pick one with --neuron ID \(ids: a, b\)/);
    const wrong = await clamp(circuit, '--neuron', 'c');
    expect(wrong.err).toMatch(/no neuron with id "c" \(ids: a, b\)/);
  });

  it('explains a missing file, bad JSON, an unknown model and out-of-range values', async () => {
    const missing = await clamp(join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.json: cannot read the neuron file: no such file/);

    const bad = await clamp(file('bad.json', '{"id": "x", "model": '));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad\.json:1:\d+: \(whole file\): not valid JSON: unexpected end of file/);

    const unknown = await clamp(file('unknown.json', '{"id": "x", "model": "glial"}'));
    expect(unknown.err).toMatch(/unknown\.json:1: model: unknown model "glial"; allowed: "transmitter", "lif"/);

    const range = await clamp(file('range.json', '{"id": "x", "model": "hodgkin-huxley", "preset": "squid",\n "params": {"gNa": 9000}}'));
    expect(range.code).toBe(1);
    expect(range.err).toMatch(/range\.json:2: params\.gNa: 9000 is out of range; allowed: 0 \.\. 500 mS\/cm²/);

    const transmitter = await clamp(file('t.json', '{"id": "x", "model": "transmitter"}'));
    expect(transmitter.err).toMatch(/t\.json: neuron "x": a transmitter neuron steps only in its network's cycle/);

    const lif = await clamp(file('lif-bad.json', '{"id": "x", "model": "lif", "params": {"resetMv": -40}}'));
    expect(lif.err).toMatch(/lif-bad\.json: lif: neuron 0: resetMv \(-40\) must be below thresholdMv \(-50\)/);
  });

  it('refuses options that are not numbers or make no sense', async () => {
    const nan = await clamp(neuronFile('lif.json'), '--dt', 'fast');
    expect(nan.code).not.toBe(0);
    expect(nan.err).toMatch(/--dt "fast": not a number; allowed: > 0 \.\. 10 ms \(time step\)/);
    const zero = await clamp(neuronFile('lif.json'), '--dt', '0');
    expect(zero.err).toMatch(/--dt "0": 0 is not above 0; allowed: > 0 \.\. 10 ms/);
    // Outside physics: a 1e9 ms step used to give one 1e9 ms row for a 100 ms run, 1e9 pA 27 million mV.
    const huge = await clamp(neuronFile('lif.json'), '--dt', '1e9');
    expect(huge.code).toBe(2);
    expect(huge.err).toMatch(/--dt "1e9": 1000000000 is above 10; allowed: > 0 \.\. 10 ms/);
    expect((await clamp(neuronFile('lif.json'), '--current', '1e9')).err).toMatch(/--current "1e9": 1000000000 is above 1000; allowed: -1000 \.\. 1000/);
  });

  it('has --help with an example', async () => {
    const r = await clamp('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: neuroworm clamp \[options\] <NEURON\.json>/);
    expect(r.out).toContain('npx neuroworm clamp assets/neurons/seed-calcium.json --current 1 --from 5 --to 15 --duration 200 --dt 0.01 --csv');
    expect(r.out).toMatch(/--csv/);
  });
});
