/**
 * Where the connectome worm's motor drive comes from: the current each
 * target class receives at rest, split into chemical and gap-junction parts
 * by presynaptic class, with AVA intact and with AVA's outputs removed
 * (docs/biology.md, "Whole worm": why the forward wave needed AVA on).
 *
 *   npx tsx test/behaviour/connectome-inputs.ts [seed] [circuit.json]
 *
 * Currents as the engine adds them: chemical sign·w·output_pre, gap
 * g·(V_pre − V_post); means over 4 s after 4 s of settling, pA per cell.
 */
import { readFileSync } from 'node:fs';
import { parseCircuit } from '../../src/circuits';
import { KNOWN_NEURONS } from '../../src/circuits/connectome/neuron-classes';
import type { Circuit } from '../../src/circuits';
import type { Simulation } from '../../src/sim/simulation';
import { connectomeWorm, crawlOf, importWorm } from './connectome-measure';

const classOf = (id: string): string => KNOWN_NEURONS.get(id)?.class.name ?? id;

export interface InputBreakdown {
  /** target class → "chemical AVA" / "gap DA" → mean pA per target cell. */
  byTarget: Map<string, Map<string, number>>;
  /** Mean output per class over the window. */
  output: Map<string, number>;
  /** Mean neuromuscular drive (Σ gain·output) by presynaptic class, body fraction < 0.2 (head) and the rest. */
  muscle: Map<string, { head: number; body: number }>;
}

/** Mean output of the cells of a class (numbered classes too: DB = DB01..DB07). */
function meanOutput(sim: Simulation, cls: string): number {
  let sum = 0;
  let n = 0;
  sim.network.ids.forEach((id, i) => {
    if (classOf(id) !== cls) return;
    sum += sim.network.output[i];
    n++;
  });
  return n ? sum / n : Number.NaN;
}

/** Mean input per target cell of `targets`, by kind and presynaptic class, over windowMs after settleMs. */
export function inputBreakdown(
  circuit: Circuit,
  sim: Simulation,
  targets: readonly string[],
  ablated: ReadonlySet<string> = new Set(),
  settleMs = 4000,
  windowMs = 4000,
): InputBreakdown {
  const net = sim.network;
  const index = new Map(net.ids.map((id, i) => [id, i]));
  const wanted = new Set(targets);
  const cells = new Map<string, number>();
  for (const id of net.ids) if (wanted.has(classOf(id))) cells.set(classOf(id), (cells.get(classOf(id)) ?? 0) + 1);
  const transmitter = new Map(circuit.network.neurons.map((n) => [n.id, n.transmitter]));
  const terms: { target: string; key: string; pre: number; post: number; w: number; gap: boolean }[] = [];
  for (const s of circuit.network.synapses) {
    const pairs: [string, string][] =
      s.kind === 'electrical'
        ? [
            [s.from, s.to],
            [s.to, s.from],
          ]
        : [[s.from, s.to]];
    for (const [from, to] of pairs) {
      if (!wanted.has(classOf(to)) || ablated.has(from) || ablated.has(to)) continue;
      const gap = s.kind === 'electrical';
      const inhibitory = !gap && (s.sign === 'inhibitory' || (s.sign === undefined && transmitter.get(from) === 'GABA'));
      terms.push({
        target: classOf(to),
        key: `${gap ? 'gap' : 'chemical'} ${classOf(from)}`,
        pre: index.get(from)!,
        post: index.get(to)!,
        w: inhibitory ? -s.weight : s.weight,
        gap,
      });
    }
  }
  sim.run(settleMs);
  const sums = terms.map(() => 0);
  const classes = [...new Set(net.ids.map(classOf))];
  const outSum = new Map(classes.map((c) => [c, 0]));
  const muscle = new Map<string, { head: number; body: number }>();
  let n = 0;
  for (let t = 0; t < windowMs; t += sim.physicsStepMs) {
    sim.step();
    n++;
    terms.forEach((x, k) => {
      sums[k] += x.gap ? x.w * (net.v[x.pre] - net.v[x.post]) : x.w * net.output[x.pre];
    });
    for (const c of classes) outSum.set(c, (outSum.get(c) ?? 0) + meanOutput(sim, c));
    for (const m of circuit.muscles) {
      const d = muscle.get(classOf(m.neuron)) ?? { head: 0, body: 0 };
      const x = Math.abs(m.gain) * Math.sign(m.gain) * net.output[index.get(m.neuron)!];
      if ((m.from + m.to) / 2 < 0.2) d.head += x;
      else d.body += x;
      muscle.set(classOf(m.neuron), d);
    }
  }
  const byTarget = new Map<string, Map<string, number>>();
  terms.forEach((x, k) => {
    const m = byTarget.get(x.target) ?? new Map<string, number>();
    m.set(x.key, (m.get(x.key) ?? 0) + sums[k] / n / cells.get(x.target)!);
    byTarget.set(x.target, m);
  });
  for (const d of muscle.values()) {
    d.head /= n;
    d.body /= n;
  }
  return { byTarget, output: new Map(classes.map((c) => [c, outSum.get(c)! / n])), muscle };
}

