import { describe, expect, test } from 'vitest';
import { gradedIvCurve, LAB_MODELS, LabNeuron, tunableParams } from './lab-neuron';

const model = (id: string) => LAB_MODELS.find((m) => m.id === id)!;

/** Upward crossings of 0 mV in `ms` of clamp. */
function spikes(n: LabNeuron, ms: number): number {
  let count = 0;
  let prev = n.v;
  const steps = Math.round(ms / n.spec.dtMs);
  for (let k = 0; k < steps; k++) {
    n.step();
    if (prev < 0 && n.v >= 0) count++;
    prev = n.v;
  }
  return count;
}

describe('neuron lab clamp', () => {
  test('Hodgkin–Huxley fires under a constant current and rests without one', () => {
    const on = new LabNeuron(model('hh'));
    on.pulseMs = on.periodMs = 100;
    expect(spikes(on, 100)).toBeGreaterThanOrEqual(4);
    const off = new LabNeuron(model('hh'));
    off.currentA = 0;
    expect(spikes(off, 100)).toBe(0);
  });

  test('the current is a pulse train: off between pulses, shown as the stimulus', () => {
    const n = new LabNeuron(model('lif'));
    n.pulseMs = 10;
    n.periodMs = 40;
    const seen = new Set<number>();
    for (let k = 0; k < 40 / n.spec.dtMs; k++) {
      n.step();
      seen.add(n.lastCurrent);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([0, n.currentA]);
  });

  test('a parameter slider changes the live neuron: no sodium, no spikes', () => {
    const n = new LabNeuron(model('hh'));
    n.pulseMs = n.periodMs = 100;
    n.setParam('gNa', 0);
    expect(spikes(n, 100)).toBe(0);
  });

  test('every lab model has gating or state variables or a numeric parameter to tune', () => {
    for (const m of LAB_MODELS) {
      const n = new LabNeuron(m);
      expect(tunableParams(n.model).length, m.id).toBeGreaterThan(0);
      expect(Number.isFinite(n.v), m.id).toBe(true);
    }
    expect(new LabNeuron(model('hh')).variableNames).toEqual(expect.arrayContaining(['m', 'h', 'n']));
  });
});

describe('the graded neuron’s I–V in the lab', () => {
  test('bounded with the K⁺ rectifier (about 0 mV at the slider’s top, 40 pA), linear without it (+335 mV); the clamped cell settles on the curve', () => {
    const n = new LabNeuron(model('graded'));
    const { current } = n.spec;
    const iv = gradedIvCurve(n.params, current.min, current.max);
    const top = iv.vMv.length - 1;
    expect(iv.currentPa[top]).toBe(40);
    expect(iv.vMv[top]).toBeLessThan(10);
    expect(iv.vMv[top]).toBeGreaterThan(-20);
    expect(iv.linearVMv[top]).toBeCloseTo(335, 0);
    for (let k = 1; k <= top; k++) expect(iv.vMv[k]).toBeGreaterThan(iv.vMv[k - 1]);
    n.currentA = 40;
    n.pulseMs = n.periodMs = 500;
    for (let k = 0; k < 200 / n.spec.dtMs; k++) n.step();
    expect(n.v).toBeCloseTo(iv.vMv[top], 1);
  });
});

describe('neuron lab bath', () => {
  const steady = (n: LabNeuron, ms: number): number => {
    for (let k = 0; k < Math.round(ms / n.spec.dtMs); k++) n.step();
    return n.v;
  };
  const graded = (): LabNeuron => {
    const n = new LabNeuron(model('graded'));
    n.currentA = 0;
    return n;
  };
  test('a bath through an excitatory receptor depolarises a graded neuron, an inhibitory one hyperpolarises it, by gain × concentration', () => {
    const rest = steady(graded(), 300);
    const up = graded();
    up.setBath('serotonin', 2, 5); // 10 pA
    const down = graded();
    down.setBath('serotonin', 2, -5);
    const vUp = steady(up, 300);
    const vDown = steady(down, 300);
    expect(up.lastModCurrent).toBeCloseTo(10, 12);
    expect(vUp - rest).toBeGreaterThan(5);
    expect(rest - vDown).toBeGreaterThan(5);
    expect(up.bathLevel).toEqual({ name: 'serotonin', concentration: 2, applied: true });
  });
  test('an adapting receptor: a held bath acts at first by gain × C, then (1 − adaptation) as strongly, the excess fading over τ', () => {
    const n = graded();
    n.setBath('serotonin', 2, 5, null, { adaptation: 0.8, adaptationMs: 1000 });
    n.step();
    expect(n.lastModCurrent).toBeCloseTo(10 - 8 * (1 - Math.exp(-n.spec.dtMs / 1000)), 9); // the mean starts at 0: a fresh bath is a rise, felt in full
    steady(n, 1000 - n.spec.dtMs);
    expect(n.lastModCurrent).toBeCloseTo(2 + 8 * Math.exp(-1), 2);
    steady(n, 10_000);
    expect(n.lastModCurrent).toBeCloseTo(2, 3);
    // Same gain without adaptation: the full 10 pA all along; the adapted neuron sits lower.
    const plain = graded();
    plain.setBath('serotonin', 2, 5);
    steady(plain, 11_000);
    expect(plain.lastModCurrent).toBeCloseTo(10, 12);
    expect(plain.v - n.v).toBeGreaterThan(3);
    // A change of gain keeps the receptor's history: still adapted.
    n.setBath('serotonin', 2, 10, null, { adaptation: 0.8, adaptationMs: 1000 });
    n.step();
    expect(n.lastModCurrent).toBeCloseTo(4, 2);
  });
  test('a wash-out clears the modulator at first order (τ = 2 s) and the neuron returns toward rest', () => {
    const n = graded();
    n.setBath('dopamine', 3, 4);
    const held = steady(n, 500);
    n.setBath('dopamine', null, 4);
    steady(n, 2000);
    expect(n.bathLevel?.concentration).toBeCloseTo(3 * Math.exp(-1), 3);
    expect(n.bathLevel?.applied).toBe(false);
    steady(n, 20000);
    expect(n.bathLevel?.concentration).toBeLessThan(0.01);
    expect(Math.abs(n.v - steady(graded(), 300))).toBeLessThan(0.5);
    expect(held).toBeGreaterThan(n.v + 5);
  });
  test('through K⁺ channels a huge bath takes the graded neuron to −80 mV and no further; the same gain as a current sinks it far below', () => {
    const channels = graded();
    channels.setBath('dopamine', 5, 20, -80); // the channels decide the sign: inhibitory at rest (−65 mV)
    let lowest = Infinity;
    for (let k = 0; k < 6000; k++) {
      channels.step();
      lowest = Math.min(lowest, channels.v);
    }
    expect(lowest).toBeGreaterThanOrEqual(-80);
    expect(channels.v).toBeLessThan(-75);
    expect(channels.lastModCurrent).toBeLessThan(0);
    const current = graded();
    current.setBath('dopamine', 5, -20);
    expect(steady(current, 300)).toBeLessThan(-200);
    // A small bath moves V as the current does, to first order.
    const small = graded();
    small.setBath('dopamine', 0.01, 5, -80);
    const asCurrent = graded();
    asCurrent.setBath('dopamine', 0.01, -5);
    const rest = steady(graded(), 300);
    expect((steady(small, 300) - rest) / (steady(asCurrent, 300) - rest)).toBeGreaterThan(0.95);
  });
  test('the channels offered are those whose reversal is at least 2 mV from the model’s rest (LIF rests at −70: no Cl⁻)', () => {
    expect(graded().bathChannels.map((c) => c.reversalMv)).toEqual([null, -80, -70, 0]);
    expect(new LabNeuron(model('lif')).bathChannels.map((c) => c.reversalMv)).toEqual([null, -80, 0]);
  });
  test('a spiking neuron under a subthreshold clamp fires once the bath excites it', () => {
    const izh = new LabNeuron(model('izhikevich'));
    izh.currentA = 2;
    izh.pulseMs = izh.periodMs = 100;
    expect(spikes(izh, 200)).toBe(0);
    izh.setBath('octopamine', 1, 15);
    expect(spikes(izh, 200)).toBeGreaterThan(2);
  });
});
