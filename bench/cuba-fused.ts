/**
 * The fused CUBA step alone (WebAssembly pass and spike delivery), for a CPU
 * profile of it without the bench's other cases:
 *
 *   node --no-turbo-inlining --cpu-prof --cpu-prof-dir=prof --import tsx bench/cuba-fused.ts [--runs 30] [--seed 1]
 *   npx tsx bench/profile-summary.ts prof/*.001.cpuprofile --within run
 *
 * Prints each simulated second's CPU time and spike count.
 */
import { prepareCubaJs } from './cuba';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): number => Number(args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const cuba = prepareCubaJs({ seed: opt('--seed', '1') });
for (let r = 0, runs = opt('--runs', '30'); r < runs; r++) {
  const t = cuba.run();
  console.log(`run ${r + 1}: ${t.cpuS.toFixed(4)} s CPU, ${t.spikes} spikes`);
}
