/**
 * The toxin ring's reversals as the view names them (scenes/view/activity-chain.test.ts; docs/biology.md, "Steering
 * and choice on the switched default"): per seed, each reversal in the first 22 s with its chain, and at its start the
 * outputs of AVA, AIB and RIV, RIV's highest output over the second before it (what the view's trace still holds), how
 * long the body had been moving backward (along-body speed below 0) when the event came, and over that time AVA's
 * lowest and RIV's highest output (did RIV rise before the body backed, or while it backed and AVA dipped).
 * Run: `npx tsx test/behaviour/toxin-chain.ts [circuit] [seeds] [overrides]` (circuit a built-in, default worm; seeds
 * default 1–5; overrides, e.g. '{"touch":{"avaInhibitsRiv":24}}', build the conductance worm with them over CONDUCTANCE_LAYERS,
 * and need circuit worm).
 */
import { activityChain, ActivityTrace } from '../../scenes/view/activity-chain';
import { circuitViewFromSpec } from '../../scenes/view/circuit-view';
import { createSimulation } from '../../src/sim/simulation';
import { layeredWorm, parseLayerOverrides } from './layer-overrides';
import { parseSeeds } from './seeds-arg';

const name = process.argv[2] ?? 'worm';
const seeds = parseSeeds(process.argv[3], 'toxin-chain.ts', 2, '1,2,3,4,5');
const overText = process.argv[4];
if (overText !== undefined && name !== 'worm')
  throw new Error(`toxin-chain.ts: overrides (argument 3) build the conductance worm; give circuit (argument 1) worm, not "${name}"`);
const circuit = overText === undefined ? name : layeredWorm(parseLayerOverrides(overText, 'toxin-chain.ts', '{"touch":{"avaInhibitsRiv":24}}'));
const label = overText === undefined ? name : `worm with ${overText}`;
const f2 = (x: number) => x.toFixed(2);
for (const seed of seeds) {
  const sim = createSimulation({ circuit, arena: 'toxin-ring', seed });
  const view = circuitViewFromSpec(sim.circuit.network);
  const [ava, aib, riv] = ['AVA', 'AIB', 'RIV'].map((id) => sim.neuronIds.indexOf(id));
  const trace = new ActivityTrace();
  // [time, RIV's output] over the last second.
  const last: [number, number][] = [];
  let backSince = Number.NaN;
  let [avaLow, rivHigh] = [1, 0];
  const lines: string[] = [];
  sim.events$.subscribe((e) => {
    if (e.type !== 'reversal-start') return;
    const out = sim.telemetry().output;
    const rivMax = Math.max(...last.map(([, r]) => r));
    const back = Number.isNaN(backSince)
      ? 'not moving backward'
      : `backward for ${(sim.timeMs - backSince).toFixed(0)} ms, meanwhile AVA's low ${f2(avaLow)}, RIV's peak ${f2(rivHigh)}`;
    lines.push(
      `  ${(sim.timeMs / 1000).toFixed(2)} s: ${activityChain(view, trace.rise()).join(' → ')} (AVA ${f2(out[ava])}, AIB ${f2(out[aib])}, RIV ${f2(out[riv])}; RIV's peak in the last second ${f2(rivMax)}; ${back})`,
    );
  });
  while (sim.timeMs < 22_000) {
    sim.step();
    const t = sim.telemetry();
    trace.update(t.output, t.timeMs);
    last.push([t.timeMs, t.output[riv]]);
    while (last.length && last[0][0] < t.timeMs - 1000) last.shift();
    if (sim.behaviour().alongMmPerS >= 0) backSince = Number.NaN;
    else {
      if (Number.isNaN(backSince)) [backSince, avaLow, rivHigh] = [t.timeMs, 1, 0];
      avaLow = Math.min(avaLow, t.output[ava]);
      rivHigh = Math.max(rivHigh, t.output[riv]);
    }
  }
  console.log(`${label}, seed ${seed}:\n${lines.join('\n')}`);
}
