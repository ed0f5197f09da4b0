/**
 * The conductance worm's gait on a food lawn against the bare plate, unit by unit (issue 14, session 14): why the
 * lawn body lies straight before habituation-food's first tap. A fed worm on the slowing proofs' plates
 * (modulation-slowing.ts), settled 20 s, then read over 20–60 s (the tap comes at 60 s): path speed (mm/s; the body is
 * 1 mm, so also BL/s), bending frequency, λ and bend amplitude (κL, two 20 s windows), time backward; per B unit pair
 * its mean V, its swing (10th–90th percentile of V), its mean output (what its muscles get, after any release factor), DOP-3's mean current (as channels or a current) and
 * the mean factor its release receptors put on its output (DOP-3 and serotonin through Gαo); the head oscillator's
 * RMDD/RMDV the same; AVB's mean V and release; the dopamine level.
 * `npx tsx test/behaviour/lawn-gait.ts [seeds 1,2,3] [overrides JSON over CONDUCTANCE_LAYERS, e.g. '{"modulation":{"dop3Pa":-4}}']`
 */
import type { LayerOverrides } from '../../src/circuits/builtin/membrane';
import type { Circuit } from '../../src/circuits/types';
import { createSimulation } from '../../src/sim/simulation';
import { layeredWorm, parseLayerOverrides } from './layer-overrides';
import { BARE, LAWN, mean } from './modulation-slowing';

interface Cell {
  id: string;
  v: number[];
  out: number;
  dop3: number;
  /** Mean factor on its output from release receptors (1 = none). */
  factor: number;
}

interface Reading {
  mmPerS: number;
  hz: number;
  lambda: number;
  amp: number;
  backFrac: number;
  dopamine: number;
  cells: Map<string, Cell>;
}

const SETTLE_MS = 20_000;
const WINDOW_MS = 40_000;

/** DOP-3's current into each neuron that has it (pA): gain·C·(E − V)/(E − Vmatch) for channels, gain·C for a current. */
function dop3Current(circuit: Circuit): Map<string, (c: number, v: number) => number> {
  const out = new Map<string, (c: number, v: number) => number>();
  for (const r of circuit.doc.receptors ?? []) {
    if (r.label !== 'DOP-3' || r.effect !== 'excitability') continue;
    const { gain, reversalMv: e, matchMv: m } = r;
    out.set(r.neuron, e === undefined || m === undefined ? (c) => gain * c : (c, v) => (gain * c * (e - v)) / (e - m));
  }
  return out;
}

/** Per neuron with release receptors: its output factor max(0, 1 + Σ gain·C) from the modulator levels. */
function releaseFactor(circuit: Circuit): Map<string, (levels: Record<string, number>) => number> {
  const terms = new Map<string, { modulator: string; gain: number }[]>();
  for (const r of circuit.doc.receptors ?? []) if (r.effect === 'release') terms.set(r.neuron, [...(terms.get(r.neuron) ?? []), r]);
  return new Map([...terms].map(([id, ts]) => [id, (levels) => Math.max(0, 1 + ts.reduce((a, t) => a + t.gain * (levels[t.modulator] ?? 0), 0))]));
}

function read(circuit: Circuit, seed: number, lawn: boolean, ids: readonly string[]): Reading {
  const sim = createSimulation({ circuit, seed, arena: lawn ? LAWN : BARE });
  const dop3 = dop3Current(circuit);
  const factor = releaseFactor(circuit);
  const at = ids.map((id) => sim.network.indexOf(id));
  const cells = new Map(ids.map((id) => [id, { id, v: [] as number[], out: 0, dop3: 0, factor: 0 }]));
  sim.run(SETTLE_MS);
  let path = 0;
  let back = 0;
  let dopamine = 0;
  let n = 0;
  const gaits: [number, number, number][] = [];
  const end = sim.timeMs + WINDOW_MS;
  let nextGait = sim.timeMs + WINDOW_MS / 2;
  while (sim.timeMs < end - 1e-9) {
    sim.step();
    const along = sim.behaviour().alongMmPerS;
    path += (Math.abs(along) * sim.physicsStepMs) / 1000;
    if (along < 0) back += sim.physicsStepMs;
    const levels = sim.modulatorLevels();
    const c = levels.dopamine ?? 0;
    dopamine += c;
    n++;
    for (const [k, id] of ids.entries()) {
      const cell = cells.get(id) as Cell;
      const v = sim.network.v[at[k]];
      cell.v.push(v);
      cell.out += sim.network.output[at[k]];
      cell.dop3 += dop3.get(id)?.(c, v) ?? 0;
      cell.factor += factor.get(id)?.(levels) ?? 1;
    }
    if (sim.timeMs >= nextGait - 1e-9) {
      gaits.push([sim.bendingFrequencyHz(WINDOW_MS / 2), sim.wavelengthBodyLengths(WINDOW_MS / 2), sim.bendAmplitude(WINDOW_MS / 2)]);
      nextGait += WINDOW_MS / 2;
    }
  }
  for (const cell of cells.values()) {
    cell.out /= n;
    cell.dop3 /= n;
    cell.factor /= n;
  }
  const g = (k: number) => mean(gaits.map((x) => x[k]));
  return { mmPerS: (path * 1000) / WINDOW_MS, hz: g(0), lambda: g(1), amp: g(2), backFrac: back / WINDOW_MS, dopamine: dopamine / n, cells };
}

