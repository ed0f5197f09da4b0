import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCircuit } from './circuit';
import { CircuitError } from './errors';
import { FAKE_MODELS } from './fake-models';
import { loadCircuitFile, saveCircuitFile } from './file';

const SOURCE = `{
  "format": "neuroworm-circuit",
  "version": 1,
  "neurons": [
    { "model": "lif", "id": "A", "params": { "tauMs": 12 } },
    { "id": "B", "model": "graded" }
  ],
  "synapses": [{ "from": "A", "to": "B", "kind": "chemical", "weight": 1 }]
}
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'neuroworm-circuits-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('circuit files on disk', () => {
  it('loads, saves atomically, and loads again to the same circuit', async () => {
    const path = join(dir, 'a.json');
    await writeFile(path, SOURCE);
    const c = await loadCircuitFile(path, FAKE_MODELS);
    expect(c.fileName).toBe(path);
    expect(c.network.neurons[0].params.tauMs).toBe(12);

    const out = join(dir, 'saved.json');
    await writeFile(out, 'old content');
    await saveCircuitFile(out, c);
    const saved = await readFile(out, 'utf8');
    // The file's own fields only: no model defaults baked in, keys in schema order.
    expect(saved).toContain('{ "id": "A", "model": "lif", "params": { "tauMs": 12 } }');
    expect(saved).not.toContain('refractoryMs');
    expect(await loadCircuitFile(out, FAKE_MODELS)).toEqual({ ...c, fileName: out });
    // No temporary file is left behind.
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'saved.json']);
  });

  it('leaves the old file whole and no temporary file when the write fails', async () => {
    const c = parseCircuit(SOURCE, 'x.json', FAKE_MODELS);
    const target = join(dir, 'missing-dir', 'x.json');
    await expect(saveCircuitFile(target, c)).rejects.toThrow(/ENOENT/);
    // Renaming over a directory fails after the temporary file was written: it must be cleaned up.
    const sub = join(dir, 'sub');
    await rm(sub, { recursive: true, force: true });
    await (await import('node:fs/promises')).mkdir(join(sub, 'taken'), { recursive: true });
    await writeFile(join(sub, 'taken', 'inside'), 'keep');
    await expect(saveCircuitFile(join(sub, 'taken'), c)).rejects.toThrow();
    expect((await readdir(sub)).sort()).toEqual(['taken']);
    expect(await readFile(join(sub, 'taken', 'inside'), 'utf8')).toBe('keep');
  });

  it('reports a missing file as a CircuitError naming the file', async () => {
    const path = join(dir, 'nope.json');
    const err = await loadCircuitFile(path, FAKE_MODELS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CircuitError);
    expect((err as Error).message).toBe(`${path}: 1 problem in the circuit file:\n  ${path}: (whole file): cannot read the circuit file: no such file`);
  });

  it('reports a bad file with its path and line', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(path, SOURCE.replace('"tauMs": 12', '"tauMs": -12'));
    await expect(loadCircuitFile(path, FAKE_MODELS)).rejects.toThrow(`${path}:5: neurons[0] (A).params.tauMs: -12 is out of range; allowed: 0.1 .. 1000 ms`);
  });
});
