import { describe, expect, test } from 'vitest';
import { createSimulation } from '../../src/sim/simulation';
import { challengeById, type Challenge } from './catalog';
import { ChallengeRun, SCORE_AT_LIMIT, SCORE_START } from './runner';

const get = (id: string): Challenge => {
  const c = challengeById(id);
  if (!c) throw new Error(`no challenge ${id}`);
  return c;
};

describe('challenge runner on the real simulation', () => {
  test('food dropped on the nose wins "reach the food"; the drop costs points', () => {
    const c = get('reach-food');
    const sim = createSimulation({ circuit: 'locomotion', arena: c.arena, seed: 1 });
    const run = new ChallengeRun(c, sim);
    sim.run(200);
    expect(run.update().status).toBe('running');
    const [x, y] = sim.headPosition();
    sim.dropFood(x, y);
    run.noteFood();
    sim.run(20);
    const s = run.update();
    expect(s.status).toBe('won');
    expect(s.foods).toBe(1);
    const timePart = SCORE_START - ((SCORE_START - SCORE_AT_LIMIT) * s.elapsedMs) / c.timeLimitMs;
    expect(s.score).toBe(Math.round(timePart - (c.foodCost ?? 0)));
    // Nothing changes after the end.
    sim.run(100);
    expect(run.update().elapsedMs).toBe(s.elapsedMs);
    run.dispose();
  });

  test('the time limit loses with score 0; touches are counted from the stimulus stream', () => {
    const c: Challenge = { ...get('pillar-forest'), timeLimitMs: 300 };
    const sim = createSimulation({ circuit: 'locomotion', arena: c.arena, seed: 1 });
    const run = new ChallengeRun(c, sim);
    sim.poke(0.05);
    sim.poke(0.9);
    sim.run(100);
    expect(run.update().touches).toBe(2);
    sim.run(250);
    const s = run.update();
    expect(s.status).toBe('lost');
    expect(s.score).toBe(0);
    expect(s.reason).toMatch(/time/i);
  });

  test('a harsh poke loses where only gentle touches are allowed', () => {
    const c = get('gentle-guide');
    const sim = createSimulation({ circuit: 'locomotion', arena: c.arena, seed: 1 });
    const run = new ChallengeRun(c, sim);
    sim.poke(0.1, { kind: 'gentle' });
    sim.step();
    expect(run.update().status).toBe('running');
    sim.poke(0.1, { kind: 'harsh' });
    sim.step();
    expect(run.update().status).toBe('lost');
  });

  test('time with the nose in the penalty zone is charged', () => {
    const c = get('toxin-ring');
    // Nose in the copper (ring 2.2..2.7 mm around (6, 6)), heading out.
    const sim = createSimulation({ circuit: 'locomotion', arena: c.arena, seed: 1, start: { xMm: 8.45, yMm: 6, headingRad: 0 } });
    expect(sim.inZone('copper')).toBe(true);
    const run = new ChallengeRun(c, sim);
    sim.run(500);
    const s = run.update();
    expect(s.penaltyMs).toBeGreaterThan(0);
    expect(s.score).toBeLessThan(SCORE_START - ((SCORE_START - SCORE_AT_LIMIT) * s.elapsedMs) / c.timeLimitMs);
  });
});
