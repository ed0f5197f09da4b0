/**
 * The odours a plate can hold, by name. Each named odour diffuses in its own
 * field, so two sources of two odours can be told apart by a nose that reads
 * one of them. `food` is the bacteria's own smell: what food patches emit and
 * what a chemical sensor reads unless its binding names another odour (every
 * arena and circuit written before odours had names uses only it).
 *
 * The others are the classic chemotaxis odours and the sensory neurons that
 * detect them (Bargmann, Hartwieg & Horvitz 1993): diacetyl and pyrazine by
 * AWA, butanone, benzaldehyde and isoamyl alcohol by AWC. The tint is how the
 * game draws each one.
 */
import { didYouMean, listOf } from '../text/describe';

export const ODOURS = {
  food: { sensedBy: 'AWA, AWC, ASE (the bacteria’s smell)', tint: 0x9fd36a },
  diacetyl: { sensedBy: 'AWA', tint: 0xf2c14e },
  pyrazine: { sensedBy: 'AWA', tint: 0xe88a3c },
  butanone: { sensedBy: 'AWC (AWC-ON)', tint: 0x6fb7ff },
  benzaldehyde: { sensedBy: 'AWC', tint: 0xc58cff },
  'isoamyl-alcohol': { sensedBy: 'AWC', tint: 0xff7fb0 },
} as const;

export type OdourName = keyof typeof ODOURS;
export const ODOUR_NAMES = Object.keys(ODOURS) as OdourName[];
/** The odour food emits and sensors read when a file names none. */
export const DEFAULT_ODOUR: OdourName = 'food';

export function isOdour(name: unknown): name is OdourName {
  return typeof name === 'string' && Object.hasOwn(ODOURS, name);
}

/** The message for a name that is not an odour: the known ones, and the nearest. */
export function unknownOdour(name: unknown): string {
  const s = typeof name === 'string' ? name : String(name);
  return `unknown odour ${JSON.stringify(name)}${didYouMean(s, ODOUR_NAMES)}; the known odours are ${listOf(ODOUR_NAMES)}`;
}
