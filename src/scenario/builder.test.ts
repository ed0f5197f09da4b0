import { describe, expect, it } from 'vitest';
import { scenario } from './builder';
import { ScenarioError } from './errors';
import { parseScenario } from './load';
import { stringifyScenario } from './serialize';

describe('typed scenario builder', () => {
  it('builds the same canonical scenario a YAML file gives', () => {
    const built = scenario('head touch')
      .circuit('touch-withdrawal')
      .arena('plate')
      .worm(0, 0, 90)
      .seed(3)
      .duration('10s')
      .at('2s')
      .label('head')
      .poke({ position: 0.05, side: 'left' })
      .expect.reversesWithin('1.5s')
      .expect.movesBackward('0.1bl', { for: '3s' })
      .at('5s')
      .every('1s', 3)
      .label('taps')
      .tap()
      .expect.habituates('taps', { ratioBelow: 0.8 })
      .build();
    const fromFile = parseScenario(`
format: neuroworm-scenario
version: 1
name: head touch
circuit: touch-withdrawal
arena: plate
worm: {x: 0, y: 0, heading: 90}
seed: 3
duration: 10s
timeline:
  - {at: 2s, label: head, poke: {position: 0.05, side: left}}
  - {at: 5s, every: 1s, times: 3, label: taps, tap: {}}
expect:
  - reverses: {after: head, within: 1.5s}
  - moves: {direction: backward, atLeast: 0.1bl, after: head, for: 3s}
  - habituates: {train: taps, ratioBelow: 0.8}
`);
    expect(built).toEqual(fromFile);
    expect(parseScenario(stringifyScenario(built))).toEqual(built);
  });

  it('anchors expectations on the latest action, labelling it if needed; wait moves the cursor', () => {
    const s = scenario('w').circuit('worm').duration('5s').wait('1s').poke({ position: 0.9 }).expect.metric('speed', { atLeast: 0.1 }, { for: '2s' }).build();
    expect(s.timeline[0]).toMatchObject({ atMs: 1000, label: 'step1' });
    expect(s.expect[0]).toMatchObject({ kind: 'metric', after: { label: 'step1' }, forMs: 2000, min: 0.1 });
    const start = scenario('s').circuit('worm').duration('5s').expect.speedBetween('0.1mm/s', '0.3mm/s').build();
    expect(start.expect[0]).toMatchObject({ after: { ms: 0 } });
  });

  it('validates with the file schema: errors name the field and the fix', () => {
    try {
      scenario('bad').circuit('worm').duration('1s').at('3s').poke({ position: 2 }).build();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const paths = (e as ScenarioError).issues.map((i) => i.path.join('.'));
      expect(paths).toContain('timeline.0.poke.position');
      expect((e as Error).message).toMatch(/fix: body position is 0 \.\. 1/);
    }
    expect(() => scenario('x').circuit('worm').duration('1s').at('1s').toDocument()).toThrow(/no action after it/);
  });
});
