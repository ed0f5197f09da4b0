/**
 * Issue 18's touch and ablation targets on the connectome worm, read from the pose (reversal-start and
 * omega-turn events, centroid speed), for docs/biology.md's "Whole worm" table:
 *
 *   npx tsx test/behaviour/connectome-targets.ts [--seeds 6,7,8,9,10] [--model-at COMMIT | --circuit FILE]
 *
 * Default: the importer's defaults; `--model-at` the worm-model.json of that commit; `--circuit` a circuit file (a fit's best). Per seed: a gentle
 * touch at 5 s (nose 0.05, body 0.2, tail 0.9) intact and with the cells the literature ablates, a harsh
 * head touch, and reversals over 60 s of crawling intact and with AIY ablated (Gray et al. 2005).
 */
import { readFileSync } from 'node:fs';
import { type Circuit, parseCircuit } from '../../src/circuits';
import { connectomeWorm, importWorm, importWormAt, touchResponse } from './connectome-measure';
import { parseSeeds } from './connectome-targets-seeds';

const args = process.argv.slice(2);
const seeds = parseSeeds(args);
const at = args.indexOf('--model-at');
const file = args.indexOf('--circuit');
const circuit: Circuit =
  at >= 0 ? importWormAt(args[at + 1] ?? '') : file >= 0 ? parseCircuit(readFileSync(args[file + 1], 'utf8'), args[file + 1]) : importWorm();

/** A harsh touch at the head after 5 s: did it reverse within 1.5 s, and did an omega turn follow within 10 s? */
function harsh(seed: number): { reversed: boolean; omega: boolean } {
  const { sim, events } = connectomeWorm(circuit, seed);
  sim.run(5000);
  const t0 = sim.timeMs;
  sim.poke(0.05, { kind: 'harsh' });
  sim.run(10_000);
  return {
    reversed: events.some((e) => e.type === 'reversal-start' && e.timeMs >= t0 && e.timeMs <= t0 + 1500),
    omega: events.some((e) => e.type === 'omega-turn' && e.timeMs >= t0),
  };
}

/** Reversals begun over 60 s of crawling after 4 s of settling, no stimulus. */
function reversals(seed: number, ablate: string[] = []): number {
  const { sim, events } = connectomeWorm(circuit, seed, ablate);
  sim.run(4000);
  const t0 = sim.timeMs;
  sim.run(60_000);
  return events.filter((e) => e.type === 'reversal-start' && e.timeMs >= t0).length;
}

const within = (r: { latencyMs: number | null }) => r.latencyMs !== null && r.latencyMs <= 1500;
const count = (xs: boolean[]) => `${xs.filter(Boolean).length} of ${xs.length}`;
const speeds = (rs: { speedBefore: number; speedAfter: number }[]) => rs.map((r) => `×${(r.speedAfter / Math.max(r.speedBefore, 1e-9)).toFixed(2)}`).join(' ');

console.log(`== ${at >= 0 ? `class model at ${args[at + 1]}` : file >= 0 ? args[file + 1] : 'class model (default)'}, seeds ${seeds.join(', ')}`);
const touch = (where: number, ablate: string[] = []) => seeds.map((s) => touchResponse(circuit, s, where, ablate));
const nose = touch(0.05);
const noseNoAva = touch(0.05, ['AVAL', 'AVAR', 'AVDL', 'AVDR']);
console.log('nose touch: reversal ≤ 1.5 s', count(nose.map(within)), '| ended by itself', count(nose.map((r) => r.durationMs !== null)));
console.log('nose touch, AVA+AVD ablated: reversal ≤ 1.5 s', count(noseNoAva.map(within)));
const body = touch(0.2);
const bodyNoTouch = touch(0.2, ['ALML', 'ALMR', 'AVM']);
console.log('body touch 0.2: reversal ≤ 1.5 s', count(body.map(within)), '| ALM+AVM ablated', count(bodyNoTouch.map(within)));
const tail = touch(0.9);
const tailNoPlm = touch(0.9, ['PLML', 'PLMR']);
console.log('tail touch: speed after/before (4 s each)', speeds(tail), '| PLM ablated', speeds(tailNoPlm));
const h = seeds.map(harsh);
console.log('harsh head touch: reversal ≤ 1.5 s', count(h.map((x) => x.reversed)), '| omega turn ≤ 10 s', count(h.map((x) => x.omega)));
console.log(
  'reversals in 60 s of crawling: intact',
  seeds.map((s) => reversals(s)).join(' '),
  '| AIY ablated',
  seeds.map((s) => reversals(s, ['AIYL', 'AIYR'])).join(' '),
);
