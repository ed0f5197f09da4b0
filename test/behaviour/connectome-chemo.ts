/**
 * Chemotaxis on the connectome worm (issue 18): does the food odour reach the body, and where does it stop?
 *
 *   npx tsx test/behaviour/connectome-chemo.ts signal [--seed N] [--gain K] [--ms T] [CHANGE ...]
 *   npx tsx test/behaviour/connectome-chemo.ts run [--seeds 1,2,3,4,5] [--gain K] [--s 180] [CHANGE ...]
 *
 * `signal`: the same worm (the importer's defaults, same seed, same noise) in the food-gradient arena and in the
 * same arena with its food taken away (no odour). Until the two bodies part, every difference between the runs is
 * the odour's: per class, the RMS of the membrane-potential difference (mV) over 0–1 s, 0–5 s and 0–T ms, beside
 * the class's own swing in the odourless run (SD of V over 0–T), and the chemosensors' drive (the nose's
 * concentration change, what an ON/OFF binding answers). The classes are listed from the nose to the muscles
 * (ASE/AWC/AWA → AIY/AIZ/AIA → AIB/RIA/RIM → AVA/AVB/… → head and body motor neurons).
 * `run`: chemotaxis over S seconds in the food-gradient arena, intact, ASE+AWC ablated, ASE ablated and all six
 * chemosensors ablated: distance to the food gained (mm; > 0 = closer) per seed, the chemotaxis index (closer −
 * farther)/(closer + farther) per group.
 * --gain K multiplies every chemical sensor binding's gain (ASE, AWC, AWA: 1 in the import) — a probe of what a
 * stronger transduction would do, not a class model. Any further arguments are class changes as in
 * connectome-pathways.ts (connectome-changes.ts: param:NAME:OF=V, sign:FROM:TO=±1, …), applied with the gain.
 */
import { circuitFromDoc } from '../../src/circuits';
import type { Circuit } from '../../src/circuits/types';
import { classOf } from '../../src/evolve/classes';
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import { getArena } from '../../src/world/builtins';
import { parseArena } from '../../src/world/parse';
import { parseChange, withChanges } from './connectome-changes';
import { importWorm } from './connectome-measure';

const CLASSES = [
  'ASE',
  'AWC',
  'AWA',
  'AIY',
  'AIZ',
  'AIA',
  'AIB',
  'RIA',
  'RIM',
  'AVA',
  'AVB',
  'AVD',
  'AVE',
  'PVC',
  'SMD',
  'RMD',
  'SMB',
  'RIV',
  'DB',
  'VB',
  'DA',
  'VA',
];
export const CHEMOSENSORS = { ASE: ['ASEL', 'ASER'], AWC: ['AWCL', 'AWCR'], AWA: ['AWAL', 'AWAR'] } as const;

const GRADIENT = getArena('food-gradient');
/** The food-gradient dish with its food (and so its odour) taken away: the same start, the same plate. */
const NO_ODOUR = parseArena({ ...JSON.parse(JSON.stringify(GRADIENT)), name: 'food-gradient-no-food', food: [], goals: [] }, 'no-food');

/** The importer's defaults with every chemical sensor binding's gain × k (and the class changes given, CHANGE syntax). */
export function wormWithChemoGain(k: number, changes: readonly string[] = []): Circuit {
  const worm = withChanges(importWorm(), changes.map(parseChange));
  if (k === 1) return worm;
  const sensors = (worm.doc.sensors ?? []).map((s) => (s.sensor === 'chemical' ? { ...s, gain: s.gain * k } : s));
  return circuitFromDoc({ ...worm.doc, sensors }, `whole worm, chemical gain ×${k}`);
}

function classV(sim: Simulation): number[] {
  const { ids, v } = sim.network;
  return CLASSES.map((c) => {
    let s = 0;
    let n = 0;
    for (let i = 0; i < ids.length; i++)
      if (classOf(ids[i]) === c) {
        s += v[i];
        n++;
      }
    return n ? s / n : Number.NaN;
  });
}

/** The nose's left/right concentration minus its 1 s average: what ON (> 0) and OFF (< 0) bindings answer. */
function noseChange(sim: Simulation): [number, number, number] {
  const group = (sim as unknown as { chemo: { groups: { sensor: { value: Float64Array; average: Float64Array } }[] } }).chemo.groups[0];
  if (!group) return [0, 0, 0];
  const { value, average } = group.sensor;
  return [value[0] - average[0], value[1] - average[1], (value[0] + value[1]) / 2];
}