const pct = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
/** mean V [p10..p90] release, DOP-3 pA, output factor */
const cellText = (c: Cell) =>
  `${mean(c.v).toFixed(1)} [${pct(c.v, 0.1).toFixed(0)}..${pct(c.v, 0.9).toFixed(0)}] ${c.out.toFixed(2)}${c.dop3 !== 0 ? ` ${c.dop3.toFixed(2)}pA` : ''}${c.factor !== 1 ? ` ×${c.factor.toFixed(2)}` : ''}`;

const seedText = process.argv[2] ?? '1,2,3';
const seeds = seedText.split(',').map(Number);
if (seeds.some((s) => !Number.isInteger(s) || s < 1))
  throw new Error(`lawn-gait: seeds (argument 1) = "${seedText}": give positive integers separated by commas, e.g. 1,2,3`);
const over = parseLayerOverrides(process.argv[3], 'lawn-gait', '{"modulation":{"dop3Pa":-4}}') as LayerOverrides;
const circuit = layeredWorm(over, 'worm (conductance, lawn gait study)');
const units = circuit.doc.neurons.map((x) => x.id).filter((id) => /^[DV]B\d+$/.test(id));
const ids = ['AVB', 'RMDD', 'RMDV', ...units];
console.log(
  `lawn-gait, seeds ${seeds.join(',')}, overrides ${JSON.stringify(over)}; per cell: mean V [p10..p90 mV] mean release, DOP-3 mean pA, output factor`,
);
const rows: { seed: number; bare: Reading; lawn: Reading }[] = [];
for (const seed of seeds) {
  const row = { seed, bare: read(circuit, seed, false, ids), lawn: read(circuit, seed, true, ids) };
  rows.push(row);
  for (const [name, r] of [
    ['bare', row.bare],
    ['lawn', row.lawn],
  ] as const) {
    console.log(
      `s${seed} ${name}: ${r.mmPerS.toFixed(3)} mm/s, ${r.hz.toFixed(2)} Hz, λ ${r.lambda.toFixed(2)}, bend ${r.amp.toFixed(2)} κL, back ${(100 * r.backFrac).toFixed(0)} %, dopamine ${r.dopamine.toFixed(2)}`,
    );
    for (const id of ['AVB', 'RMDD', 'RMDV']) console.log(`    ${id} ${cellText(r.cells.get(id) as Cell)}`);
    for (let k = 1; r.cells.has(`DB${k}`); k++)
      console.log(`    unit ${k}: DB ${cellText(r.cells.get(`DB${k}`) as Cell)}; VB ${cellText(r.cells.get(`VB${k}`) as Cell)}`);
  }
}
const f = (xs: number[], d = 2) => `${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)}`;
for (const name of ['bare', 'lawn'] as const)
  console.log(
    `${name}: ${f(
      rows.map((r) => r[name].mmPerS),
      3,
    )} mm/s, ${f(rows.map((r) => r[name].hz))} Hz, λ ${f(rows.map((r) => r[name].lambda))}, bend ${f(rows.map((r) => r[name].amp))} κL`,
  );
console.log(
  `lawn / bare path speed: ${rows.map((r) => (r.lawn.mmPerS / r.bare.mmPerS).toFixed(2)).join(' ')} (mean ${mean(rows.map((r) => r.lawn.mmPerS / r.bare.mmPerS)).toFixed(2)})`,
);
