import type { ArenaView } from '../view/arena-view';

/**
 * The challenge environments: what the player reads on the intro card and a
 * sketch of each arena for its preview. The arenas are drawn in the plate
 * renderer's ArenaView form (mm); when src/world provides arenas, each entry
 * names the world's arena and the sketch is derived from it.
 */
export interface Challenge {
  id: string;
  title: string;
  /** One line on the list card. */
  goal: string;
  /** A short paragraph for the intro card: the situation and the biology behind it. */
  intro: string;
  /** How a run is scored, shown on the intro card. */
  scoring: string;
  difficulty: 1 | 2 | 3;
  /** Won by editing the circuit, not by poking. */
  needsEditor: boolean;
  arena: ArenaView;
}

const dish = (r: number): ArenaView['bounds'] => ({ kind: 'circle', x: 0, y: 0, r });

export const CHALLENGES: readonly Challenge[] = [
  {
    id: 'reach-food',
    title: 'Follow your nose',
    goal: 'Reach the bacterial lawn across the plate.',
    intro:
      'A hungry worm smells food through its amphid neurons (AWC, ASE) and turns up the gradient: more turns when the smell fades, fewer when it grows. Help it along, or just watch it find its lunch.',
    scoring: 'Time until the nose enters the lawn (faster is better).',
    difficulty: 1,
    needsEditor: false,
    arena: { bounds: dish(4), food: [{ x: 2.4, y: -0.6, r: 0.8, amount: 1 }], odors: [{ x: 2.4, y: -0.6, sigma: 1.8, peak: 0.8 }] },
  },
  {
    id: 'toxin-ring',
    title: 'Ring of copper',
    goal: 'Get out of a ring the worm does not want to cross.',
    intro:
      'Worms back away from copper ions: the nose neuron ASH fires and the command interneuron AVA drives a reversal. The worm starts inside a copper ring with food beyond it. Find a way out with as little exposure as possible.',
    scoring: 'Seconds spent with the nose in the ring (fewer is better), then time.',
    difficulty: 2,
    needsEditor: false,
    arena: {
      bounds: dish(4),
      zones: [{ id: 'ring', kind: 'toxin', shape: { kind: 'ring', x: 0, y: 0, inner: 1.5, outer: 1.9 } }],
      food: [{ x: 2.8, y: 1.2, r: 0.55, amount: 0.9 }],
    },
  },
  {
    id: 'pillar-forest',
    title: 'Pillar forest',
    goal: 'Cross a field of pillars to the far side.',
    intro:
      'In soil a worm pushes off particles. Here it crawls through a forest of posts: contacts touch its skin, and the touch cells (ALM, PLM) try to turn every bump into a reversal or a sprint. Get it to the green zone.',
    scoring: 'Time to reach the goal zone (faster is better).',
    difficulty: 2,
    needsEditor: false,
    arena: {
      bounds: { kind: 'rect', x: -4, y: -2.5, width: 8, height: 5 },
      obstacles: Array.from({ length: 24 }, (_, i) => {
        const col = i % 6;
        const row = Math.floor(i / 6);
        return { kind: 'circle' as const, x: -1.9 + col * 0.75 + (row % 2) * 0.37, y: -1.7 + row * 1.1, r: 0.16 };
      }),
      zones: [{ id: 'goal', kind: 'goal', shape: { kind: 'rect', x: 2.9, y: -2.4, width: 1.0, height: 4.8 } }],
    },
  },
  {
    id: 'scent-maze',
    title: 'Scent maze',
    goal: 'Find the way through a maze by smell alone.',
    intro:
      'An odour diffuses from the far end of a maze. The worm cannot see the walls; it only knows whether the smell is getting stronger. Chemotaxis plus a little wall-following is all it has.',
    scoring: 'Time to reach the odour source (faster is better).',
    difficulty: 3,
    needsEditor: false,
    arena: {
      bounds: { kind: 'rect', x: -4, y: -3, width: 8, height: 6 },
      walls: [
        { x1: -2, y1: -3, x2: -2, y2: 1.4, thickness: 0.12 },
        { x1: 0, y1: 3, x2: 0, y2: -1.4, thickness: 0.12 },
        { x1: 2, y1: -3, x2: 2, y2: 1.4, thickness: 0.12 },
      ],
      odors: [{ x: 3.1, y: -2.1, sigma: 2.2, peak: 0.9 }],
      food: [{ x: 3.1, y: -2.1, r: 0.5, amount: 1 }],
    },
  },
  {
    id: 'hot-plate',
    title: 'Hot plate',
    goal: 'Reach the food without getting burned.',
    intro:
      'Between the worm and its food lies a hot spot. Heat is sensed by AFD and, when it hurts, by the nociceptors FLP and ASH, which trigger escape. Get to the food while keeping exposure low.',
    scoring: 'Time to food plus a penalty per second in the hot zone (lower is better).',
    difficulty: 2,
    needsEditor: false,
    arena: {
      bounds: dish(4),
      zones: [{ id: 'hot', kind: 'heat', shape: { kind: 'circle', x: 0, y: 0, r: 1.3 } }],
      food: [{ x: 2.7, y: 0.2, r: 0.6, amount: 1 }],
      odors: [{ x: 2.7, y: 0.2, sigma: 1.6, peak: 0.6 }],
    },
  },
  {
    id: 'gentle-guide',
    title: 'Gentle guidance',
    goal: 'Steer the worm through three gates with gentle touches only.',
    intro:
      'A touch on the head sends the worm backwards; a touch on the tail sends it forwards. With nothing but well-placed gentle touches, guide it through the gates in order.',
    scoring: 'Touches used (fewer is better), then time.',
    difficulty: 3,
    needsEditor: false,
    arena: {
      bounds: { kind: 'rect', x: -4, y: -2.5, width: 8, height: 5 },
      walls: [
        { x1: -1.5, y1: -2.5, x2: -1.5, y2: -0.5, thickness: 0.1 },
        { x1: -1.5, y1: 0.5, x2: -1.5, y2: 2.5, thickness: 0.1 },
        { x1: 1.2, y1: -2.5, x2: 1.2, y2: 0.4, thickness: 0.1 },
        { x1: 1.2, y1: 1.4, x2: 1.2, y2: 2.5, thickness: 0.1 },
      ],
      zones: [{ id: 'goal', kind: 'goal', shape: { kind: 'rect', x: 3.0, y: -2.4, width: 0.9, height: 4.8 } }],
    },
  },
  {
    id: 'rewire',
    title: 'Rewire the reflex',
    goal: 'Fix a broken touch circuit so the worm backs away from the wall.',
    intro:
      'This worm’s head-touch pathway has been cut: it bumps into the wall and keeps pushing. Open the editor, reconnect the touch cells to the backward command interneurons, and watch it reverse on contact.',
    scoring: 'Reversals triggered by wall contact in 60 s (more is better).',
    difficulty: 3,
    needsEditor: true,
    arena: {
      bounds: { kind: 'rect', x: -3, y: -2, width: 6, height: 4 },
      walls: [{ x1: 2.2, y1: -2, x2: 2.2, y2: 2, thickness: 0.15 }],
    },
  },
];

export function challengeById(id: string): Challenge | undefined {
  return CHALLENGES.find((c) => c.id === id);
}