const TARGETS = (process.env.TARGETS ?? 'AVB,DB,VB,AVA,DA,VA').split(',');

function print(label: string, b: InputBreakdown): void {
  console.log(`== ${label}`);
  const drive = [...b.muscle.entries()]
    .filter(([, d]) => Math.abs(d.head) + Math.abs(d.body) >= 0.05)
    .sort((x, y) => Math.abs(y[1].body) - Math.abs(x[1].body));
  console.log(`muscle drive (head | body): ${drive.map(([c, d]) => `${c} ${d.head.toFixed(2)}|${d.body.toFixed(2)}`).join(', ')}`);
  const on = [...b.output.entries()].filter(([, v]) => v > 0.2).sort((x, y) => y[1] - x[1]);
  console.log(`classes above 0.2: ${on.map(([c, v]) => `${c} ${v.toFixed(2)}`).join(', ')}`);
  for (const c of TARGETS) {
    const m = [...(b.byTarget.get(c) ?? new Map()).entries()].filter(([, v]) => Math.abs(v) >= 0.05).sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
    const chem = [...(b.byTarget.get(c) ?? new Map()).entries()].filter(([k]) => k.startsWith('chemical')).reduce((s, [, v]) => s + v, 0);
    const gap = [...(b.byTarget.get(c) ?? new Map()).entries()].filter(([k]) => k.startsWith('gap')).reduce((s, [, v]) => s + v, 0);
    console.log(
      `${c} output ${b.output.get(c)!.toFixed(2)}; chemical ${chem.toFixed(2)} pA, gap ${gap.toFixed(2)} pA: ${m
        .slice(0, 8)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', ')}`,
    );
  }
}

if (process.argv[1]?.endsWith('connectome-inputs.ts')) {
  const seed = Number(process.argv[2] ?? 1);
  const file = process.argv[3];
  const circuit = file ? parseCircuit(readFileSync(file, 'utf8'), file) : importWorm();
  const ava = ['AVAL', 'AVAR'];
  const variants: [string, (sim: Simulation) => void][] = [
    ['intact', () => {}],
    ['AVA ablated', (sim) => ava.forEach((id) => sim.ablate(id))],
  ];
  for (const [label, edit] of variants) {
    const { sim } = connectomeWorm(circuit, seed);
    edit(sim);
    print(`${label}, seed ${seed}`, inputBreakdown(circuit, sim, TARGETS, new Set(label === 'intact' ? [] : ava)));
    const w = connectomeWorm(circuit, seed).sim;
    edit(w);
    const c = crawlOf(w);
    console.log(
      `crawl: ${c.speed.toFixed(3)} BL/s, along ${c.along.toFixed(3)}, ${c.hz.toFixed(2)} Hz, direction ${c.direction}, muscle max ${c.muscleMax.toFixed(2)}`,
    );
  }
}
