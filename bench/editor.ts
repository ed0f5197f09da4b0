/**
 * Editor costs on a whole connectome (the White/Varshney table the project
 * ships in data/: 299 connected neurons, ~2,800 synapses after merging
 * duplicates; padded to 302 neurons), so the editor's responsiveness can be
 * checked without a browser: automatic layout, whole-circuit validation
 * (every non-move edit), warnings, geometry, a drag frame, hit tests.
 * Run alone: `npx tsx bench/editor.ts [path/to/connectome-white-varshney.csv]`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { circuitFromDoc, lintCircuit, type CircuitDoc, type ModelTable } from '../src/circuits';
import { PUBLISHED_TABLES, publishedTablePath } from '../src/circuits/connectome/published-tables';
import { FAKE_MODELS } from '../src/circuits/fake-models';
import { buildGeometry, edgeAt, nodeAt } from '../src/editor/geometry';
import { synapseKey } from '../src/editor/ids';
import { countLayerCrossings, layeredLayout } from '../src/editor/layout';
import { EditorModel } from '../src/editor/model';
import type { SynapseSpec } from '../src/neural/types';

function findTable(): string {
  const given = process.argv[2];
  if (given !== undefined && !existsSync(given))
    throw new Error(`${given}: no such file (pass a connectome-white-varshney.csv, or nothing for the project's own copy)`);
  return given ?? publishedTablePath(PUBLISHED_TABLES.whiteVarshney);
}

/** A circuit document of the whole connectome, roles from the sensory sheet and motor-neuron name patterns. */
export function connectomeDoc(csvPath: string): CircuitDoc {
  const rows = readFileSync(csvPath, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const ids = new Set<string>();
  for (const r of rows) ids.add(r[0]).add(r[1]);
  for (const extra of ['CANL', 'CANR', 'VC06']) if (ids.size < 302) ids.add(extra);
  const sensoryPath = resolve(csvPath, '../sensory-neurons.csv');
  const sensory = existsSync(sensoryPath)
    ? new Set(
        readFileSync(sensoryPath, 'utf8')
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => l.split(',')[0]),
      )
    : new Set<string>();
  const motor = /^(DA|DB|DD|VA|VB|VC|VD|AS)\d|^(SMD|RMD|SMB|RME|SIA|SIB)/;
  const seen = new Set<string>();
  const synapses: SynapseSpec[] = [];
  for (const [from, to, type, count] of rows) {
    const kind = type === 'Send' ? 'chemical' : 'electrical';
    if (kind === 'electrical' && from === to) continue;
    const key = synapseKey({ kind, from, to });
    if (seen.has(key)) continue;
    seen.add(key);
    synapses.push({ from, to, kind, weight: Number(count) });
  }
  return {
    format: 'neuroworm-circuit',
    version: 1,
    name: 'connectome',
    neurons: [...ids].map((id) => ({
      id,
      model: 'graded' as const,
      role: sensory.has(id) ? ('sensory' as const) : motor.test(id) ? ('motor' as const) : ('inter' as const),
    })),
    synapses,
  };
}

/** Cook et al. 2019's edge list (OpenWorm c302): every cell except the body-wall muscles, ~7,000 synapses before merging. */
export function cookDoc(csvPath: string): CircuitDoc {
  const rows = readFileSync(csvPath, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map((f) => f.trim()));
  const muscle = /BWM/;
  const ids = new Set<string>();
  const seen = new Set<string>();
  const synapses: SynapseSpec[] = [];
  for (const [from, to, weight, type] of rows) {
    if (muscle.test(from) || muscle.test(to)) continue;
    ids.add(from).add(to);
    const kind = type === 'electrical' ? 'electrical' : 'chemical';
    if (kind === 'electrical' && from === to) continue;
    const key = synapseKey({ kind, from, to });
    if (seen.has(key)) continue;
    seen.add(key);
    synapses.push({ from, to, kind, weight: Number(weight) });
  }
  const motor = /^(DA|DB|DD|VA|VB|VC|VD|AS)\d/;
  const sensory = /^(AS[EGHIJK]|AW[ABC]|AF|AD[FL]|ALM|AVM|PLM|PVM|PVD|FLP|IL|OLQ|CEP|ADE|PDE|URX|AQR|PQR|BAG|PHA|PHB)/;
  return {
    format: 'neuroworm-circuit',
    version: 1,
    neurons: [...ids].map((id) => ({
      id,
      model: 'graded' as const,
      role: sensory.test(id) ? ('sensory' as const) : motor.test(id) ? ('motor' as const) : ('inter' as const),
    })),
    synapses,
  };
}

