/**
 * "Rewire the reflex" played as a player does, at one touch cadence: the broken circuit repaired as in the editor
 * (ALM and AVM → AVA with the editor's new-synapse defaults), a gentle head touch every GAP ms of worm time (after a
 * start delay of 0–2.4 s, so the touches land at other phases of the stroke), up to 20 touches; per seed and delay, W
 * when the run was won, then answered/touches. Why the e2e touches every 5 s: a touch reversal and its turn last about
 * 3 s on the default worm, so touches 3 s apart can lock onto the turns.
 * Run: `npx tsx test/behaviour/rewire-cadence.ts [GAP ms, default 5000] [seeds, default 1,2,3,4,5]`.
 */
import { circuitFromDoc } from '../../src/circuits/circuit';
import { EditorModel } from '../../src/editor';
import { MODELS } from '../../src/neural/models';
import { createSimulation } from '../../src/sim/simulation';
import { newChemicalSynapse } from '../../scenes/editor/defaults';
import { challengeById } from '../../scenes/challenges/catalog';
import { brokenCircuitDoc } from '../../scenes/challenges/circuit';
import { ChallengeRun } from '../../scenes/challenges/runner';
import { checkTouchAnswer } from '../../scenes/challenges/touch-check';

const gap = Number(process.argv[2] ?? 5000);
if (!Number.isInteger(gap) || gap < 500 || gap > 30_000)
  throw new Error(`rewire-cadence.ts: GAP (argument 1) = "${process.argv[2]}": give 500..30000 ms, e.g. 5000`);
const seeds = (process.argv[3] ?? '1,2,3,4,5').split(',').map(Number);
const c = challengeById('rewire');
if (!c) throw new Error('rewire-cadence.ts: the catalog has no "rewire" challenge');
const m = new EditorModel({ models: MODELS, doc: brokenCircuitDoc(c)! });
for (const from of ['ALM', 'AVM']) m.connect({ from, to: 'AVA', kind: 'chemical', ...newChemicalSynapse(m.doc) });
const circuit = circuitFromDoc(m.doc, 'repaired', MODELS);
console.log(`touch every ${gap / 1000} s; start delays 0, 0.4, … 2.4 s`);
for (const seed of seeds) {
  const row: string[] = [];
  for (let delay = 0; delay <= 2400; delay += 400) {
    const sim = createSimulation({ circuit, arena: c.arena, seed });
    const run = new ChallengeRun(c, sim);
    run.setTouchCheck(checkTouchAnswer(circuit, { arena: c.arena, seed }));
    sim.run(delay);
    let touches = 0;
    while (run.update().status === 'running' && touches < 20) {
      sim.run(gap);
      sim.poke(0.05, { kind: 'gentle' });
      touches++;
    }
    sim.run(2000);
    const s = run.update();
    row.push(`${s.status === 'won' ? 'W' : '-'}${s.answered}/${touches}`);
    run.dispose();
  }
  console.log(`seed ${seed}: ${row.join(' ')}`);
}
