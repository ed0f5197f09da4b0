/** Experiment files for the tests, run on the scenario test double (src/scenario/test-helpers/fake-sim.ts). */
export const FAKE_BACKEND = new URL('../../scenario/test-helpers/fake-backend-module.ts', import.meta.url).href;

/** Intact vs AVA-ablated worms touched on the head: the double reverses 300–400 ms after the touch unless both AVA cells are gone. */
export const ABLATION_EXPERIMENT = `format: neuroworm-experiment
version: 1
name: fake ablation
seed: 3
worms: 6
scenario:
  circuit: worm
  duration: 4s
  timeline:
    - at: 1s
      label: head
      poke: { position: 0.05 }
measure:
  reversal: { reverses: { after: head, within: 1s } }
  backward: { metric: { name: backwardTravel, after: head, for: 2s, atLeast: 0.05 } }
variants:
  intact: {}
  ablated: { ablate: [AVA] }
compare:
  - that: intact.backward - ablated.backward >= 0.05
    p: 0.05
  - that: intact.reversal.pass - ablated.reversal.pass >= 0.9
`;