function time(label: string, runs: number, fn: () => void): number {
  fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  console.log(`${label.padEnd(44)} median ${median.toFixed(2).padStart(8)} ms   min ${samples[0].toFixed(2).padStart(8)} ms   (${runs} runs)`);
  return median;
}

const rowsIn = (path: string): number => readFileSync(path, 'utf8').trim().split('\n').length - 1;
const rawEdges = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [from, to] = l.split(',').map((f) => f.trim());
      return { from, to };
    });

export function runEditorBench(models: ModelTable = FAKE_MODELS): void {
  const doc = connectomeDoc(findTable());
  const synapses = doc.synapses ?? [];
  const roles = ['sensory', 'inter', 'motor'].map((r) => doc.neurons.filter((n) => n.role === r).length);
  console.log(`connectome: ${doc.neurons.length} neurons (${roles[0]} sensory, ${roles[1]} inter, ${roles[2]} motor), ${synapses.length} synapses`);
  time('layeredLayout (4 sweeps)', 30, () => layeredLayout(doc.neurons, synapses));
  const plain = countLayerCrossings(doc.neurons, synapses, layeredLayout(doc.neurons, synapses, { sweeps: 0 }));
  const swept = countLayerCrossings(doc.neurons, synapses, layeredLayout(doc.neurons, synapses));
  console.log(`crossings between layers: ${plain} in id order, ${swept} after the sweeps (${((100 * (plain - swept)) / plain).toFixed(0)}% fewer)`);
  const cookPath = resolve(findTable(), '../herm_full_edgelist.csv');
  if (existsSync(cookPath)) {
    const cook = cookDoc(cookPath);
    const edges = rowsIn(cookPath);
    console.log(`Cook 2019 (no muscles): ${cook.neurons.length} cells, ${cook.synapses?.length} synapses (${edges} rows in the table)`);
    time('layeredLayout, Cook 2019 (4 sweeps)', 30, () => layeredLayout(cook.neurons, cook.synapses ?? []));
    time('layeredLayout, Cook 2019, every row as an edge', 30, () => layeredLayout(cook.neurons, rawEdges(cookPath)));
    time('circuitFromDoc, Cook 2019', 10, () => circuitFromDoc(cook, 'cook.json', models));
  }
  const model = new EditorModel({ models, doc });
  const laid = model.doc;
  time('circuitFromDoc (validation of an edit)', 20, () => circuitFromDoc(laid, 'bench.json', models));
  const circuit = model.circuit();
  time('lintCircuit (warnings)', 20, () => lintCircuit(circuit));
  time('buildGeometry', 30, () => buildGeometry(laid));
  const ids = laid.neurons.slice(0, 20).map((n) => n.id);
  model.beginDrag(ids);
  let k = 0;
  time('drag frame of 20 neurons (dragTo + geometry)', 60, () => {
    model.dragTo(++k, k);
    model.geometry();
  });
  model.endDrag();
  time('setNeuronParam (an edit, validated whole)', 20, () => void model.setNeuronParam(laid.neurons[0].id, 'tauMs', 5 + (++k % 50)));
  const g = model.geometry();
  time('1000 × nodeAt + edgeAt', 10, () => {
    for (let i = 0; i < 1000; i++) {
      nodeAt(g, ((i * 37) % 2000) - 1000, (i * 53) % 600);
      edgeAt(g, ((i * 37) % 2000) - 1000, (i * 53) % 600, 6);
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/editor.ts')) runEditorBench();
