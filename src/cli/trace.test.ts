import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { NetworkSpec } from '../neural/types';
import { main } from './main';
import { loadCircuitFile } from '../circuits/file';
import { traceNetwork } from './trace';

const SEED = fileURLToPath(new URL('../circuits/builtin/seed-two-neurons.json', import.meta.url));
const seedNetwork = async () => (await loadCircuitFile(SEED)).network;

function capture() {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

// The article's console output, cycles 1–7 (timestamps dropped, words in English).
const ARTICLE_LOG = [1, 2, 3, 4, 5, 6, 7].flatMap((c) => {
  const what = c <= 4 ? 'transfer' : c === 5 ? 'release' : 'recover';
  return [`-----------${c}------------`, `FIRST ${what}`, 'SECOND accept', `SECOND ${what}`];
});

describe('neuroworm trace', () => {
  it("prints the seed article's log for its two-neuron circuit", async () => {
    expect([...traceNetwork(await seedNetwork(), 7, 'text')]).toEqual(ARTICLE_LOG);
    const io = capture();
    expect(await main(['trace', SEED, '--steps', '7'], io)).toBe(0);
    expect(io.stdout).toBe(`${ARTICLE_LOG.join('\n')}\n`);
  });

  it('prints one JSON object per neuron per step, in neuron order, with the seed state after the cycle', async () => {
    const lines = [...traceNetwork(await seedNetwork(), 6, 'json')].map((l) => JSON.parse(l));
    expect(lines).toHaveLength(12);
    expect(lines.map((l) => [l.step, l.neuron])).toEqual(
      [1, 2, 3, 4, 5, 6].flatMap((s) => [
        [s, 'FIRST'],
        [s, 'SECOND'],
      ]),
    );
    expect(Object.keys(lines[0])).toEqual(['step', 'neuron', 'phase', 'accumulated', 'synapse', 'dendrite', 'state']);
    // Cycle 5: both release 5 × [0.5, −0.1], keep 10 %, and the synapse is reduced ×0.1 after the step.
    const acc = [0.5 + 0.5 + 0.5 + 0.5 + 0.5, -0.1 + -0.1 + -0.1 + -0.1 + -0.1];
    expect(lines[8]).toEqual({
      step: 5,
      neuron: 'FIRST',
      phase: 'release',
      accumulated: [acc[0] * 0.1, acc[1] * 0.1],
      synapse: [acc[0] * 0.1, acc[1] * 0.1],
      dendrite: [0, 0],
      state: [0, 0],
    });
    // SECOND's dendrite collects FIRST's shares while it is busy (it only takes them in when accumulating).
    expect(lines[11].dendrite[0]).toBeCloseTo(0.25 + 0.025, 15);
  });

  it('prints V and spikes for other models, in both formats', () => {
    const spec: NetworkSpec = {
      neurons: [
        { id: 'T', model: 'transmitter', params: {}, init: { stepsToActivation: 1 } },
        { id: 'G', model: 'graded', params: {}, init: {} },
      ],
      synapses: [{ kind: 'chemical', from: 'T', to: 'G', weight: 10 }],
    };
    const text = [...traceNetwork(spec, 2, 'text', 0.5)];
    expect(text[0]).toBe('-----------1------------');
    expect(text[1]).toBe('T release');
    expect(text[2]).toBe('G accept');
    expect(text[3]).toMatch(/^G v=-6\d\.\d{3} mV$/);
    const json = [...traceNetwork(spec, 2, 'json', 0.5)].map((l) => JSON.parse(l));
    expect(Object.keys(json[1])).toEqual(['step', 'neuron', 'v', 'spiked']);
    expect(json[1].v).toBeGreaterThan(-65); // the release's share depolarised G
    expect(json[1].spiked).toBe(0);
  });

  it('refuses bad files and options with the file and the fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trace-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'neuroworm-circuit', version: 1, neurons: [{ id: 'A', model: 'graded', params: { tauMs: -3 } }] }, null, 1));
    let io = capture();
    expect(await main(['trace', bad, '--steps', '2'], io)).toBe(1);
    expect(io.stderr).toMatch(/bad\.json:\d+: neurons\[0\] \(A\)\.params\.tauMs: -3 is out of range; allowed: 0\.1 \.\. 100000 ms/);
    writeFileSync(bad, '{"format": "something-else"}');
    io = capture();
    expect(await main(['trace', bad, '--steps', '2'], io)).toBe(1);
    expect(io.stderr).toMatch(/bad\.json.*format.*neuroworm-circuit/);
    io = capture();
    expect(await main(['trace', join(dir, 'missing.json'), '--steps', '2'], io)).toBe(1);
    expect(io.stderr).toMatch(/missing\.json: .*cannot read the circuit file: no such file/);
    io = capture();
    expect(await main(['trace', SEED, '--steps', '1.5'], io)).toBe(2);
    expect(io.stderr).toContain('--steps "1.5": 1.5 is not a whole number; allowed: whole numbers 1 .. 1e6');
    io = capture();
    expect(await main(['trace', SEED, '--steps', '1e12'], io)).toBe(2); // used to run with no end
    expect(io.stderr).toContain('--steps "1e12": 1000000000000 is above 1e6');
    io = capture();
    expect(await main(['trace', SEED], io)).not.toBe(0);
    expect(io.stderr).toMatch(/required option '--steps <n>'/);
  });

  it('stops with the neuron and the step instead of printing NaN when the network diverges at this dt', async () => {
    const ids = ['N0', 'N1', 'N2', 'N3', 'N4', 'N5'];
    const stiff = join(mkdtempSync(join(tmpdir(), 'nw-trace-')), 'hh-gaps.json');
    writeFileSync(
      stiff,
      JSON.stringify({
        format: 'neuroworm-circuit',
        version: 1,
        neurons: ids.map((id, i) => ({ id, model: 'hodgkin-huxley', ...(i === 0 && { init: { v: -20 } }) })),
        synapses: ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ from: a, to: b, kind: 'electrical', weight: 3 }))),
      }),
    );
    const io = capture();
    expect(await main(['trace', stiff, '--steps', '2000', '--json'], io)).toBe(1);
    expect(io.stderr).toMatch(
      /hh-gaps\.json: neuron N\d \(hodgkin-huxley\) reached a non-finite potential \(NaN\) at step \d+: the network is unstable at dt 1 ms/,
    );
    expect(io.stdout).not.toMatch(/null|NaN/); // it printed NaN as "v": null from step ~390 on
    // At a tenth of the step the same file is stable.
    const fine = capture();
    expect(await main(['trace', stiff, '--steps', '2000', '--dt', '0.1', '--json'], fine)).toBe(0);
  });

  it('has help with an example', async () => {
    const io = capture();
    await main(['trace', '--help'], io);
    expect(io.stdout).toContain('neuroworm trace src/circuits/builtin/seed-two-neurons.json --steps 7');
    expect(io.stdout).toContain('--json');
  });
});
