import { describe, expect, test } from 'vitest';
import { getBuiltinCircuit } from '../../src/circuits/builtin';
import { circuitFromDoc } from '../../src/circuits/circuit';
import { EditorModel } from '../../src/editor';
import { MODELS } from '../../src/neural/models';
import { createSimulation } from '../../src/sim/simulation';
import { newChemicalSynapse } from '../editor/defaults';
import { challengeById, type Challenge } from './catalog';
import { brokenCircuitDoc } from './circuit';
import { checkLearning, type LearningVerdict, lessonCheck } from './learning-check';
import { ChallengeRun, type RunState, SCORE_AT_LIMIT, SCORE_START } from './runner';
import { checkAblation, checkTouchAnswer } from './touch-check';

const get = (id: string): Challenge => {
  const c = challengeById(id);
  if (!c) throw new Error(`no challenge ${id}`);
  return c;
};

describe('challenge runner on the real simulation', () => {
  test('"Follow your nose" is won by the worm reaching the lawn; food dropped on the nose neither wins nor beats watching', () => {
    const c = get('reach-food');
    const honest = createSimulation({ circuit: 'worm', arena: c.arena, seed: 1 });
    const run = new ChallengeRun(c, honest);
    while (run.update().status === 'running') honest.run(100);
    const h = { ...run.update() };
    expect(h.status).toBe('won');
    expect(h.score).toBe(Math.round(SCORE_START - ((SCORE_START - SCORE_AT_LIMIT) * h.elapsedMs) / c.timeLimitMs));
    // Nothing changes after the end.
    honest.run(100);
    expect(run.update().elapsedMs).toBe(h.elapsedMs);
    run.dispose();

    // Food dropped on the nose (before the fix: won at once with ~955 points): the worm stays on it.
    const sim = createSimulation({ circuit: 'worm', arena: c.arena, seed: 1 });
    const cheat = new ChallengeRun(c, sim);
    sim.run(200);
    const [x, y] = sim.headPosition();
    sim.dropFood(x, y);
    cheat.noteFood();
    while (sim.timeMs < h.elapsedMs + 200) {
      sim.run(100);
      expect(cheat.update().status, `won at ${sim.timeMs} ms by dropping food on the nose`).toBe('running');
    }
    // Any later win scores less: less time left, and the drop costs points.
    expect(cheat.update().score).toBeLessThan(h.score);
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

describe('"Rewire the reflex" needs the repair', () => {
  const c = get('rewire');
  const brokenDoc = brokenCircuitDoc(c)!;

  /** The whole challenge as a player plays it: a gentle head touch every 3 s until it ends. */
  function play(doc: unknown): { status: string; answered: number; reversals: number; reason: string } {
    const circuit = circuitFromDoc(doc, 'challenge circuit', MODELS);
    const sim = createSimulation({ circuit, arena: c.arena, seed: 1 });
    const run = new ChallengeRun(c, sim);
    run.setTouchCheck(checkTouchAnswer(circuit, { arena: c.arena, seed: 1 }));
    while (run.update().status === 'running') {
      sim.run(3000);
      sim.poke(0.05, { kind: 'gentle' });
    }
    const s = run.update();
    run.dispose();
    return s;
  }

  test('the broken circuit cannot win, waiting or touching (its worm reverses on its own, which never counts)', () => {
    // Before the fix, any three reversals won: this worm reversed on its own ~20 times a minute then. Now the
    // worm forages off food at ~1–3 reversals a minute (foraging.ts), and individuals differ: on the conductance
    // default seeds 1–5 reverse 2, 4, 0, 1 and 5 times in 118 s. The check needs a worm that reverses on its own at
    // least three times inside the time limit, so it takes the first such individual among seeds 1–10: its
    // reversals, which won before the fix, leave the challenge running.
    let own = 0;
    for (let seed = 1; seed <= 10 && own < 3; seed++) {
      const sim = createSimulation({ circuit: circuitFromDoc(brokenDoc, 'broken', MODELS), arena: c.arena, seed });
      const idle = new ChallengeRun(c, sim);
      while (sim.timeMs < c.timeLimitMs - 2000) {
        sim.run(500);
        expect(idle.update().status).toBe('running');
      }
      own = idle.update().reversals;
      idle.dispose();
    }
    expect(own).toBeGreaterThanOrEqual(3);
    const touched = play(brokenDoc);
    expect(touched.status).toBe('lost');
    expect(touched.reason).toMatch(/does not answer a head touch/);
  });

  test('the circuit repaired in the editor (ALM and AVM connected to AVA) wins', () => {
    const m = new EditorModel({ models: MODELS, doc: brokenDoc });
    for (const from of ['ALM', 'AVM']) expect(m.connect({ from, to: 'AVA', kind: 'chemical', ...newChemicalSynapse(m.doc) }).ok).toBe(true);
    const s = play(m.doc);
    expect(s.status).toBe('won');
    expect(s.answered).toBe(3);
  });
});

describe('the paired touch check', () => {
  const broken = circuitFromDoc(brokenCircuitDoc(get('rewire'))!, 'broken', MODELS);
  test.each([1, 2])('seed %i: the intact worm answers a head touch, the broken one does not', (seed) => {
    expect(checkTouchAnswer(getBuiltinCircuit('worm'), { seed }).pass).toBe(true);
    const b = checkTouchAnswer(broken, { seed });
    // The broken circuit keeps the touch cells' inhibition of AVB (forward), so a touch landing while the off-food
    // foraging drive holds AVA near threshold can tip one probe (seed 2 since the gait retune); it never answers
    // the two of three the check needs, which is what would let the challenge be won unrepaired.
    expect(b.evoked).toBeLessThan(2);
    expect(b.pass).toBe(false);
  });
});

describe('"Which cell?": ablation judged against an intact control', () => {
  const worm = getBuiltinCircuit('worm');
  const c = get('ablation');
  // Each verdict is a few thousand steps: judged once per set of ablations.
  const verdicts = new Map<string, ReturnType<typeof checkAblation>>();
  const verdict = (ids: string[]) => {
    const k = ids.join(',');
    if (!verdicts.has(k)) verdicts.set(k, checkAblation(worm, ids));
    return verdicts.get(k)!;
  };

  test('ablating AVA abolishes the reversal: the control answers a head touch, the ablated worm none of the probes', () => {
    const v = verdict(['AVA']);
    expect(v.control.pass).toBe(true);
    expect(v.treated.evoked).toBe(0);
    expect(v.abolished).toBe(true);
  });

  test('an unrelated neuron (PLM, the tail touch cell) does not win, nor does ablating nothing', () => {
    expect(verdict(['PLM']).abolished).toBe(false);
    expect(verdict([]).abolished).toBe(false);
  });

  test('the run is won only with one neuron ablated, its verdict abolished, and a head touch after it', () => {
    const sim = createSimulation({ circuit: 'worm', arena: c.arena, seed: 1 });
    const run = new ChallengeRun(c, sim);
    sim.run(500);
    // An unrelated neuron: the verdict says kept; touching does not win.
    run.noteAblations(['PLM'], true);
    expect(run.update().verdict).toBe('checking');
    run.setAblationVerdict(verdict(['PLM']));
    expect(run.update().verdict).toBe('kept');
    sim.poke(0.05, { kind: 'gentle' });
    sim.run(200);
    expect(run.update().status).toBe('running');
    // A stale verdict (for other ablations) is ignored.
    run.noteAblations(['PLM', 'AVA'], true);
    run.setAblationVerdict(verdict(['AVA']));
    expect(run.update().verdict).toBe('checking');
    // Two neurons ablated, even with AVA among them, is not the answer.
    run.setAblationVerdict(verdict(['PLM', 'AVA']));
    sim.poke(0.05, { kind: 'gentle' });
    sim.run(200);
    expect(run.update().status).toBe('running');
    // Undo PLM: AVA alone, abolished; won at the next head touch, −50 per ablation made.
    run.noteAblations(['AVA'], false);
    run.setAblationVerdict(verdict(['AVA']));
    expect(run.update().status).toBe('running');
    sim.poke(0.05, { kind: 'gentle' });
    sim.run(100);
    const s = run.update();
    expect(s.status).toBe('won');
    expect(s.ablations).toBe(2);
    expect(s.score).toBe(Math.round(SCORE_START - ((SCORE_START - SCORE_AT_LIMIT) * s.elapsedMs) / c.timeLimitMs) - 2 * 50);
    run.dispose();
  });
});

describe('"Teach the worm": pairings go through the worm, the test is judged against an untaught twin', () => {
  const c = get('teach');
  const w = c.win as Extract<Challenge['win'], { kind: 'taught' }>;
  const worm = getBuiltinCircuit(c.worm ?? 'learning-worm');

  test('a pairing is the nose on food at the butanone spot: none without food; with food dropped under the nose the plastic site strengthens', () => {
    const sim = createSimulation({ circuit: worm, arena: c.arena, seed: 1 });
    const run = new ChallengeRun(c, sim);
    // The attraction site (AIA → AIY); the aversive one (AIA → RIM) is built by starvation, not food.
    const site = () => sim.plasticWeights().filter((p) => p.to === 'AIY');
    const naive = site().map((p) => p.weight);
    expect(naive).toHaveLength(1);
    sim.run(3000);
    expect(run.update()).toMatchObject({ phase: 'teaching', pairedMs: 0, trials: 0 });
    const [x, y] = sim.headPosition();
    sim.dropFood(x, y);
    run.noteFood();
    // Read every 100 ms, as the game reads the run each frame: each read credits the time since the last one if the
    // nose is then on the food at the spot. The conductance worm's nose crawls 0.4 mm in the first 3 s before the
    // lawn's dopamine slows it, so off a 0.5 mm drop it is on the food for part of the 5 s (seed 1: about 3 s;
    // docs/biology.md "Dopamine on release passes the lawn and the slowing"); the credit is checked against that time.
    let onSpot = 0;
    for (let t = 0; t < 5000; t += 100) {
      sim.run(100);
      if (sim.inZone(w.pairZone) && sim.distanceToFoodMm() === 0) onSpot += 100;
      run.update();
    }
    const s = run.update();
    expect(s.pairedMs).toBe(onSpot);
    expect(s.pairedMs).toBeGreaterThanOrEqual(2000);
    expect(s.foods).toBe(1);
    // Through the worm's own dopamine: the site grew (by the three-factor rule, not by the runner).
    site().forEach((p, i) => expect(p.weight).toBeGreaterThan(naive[i]));
    expect(run.carry()).toEqual({ pairedMs: s.pairedMs, elapsedMs: s.elapsedMs, foods: 1 });
    run.dispose();
  });

  /** The test phase on the test plate with this verdict; the run read every 500 ms until it ends (or 2 testMs). */
  function testPhase(verdict: LearningVerdict | null, poke = false): RunState {
    const sim = createSimulation({ circuit: worm, arena: w.testArena, seed: 1 });
    const run = new ChallengeRun(c, sim, { pairedMs: 3 * w.trialMs, elapsedMs: 70_000, foods: 3 });
    if (verdict) run.setLesson(verdict);
    if (poke) sim.poke(0.5, { kind: 'gentle' });
    while (run.update().status === 'running' && sim.timeMs < 2 * w.testMs) sim.run(500);
    const s = { ...run.update() };
    run.dispose();
    return s;
  }

  test('an untaught worm cannot win: its paired check against the twin fails (the same circuit scores the same) and the run is lost', () => {
    // A short check: identical circuits give identical indices whatever the test time.
    const untaught = checkLearning(worm, worm, { ...lessonCheck(w), seeds: [1], testMs: 2000 });
    expect(untaught.taught).toBe(untaught.naive);
    expect(untaught.pass).toBe(false);
    const s = testPhase(untaught);
    expect(s.status).toBe('lost');
    expect(s.reason).toMatch(/No sign of learning/);
    expect(s.testedMs).toBeGreaterThanOrEqual(w.testMs);
  });

  test('a passing verdict wins only once the test has run testMs; a touch during the test loses; no verdict, no end', () => {
    const pass: LearningVerdict = { runs: 4, taught: 1, naive: 0.5, pass: true };
    const won = testPhase(pass);
    expect(won.status).toBe('won');
    expect(won.testedMs).toBeGreaterThanOrEqual(w.testMs);
    expect(won.testedMs).toBeLessThan(w.testMs + 600);
    expect(won.trials).toBe(3);
    expect(won.reason).toMatch(/learned/);
    expect(won.lesson).toEqual(pass);
    expect(testPhase(pass, true)).toMatchObject({ status: 'lost', reason: expect.stringMatching(/touching/) });
    expect(testPhase(null).status).toBe('running');
  });
});

describe('"Teach the worm to avoid": a hungry worm in butanone without food, judged against an untaught twin', () => {
  const c = get('teach-avoid');
  const w = c.win as Extract<Challenge['win'], { kind: 'taught-avoid' }>;
  const worm = getBuiltinCircuit(c.worm ?? 'learning-worm');

  test('a pairing is the starved nose in the butanone with no food under it; the worm’s own octopamine builds the aversive site, and food stops the pairing', () => {
    const sim = createSimulation({ circuit: worm, arena: c.arena, seed: 1, hoursOffFood: w.hoursOffFood });
    const run = new ChallengeRun(c, sim);
    const aversive = () => sim.plasticWeights().find((p) => p.from === 'AIA' && p.to === 'RIM')!.weight;
    const naive = aversive();
    sim.run(5000);
    const s = { ...run.update() };
    expect(s).toMatchObject({ phase: 'teaching', foods: 0 });
    expect(s.pairedMs).toBeGreaterThan(4000);
    expect(aversive()).toBeGreaterThan(naive);
    const [x, y] = sim.headPosition();
    sim.dropFood(x, y);
    run.noteFood();
    sim.run(2000);
    expect(run.update().pairedMs).toBe(s.pairedMs);
    run.dispose();
  });

  test('an untaught worm cannot win: it scores its twin’s index, the check fails, the run is lost and says what avoiding needs', () => {
    const untaught = checkLearning(worm, worm, { ...lessonCheck(w), seeds: [1], testMs: 2000 });
    expect(untaught.taught).toBe(untaught.naive);
    expect(untaught.pass).toBe(false);
    const sim = createSimulation({ circuit: worm, arena: w.testArena, seed: 1 });
    const run = new ChallengeRun(c, sim, { pairedMs: 0, elapsedMs: 1000, foods: 0 });
    run.setLesson(untaught);
    while (run.update().status === 'running' && sim.timeMs < 2 * w.testMs) sim.run(500);
    const s = run.update();
    expect(s.status).toBe('lost');
    expect(s.reason).toMatch(/No sign of learning: the index needs −0\.25 or less, and 0\.75 below/);
    run.dispose();
  });

  test('a taught worm that stops moving cannot win: no run decides, its index is 0, and avoiding needs runs that end away from the odour', () => {
    const still = circuitFromDoc({ ...worm.doc, muscles: [] }, 'still learning-worm');
    const check = { ...lessonCheck(w), seeds: [1], testMs: 8000 };
    const verdict = checkLearning(still, worm, check);
    expect(verdict).toMatchObject({ taught: 0, naive: 1, pass: false });
    // The hole the −0.25 closes: with "0 or less" the still worm beats a twin that heads for the butanone.
    expect(checkLearning(still, worm, { ...check, minIndex: 0 }).pass).toBe(true);
  });
});
