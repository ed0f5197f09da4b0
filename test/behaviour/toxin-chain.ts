/**
 * The toxin ring's reversals as the view names them (scenes/view/activity-chain.test.ts; docs/biology.md, "Steering
 * and choice on the switched default"): per seed, each reversal in the first 22 s with its chain, and at its start the
 * outputs of AVA, AIB and RIV and RIV's highest output over the second before it (what the view's trace still holds).
 * Run: `npx tsx test/behaviour/toxin-chain.ts [circuit] [seeds]` (circuit a built-in, default worm; seeds default 1–5).
 */
import { activityChain, ActivityTrace } from '../../scenes/view/activity-chain';
import { circuitViewFromSpec } from '../../scenes/view/circuit-view';
import { createSimulation } from '../../src/sim/simulation';

const circuit = process.argv[2] ?? 'worm';
const seeds = (process.argv[3] ?? '1,2,3,4,5').split(',').map((s) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`toxin-chain.ts: seeds (argument 2) = "${process.argv[3]}": give positive integers separated by commas, e.g. 1,2,3`);
  return n;
});
const f2 = (x: number) => x.toFixed(2);
for (const seed of seeds) {
  const sim = createSimulation({ circuit, arena: 'toxin-ring', seed });
  const view = circuitViewFromSpec(sim.circuit.network);
  const [ava, aib, riv] = ['AVA', 'AIB', 'RIV'].map((id) => sim.neuronIds.indexOf(id));
  const trace = new ActivityTrace();
  const rivLast: [number, number][] = [];
  const lines: string[] = [];
  sim.events$.subscribe((e) => {
    if (e.type !== 'reversal-start') return;
    const out = sim.telemetry().output;
    const rivMax = Math.max(...rivLast.filter(([t]) => t >= sim.timeMs - 1000).map(([, o]) => o));
    lines.push(
      `  ${(sim.timeMs / 1000).toFixed(2)} s: ${activityChain(view, trace.rise()).join(' → ')} (AVA ${f2(out[ava])}, AIB ${f2(out[aib])}, RIV ${f2(out[riv])}; RIV's peak in the last second ${f2(rivMax)})`,
    );
  });
  while (sim.timeMs < 22_000) {
    sim.step();
    const t = sim.telemetry();
    trace.update(t.output, t.timeMs);
    rivLast.push([t.timeMs, t.output[riv]]);
    while (rivLast.length && rivLast[0][0] < t.timeMs - 1000) rivLast.shift();
  }
  console.log(`${circuit}, seed ${seed}:\n${lines.join('\n')}`);
}
