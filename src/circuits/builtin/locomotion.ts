/**
 * The locomotion core every built-in worm shares, after the neuromechanical
 * model of Boyle, Berri & Cohen (2012): each B-type motor unit feels the bend
 * of the body just ahead of it and bends the same way a moment later, so the
 * wave travels head to tail; A-type units mirror this backward, copying the
 * bend just behind them, so the wave starts at the tail.
 *
 * The wave starts in two oscillators, one in the head (RMDD/RMDV, running while
 * AVB is active) and one in the tail (the last A-type unit, running while AVA
 * is active; the real A-type motor neurons at the tail oscillate on their own,
 * Gao et al. 2018). Each is a flip-flop (self-excitation + mutual inhibition)
 * that two things tip over: the bend it feels (in the neck, or in front of the
 * tail, with the opposite sign — proprioception, which makes it faster where
 * the body bends faster) and a slow timer neuron per side (SMDD/SMDV in the
 * head; DA9/VA12 in the tail) that fills while its side is on and then
 * excites the other side. The timer makes it a relaxation oscillator that
 * never latches when the bend saturates short of the switching point (weak
 * muscles, noise, a body pressed against something). No sine generator: the
 * rhythm is the circuit's, and its frequency and wavelength follow the body.
 *
 * Stable hooks for other layers (touch, senses): command interneurons AVA
 * (backward) and AVB (forward); head motor neurons RMDD (bends left/dorsal)
 * and RMDV (right/ventral).
 */
import { type Builder, round3 } from './builder';

/**
 * Tunable numbers of the built-in nervous system, in one place. Motor
 * neurons are scaled so 1 pA moves V by 20 mV at steady state (R = τ/C = 20 GΩ).
 */
export const TUNING = {
  /** Motor units along the body behind the head (each a dorsal/left + ventral/right pair per direction). */
  units: 8,
  /** Where the head unit's muscles end and the body units begin (body fraction). */
  headEnd: 0.2,
  /** Oscillator motor neurons (head RMD, tail A-type): self-excitation (pA at full output), pair inhibition, τ (ms). With drive 1 pA, rest −70 mV they are bistable. */
  oscSelfExcitation: 1,
  oscPairInhibition: 1.5,
  oscTauMs: 20,
  /** Head oscillator neurons' own drive (pA): too little to start them alone, enough that with AVB they cannot rest both off (so crawling restarts after a reversal). */
  headTonicPa: 0.3,
  /** Body motor neurons: self-excitation below the bistable level, so they follow the bend they feel instead of latching on it; weak GABA pair inhibition sharpens the choice. */
  bodySelfExcitation: 0.5,
  bodyPairInhibition: 0.5,
  /** Membrane τ of the body's motor neurons, ms: how fast a bend is handed down the body, which sets the wavelength. */
  bodyTauMs: 60,
  /** Body proprioceptive gain, pA per unit of κ·L (curvature × body length). */
  stretchGain: 0.06,
  /** Where the head oscillator feels the bend (body fractions): in the neck, so a head bend counts once the body has followed it. */
  headSenseAt: [0.2],
  /** Where the tail oscillator (last A-type unit) feels the bend. */
  tailSenseAt: [0.9],
  /** Oscillators' proprioceptive gain (opposite sign: a bend to the left excites the right side), split over their sense points. */
  oscStretchGain: 0.1,
  /** Timer neurons: τ (ms) and their drive onto the opposite oscillator neuron (pA at full output). Alone they switch the flip-flop after ~1 s; the bend makes it sooner. */
  timerTauMs: 1500,
  timerGain: 1.5,
  /** Motor neuron resting potential: silent until a command interneuron lifts it. */
  motorRestMv: -65,
  /** Command interneuron → its motor neurons (pA at full output). */
  commandDrive: 1.2,
  /** Release curve width of the command interneurons, mV: AVB sits partway up it, so PVC can speed the worm up. */
  commandSlopeMv: 8,
  /** AVB's own drive (pA): the worm crawls forward unless something stops it, at about half of AVB's range (PVC adds the rest). */
  avbTonicPa: 1.2,
  /** GABA D-type relaxation of the opposite muscles (muscle gain). */
  gabaGain: 0.8,
  /** Excitatory motor neuron → D-type GABA neuron (pA at full output). */
  gabaDrive: 1.5,
};