function signal(seed: number, gain: number, totalMs: number, changes: readonly string[]): void {
  const circuit = wormWithChemoGain(gain, changes);
  const a = createSimulation({ circuit, seed, arena: GRADIENT });
  const b = createSimulation({ circuit, seed, arena: NO_ODOUR });
  const windows = [1000, 5000, totalMs];
  const sq = windows.map(() => CLASSES.map(() => 0));
  const counts = windows.map(() => 0);
  const base: number[][] = CLASSES.map(() => []);
  let drive = 0;
  let conc = 0;
  let partedAt = Number.NaN;
  let n = 0;
  for (let t = 0; t < totalMs; t += 20) {
    a.run(20);
    b.run(20);
    const va = classV(a);
    const vb = classV(b);
    const [l, r, c] = noseChange(a);
    drive = Math.max(drive, Math.abs(l), Math.abs(r));
    conc += c;
    n++;
    const [ax, ay] = a.headPosition();
    const [bx, by] = b.headPosition();
    if (Number.isNaN(partedAt) && Math.hypot(ax - bx, ay - by) > 0.01) partedAt = t + 20;
    windows.forEach((w, k) => {
      if (t >= w) return;
      counts[k]++;
      CLASSES.forEach((_, i) => (sq[k][i] += (va[i] - vb[i]) ** 2));
    });
    CLASSES.forEach((_, i) => base[i].push(vb[i]));
  }
  const sd = (x: number[]) => {
    const m = x.reduce((s, v) => s + v, 0) / x.length;
    return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / x.length);
  };
  console.log(
    `seed ${seed}, chemical gain ×${gain}: mean concentration at the nose ${(conc / n).toExponential(3)}, largest change from its 1 s average ${drive.toExponential(3)}`,
  );
  console.log(`the heads part by 10 µm at ${Number.isNaN(partedAt) ? `> ${totalMs}` : partedAt} ms`);
  console.log(`class  RMS ΔV (mV) 0–1 s   0–5 s   0–${totalMs / 1000} s   own SD of V (no odour)`);
  CLASSES.forEach((c, i) => {
    const rms = windows.map((_, k) => Math.sqrt(sq[k][i] / Math.max(1, counts[k])).toExponential(2));
    console.log(`${c.padEnd(5)}  ${rms.map((s) => s.padStart(9)).join('  ')}   ${sd(base[i]).toFixed(3)}`);
  });
}

const GROUPS: Record<string, readonly string[]> = {
  intact: [],
  'ASE+AWC ablated': [...CHEMOSENSORS.ASE, ...CHEMOSENSORS.AWC],
  'ASE ablated': CHEMOSENSORS.ASE,
  'ASE+AWC+AWA ablated': [...CHEMOSENSORS.ASE, ...CHEMOSENSORS.AWC, ...CHEMOSENSORS.AWA],
};

function runTable(seeds: readonly number[], gain: number, seconds: number, changes: readonly string[]): void {
  const circuit = wormWithChemoGain(gain, changes);
  console.log(`chemotaxis over ${seconds} s in food-gradient, chemical gain ×${gain} ${changes.join(' ')}, seeds ${seeds.join(',')}`);
  for (const [group, ablate] of Object.entries(GROUPS)) {
    const gained = seeds.map((seed) => {
      const sim = createSimulation({ circuit, seed, arena: GRADIENT });
      for (const id of ablate) sim.ablate(id);
      const d0 = sim.distanceToFoodMm();
      sim.run(seconds * 1000);
      return d0 - sim.distanceToFoodMm();
    });
    const closer = gained.filter((g) => g > 0).length;
    const farther = gained.filter((g) => g < 0).length;
    const ci = closer + farther ? (closer - farther) / (closer + farther) : 0;
    console.log(`${group.padEnd(20)} CI ${ci.toFixed(2).padStart(5)}  closer by (mm) ${gained.map((g) => g.toFixed(2)).join(' ')}`);
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1]?.endsWith('connectome-chemo.ts')) {
  const mode = process.argv[2];
  const gain = Number(arg('--gain') ?? 1);
  const args = process.argv.slice(3);
  // CHANGE arguments: those with "=" that are not an option's value.
  const changes = args.filter((a, i) => a.includes('=') && !args[i - 1]?.startsWith('--'));
  if (mode === 'signal') signal(Number(arg('--seed') ?? 1), gain, Number(arg('--ms') ?? 10_000), changes);
  else if (mode === 'run') runTable((arg('--seeds') ?? '1,2,3,4,5').split(',').map(Number), gain, Number(arg('--s') ?? 180), changes);
  else console.error('usage: connectome-chemo.ts signal [--seed N] [--gain K] [--ms T] [CHANGE ...] | run [--seeds 1,2,3] [--gain K] [--s 180] [CHANGE ...]');
}
