/**
 * Prints docs/biology.md's interval-dependent habituation and dishabituation
 * figures for the default worm, as shipped (current-based) and converted to
 * conductance synapses and senses (toConductanceCircuit with transduction; the
 * touch cells' plastic synapses become conductances too), over seeds 1–5:
 * the response to taps at 10 s and at 60 s ISI relative to the first (the mean
 * of the last 5), and probe taps at `--probes` minutes after the last (several
 * probes: one worm is probed at every time, each probe wearing the pools a
 * little, not a fresh group per time as in the papers); then dishabituation:
 * after 10 taps at 10 s a harsh tail touch, and a probe tap 12 s after the
 * last training tap, with and without DOP-1 on the touch cells. The defaults
 * are the behaviour tests' protocols (10 taps at 10 s, 8 at 60 s, a probe at
 * 2 min); longer trains and later probes are flags:
 * `npx tsx test/behaviour/habituation-interval-table.ts [--taps10 10] [--taps60 8] [--probes 2,10,30] [--seeds 1,2,3,4,5] [--circuit current|conductance|both]`
 * (defaults: ~10 min per circuit on a loaded 2-core machine).
 */
import { buildWorm } from '../../src/circuits/builtin/generate';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { toConductanceCircuit } from '../../src/circuits/convert';
import type { Circuit } from '../../src/circuits/types';
import { dishabituationProbe, mean, probe, train, withoutDop1 } from './habituation-interval';
import { SEEDS } from './measure';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
/** Taps per train at 10 s and at 60 s (the behaviour tests: 10 and 8). */
const TAPS: Record<number, number> = { 10000: Number(arg('taps10', '10')), 60000: Number(arg('taps60', '8')) };
const probeMin = arg('probes', '2').split(',').map(Number);
const seeds = arg('seeds', SEEDS.join(',')).split(',').map(Number);
const which = arg('circuit', 'both');

const fmt = (xs: number[]) => `${mean(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;

function arm(circuit: Circuit, seed: number, isiMs: number): { first: number; last5: number; probes: number[] } {
  const t = train(circuit, seed, isiMs, TAPS[isiMs]);
  const first = t.responses[0];
  const probes: number[] = [];
  let since = 0;
  for (const m of probeMin) {
    probes.push(probe(t, m * 60_000 - since) / first);
    since = m * 60_000;
  }
  return { first, last5: mean(t.responses.slice(-5)) / first, probes };
}

function table(name: string, circuit: Circuit, noDop1: Circuit): void {
  console.log(`\n${name}: response = mm backward in 3 s, relative to the first tap`);
  for (const isi of [10_000, 60_000]) {
    const rows = seeds.map((s) => arm(circuit, s, isi));
    console.log(`  ${TAPS[isi]} taps at ${isi / 1000} s: first ${fmt(rows.map((r) => r.first))} mm; mean of the last 5 ${fmt(rows.map((r) => r.last5))}`);
    probeMin.forEach((m, i) => console.log(`    probe at ${m} min: ${fmt(rows.map((r) => r.probes[i]))}`));
  }
  const d = seeds.map((s) => dishabituationProbe(circuit, s, true));
  const none = seeds.map((s) => dishabituationProbe(circuit, s, false));
  const cut = seeds.map((s) => dishabituationProbe(noDop1, s, true));
  console.log(
    `  dishabituation, probe 12 s after 10 taps at 10 s: no tail touch ${fmt(none)}; harsh tail touch ${fmt(d)}; tail touch without DOP-1 ${fmt(cut)}`,
  );
}

const base = circuitFromDoc(buildWorm(), 'worm.json');
const noDop1 = circuitFromDoc(withoutDop1(buildWorm()), 'worm without DOP-1');
if (which !== 'conductance') table('default worm (current-based)', base, noDop1);
const conv = (c: Circuit, name: string) => circuitFromDoc(toConductanceCircuit(c.doc, c.network, { transduction: true }), name);
if (which !== 'current')
  table('converted to conductance synapses and senses', conv(base, 'worm (conductance)'), conv(noDop1, 'worm without DOP-1 (conductance)'));
