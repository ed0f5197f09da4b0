/**
 * One spontaneous reversal and what follows it, every 200 ms (issue 14, session 16; omega-trace.ts finds the reversals):
 * the conductance worm off food on the open field (spontaneous.test.ts's plate) with layer overrides, from FROM to TO s.
 * Per line: time (s), head–tail distance (body lengths; an omega turn is < 0.4), direction (f/b/p), the V (mV) of the
 * cells of the reversal and the turn, and the body's turning angle (°, one joint) at 0.2, 0.5, 0.7, 0.85 and 0.95 of its length.
 * `npx tsx test/behaviour/omega-timeline.ts SEED FROM TO [overrides JSON]`
 */
import { createSimulation } from '../../src/sim/simulation';
import { layeredWorm, parseLayerOverrides } from './layer-overrides';
import { OPEN_FIELD } from './measure';
const seed = Number(process.argv[2]);
const from = Number(process.argv[3]) * 1000;
const to = Number(process.argv[4]) * 1000;
if (!(Number.isInteger(seed) && seed > 0 && to > from && from >= 0))
  throw new Error(`omega-timeline: give SEED FROM TO (s), e.g. 6 50 57; got ${process.argv.slice(2, 5).join(' ')}`);
const over = parseLayerOverrides(process.argv[5], 'omega-timeline', '{"gait":{"tailSenseAt":0.85}}');
const sim = createSimulation({ circuit: layeredWorm(over), seed, medium: 'agar', arena: OPEN_FIELD });
const ids = ['AVA', 'AIB', 'RIV', 'DA9', 'VA12', 'VD12', 'DA5', 'VA5', 'DB7', 'VB7', 'AVB'];
const at = ids.map((id) => sim.network.indexOf(id));
sim.run(from);
console.log(`t ht dir | ${ids.join(' ')} | curv 0.2 0.5 0.7 0.85 0.95`);
while (sim.timeMs < to) {
  sim.run(200);
  const t = sim.telemetry();
  const p = t.pose;
  const n = p.length / 2;
  const ht = Math.hypot(p[0] - p[2 * (n - 1)], p[1] - p[2 * (n - 1) + 1]) / sim.bodyLengthMm;
  // The signed turning angle at one joint, the one nearest f of the body's length.
  const ang = (f: number) => {
    const i = Math.max(1, Math.min(n - 2, Math.round(f * (n - 1))));
    const ax = p[2 * i] - p[2 * (i - 1)],
      ay = p[2 * i + 1] - p[2 * (i - 1) + 1];
    const bx = p[2 * (i + 1)] - p[2 * i],
      by = p[2 * (i + 1) + 1] - p[2 * i + 1];
    return ((Math.atan2(ax * by - ay * bx, ax * bx + ay * by) * 180) / Math.PI).toFixed(0);
  };
  console.log(
    `${(sim.timeMs / 1000).toFixed(1)} ${ht.toFixed(2)} ${sim.behaviour().direction[0]} | ${at.map((k) => sim.network.v[k].toFixed(0)).join(' ')} | ${[0.2, 0.5, 0.7, 0.85, 0.95].map(ang).join(' ')}`,
  );
}
