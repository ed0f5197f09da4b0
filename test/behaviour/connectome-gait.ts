/**
 * What sets the connectome worm's crawl speed (issue 18, session 19, `s19-margin`): the gait read along the
 * whole body on the open field, 4 s settled then 12 s, beside the built-in `worm`. Per tenth of the body, the
 * bend's amplitude (κL, √2 × RMS about its own mean) and its phase at the body's frequency; then the body's
 * frequency (spectrum, 0.2–0.8), wavelength, the wave's own speed λ·f (BL/s) and the share of it the body
 * makes good (speed / λf: 1 = no slip), the mean bend of each half, the bend held (its mean) and the muscles'
 * swing (dorsal − ventral activation) and tone by tenth.
 *
 *   npx tsx test/behaviour/connectome-gait.ts [circuit.json|default|worm] [--seeds 6,7,8] [CHANGE …]
 */
import { createSimulation } from '../../src/sim/simulation';
import { curvature } from '../../src/sim/kinematics';
import { circuitFromArgs } from './connectome-changes';
import { OPEN_FIELD } from './measure';

const args = process.argv.slice(2);
const seedsAt = args.indexOf('--seeds');
const seeds = (seedsAt >= 0 ? args.splice(seedsAt, 2)[1] : '6,7,8').split(',').map(Number);
const positional = args.filter((a) => !a.includes('='));
const changes = args.filter((a) => a.includes('='));
const name = positional[0] ?? 'default';
const circuit = name === 'worm' ? 'worm' : circuitFromArgs(name === 'default' ? undefined : name, changes);

const f3 = (x: number): string => x.toFixed(3);
for (const seed of seeds) {
  const sim = createSimulation({ circuit, seed, arena: OPEN_FIELD });
  sim.run(4000);
  const pose = sim.telemetry().pose;
  const n = pose.length / 2;
  const kappa = new Float64Array(n - 2);
  const series: number[][] = Array.from({ length: n - 2 }, () => []);
  const times: number[] = [];
  // Muscles: the dorsal − ventral activation per segment (what bends it) and the sum (tone), per step.
  const segs = sim.telemetry().muscles.length / 2;
  const diff: number[][] = Array.from({ length: segs }, () => []);
  const tone: number[] = new Array(segs).fill(0);
  const windowMs = 12_000;
  // Path as connectome-measure.ts's crawlOf reads it: the centroid's travel summed over 1 s steps.
  let path = 0;
  let prev = sim.behaviour().centroid;
  for (let t = 0; t < windowMs; t += sim.physicsStepMs) {
    sim.step();
    if (Math.round(sim.timeMs) % 1000 === 0) {
      const c = sim.behaviour().centroid;
      path += Math.hypot(c[0] - prev[0], c[1] - prev[1]);
      prev = c;
    }
    curvature(sim.telemetry().pose, kappa);
    for (let j = 0; j < n - 2; j++) series[j].push(kappa[j]);
    const m = sim.telemetry().muscles;
    for (let g = 0; g < segs; g++) {
      diff[g].push(m[g] - m[segs + g]);
      tone[g] += (m[g] + m[segs + g]) / 2;
    }
    times.push(sim.timeMs);
  }
  const speed = path / sim.bodyLengthMm / (windowMs / 1000);
  const hz = sim.bendingFrequencyHz(windowMs, 'spectrum');
  const lambda = sim.wavelengthBodyLengths(windowMs, 'spectrum');
  const L = sim.bodyLengthMm;
  // Per joint: amplitude about the mean, and phase at the body's frequency (DFT).
  const amp: number[] = [];
  const phase: number[] = [];
  const held: number[] = [];
  for (const k of series) {
    const mean = k.reduce((a, b) => a + b, 0) / k.length;
    let sq = 0;
    let re = 0;
    let im = 0;
    for (let i = 0; i < k.length; i++) {
      sq += (k[i] - mean) ** 2;
      const a = (2 * Math.PI * hz * (times[i] - times[0])) / 1000;
      re += (k[i] - mean) * Math.cos(a);
      im -= (k[i] - mean) * Math.sin(a);
    }
    amp.push(Math.sqrt((2 * sq) / k.length) * L);
    held.push(mean * L);
    phase.push(Math.atan2(im, re));
  }
  // Tenths of the body: joint j sits at (j + 1) / (n − 1).
  const tenths: string[] = [];
  const ph: string[] = [];
  const hold: string[] = [];
  for (let d = 0; d < 10; d++) {
    const js = amp.map((_, j) => j).filter((j) => (j + 1) / (n - 1) >= d / 10 && (j + 1) / (n - 1) < (d + 1) / 10);
    if (js.length === 0) continue;
    tenths.push((js.reduce((s, j) => s + amp[j], 0) / js.length).toFixed(1));
    ph.push(((phase[js[0]] * 180) / Math.PI).toFixed(0));
    hold.push((js.reduce((s, j) => s + held[j], 0) / js.length).toFixed(1));
  }
  const half = (lo: number, hi: number): number => {
    const js = amp.map((_, j) => j).filter((j) => (j + 1) / (n - 1) >= lo && (j + 1) / (n - 1) < hi);
    return js.reduce((s, j) => s + amp[j], 0) / js.length;
  };
  const waveSpeed = lambda * hz;
  console.log(
    `seed ${seed}: speed ${f3(speed)} BL/s, ${f3(hz)} Hz, λ ${lambda.toFixed(2)} BL, λf ${f3(waveSpeed)} BL/s, ` +
      `made good ${(speed / waveSpeed).toFixed(2)}, bend front 0.1–0.5 ${half(0.1, 0.5).toFixed(2)} κL, back 0.5–0.9 ${half(0.5, 0.9).toFixed(2)} κL`,
  );
  console.log(`  bend κL by tenth (head → tail): ${tenths.join(' ')}`);
  console.log(`  phase ° by tenth: ${ph.join(' ')}`);
  console.log(`  bend held (mean κL, > 0 left = dorsal) by tenth: ${hold.join(' ')}`);
  const swing = diff.map((d) => {
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    return Math.sqrt((2 * d.reduce((a, b) => a + (b - mean) ** 2, 0)) / d.length);
  });
  const byTenth = (xs: number[]): string =>
    Array.from({ length: 10 }, (_, d) => {
      const gs = xs.map((_, g) => g).filter((g) => (g + 0.5) / segs >= d / 10 && (g + 0.5) / segs < (d + 1) / 10);
      return gs.length ? (gs.reduce((a, g) => a + xs[g], 0) / gs.length).toFixed(2) : '-';
    }).join(' ');
  console.log(`  muscle swing (dorsal − ventral, peak) by tenth: ${byTenth(swing)}`);
  console.log(`  muscle tone (mean activation) by tenth: ${byTenth(tone.map((x) => x / times.length))}`);
}
