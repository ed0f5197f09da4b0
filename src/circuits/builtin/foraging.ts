/**
 * Spontaneous behaviour off food: local search, then dispersal.
 *
 * A worm taken off food reverses often at first (about 1–3 times a minute,
 * many of the reversals followed by omega turns) and less and less over the
 * next minutes as it turns to long runs (Zhao et al. 2003; Gray, Hill &
 * Bargmann 2005; Wakabayashi et al. 2004). In the worm, AWC — an odour neuron
 * that depolarises when food odour goes away (Chalasani et al. 2007) —
 * drives AIB and RIM, the interneurons that promote reversals; the state of
 * the AIB/RIM/AVA network itself fluctuates from moment to moment (Gordus et
 * al. 2015), so when a reversal comes is a matter of chance.
 *
 * Here AWC (active off food, silenced by food odour) lifts the turn relay
 * (RIM where the harsh-touch layer holds AIB, AIB otherwise) toward its
 * release threshold. The relay integrates slowly (τ of seconds), so the
 * simulation's channel noise makes its potential wander by about a millivolt;
 * lifted close to threshold, it now and then crosses it and calls a reversal
 * through AVA, at random times and for as long as it stays above. AWC's
 * synapse onto the relay depresses over minutes of use, so the lift — and with
 * it the reversal rate — falls over the first minutes off food, and recovers
 * on food (where AWC is silent). Nothing here touches the muscles: a reversal
 * is AVA winning over AVB, and an omega turn follows when a reversal has been
 * long enough to charge the harsh layer's AIB (RIV, touch.ts).
 */
import { addTurnRelay, relayPa } from './senses';
import type { Builder } from './builder';

export const FORAGING = {
  /** AWC's own drive (pA): depolarised off food. */
  awcTonicPa: 1,
  /** Food odour silences AWC: pA per a.u. of concentration, each side of the nose. */
  awcOdourGain: 20,
  /** AWC → relay: mV it holds the relay up at full output (see relayPa), and its depression: use per ms at full output, recovery ms. */
  // Open field, 5 worms (spontaneous.test.ts), since the head timers tire their own side (locomotion.ts,
  // timerFatigue): 22.75 passes; 23 gives 3.4 reversals/min over minutes 1–2 (was 3.0 before that change);
  // 22.5 leaves one worm silent. Narrow: the worms differ a lot (0–5 a minute), a gap in docs/biology.md.
  awcToRelayMv: 22.75,
  awcUse: 0.0000015,
  awcRecoveryMs: 600_000,
  /** RIM → AIB (pA at full output; the real pair is joined by gap junctions): a long spontaneous reversal charges the turn readiness, so an omega turn may follow it. */
  rimToAib: 0.008,
};

const SENSORY = { capacitance: 1, tauMs: 20, restMv: -65, vHalfMv: -45, slopeMv: 4 };

/** Adds AWC → the turn relay (made here if no sensory layer made it). Needs the locomotion core (AVA). */
export function addForaging(b: Builder): void {
  const F = FORAGING;
  const relay = addTurnRelay(b);
  b.neuron('AWC', 'sensory', 'glutamate', { ...SENSORY, tonicPa: F.awcTonicPa }, undefined, 160, -140);
  for (const side of ['left', 'right'] as const) b.sensors.push({ neuron: 'AWC', sensor: 'chemical', side, response: 'level', gain: -F.awcOdourGain / 2 });
  b.chem('AWC', relay, relayPa(F.awcToRelayMv), { sign: 'excitatory', depression: { use: F.awcUse, recoveryMs: F.awcRecoveryMs } });
  if (relay === 'RIM' && b.has('AIB')) b.chem('RIM', 'AIB', F.rimToAib);
}
