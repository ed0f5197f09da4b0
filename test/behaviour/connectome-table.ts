/**
 * Prints the figures of docs/biology.md's "Whole worm" table:
 * `npx tsx test/behaviour/connectome-table.ts [--seeds 6,7,8,9,10]` (seeds 1–5 unless given; mean (min–max)).
 * The imported connectome with the importer's defaults (the class model),
 * and without it for the starting point; or the circuit file given
 * (`connectome-table.ts best.circuit.json`: a refit's best).
 *
 * `--ablations` prints instead what the command neurons are for ("What AVA is for", issue 18):
 * crawl speed and bend amplitude intact and with AVA, AVA+AVD, AVB, AVB+PVC ablated from the
 * start, and the AVA–AVB correlation at rest; for the importer's defaults, the circuit file
 * given, or `--model-at COMMIT` (the defaults of that commit's worm-model.json).
 */
import { readFileSync } from 'node:fs';
import { type Circuit, parseCircuit } from '../../src/circuits';
import { avaAvbCorrelation, classOutput, connectomeWorm, crawlOf, importWorm, importWormAt, touchResponse } from './connectome-measure';
import { parseSeeds } from './connectome-targets-seeds';

const args = process.argv.slice(2);
const SEEDS = parseSeeds(args);

const fmt = (xs: number[], d = 3): string => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return `${m.toFixed(d)} (${Math.min(...xs).toFixed(d)}–${Math.max(...xs).toFixed(d)})`;
};

/** Peak output of a class in the 2 s after a gentle touch at `at`, with cells ablated. */
function peakAfterTouch(circuit: Circuit, seed: number, at: number, cls: string, ablate: string[] = []): number {
  const { sim } = connectomeWorm(circuit, seed, ablate);
  sim.run(5000);
  sim.poke(at, { kind: 'gentle' });
  let peak = 0;
  for (let s = 0; s < 2000 / sim.physicsStepMs; s++) {
    sim.step();
    peak = Math.max(peak, classOutput(sim, cls));
  }
  return peak;
}

