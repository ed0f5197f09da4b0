/**
 * Stretch-following B-type release (issue 18; docs/biology.md, "Whole worm"):
 * the class model with the B-type stretch rules and operating points changed
 * by hand, each seed's crawl with AVA intact and with AVAL/AVAR ablated.
 *
 *   MODEL='{"classes":{"DB":{"tonicPa":0}},"stretch":{"DB":{"gain":8,"reach":0.15}}}' \
 *     npx tsx test/behaviour/connectome-stretch.ts [seeds, e.g. 1,2,3]
 *
 * CIRCUIT=file.json measures a circuit file instead (an evolution's best); ONLY_ABLATED=1 skips the intact runs;
 * OUT=file.json (with NAME='…') writes the changed import there and measures nothing (an evolution's start circuit).
 * A stretch change may set `rateMs` (κL + rateMs·d(κL)/dt) and the classes the plateau current (plateauNs …).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCircuit, serializeCircuit } from '../../src/circuits';
import { WORM_MODEL, type StretchRule, type WormModel } from '../../src/circuits/connectome/worm-model';
import type { ParamValues } from '../../src/neural/types';
import { curvature } from '../../src/sim/kinematics';
import type { Simulation } from '../../src/sim/simulation';
import { connectomeWorm, crawlOf, importWorm } from './connectome-measure';

export interface ModelChange {
  classes?: Record<string, ParamValues>;
  /** Per stretch rule, keyed by its first class: the fields to change. */
  stretch?: Record<string, Partial<StretchRule>>;
  scales?: Partial<WormModel['scales']>;
}

/** The default class model with a hand change merged in (class parameters merged per class). */
export function changed(change: ModelChange, base: WormModel = WORM_MODEL): WormModel {
  const classes = { ...base.classes };
  for (const [c, p] of Object.entries(change.classes ?? {})) classes[c] = { ...classes[c], ...p };
  const stretch = base.stretch.map((r) => ({ ...r, ...change.stretch?.[r.classes[0]] }));
  return { ...base, classes, stretch, scales: { ...base.scales, ...change.scales } };
}

const AVA = ['AVAL', 'AVAR'];
const POINTS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/**
 * The bend over windowMs (call after crawlOf, which settles and measures the crawl): at body 0.2–0.8,
 * the RMS swing of κ·L about each point's mean (the wave), the RMS of those means (a bend held) and their mean
 * (offset: > 0 bent to the left = dorsal);
 * the head's bending frequency (crossings of its mean by κ at body 0.1); and the swing (RMS about the mean) and the
 * mean κL at body 0.05, 0.1, 0.2 … 0.9.
 */
export function bendAmplitude(
  sim: Simulation,
  windowMs = 4000,
): { profile: number[]; means: number[]; amplitude: number; held: number; offset: number; headHz: number } {
  const n = sim.telemetry().pose.length / 2;
  const k = new Float64Array(n - 2);
  const from = Math.round(0.2 * n);
  const to = Math.round(0.8 * n);
  const head = Math.round(0.1 * n);
  const samples: Float64Array[] = [];
  for (let t = 0; t < windowMs; t += sim.physicsStepMs) {
    sim.step();
    curvature(sim.telemetry().pose, k);
    samples.push(k.map((x) => x * sim.bodyLengthMm));
  }
  const mean = (j: number) => samples.reduce((a, s) => a + s[j], 0) / samples.length;
  let swing = 0;
  let held = 0;
  let offset = 0;
  for (let j = from; j < to; j++) {
    const m = mean(j);
    held += m * m;
    offset += m;
    for (const s of samples) swing += (s[j] - m) ** 2;
  }
  const mh = mean(head);
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if ((samples[i][head] - mh) * (samples[i - 1][head] - mh) < 0) crossings++;
  const at = (x: number) => Math.min(n - 3, Math.round(x * (n - 1)) - 1);
  const swingAt = (x: number) => {
    const j = at(x);
    const m = mean(j);
    return Math.sqrt(samples.reduce((a, s) => a + (s[j] - m) ** 2, 0) / samples.length);
  };
  return {
    profile: POINTS.map(swingAt),
    means: POINTS.map((x) => mean(at(x))),
    amplitude: Math.sqrt(swing / samples.length / (to - from)),
    held: Math.sqrt(held / (to - from)),
    offset: offset / (to - from),
    headHz: crossings / 2 / (windowMs / 1000),
  };
}

if (process.argv[1]?.endsWith('connectome-stretch.ts')) {
  const seeds = (process.argv[2] ?? '1,2,3,4,5').split(',').map(Number);
  const change = JSON.parse(process.env.MODEL ?? '{}') as ModelChange;
  const file = process.env.CIRCUIT;
  const circuit = file
    ? parseCircuit(readFileSync(file, 'utf8'), file)
    : importWorm({ classModel: changed(change), ...(process.env.NAME && { name: process.env.NAME }) });
  if (process.env.OUT) {
    writeFileSync(process.env.OUT, serializeCircuit(circuit));
    process.exit(0);
  }
  for (const ablate of process.env.ONLY_ABLATED ? [AVA] : [[], AVA]) {
    for (const seed of seeds) {
      const { sim } = connectomeWorm(circuit, seed, ablate);
      const c = crawlOf(sim);
      const amp = bendAmplitude(sim);
      console.log(
        `${ablate.length ? 'AVA ablated' : 'intact     '} seed ${seed}: ${c.speed.toFixed(3)} BL/s, along ${c.along.toFixed(3)}, ${c.hz.toFixed(2)} Hz, dir ${c.direction}, λ ${c.lambda.toFixed(2)}, swing κL ${amp.amplitude.toFixed(2)}, held κL ${amp.held.toFixed(2)} (mean ${amp.offset.toFixed(2)}), head ${amp.headHz.toFixed(2)} Hz | swing along the body ${amp.profile.map((x) => x.toFixed(2)).join(' ')}`,
      );
    }
  }
}
