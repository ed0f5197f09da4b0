import type { Circuit } from '../../src/circuits/types';
import { createSimulation } from '../../src/sim/simulation';
import type { SimulationApi } from '../../src/sim/types';

/** Whether a circuit answers a gentle head touch with a reversal, judged against an untouched twin. */
export interface TouchCheck {
  /** Touches tried (one per fresh worm). */
  probes: number;
  /** Touches followed by a reversal within the window that the untouched twin did not make. */
  evoked: number;
  pass: boolean;
}

export interface TouchCheckOptions {
  arena?: string;
  seed?: number;
  /** When each probe touches the head, ms after the start. */
  probesMs?: readonly number[];
  /** A reversal must start within this long after the touch. */
  withinMs?: number;
  /** Probes that must be answered. */
  need?: number;
  /** Neurons ablated in every worm of the check, before its first step. */
  ablate?: readonly string[];
}

/** A treated worm (these neurons ablated) against its intact control, each by the paired touch check. */
export interface AblationVerdict {
  ablated: readonly string[];
  control: TouchCheck;
  treated: TouchCheck;
  /** The intact control answers a head touch and the ablated worm answers none of the probes. */
  abolished: boolean;
}

function reversalStarts(sim: SimulationApi): number[] {
  const out: number[] = [];
  sim.events$.subscribe((e) => {
    if (e.type === 'reversal-start') out.push(e.timeMs);
  });
  return out;
}

/**
 * A paired test of the touch reflex: one worm runs untouched; for each probe
 * time a fresh twin (same circuit, arena and seed, so the same trajectory bit
 * for bit until then) gets a gentle head touch. A probe is answered when the
 * touched twin starts a reversal within the window and the untouched worm
 * does not, so a circuit whose worm reverses on its own is not credited for
 * it. About 4,000 physics steps for the default three probes.
 */
export function checkTouchAnswer(circuit: Circuit, opts: TouchCheckOptions = {}): TouchCheck {
  const arena = opts.arena ?? 'plate';
  const seed = opts.seed ?? 1;
  const probes = opts.probesMs ?? [3000, 6000, 9000];
  const within = opts.withinMs ?? 1500;
  const need = opts.need ?? Math.min(2, probes.length);
  const make = (): SimulationApi => {
    const sim = createSimulation({ circuit, arena, seed });
    for (const id of opts.ablate ?? []) sim.ablate(id);
    return sim;
  };
  const control = make();
  const spontaneous = reversalStarts(control);
  control.run(Math.max(...probes) + within);
  let evoked = 0;
  for (const t of probes) {
    const twin = make();
    const starts = reversalStarts(twin);
    twin.run(t);
    const touchedAt = twin.timeMs;
    twin.poke(0.05, { kind: 'gentle' });
    twin.run(within);
    const inWindow = (x: number): boolean => x >= touchedAt && x <= touchedAt + within;
    if (starts.some(inWindow) && !spontaneous.some(inWindow)) evoked++;
  }
  return { probes: probes.length, evoked, pass: evoked >= need };
}

/**
 * Whether ablating these neurons abolishes the reversal to a head touch: the
 * intact control must pass the paired touch check and the ablated worm must
 * answer none of its probes (a weakened answer is not abolished).
 */
export function checkAblation(circuit: Circuit, ablated: readonly string[], opts: Omit<TouchCheckOptions, 'ablate'> = {}): AblationVerdict {
  const control = checkTouchAnswer(circuit, opts);
  const treated = checkTouchAnswer(circuit, { ...opts, ablate: ablated });
  return { ablated: [...ablated], control, treated, abolished: control.pass && treated.evoked === 0 };
}
