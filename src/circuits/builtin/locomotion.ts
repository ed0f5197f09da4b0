/**
 * The locomotion core every built-in worm shares, following the
 * neuromechanical model of Boyle, Berri & Cohen (2012): every B-type motor
 * unit is bistable (a self-exciting graded neuron) and feels the bend of the
 * body just ahead of it, so it bends the same way a moment later and the wave
 * travels head to tail; the head unit feels its own bend with the opposite
 * sign and so flips back and forth — a neuromechanical oscillator, not a sine
 * generator. A-type units mirror this for backward crawling, with the wave
 * starting at the tail.
 *
 * Stable hooks for other layers (touch, senses): command interneurons AVA
 * (backward) and AVB (forward); head motor neurons RMDD (bends left/dorsal)
 * and RMDV (right/ventral).
 */
import { Builder, round3 } from './builder';

/**
 * Tunable numbers of the built-in nervous system, in one place. Motor neurons
 * have C = 1 pF, τ = 20 ms (gL = 0.05 nS): 1 pA moves V by 20 mV. With
 * self-excitation 1 pA and rest −55 mV they are bistable with switching
 * thresholds at about ±0.16 pA of input; at rest −75 mV (no command) they
 * cannot switch on at all.
 */
export const TUNING = {
  /** Motor units along the body behind the head (each a dorsal/left + ventral/right pair per direction). */
  units: 8,
  /** Where the head unit's muscles end and the body units begin (body fraction). */
  headEnd: 0.2,
  /** Self-excitation of a motor neuron, pA at full output. */
  selfExcitation: 1,
  /** Cross-inhibition within a dorsal/ventral pair (via the D-type GABA neurons; direct in the head): makes the pair a flip-flop. */
  pairInhibition: 1.5,
  /** Proprioceptive gain, pA per unit of κ·L (curvature × body length). */
  stretchGain: 0.06,
  /** Head unit: the same bistable pair, but its own bend with the opposite sign. */
  headStretchGain: 0.06,
  /** Motor neuron resting potential: below the bistable window until a command interneuron lifts it. */
  motorRestMv: -70,
  /** Command interneuron → its motor neurons (pA at full output): lifts them into the bistable window. */
  commandDrive: 1,
  /** AVB's own drive (pA): the worm crawls forward unless something stops it. */
  avbTonicPa: 1.5,
  /** GABA cross-inhibition of the opposite muscles. */
  gabaGain: 0.8,
};