/** Lowest and highest membrane potential of any neuron over 16 s with a gentle nose touch at 5 s and a tail touch at 10 s, mV (real neurons: about −90..+40). */
function membraneRange(circuit: Circuit, seed: number): { low: number; high: number } {
  const { sim } = connectomeWorm(circuit, seed);
  let low = Infinity;
  let high = -Infinity;
  for (let t = 0; t < 16_000; t += sim.physicsStepMs) {
    if (t === 5000) sim.poke(0.05, { kind: 'gentle' });
    if (t === 10_000) sim.poke(0.9, { kind: 'gentle' });
    sim.step();
    for (const v of sim.network.v) {
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  return { low, high };
}

/** The ablations of the real worm's command interneurons (Chalfie et al. 1985): forward needs AVB/PVC, not AVA/AVD. */
const ABLATIONS: [string, string[]][] = [
  ['intact', []],
  ['AVA ablated', ['AVAL', 'AVAR']],
  ['AVA+AVD ablated', ['AVAL', 'AVAR', 'AVDL', 'AVDR']],
  ['AVB ablated', ['AVBL', 'AVBR']],
  ['AVB+PVC ablated', ['AVBL', 'AVBR', 'PVCL', 'PVCR']],
];

function printAblations(label: string, circuit: Circuit): void {
  console.log(`== ${label}: crawl 4–16 s on the open field, cells ablated from the start, seeds ${SEEDS.join(', ')}`);
  let intact = 0;
  for (const [name, cells] of ABLATIONS) {
    const c = SEEDS.map((s) => crawlOf(connectomeWorm(circuit, s, cells).sim));
    const speed = c.map((x) => x.speed);
    const mean = speed.reduce((a, b) => a + b, 0) / speed.length;
    if (cells.length === 0) intact = mean;
    console.log(
      `${name}: speed BL/s ${fmt(speed)} (×${(mean / intact).toFixed(2)} of intact), along BL/s ${fmt(c.map((x) => x.along))}, bend κL ${fmt(
        c.map((x) => x.bend),
        2,
      )}, frequency Hz ${fmt(
        c.map((x) => x.hz),
        2,
      )}, direction ${c.map((x) => x.direction).join(' ')}`,
    );
  }
  console.log(
    'AVA output at rest (mean of 2–7 s)',
    fmt(
      SEEDS.map((s) => {
        const { sim } = connectomeWorm(circuit, s);
        sim.run(2000);
        let sum = 0;
        let n = 0;
        for (let t = 0; t < 5000; t += sim.physicsStepMs, n++) {
          sim.step();
          sum += classOutput(sim, 'AVA');
        }
        return sum / n;
      }),
      2,
    ),
  );
  console.log(
    'AVA-AVB correlation at rest, 60 s, no touch',
    fmt(
      SEEDS.map((s) => avaAvbCorrelation(circuit, s, true)),
      2,
    ),
  );
}

const ablations = args.includes('--ablations');
const at = args.indexOf('--model-at');
const commit = at >= 0 ? (args[at + 1] ?? '') : undefined;
const file = args.find((a, i) => !a.startsWith('--') && i !== at + 1);
const circuits: [string, Circuit][] = file
  ? [[file, parseCircuit(readFileSync(file, 'utf8'), file)]]
  : commit
    ? [[`class model at ${commit}`, importWormAt(commit)]]
    : ablations
      ? [['class model (default)', importWorm()]]
      : [
          ['class model (default)', importWorm()],
          ['no class model', importWorm({ classModel: false })],
        ];
if (ablations) for (const [label, circuit] of circuits) printAblations(label, circuit);
else
  for (const [label, circuit] of circuits) {
    const crawl = SEEDS.map((s) => crawlOf(connectomeWorm(circuit, s).sim));
    const nose = SEEDS.map((s) => touchResponse(circuit, s, 0.05));
    const tail = SEEDS.map((s) => touchResponse(circuit, s, 0.9));
    console.log(`== ${label}`);
    console.log('speed BL/s', fmt(crawl.map((c) => c.speed)));
    console.log(
      'frequency Hz',
      fmt(
        crawl.map((c) => c.hz),
        2,
      ),
    );
    console.log(
      'body frequency Hz (spectrum, body 0.2–0.8)',
      fmt(
        crawl.map((c) => c.hzSpectrum),
        3,
      ),
    );
    console.log(
      'wavelength BL',
      fmt(
        crawl.map((c) => c.lambda ?? Number.NaN),
        2,
      ),
    );
    console.log(
      'wavelength BL (spectrum, body 0.2–0.8)',
      fmt(
        crawl.map((c) => c.lambdaSpectrum),
        2,
      ),
    );
    console.log('wave direction', crawl.map((c) => c.direction).join(' '));
    console.log(
      'peak muscle',
      fmt(
        crawl.map((c) => c.muscleMax),
        2,
      ),
    );
    console.log(
      'nose touch: reversals',
      nose.filter((n) => n.reversed).length,
      `of ${SEEDS.length}; AVA before`,
      fmt(
        nose.map((n) => n.avaBefore),
        2,
      ),
      'peak',
      fmt(
        nose.map((n) => n.avaPeak),
        2,
      ),
    );
    console.log('nose touch: speed before', fmt(nose.map((n) => n.speedBefore)), 'after', fmt(nose.map((n) => n.speedAfter)));
    console.log(
      'nose touch: AVB before',
      fmt(
        nose.map((n) => n.avbBefore),
        2,
      ),
      'min',
      fmt(
        nose.map((n) => n.avbMin),
        2,
      ),
    );
    console.log('tail touch: speed before', fmt(tail.map((t) => t.speedBefore)), 'after', fmt(tail.map((t) => t.speedAfter)));
    console.log(
      'tail touch: PVC peak',
      fmt(
        SEEDS.map((s) => peakAfterTouch(circuit, s, 0.9, 'PVC')),
        2,
      ),
    );
    console.log(
      'body touch 0.2 (ALM/AVM): AVA peak',
      fmt(
        SEEDS.map((s) => peakAfterTouch(circuit, s, 0.2, 'AVA')),
        2,
      ),
    );
    console.log(
      'nose touch, FLP ablated: AVA peak',
      fmt(
        SEEDS.map((s) => peakAfterTouch(circuit, s, 0.05, 'AVA', ['FLPL', 'FLPR'])),
        2,
      ),
    );
    console.log(
      'nose touch, AVD ablated: AVA peak',
      fmt(
        SEEDS.map((s) => peakAfterTouch(circuit, s, 0.05, 'AVA', ['AVDL', 'AVDR'])),
        2,
      ),
    );
    const range = SEEDS.map((s) => membraneRange(circuit, s));
    console.log(
      'membrane potential mV, 16 s with a nose and a tail touch: lowest',
      fmt(
        range.map((r) => r.low),
        0,
      ),
      'highest',
      fmt(
        range.map((r) => r.high),
        0,
      ),
    );
    console.log(
      'AVA-AVB correlation, 60 s, nose touch every 10 s',
      fmt(
        SEEDS.map((s) => avaAvbCorrelation(circuit, s)),
        2,
      ),
    );
  }
