/**
 * AVA's and AVB's output every 250 ms after a gentle nose touch (at 5 s, or --at MS: another phase of the crawl),
 * with classes optionally ablated at the touch: how long the touch holds AVA up and what ends it (docs/biology.md,
 * "The nose touch on the crawling connectome (session 16)"). Also the velocity along the body over the 2 s after,
 * the distance backward and forward over the 3 s after, the velocity 5–7 s after (forward again?) and the
 * reversal events after the touch.
 *
 *   npx tsx test/behaviour/connectome-touch-trace.ts CIRCUIT [--seeds 6] [--cut AVB,PVC] [--at 5000] [--no-touch] [CHANGE …]
 *
 * CHANGE as in connectome-changes.ts (e.g. scale:chemical:AVA:AVB=300).
 */
import { classOf } from '../../src/evolve/classes';
import { circuitFromArgs } from './connectome-changes';
import { classOutput, connectomeWorm } from './connectome-measure';
import { parseSeeds } from './seeds-arg';

const args = process.argv.slice(2);
const flag = (f: string): string | undefined => {
  const i = args.indexOf(f);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const TOUCH_MS = Number(flag('--at') ?? 5000);
if (!(TOUCH_MS >= 1000 && TOUCH_MS <= 20000)) throw new Error(`--at: must be the touch time in ms, 1000-20000; e.g. --at 5500`);
const cut = (flag('--cut') ?? '').split(',').filter(Boolean);
const seeds = parseSeeds(flag('--seeds'), 'connectome-touch-trace.ts --seeds', 1, '6');
const touch = !args.includes('--no-touch');
const rest = args.filter((a) => a !== '--no-touch');
const [file] = rest.filter((a) => !a.includes('='));
const circuit = circuitFromArgs(
  file,
  rest.filter((a) => a.includes('=')),
);

for (const seed of seeds) {
  const { sim, events } = connectomeWorm(circuit, seed);
  sim.run(TOUCH_MS);
  const b0 = sim.behaviour();
  if (touch) sim.poke(0.05, { kind: 'gentle' });
  for (const id of sim.network.ids) if (cut.includes(classOf(id))) sim.ablate(id);
  let along = 0;
  let n = 0;
  const trace: string[] = [];
  const steps = Math.round(3000 / sim.physicsStepMs);
  const every = Math.round(250 / sim.physicsStepMs);
  for (let s = 0; s < steps; s++) {
    sim.step();
    if (s * sim.physicsStepMs < 2000) {
      along += sim.behaviour().alongMmPerS;
      n++;
    }
    if (s % every === 0) trace.push(`${classOutput(sim, 'AVA').toFixed(2)}/${classOutput(sim, 'AVB').toFixed(2)}`);
  }
  const b1 = sim.behaviour();
  sim.run(2000);
  let late = 0;
  let m = 0;
  for (let s = 0; s < Math.round(2000 / sim.physicsStepMs); s++) {
    sim.step();
    late += sim.behaviour().alongMmPerS;
    m++;
  }
  const reversals = events.filter((e) => e.type === 'reversal-start' && e.timeMs >= TOUCH_MS).map((e) => `+${((e.timeMs - TOUCH_MS) / 1000).toFixed(2)} s`);
  console.log(
    `seed ${seed}, touch at ${TOUCH_MS / 1000} s: along over 2 s after ${(along / n).toFixed(3)} mm/s; 3 s after: back ${(b1.backwardMm - b0.backwardMm).toFixed(3)} mm, forward ${(b1.forwardMm - b0.forwardMm).toFixed(3)} mm; 5–7 s after ${(late / m).toFixed(3)} mm/s; reversals ${reversals.join(', ') || 'none'}`,
  );
  console.log(`  AVA/AVB output every 250 ms from the touch: ${trace.join(' ')}`);
}
