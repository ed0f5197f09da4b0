/**
 * The receptors' kernels against the per-receptor loops they replaced (session 19): the effects kernel sums
 * each neuron's receptors in locals (grouped by neuron) and the adaptation kernel visits only the adapting
 * receptors; both must give the old loops' numbers bit for bit, zeros' signs, clamps and NaN included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { receptorAdaptKernel, receptorEffectsKernel } from './modulation';

interface Tables {
  n: number;
  conc: Float64Array;
  neuron: Int32Array;
  modulator: Int32Array;
  effect: Uint8Array;
  gain: Float64Array;
  reversal: Float64Array;
  perConc: Float64Array;
  adaptation: Float64Array;
  keep: Float64Array;
  mean: Float64Array;
}

/** The effects loop before session 19, receptor by receptor into the arrays. */
function referenceEffects(t: Tables, out: Float64Array[]): void {
  const [teach, inputGain, excite, openG, releaseGain] = out;
  const r = t.neuron.length;
  for (let k = 0; k < r; k++) {
    const g = t.neuron[k];
    teach[g] = 0;
    inputGain[g] = 1;
    excite[g] = 0;
    openG[g] = 0;
    releaseGain[g] = 1;
  }
  for (let k = 0; k < r; k++) {
    const g = t.neuron[k];
    const a = t.adaptation[k];
    const c = a === 0 ? t.conc[t.modulator[k]] : Math.max(0, t.conc[t.modulator[k]] - a * t.mean[k]);
    const e = t.effect[k];
    const rev = t.reversal[k];
    if (!Number.isNaN(rev)) {
      const open = t.perConc[k] * c;
      openG[g] += open;
      excite[g] += open * rev;
      continue;
    }
    const x = t.gain[k] * c;
    if (e === 0) excite[g] += x;
    else if (e === 1) inputGain[g] += x;
    else if (e === 2) teach[g] += x;
    else releaseGain[g] += x;
  }
  for (let k = 0; k < r; k++) {
    const g = t.neuron[k];
    if (inputGain[g] < 0) inputGain[g] = 0;
    if (releaseGain[g] < 0) releaseGain[g] = 0;
  }
}

/** The adaptation loop before session 19, over every receptor. */
function referenceAdapt(t: Tables, mean: Float64Array): void {
  for (let k = 0; k < t.neuron.length; k++) {
    if (t.adaptation[k] === 0) continue;
    const c = t.conc[t.modulator[k]];
    mean[k] = c + (mean[k] - c) * t.keep[k];
  }
}

/** Values with zeros of both signs, negatives (so the clamps act) and now and then a NaN. */
const value = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1, -1, Number.NaN) },
);

const tables = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.integer({ min: 0, max: 24 }).chain((r) =>
    fc
      .record({
        conc: fc.array(value, { minLength: 3, maxLength: 3 }),
        neuron: fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: r, maxLength: r }),
        modulator: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: r, maxLength: r }),
        effect: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: r, maxLength: r }),
        gain: fc.array(value, { minLength: r, maxLength: r }),
        reversal: fc.array(fc.oneof(fc.constant(Number.NaN), fc.constantFrom(-75, 0, -0, 20)), { minLength: r, maxLength: r }),
        perConc: fc.array(value, { minLength: r, maxLength: r }),
        adaptation: fc.array(fc.oneof(fc.constantFrom(0, -0), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: r, maxLength: r }),
        keep: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: r, maxLength: r }),
        mean: fc.array(value, { minLength: r, maxLength: r }),
      })
      .map(
        (x): Tables => ({
          n,
          conc: Float64Array.from(x.conc),
          neuron: Int32Array.from(x.neuron),
          modulator: Int32Array.from(x.modulator),
          effect: Uint8Array.from(x.effect),
          gain: Float64Array.from(x.gain),
          reversal: Float64Array.from(x.reversal),
          perConc: Float64Array.from(x.perConc),
          adaptation: Float64Array.from(x.adaptation),
          keep: Float64Array.from(x.keep),
          mean: Float64Array.from(x.mean),
        }),
      ),
  ),
);

const bits = (...xs: Float64Array[]) => [...new Uint8Array(Float64Array.from(xs.flatMap((a) => [...a])).buffer)];

describe('the receptors’ kernels', () => {
  it('property: the effects, summed per neuron in locals, are the per-receptor loop’s bit for bit (neurons with several receptors, every effect, channels, adaptation, clamps; neurons without a receptor untouched)', () => {
    fc.assert(
      fc.property(tables, fc.array(value, { minLength: 30, maxLength: 30 }), (t, junk) => {
        // Both start from the same junk, so a neuron the kernel should not write shows it.
        const fresh = () => Array.from({ length: 5 }, (_, a) => Float64Array.from({ length: t.n }, (_, i) => junk[a * 6 + i]));
        const want = fresh();
        referenceEffects(t, want);
        const got = fresh();
        const [teach, inputGain, excite, openG, releaseGain] = got;
        receptorEffectsKernel(
          teach,
          inputGain,
          excite,
          openG,
          releaseGain,
          t.conc,
          t.neuron,
          t.modulator,
          t.effect,
          t.gain,
          t.reversal,
          t.perConc,
          t.adaptation,
          t.mean,
        )();
        expect(bits(...got)).toEqual(bits(...want));
      }),
      { numRuns: 400, seed: 19 },
    );
  });

  it('property: the adaptation step over the adapting receptors only is the loop over all of them, bit for bit (adaptation ±0 skipped)', () => {
    fc.assert(
      fc.property(tables, (t) => {
        const want = Float64Array.from(t.mean);
        referenceAdapt(t, want);
        const got = Float64Array.from(t.mean);
        const step = receptorAdaptKernel(t.conc, t.modulator, t.adaptation, t.keep, got);
        step();
        expect(bits(got)).toEqual(bits(want));
        // A second step from there (the kernel keeps its list).
        referenceAdapt(t, want);
        step();
        expect(bits(got)).toEqual(bits(want));
      }),
      { numRuns: 300, seed: 19 },
    );
  });
});
