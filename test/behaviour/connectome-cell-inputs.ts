/**
 * Per cell, not per class (connectome-inputs.ts sums a class): each named cell's mean membrane potential and
 * its largest synaptic inputs by presynaptic cell, on the open field, 4 s after 4 s of settling (issue 18,
 * session 19, `s19-margin`: which mid-body B cells latch on, and what holds them). Inputs as the engine adds
 * them (chemical sign·w·output_pre, gap g·(V_pre − V_post), pA); the stretch receptor's current is not a
 * synapse and is what is left when these do not explain V.
 *
 *   npx tsx test/behaviour/connectome-cell-inputs.ts [circuit.json|default] [--seed 6] [--cells VB03,VB04] [CHANGE …]
 */
import { createSimulation } from '../../src/sim/simulation';
import { circuitFromArgs } from './connectome-changes';
import { OPEN_FIELD } from './measure';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const seed = Number(opt('--seed', '6'));
const cells = opt('--cells', 'VB02,VB03,VB04,VB05,VB06,DB03,DB04,DB05,DD02,DD03,DD04').split(',');
const file = args.find((a) => !a.includes('='));
const circuit = circuitFromArgs(
  file === 'default' ? undefined : file,
  args.filter((a) => a.includes('=')),
);
const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
const net = sim.network;
const index = new Map(net.ids.map((id, i) => [id, i]));
for (const c of cells) if (!index.has(c)) throw new Error(`--cells: no cell "${c}" in the circuit`);
const transmitter = new Map(circuit.network.neurons.map((n) => [n.id, n.transmitter]));
const terms: { to: string; key: string; pre: number; post: number; w: number; gap: boolean }[] = [];
for (const s of circuit.network.synapses) {
  const gap = s.kind === 'electrical';
  const pairs: [string, string][] = gap
    ? [
        [s.from, s.to],
        [s.to, s.from],
      ]
    : [[s.from, s.to]];
  for (const [from, to] of pairs) {
    if (!cells.includes(to)) continue;
    const inhibitory = !gap && (s.sign === 'inhibitory' || (s.sign === undefined && transmitter.get(from) === 'GABA'));
    terms.push({ to, key: `${gap ? 'gap' : 'chem'} ${from}`, pre: index.get(from)!, post: index.get(to)!, w: inhibitory ? -s.weight : s.weight, gap });
  }
}
sim.run(4000);
const sums = terms.map(() => 0);
const v = cells.map(() => 0);
const out = cells.map(() => 0);
let n = 0;
for (let t = 0; t < 4000; t += sim.physicsStepMs, n++) {
  sim.step();
  terms.forEach((x, k) => {
    sums[k] += x.gap ? x.w * (net.v[x.pre] - net.v[x.post]) : x.w * net.output[x.pre];
  });
  cells.forEach((c, k) => {
    v[k] += net.v[index.get(c)!];
    out[k] += net.output[index.get(c)!];
  });
}
cells.forEach((c, k) => {
  const top = terms
    .map((x, j) => [x, sums[j] / n] as const)
    .filter(([x]) => x.to === c)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, 5);
  console.log(`${c}: V ${(v[k] / n).toFixed(1)} mV, output ${(out[k] / n).toFixed(2)}; ${top.map(([x, i]) => `${x.key} ${i.toFixed(1)}`).join(', ')}`);
});
