import { scenario } from '../../src/scenario/builder';
import type { Scenario } from '../../src/scenario/types';

/**
 * The reflexes "Test it" checks a circuit against: the built-in scenario set
 * (test/scenarios) reduced to what any circuit can be held to — the worm's
 * behaviour, read from its body — since a player's circuit need not have the
 * named neurons (AVA, ALM…) those files also check.
 */
export function reflexScenarios(): Scenario[] {
  const base = (name: string, duration: string) => scenario(name).circuit('edited').arena('plate').seed(1).duration(duration);
  return [
    base('head touch → backs away', '6s').at('2s').label('touch').poke({ position: 0.05, kind: 'gentle' }).expect.reversesWithin('1.5s').build(),
    base('tail touch → keeps going forward', '6s')
      .at('2s')
      .label('touch')
      .poke({ position: 0.92, kind: 'gentle' })
      .expect.doesNotReverseWithin('2s')
      .expect.movesForward('0.02mm', { for: '3s' })
      .build(),
    base('harsh head poke → escape', '6s').at('2s').label('poke').poke({ position: 0.05, kind: 'harsh' }).expect.reversesWithin('1.5s').build(),
    base('plate tap → reversal', '6s').at('2s').label('tap').tap({ force: 0.6 }).expect.reversesWithin('2s').build(),
    base('crawls forward', '10s').expect.movesForward('0.1mm', { after: '1s', for: '8s' }).build(),
    base('bending wave travels head → tail', '10s').expect.waveDirection('head-to-tail', { after: '2s', for: '8s' }).build(),
  ];
}
