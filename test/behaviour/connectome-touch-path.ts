/**
 * Where a gentle body or tail touch's signal goes on the connectome worm (issue 18, session 19, `s19-touch`): per class,
 * mean output over 1 s before the touch and its peak over 2 s after, with the mean membrane potential before and its
 * peak after, for the touch paths ALM/AVM → AVD → AVA (body, 0.2) and PLM → PVC → AVB (tail, 0.9); then the centroid
 * speed over 4 s after against 4 s before, and the first reversal within 1.5 s.
 *
 *   npx tsx test/behaviour/connectome-touch-path.ts [--circuit FILE] [--seeds 1,2] [--at 0.9] [CHANGE …]
 *
 * CHANGE as in connectome-changes.ts (e.g. sensor:PLM=60 param:vHalfMv:PVC=-55).
 */
import { circuitFromArgs } from './connectome-changes';
import { classOutput, connectomeWorm } from './connectome-measure';

const CLASSES = ['PLM', 'ALM', 'AVM', 'PVC', 'AVD', 'DVA', 'LUA', 'PVR', 'AVA', 'AVB', 'AVE', 'RIM'];

/** Mean membrane potential of a class's cells (mV). */
function classVolts(sim: ReturnType<typeof connectomeWorm>['sim'], cls: string): number {
  const ids = sim.network.ids;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < ids.length; i++)
    if (ids[i] === cls || (ids[i].startsWith(cls) && ids[i].length === cls.length + 1 && /[LR]$/.test(ids[i]))) {
      sum += sim.network.v[i];
      n++;
    }
  return n ? sum / n : Number.NaN;
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const file = flag('--circuit');
const seeds = (flag('--seeds') ?? '1').split(',').map(Number);
const at = Number(flag('--at') ?? '0.9');
const circuit = circuitFromArgs(file, args);
console.log(`${file ?? 'the importer’s defaults'}${args.length ? ` with ${args.join(' ')}` : ''}: gentle touch at ${at}`);
for (const seed of seeds) {
  const { sim, events } = connectomeWorm(circuit, seed);
  sim.run(1000);
  const c0 = sim.behaviour().centroid;
  const before = new Map(CLASSES.map((c) => [c, { out: 0, v: 0 }]));
  const steps = Math.round(1000 / sim.physicsStepMs);
  sim.run(3000);
  for (let s = 0; s < steps; s++) {
    sim.step();
    for (const c of CLASSES) {
      const b = before.get(c)!;
      b.out += classOutput(sim, c) / steps;
      b.v += classVolts(sim, c) / steps;
    }
  }
  const c1 = sim.behaviour().centroid;
  const t0 = sim.timeMs;
  sim.poke(at, { kind: 'gentle' });
  const peak = new Map(CLASSES.map((c) => [c, { out: -1, v: -1e9 }]));
  for (let s = 0; s < 2 * steps; s++) {
    sim.step();
    for (const c of CLASSES) {
      const p = peak.get(c)!;
      p.out = Math.max(p.out, classOutput(sim, c));
      p.v = Math.max(p.v, classVolts(sim, c));
    }
  }
  sim.run(2000);
  const c2 = sim.behaviour().centroid;
  const speed = (a: number[], b: number[]) => Math.hypot(b[0] - a[0], b[1] - a[1]) / sim.bodyLengthMm / 4;
  const rev = events.find((e) => e.type === 'reversal-start' && e.timeMs >= t0 && e.timeMs <= t0 + 1500);
  console.log(
    `seed ${seed}: speed ${speed(c0, c1).toFixed(4)} → ${speed(c1, c2).toFixed(4)} BL/s (×${(speed(c1, c2) / speed(c0, c1)).toFixed(2)}); reversal ≤ 1.5 s ${rev ? `at +${rev.timeMs - t0} ms` : 'none'}`,
  );
  console.log(
    `  output before→peak (V mV before→peak): ${CLASSES.map((c) => `${c} ${before.get(c)!.out.toFixed(2)}→${peak.get(c)!.out.toFixed(2)} (${before.get(c)!.v.toFixed(0)}→${peak.get(c)!.v.toFixed(0)})`).join('  ')}`,
  );
}
