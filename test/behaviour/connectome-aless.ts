import type { Circuit } from '../../src/circuits';
import { classOf } from '../../src/evolve/classes';
import { circuitFromArgs } from './connectome-changes';
import { meanSd } from './conductance-measure';
import { connectomeWorm } from './connectome-measure';
import { bendAmplitude } from './connectome-stretch';

export const A_TYPE = ['DA', 'VA', 'AS'];
const MIN_BEND = 2;

export interface CrawlReading {
  alongBlPerS: number;
  hz: number;
  bend: number;
  direction: number;
  /** class → "output" | "stretch" | "V" | "gapAVB" → samples (class means every 50 ms). */
  series: Map<string, number[]>;
  /** The swing (RMS κL about each point's mean) at body 0.05, 0.1, 0.2 … 0.9 over 14–18 s. */
  swing: number[];
}

/** One seed, 4–14 s, with these cells (ids or classes) ablated from the start. */
export function crawlReading(circuit: Circuit, seed: number, ablateClasses: readonly string[]): CrawlReading {
  const ids = circuit.network.neurons.map((n) => n.id);
  const ablate = ids.filter((id) => ablateClasses.includes(id) || ablateClasses.includes(classOf(id)));
  const { sim } = connectomeWorm(circuit, seed, ablate);
  const net = sim.network;
  const cls = net.ids.map((id) => classOf(id));
  const idx = (c: string) => cls.flatMap((k, i) => (k === c ? [i] : []));
  const b = { DB: idx('DB'), VB: idx('VB') };
  const avb = idx('AVB');
  // AVB's gap junctions onto B cells, read from the circuit (the network's own conductances).
  const index = new Map(net.ids.map((id, i) => [id, i]));
  const gaps: { avb: number; cell: number; g: number }[] = [];
  for (const s of circuit.network.synapses)
    if (s.kind === 'electrical') {
      const [x, y] = [index.get(s.from) ?? -1, index.get(s.to) ?? -1];
      // An ablated cell's junctions are cut (network.ablate), so they carry nothing.
      if (x < 0 || y < 0 || ablate.includes(s.from) || ablate.includes(s.to)) continue;
      if (cls[x] === 'AVB' && (cls[y] === 'DB' || cls[y] === 'VB')) gaps.push({ avb: x, cell: y, g: s.weight });
      else if (cls[y] === 'AVB' && (cls[x] === 'DB' || cls[x] === 'VB')) gaps.push({ avb: y, cell: x, g: s.weight });
    }
  const series = new Map<string, number[]>();
  const push = (key: string, v: number) => {
    const arr = series.get(key) ?? [];
    arr.push(v);
    series.set(key, arr);
  };
  const mean = (cells: number[], f: (i: number) => number) => cells.reduce((s, i) => s + f(i), 0) / Math.max(1, cells.length);
  sim.run(4000);
  let along = 0;
  let n = 0;
  for (let t = 0; t < 10_000; t += 50) {
    sim.run(50);
    along += sim.behaviour().alongMmPerS;
    n++;
    for (const [c, cells] of Object.entries(b)) {
      push(
        `${c} output`,
        mean(cells, (i) => net.output[i]),
      );
      // The receptor's current: the held input is Σ g·E of its conductances (noise aside), so I = input − g·V.
      push(
        `${c} stretch`,
        mean(cells, (i) => net.input[i] - net.inputConductance[i] * net.v[i]),
      );
    }
    push(
      'AVB output',
      mean(avb, (i) => net.output[i]),
    );
    push(
      'AVB V',
      mean(avb, (i) => net.v[i]),
    );
    const bCount = b.DB.length + b.VB.length;
    push('AVB→B gap', gaps.reduce((s, j) => s + j.g * (net.v[j.avb] - net.v[j.cell]), 0) / Math.max(1, bCount));
  }
  const w = 10_000;
  const bend = sim.bendAmplitude(w);
  const moving = bend >= MIN_BEND;
  const reading = {
    alongBlPerS: along / n / sim.bodyLengthMm,
    hz: moving ? sim.bendingFrequencyHz(w) : 0,
    bend,
    direction: moving ? sim.waveDirection(w) : 0,
    series,
  };
  return { ...reading, swing: bendAmplitude(sim, 4000).profile };
}

export function describe(r: CrawlReading): string {
  const head = `along ${r.alongBlPerS.toFixed(3)} BL/s, ${r.hz.toFixed(2)} Hz, bend ${r.bend.toFixed(2)} κL, direction ${r.direction}`;
  const parts = [...r.series].map(([k, v]) => {
    const { mean, sd } = meanSd(v);
    return `${k} ${mean.toFixed(2)}±${sd.toFixed(2)}`;
  });
  return `${head}\n      ${parts.join('  ')}\n      swing at body 0.05 0.1 0.2 … 0.9 (14–18 s): ${r.swing.map((x) => x.toFixed(2)).join(' ')} κL`;
}

if (process.argv[1]?.endsWith('connectome-aless.ts')) {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const file = flag('--circuit');
  const seedsArg = flag('--seeds') ?? '6,7,8';
  const only = flag('--only');
  const out = flag('--out');
  // The ablated run's classes: DA, VA, AS unless --ablate names others (e.g. --ablate AVB,PVC: does the crawl need AVB?).
  const ablateArg = flag('--ablate');
  const ablated = ablateArg === undefined ? A_TYPE : ablateArg.split(',').filter(Boolean);
  if (ablated.length === 0) throw new Error(`--ablate: "${ablateArg}" names no class; e.g. --ablate AVB,PVC`);
  const seeds = seedsArg.split(',').map(Number);
  if (seeds.some((s) => !Number.isInteger(s) || s < 0)) throw new Error(`--seeds: "${seedsArg}" is not a list of whole numbers ≥ 0; e.g. --seeds 6,7,8`);
  if (only !== undefined && only !== 'aless' && only !== 'intact') throw new Error(`--only: "${only}" must be aless or intact; e.g. --only aless`);
  const circuit = circuitFromArgs(file, args, out);
  console.log(`${file ?? 'the importer’s defaults'}${args.length ? ` with ${args.join(' ')}` : ''}, 4–14 s:`);
  for (const seed of seeds) {
    if (only !== 'aless') console.log(`  seed ${seed} intact: ${describe(crawlReading(circuit, seed, []))}`);
    if (only !== 'intact') console.log(`  seed ${seed} ${ablated.join(', ')} ablated: ${describe(crawlReading(circuit, seed, ablated))}`);
  }
}