/** Locomotion: command interneurons AVB (forward) and AVA (backward), head oscillator RMD, B- and A-type units, GABA D-type. */
export function addLocomotion(b: Builder): void {
  const T = TUNING;
  const motor = { capacitance: 1, tauMs: 20, restMv: T.motorRestMv, vHalfMv: -45, slopeMv: 4 };
  // Command interneurons: slow (τ 300 ms, gL 0.05 nS), so a stimulus sets a state that lasts.
  const command = { capacitance: 15, tauMs: 300, restMv: -65, vHalfMv: -40, slopeMv: 4 };
  b.neuron('AVB', 'inter', 'acetylcholine', { ...command, tonicPa: T.avbTonicPa }, -35, 300, 250);
  b.neuron('AVA', 'inter', 'glutamate', command, -65, 500, 250);
  // Mutual inhibition: forward and backward exclude each other.
  b.chem('AVA', 'AVB', 4, { sign: 'inhibitory' });
  b.chem('AVB', 'AVA', 1.5, { sign: 'inhibitory' });

  const pair = (d: string, v: string, x: number, y: number, dInit?: number) => {
    b.neuron(d, 'motor', 'acetylcholine', motor, dInit, x, y);
    b.neuron(v, 'motor', 'acetylcholine', motor, undefined, x, y + 40);
    b.chem(d, d, T.selfExcitation);
    b.chem(v, v, T.selfExcitation);
  };
  const drive = (cmd: string, d: string, v: string) => {
    b.chem(cmd, d, T.commandDrive);
    b.chem(cmd, v, T.commandDrive);
  };
  // Head: RMDD (dorsal/left) and RMDV (ventral/right) flip on their own bend.
  // RMDD starts depolarised: the first bend is to the left, breaking the symmetry.
  pair('RMDD', 'RMDV', 60, 420, -35);
  drive('AVB', 'RMDD', 'RMDV');
  b.chem('RMDD', 'RMDV', T.pairInhibition, { sign: 'inhibitory' });
  b.chem('RMDV', 'RMDD', T.pairInhibition, { sign: 'inhibitory' });
  const headAt = T.headEnd * 0.5;
  b.sensors.push({ neuron: 'RMDD', sensor: 'stretch', at: headAt, side: 'right', gain: T.headStretchGain });
  b.sensors.push({ neuron: 'RMDV', sensor: 'stretch', at: headAt, side: 'left', gain: T.headStretchGain });
  b.muscles.push({ neuron: 'RMDD', side: 'left', from: 0, to: T.headEnd, gain: 1 });
  b.muscles.push({ neuron: 'RMDV', side: 'right', from: 0, to: T.headEnd, gain: 1 });

  const span = (1 - T.headEnd) / T.units;
  for (let i = 0; i < T.units; i++) {
    const from = round3(T.headEnd + i * span);
    const to = round3(T.headEnd + (i + 1) * span);
    const k = i + 1;
    const x = 140 + i * 110;
    // B-type (forward): copy the bend just ahead.
    pair(`DB${k}`, `VB${k}`, x, 420);
    drive('AVB', `DB${k}`, `VB${k}`);
    const ahead = round3(Math.max(0.02, from - span * 0.5));
    b.sensors.push({ neuron: `DB${k}`, sensor: 'stretch', at: ahead, side: 'left', gain: T.stretchGain });
    b.sensors.push({ neuron: `VB${k}`, sensor: 'stretch', at: ahead, side: 'right', gain: T.stretchGain });
    b.muscles.push({ neuron: `DB${k}`, side: 'left', from, to, gain: 1 });
    b.muscles.push({ neuron: `VB${k}`, side: 'right', from, to, gain: 1 });
    // A-type (backward): copy the bend just behind; the last unit flips on its own bend (tail oscillator).
    pair(`DA${k}`, `VA${k}`, x, 520);
    drive('AVA', `DA${k}`, `VA${k}`);
    const last = i === T.units - 1;
    const behind = round3(last ? from + span * 0.5 : Math.min(0.98, to + span * 0.5));
    b.sensors.push({ neuron: `DA${k}`, sensor: 'stretch', at: behind, side: last ? 'right' : 'left', gain: T.stretchGain });
    b.sensors.push({ neuron: `VA${k}`, sensor: 'stretch', at: behind, side: last ? 'left' : 'right', gain: T.stretchGain });
    b.muscles.push({ neuron: `DA${k}`, side: 'left', from, to, gain: 1 });
    b.muscles.push({ neuron: `VA${k}`, side: 'right', from, to, gain: 1 });
    // D-type GABA: ventral excitation relaxes the dorsal side (DD) and vice versa (VD).
    const gaba = { capacitance: 1, tauMs: 20, restMv: -65, vHalfMv: -45, slopeMv: 4 };
    b.neuron(`DD${k}`, 'motor', 'GABA', gaba, undefined, x, 620);
    b.neuron(`VD${k}`, 'motor', 'GABA', gaba, undefined, x, 660);
    for (const [src, dst] of [[`VB${k}`, `DD${k}`], [`VA${k}`, `DD${k}`], [`DB${k}`, `VD${k}`], [`DA${k}`, `VD${k}`]]) b.chem(src, dst, 1.5);
    // ...and holds the dorsal/ventral pair in one state at a time (a flip-flop that the bend next to it switches).
    for (const [src, dst] of [[`DD${k}`, `DB${k}`], [`DD${k}`, `DA${k}`], [`VD${k}`, `VB${k}`], [`VD${k}`, `VA${k}`]]) b.chem(src, dst, T.pairInhibition);
    b.muscles.push({ neuron: `DD${k}`, side: 'left', from, to, gain: -T.gabaGain });
    b.muscles.push({ neuron: `VD${k}`, side: 'right', from, to, gain: -T.gabaGain });
  }
}

