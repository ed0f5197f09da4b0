/**
 * Issue 14's cost, paired round by round: the default `worm` (conductance synapses) against `worm-current` (the
 * current-based worm it replaced), one Simulation each, warmed, then ROUNDS rounds of SECONDS simulated each in
 * alternating order; the figure is the median of the per-round speed ratios (conductance / current), so the VM's
 * drift between rounds cancels (bench/sim's best-round ratio can read ×0.73 and ×0.82 on one quiet hour).
 * Run: `npx tsx bench/membrane-cost.ts [rounds, default 30] [seconds, default 2]`.
 */
import { getBuiltinCircuit } from '../src/circuits/builtin';
import { createSimulation } from '../src/sim/simulation';
import { alternate, machineLine, range, spread } from './measure';

const rounds = Number(process.argv[2] ?? 30);
const seconds = Number(process.argv[3] ?? 2);
if (!Number.isInteger(rounds) || rounds < 2 || rounds > 1000) throw new Error(`membrane-cost.ts: rounds "${process.argv[2]}": give 2..1000, e.g. 30`);
if (!(seconds > 0 && seconds <= 60)) throw new Error(`membrane-cost.ts: seconds "${process.argv[3]}": give a number in (0, 60], e.g. 2`);
console.log(machineLine());
const sims = {
  conductance: createSimulation({ circuit: getBuiltinCircuit('worm'), seed: 1 }),
  current: createSimulation({ circuit: getBuiltinCircuit('worm-current'), seed: 1 }),
};
for (const s of Object.values(sims)) s.run(4000); // warm-up: the kernels compile on their first steps
const t = alternate({ conductance: () => sims.conductance.run(seconds * 1000), current: () => sims.current.run(seconds * 1000) }, rounds);
const ratio = (k: 'wallS' | 'cpuS') => spread(t.conductance.map((c, i) => t.current[i]![k] / c[k]));
const speed = (k: 'conductance' | 'current') => spread(t[k].map((x) => seconds / x.cpuS));
const x = (v: number) => `×${v.toFixed(3)}`;
console.log(`${rounds} rounds of ${seconds} s simulated, alternated; speed = simulated s per CPU s`);
console.log(`  worm (conductance): ${range(speed('conductance'), (v) => `${v.toFixed(1)}×`)}`);
console.log(`  worm-current:       ${range(speed('current'), (v) => `${v.toFixed(1)}×`)}`);
console.log(`  conductance / current, per round: CPU ${range(ratio('cpuS'), x)}; wall ${range(ratio('wallS'), x)}`);
