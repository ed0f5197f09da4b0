/**
 * `reading`: how `bendingFrequency` and `waveDirection` read the bending
 * frequency. Absent, zero crossings of the curvature at body 0.3 (the
 * tracker's default). `spectrum`: the peak of the curvature's summed power
 * along body 0.2–0.8, for a worm whose swing at 0.3 is small enough that
 * ripples there cross zero (issue 18, session 17).
 */
import { oneOf } from '../fields';

export const readingField = () => oneOf(['crossings', 'spectrum'] as const, 'frequency reading').optional();

/** `reading` in the file form (only when it is not the default). */
export const readingDoc = (reading: 'spectrum' | undefined) => (reading ? { reading } : {});
