import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseCircuit } from '../circuits/circuit';
import { publishedTablePath, type PublishedTable } from '../circuits/connectome/published-tables';
import { FAKE_MODELS } from '../circuits/fake-models';
import { importConnectomeCommand } from './import-connectome';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'neuroworm-import-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/**
 * Runs the command as main() does, but with the test model table (the app's
 * registry is wired into src/circuits/default-models.ts on another branch).
 */
async function importCmd(...args: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  let code = 0;
  try {
    await importConnectomeCommand(io, FAKE_MODELS).parseAsync(args, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode;
    else {
      io.err(`neuroworm: ${e instanceof Error ? e.message : String(e)}\n`);
      code = 1;
    }
  }
  return { code, out: io.stdout, err: io.stderr };
}

const VARSHNEY = `Origin,Target,Type,Number of Connections,Neurotransmitter
ALML,AVDL,Send,3,Glutamate
AVM,AVBL,Send,2,Glutamate
AVDL,AVAL,Send,10,Acetylcholine
AVAL,DA1,Send,5,Acetylcholine
AVAL,DA1,GapJunction,2,Generic_GJ
DA1,AVAL,GapJunction,2,Generic_GJ
DD1,DA1,Send,1,GABA
`;
const MUSCLES = `Neuron,Muscle,Number of Connections,Neurotransmitter
DA1,MDL05,3,Acetylcholine
DD1,MDR05,2,GABA
`;

describe('neuroworm import-connectome', () => {
  it('writes a valid circuit file atomically and prints the summary', async () => {
    const out = join(dir, 'worm.json');
    const r = await importCmd(file('c.csv', VARSHNEY), file('m.csv', MUSCLES), '-o', out, '--weight-scale', '0.5', '--name', 'Tiny worm');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/c\.csv: varshney layout, 7 rows\n/);
    expect(r.out).toMatch(/m\.csv: muscles layout, 2 rows\n/);
    expect(r.out).toMatch(/chemical synapses: 5 \(21 contacts\)\ngap junctions: 1 \(2 contacts\)\nmuscle bindings: 2 \(5 neuromuscular contacts\)\n/);
    expect(r.out).toMatch(/sign overrides applied: 1 \(1 built-in: AVM→AVBL inh; 0 yours\)\n/);
    expect(r.out.endsWith(`wrote ${out}\n`)).toBe(true);
    const c = parseCircuit(readFileSync(out, 'utf8'), out, FAKE_MODELS);
    expect(c.doc.name).toBe('Tiny worm');
    expect(c.doc.synapses?.find((s) => s.from === 'AVDL' && s.to === 'AVAL')?.weight).toBe(5);
    expect(c.doc.muscles).toEqual([
      { neuron: 'DA01', side: 'left', from: 0.1667, to: 0.2083, gain: 0.15 }, // 3 contacts × the default muscle scale 0.05
      { neuron: 'DD01', side: 'left', from: 0.1667, to: 0.2083, gain: -0.1 },
    ]);
    // No temporary files left beside it.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints the circuit on stdout and the summary on stderr without -o', async () => {
    const r = await importCmd(file('c2.csv', VARSHNEY));
    expect(r.code).toBe(0);
    const c = parseCircuit(r.out, 'stdout', FAKE_MODELS);
    expect(c.doc.neurons.map((n) => n.id)).toContain('DA01');
    expect(r.err).toMatch(/c2\.csv: varshney layout, 7 rows\nneurons: 7 /);
  });

  it('applies a sign-override file and the format, model, contact and unconnected options', async () => {
    const signs = file('signs.json', '[{ "from": "AVDL", "to": "AVAL", "sign": "inhibitory" }]');
    const out = join(dir, 'opts.json');
    const r = await importCmd(
      file('c3.csv', VARSHNEY),
      '-o',
      out,
      '--format',
      'varshney',
      '--model',
      'lif',
      '--min-contacts',
      '3',
      '--sign-overrides',
      signs,
      '--no-touch-overrides',
      '--add-unconnected',
      'yes',
    );
    expect(r.err).toBe('');
    expect(r.out).toMatch(/sign overrides applied: 1 \(0 built-in; 1 yours: AVDL→AVAL inh\)/);
    const c = parseCircuit(readFileSync(out, 'utf8'), out, FAKE_MODELS);
    expect(c.doc.neurons).toHaveLength(302);
    expect(c.doc.neurons.every((n) => n.model === 'lif')).toBe(true);
    const chem = c.doc.synapses?.filter((s) => s.kind === 'chemical') ?? [];
    expect(chem.map((s) => `${s.from}→${s.to}`).sort()).toEqual(['ALML→AVDL', 'AVAL→DA01', 'AVDL→AVAL']);
    expect(chem.find((s) => s.from === 'AVDL')).toMatchObject({ sign: 'inhibitory' });
  });

  it('refuses a malformed table with every line named, and writes nothing', async () => {
    const out = join(dir, 'never.json');
    const bad = file('bad.csv', `${VARSHNEY}AVAL,DA2,Send,lots,Acetylcholine\nAVAL,DA3,Sned,1,Acetylcholine\n`);
    const r = await importCmd(bad, '-o', out);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`neuroworm: ${bad}: 2 problems; nothing was imported:\n`);
    expect(r.err).toContain(`${bad}:9: Number of Connections: "lots" is not a number`);
    expect(r.err).toContain(`${bad}:10: Type: "Sned" is not a synapse type`);
    expect(readdirSync(dir).filter((f) => f.startsWith('never') || f.includes('never.json'))).toEqual([]);
  });

  it('leaves an existing output file untouched when the import fails', async () => {
    const out = file('keep.json', 'old content');
    const r = await importCmd(file('bad2.csv', 'Source,Target,Weight,Type\nAVAL,AVBL,x,chemical\n'), '-o', out);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('old content');
  });

  it('explains a missing table, a broken sign-override file and bad option values', async () => {
    const missing = await importCmd(join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.csv: cannot read the wiring table: no such file/);
    const signs = file('bad-signs.json', '[{"from": "AVM", "to": "AVBL", "sign": "inh"}]');
    const badSigns = await importCmd(file('c4.csv', VARSHNEY), '--sign-overrides', signs);
    expect(badSigns.err).toMatch(/bad-signs\.json:1: \[0\]\.sign: "inh"; a sign is "excitatory" or "inhibitory"/);
    const scale = await importCmd(file('c5.csv', VARSHNEY), '--weight-scale', '0');
    expect(scale.code).toBe(1);
    expect(scale.err).toMatch(/--weight-scale "0": 0 is not above 0; allowed: > 0 \.\. 10/);
    expect((await importCmd(file('c5b.csv', VARSHNEY), '--weight-scale', '1e300')).err).toMatch(/--weight-scale "1e300": 1e\+300 is above 10/);
    const format = await importCmd(file('c6.csv', VARSHNEY), '--format', 'excel');
    expect(format.err).toMatch(/Allowed choices are auto, cook, varshney, muscles, sensory, edgelist/);
    const model = await importCmd(file('c7.csv', VARSHNEY), '--model', 'spiky');
    expect(model.err).toMatch(/model \(--model\): unknown neuron model "spiky"; allowed: graded, lif, izhikevich, transmitter/);
  });

  it('never writes over an input, refuses an unusable -o before reading the tables (exit 2), and makes missing folders', async () => {
    const table = file('in.csv', VARSHNEY);
    const same = await importCmd(table, '-o', table);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/--output .*in\.csv: it is also an input of this command/);
    expect(readFileSync(table, 'utf8')).toBe(VARSHNEY);
    const signs = file('in-signs.json', '[]');
    const overSigns = await importCmd(table, '--sign-overrides', signs, '-o', signs);
    expect(overSigns.code).toBe(2);
    expect(readFileSync(signs, 'utf8')).toBe('[]');
    const folder = await importCmd(table, '-o', dir);
    expect(folder.code).toBe(2);
    expect(folder.err).toMatch(/it is a folder; give a file name/);
    const deep = join(dir, 'new', 'folder', 'w.json');
    expect((await importCmd(table, file('in-m.csv', MUSCLES), '-o', deep)).code).toBe(0);
    expect(parseCircuit(readFileSync(deep, 'utf8'), deep, FAKE_MODELS).doc.muscles).toHaveLength(2);
  });

  it('warns loudly, after the summary, when the worm can neither move nor sense, naming the table to add', async () => {
    const onlyWiring = await importCmd(file('w1.csv', VARSHNEY), '-o', join(dir, 'w1.json'));
    expect(onlyWiring.code).toBe(0);
    expect(onlyWiring.out).toMatch(
      /muscle bindings: 0[\s\S]*\nWARNING: .*w1\.csv: the circuit has no muscle bindings, so the worm cannot move .*data\/neurons-to-muscle\.csv/,
    );
    expect(onlyWiring.out).not.toMatch(/no sensor bindings/); // ALM and AVM have receptive fields
    const noSensors = await importCmd(file('w2.csv', 'pre,post,type,contacts\nDA1,DB1,chemical,2\n'), file('m2.csv', MUSCLES), '-o', join(dir, 'w2.json'));
    expect(noSensors.out).toMatch(/WARNING: .*the circuit has no sensor bindings, so the worm cannot sense .*data\/sensory-neurons\.csv/);
    expect(noSensors.out).not.toMatch(/no muscle bindings/);
    for (const t of ['neurons-to-muscle.csv', 'sensory-neurons.csv', 'herm_full_edgelist.csv'])
      expect(existsSync(publishedTablePath(t as PublishedTable))).toBe(true);
  });

  it('is registered in the neuroworm program, with an example in its help', async () => {
    const io = { text: '', out: (t: string) => void (io.text += t), err: (t: string) => void (io.text += t) };
    const code = await main(['import-connectome', '--help'], io);
    expect(code).toBe(0);
    expect(io.text).toMatch(/Usage: neuroworm import-connectome \[options\] <FILE\.csv\.\.\.>/);
    expect(io.text).toMatch(/npx neuroworm import-connectome connectome\.csv neurons-to-muscle\.csv sensory-neurons\.csv -o worm\.json/);
    const top = { text: '', out: (t: string) => void (top.text += t), err: (t: string) => void (top.text += t) };
    await main(['--help'], top);
    expect(top.text).toMatch(/import-connectome \[options\] <FILE\.csv\.\.\.>/);
  });
});