const motorParams = (tauMs: number) => ({ capacitance: tauMs / 20, tauMs, restMv: TUNING.motorRestMv, vHalfMv: -45, slopeMv: 4 });

/** Locomotion: command interneurons AVB (forward) and AVA (backward), head and tail oscillators, B- and A-type units, GABA D-type. */
export function addLocomotion(b: Builder): void {
  const T = TUNING;
  // Command interneurons: slow (τ 300 ms, gL 0.05 nS), so a stimulus sets a state that lasts.
  const command = { capacitance: 15, tauMs: 300, restMv: -65, vHalfMv: -40, slopeMv: T.commandSlopeMv };
  b.neuron('AVB', 'inter', 'acetylcholine', { ...command, tonicPa: T.avbTonicPa }, -35, 300, 250);
  // AVA: a sharper release curve than AVB, so a fading AVA stops holding AVB down.
  b.neuron('AVA', 'inter', 'glutamate', { ...command, slopeMv: 4 }, -65, 500, 250);
  // Mutual inhibition: forward and backward exclude each other.
  b.chem('AVA', 'AVB', 4, { sign: 'inhibitory' });
  b.chem('AVB', 'AVA', 1.5, { sign: 'inhibitory' });

  const pair = (d: string, v: string, x: number, y: number, osc: boolean, dInit?: number, tonicPa = 0) => {
    const p = osc ? { ...motorParams(T.oscTauMs), tonicPa } : motorParams(T.bodyTauMs);
    b.neuron(d, 'motor', 'acetylcholine', p, dInit, x, y);
    b.neuron(v, 'motor', 'acetylcholine', p, undefined, x, y + 40);
    const self = osc ? T.oscSelfExcitation : T.bodySelfExcitation;
    b.chem(d, d, self);
    b.chem(v, v, self);
  };
  const drive = (cmd: string, d: string, v: string) => {
    b.chem(cmd, d, T.commandDrive);
    b.chem(cmd, v, T.commandDrive);
  };
  /** An oscillator's proprioception: a bend to the left excites its right (ventral) neuron and vice versa. */
  const oscSense = (d: string, v: string, points: readonly number[]) => {
    const gain = T.oscStretchGain / points.length;
    for (const at of points) {
      b.sensors.push({ neuron: d, sensor: 'stretch', at, side: 'right', gain });
      b.sensors.push({ neuron: v, sensor: 'stretch', at, side: 'left', gain });
    }
  };

  // Head: RMDD (dorsal/left) and RMDV (ventral/right), mutual inhibition, timers SMDD/SMDV.
  // RMDD starts depolarised: the first bend is to the left, breaking the symmetry.
  pair('RMDD', 'RMDV', 60, 420, true, -35, T.headTonicPa);
  drive('AVB', 'RMDD', 'RMDV');
  b.chem('RMDD', 'RMDV', T.oscPairInhibition, { sign: 'inhibitory' });
  b.chem('RMDV', 'RMDD', T.oscPairInhibition, { sign: 'inhibitory' });
  timers(b, 'RMDD', 'RMDV', 'SMDD', 'SMDV', 40, 320);
  oscSense('RMDD', 'RMDV', T.headSenseAt);
  b.muscles.push({ neuron: 'RMDD', side: 'left', from: 0, to: T.headEnd, gain: 1 });
  b.muscles.push({ neuron: 'RMDV', side: 'right', from: 0, to: T.headEnd, gain: 1 });

  const span = (1 - T.headEnd) / T.units;
  const gaba = { capacitance: 1, tauMs: 20, restMv: -65, vHalfMv: -45, slopeMv: 4 };
  for (let i = 0; i < T.units; i++) {
    const from = round3(T.headEnd + i * span);
    const to = round3(T.headEnd + (i + 1) * span);
    const k = i + 1;
    const x = 140 + i * 110;
    const last = i === T.units - 1;
    // B-type (forward): copy the bend just ahead.
    pair(`DB${k}`, `VB${k}`, x, 420, false);
    drive('AVB', `DB${k}`, `VB${k}`);
    const ahead = round3(Math.max(0.02, from - span * 0.5));
    b.sensors.push({ neuron: `DB${k}`, sensor: 'stretch', at: ahead, side: 'left', gain: T.stretchGain });
    b.sensors.push({ neuron: `VB${k}`, sensor: 'stretch', at: ahead, side: 'right', gain: T.stretchGain });
    b.muscles.push({ neuron: `DB${k}`, side: 'left', from, to, gain: 1 });
    b.muscles.push({ neuron: `VB${k}`, side: 'right', from, to, gain: 1 });
    // A-type (backward): copy the bend just behind; the last unit is the tail oscillator.
    pair(`DA${k}`, `VA${k}`, x, 520, last);
    drive('AVA', `DA${k}`, `VA${k}`);
    if (last) {
      oscSense(`DA${k}`, `VA${k}`, T.tailSenseAt);
      timers(b, `DA${k}`, `VA${k}`, 'DA9', 'VA12', x + 40, 320);
    } else {
      const behind = round3(Math.min(0.98, to + span * 0.5));
      b.sensors.push({ neuron: `DA${k}`, sensor: 'stretch', at: behind, side: 'left', gain: T.stretchGain });
      b.sensors.push({ neuron: `VA${k}`, sensor: 'stretch', at: behind, side: 'right', gain: T.stretchGain });
    }
    b.muscles.push({ neuron: `DA${k}`, side: 'left', from, to, gain: 1 });
    b.muscles.push({ neuron: `VA${k}`, side: 'right', from, to, gain: 1 });
    // D-type GABA: ventral excitation relaxes the dorsal side (DD) and vice versa (VD)...
    b.neuron(`DD${k}`, 'motor', 'GABA', gaba, undefined, x, 620);
    b.neuron(`VD${k}`, 'motor', 'GABA', gaba, undefined, x, 660);
    for (const [src, dst] of [
      [`VB${k}`, `DD${k}`],
      [`VA${k}`, `DD${k}`],
      [`DB${k}`, `VD${k}`],
      [`DA${k}`, `VD${k}`],
    ])
      b.chem(src, dst, T.gabaDrive);
    // ...and inhibits the opposite excitatory neurons (weakly in the body; in the tail oscillator it is the flip-flop's cross-inhibition).
    b.chem(`DD${k}`, `DB${k}`, T.bodyPairInhibition);
    b.chem(`VD${k}`, `VB${k}`, T.bodyPairInhibition);
    b.chem(`DD${k}`, `DA${k}`, last ? T.oscPairInhibition : T.bodyPairInhibition);
    b.chem(`VD${k}`, `VA${k}`, last ? T.oscPairInhibition : T.bodyPairInhibition);
    b.muscles.push({ neuron: `DD${k}`, side: 'left', from, to, gain: -T.gabaGain });
    b.muscles.push({ neuron: `VD${k}`, side: 'right', from, to, gain: -T.gabaGain });
  }
}

/**
 * Slow timer neurons of an oscillating dorsal/ventral pair: each is filled by
 * its own side's motor neuron and excites the opposite one, so a side that
 * has been on for a while hands over to the other.
 */
function timers(b: Builder, d: string, v: string, td: string, tv: string, x: number, y: number): void {
  const T = TUNING;
  const slow = { capacitance: 1, tauMs: T.timerTauMs, restMv: -65, vHalfMv: -45, slopeMv: 4 };
  b.neuron(td, 'inter', 'acetylcholine', slow, undefined, x, y);
  b.neuron(tv, 'inter', 'acetylcholine', slow, undefined, x + 40, y);
  // Full output of its side lifts a timer by 30 mV (to −35 mV) over its τ (gL = C/τ).
  b.chem(d, td, 30 / T.timerTauMs);
  b.chem(v, tv, 30 / T.timerTauMs);
  b.chem(td, v, T.timerGain);
  b.chem(tv, d, T.timerGain);
}
