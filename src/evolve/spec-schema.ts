/**
 * The evolution spec's file form (version 1) as zod schemas: YAML or JSON in,
 * the canonical EvolveSpec (spec.ts) out, every default filled in. Messages
 * say what is wrong and the fix, split by FIX_SEP like the scenario format's,
 * whose field helpers this reuses. docs/evolution.md describes the format.
 */
import { z } from 'zod';
import { numWithin as num, oneOf, strict, text, withFix } from '../scenario/fields';
import { SHARES, type Share } from './classes';
import {
  type Budget,
  EVOLVE_FORMAT,
  EVOLVE_VERSION,
  type EvolveSpec,
  type FitnessSpec,
  type FreeEntry,
  type NeatSettings,
  type OptimiserSettings,
  type PoolNeuron,
  type Scale,
  type TopologySpec,
} from './spec';

/** NEAT's defaults: the paper's structure rates, a compatibility threshold for weights normalised to 0..1. */
export const NEAT_DEFAULTS: Omit<NeatSettings, 'kind'> = {
  population: 40,
  threshold: 1.5,
  species: 5,
  c1: 1,
  c2: 1,
  c3: 1,
  addLink: 0.3,
  removeLink: 0.05,
  addNeuron: 0.05,
  removeNeuron: 0.02,
  perturb: 0.8,
  sigma: 0.1,
  crossover: 0.5,
  survival: 0.3,
  eliteFrom: 3,
  stagnation: 15,
};

/** CMA-ES's initial step in normalised coordinates: the tutorial's 0.3 of a [0, 1] range. */
export const CMAES_SIGMA = 0.3;

const REF_RE = /^(\*|[\p{L}\p{N}_.-]+)$/u;
const ref = text('neuron', REF_RE, 'a neuron id or class of the circuit (AVA for AVAL + AVAR), or * for every neuron');
/** One neuron reference or a list of them. */
const refs = (what: string) =>
  z
    .union([ref, z.array(ref).min(1, { message: withFix(`${what} is an empty list`, `name at least one neuron, or write * for all`) })])
    .transform((v) => (typeof v === 'string' ? [v] : v));

const share = oneOf(SHARES, 'share');
const scale = oneOf(['linear', 'log'] as const, 'scale');
const seed = num('seed', { min: 0, max: 0xffffffff, int: true });

const range = z
  .tuple([num('range low'), num('range high')], { error: () => withFix('range must be a list of two numbers', 'write range: [low, high]') })
  .refine((r) => r[0] < r[1], { message: withFix('range: the low bound is not below the high bound', 'write range: [low, high] with low < high') });

const WHAT_KEYS = ['param', 'init', 'weight', 'weightScale', 'delay', 'sign', 'gain'] as const;
type WhatKey = (typeof WHAT_KEYS)[number];
/** Which neuron fields each kind of free entry takes. */
const FIELDS: Record<WhatKey, readonly string[]> = {
  param: ['of'],
  init: ['of'],
  weight: ['from', 'to'],
  weightScale: ['from', 'to'],
  delay: ['from', 'to'],
  sign: ['from', 'to'],
  gain: ['of'],
};

const freeSchema = strict(
  {
    param: text('parameter name').optional(),
    init: text('initial value name').optional(),
    weight: oneOf(['chemical', 'electrical', 'any'] as const, 'synapse kind (weight)').optional(),
    weightScale: oneOf(['chemical', 'electrical', 'any'] as const, 'synapse kind (weightScale)').optional(),
    delay: oneOf(['chemical'] as const, 'synapse kind (delay)').optional(),
    sign: oneOf(['chemical'] as const, 'synapse kind (sign)').optional(),
    gain: oneOf(
      ['muscle', 'sensor', 'touch', 'stretch', 'chemical', 'temperature', 'toxin', 'tap'] as const,
      'gain (muscle, sensor, or a sensor kind)',
    ).optional(),
    of: refs('of').optional(),
    from: refs('from').optional(),
    to: refs('to').optional(),
    range: range.optional(),
    scale: scale.optional(),
    share: share.optional(),
  },
  'free entry',
).transform((e, ctx): FreeEntry => {
  const present = WHAT_KEYS.filter((k) => e[k] !== undefined);
  if (present.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: withFix(
        present.length === 0 ? 'a free entry must say what is free' : `a free entry sets one thing, this one has ${present.join(' and ')}`,
        `give exactly one of: ${WHAT_KEYS.join(', ')}`,
      ),
    });
    return z.NEVER;
  }
  const what = present[0];
  for (const f of ['of', 'from', 'to'] as const)
    if (e[f] !== undefined && !FIELDS[what].includes(f)) {
      ctx.addIssue({
        code: 'custom',
        path: [f],
        message: withFix(`"${f}" does not apply to a ${what} entry`, `a ${what} entry takes ${FIELDS[what].join(' and ')}`),
      });
      return z.NEVER;
    }
  if (what !== 'sign' && e.range === undefined) {
    ctx.addIssue({ code: 'custom', path: ['range'], message: withFix(`missing range for this ${what}`, 'add range: [low, high]') });
    return z.NEVER;
  }
  const sc: Scale = e.scale ?? 'linear';
  const r = e.range ?? ([0, 1] as const);
  if (sc === 'log' && !(r[0] > 0)) {
    ctx.addIssue({
      code: 'custom',
      path: ['range'],
      message: withFix(`a log scale needs a range above 0, got ${r[0]} .. ${r[1]}`, 'make the low bound > 0, or use scale: linear'),
    });
    return z.NEVER;
  }
  const base = { range: [r[0], r[1]] as const, scale: sc, share: (e.share ?? 'pair') as Share };
  const of = e.of ?? ['*'];
  const from = e.from ?? ['*'];
  const to = e.to ?? ['*'];
  switch (what) {
    case 'param':
      return { ...base, what, name: e.param!, of };
    case 'init':
      return { ...base, what, name: e.init!, of };
    case 'weight':
      return { ...base, what, ...(e.weight !== undefined && e.weight !== 'any' && { kind: e.weight }), from, to };
    case 'weightScale':
      return { ...base, what, ...(e.weightScale !== undefined && e.weightScale !== 'any' && { kind: e.weightScale }), from, to };
    case 'delay':
      return { ...base, what, from, to };
    case 'sign':
      return { ...base, what, from, to };
    case 'gain':
      return e.gain === 'muscle'
        ? { ...base, what: 'muscleGain', of }
        : { ...base, what: 'sensorGain', ...(e.gain !== undefined && e.gain !== 'sensor' && { sensor: e.gain }), of };
  }
});

const poolSchema = strict(
  {
    id: text('neuron id', /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/, 'a neuron id: 1–64 letters, digits, _ . -'),
    model: text('model'),
    role: oneOf(['sensory', 'inter', 'motor'] as const, 'role').optional(),
    transmitter: text('transmitter').optional(),
    preset: text('preset').optional(),
    params: z.record(z.string(), num('parameter value')).optional(),
    init: z.record(z.string(), num('initial value')).optional(),
  },
  'pool neuron',
).transform((n): PoolNeuron => JSON.parse(JSON.stringify(n)) as PoolNeuron);

const topologySchema = strict(
  {
    links: z.array(strict({ kind: oneOf(['chemical', 'electrical'] as const, 'synapse kind'), from: refs('from'), to: refs('to') }, 'link scope'), {
      error: () => withFix('links must be a list', 'write links: [{kind: chemical, from: [...], to: [...]}]'),
    }),
    share: share.optional(),
    groups: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { message: withFix('a group name must start with a letter', 'use letters, digits, _ and -') }),
        refs('group'),
      )
      .optional(),
    weight: strict({ range, scale: scale.optional() }, 'link weight').optional(),
    sign: oneOf(['free', 'transmitter'] as const, 'link sign').optional(),
    pool: z.array(poolSchema).optional(),
  },
  'topology',
).transform(
  (t): TopologySpec => ({
    links: t.links,
    groups: t.groups ?? {},
    share: (t.share ?? 'pair') as Share,
    weight: t.weight ? { range: [t.weight.range[0], t.weight.range[1]], scale: t.weight.scale ?? 'log' } : { range: [0.05, 10], scale: 'log' },
    sign: t.sign ?? 'free',
    pool: t.pool ?? [],
  }),
);

const scenarioEntry = z.union([
  text('scenario file').transform((file) => ({ file, weight: 1 })),
  strict({ file: text('scenario file'), weight: num('scenario weight', { positive: true }).optional() }, 'fitness scenario').transform((s) => ({
    file: s.file,
    weight: s.weight ?? 1,
  })),
]);

const seedList = (what: string) =>
  z.array(seed, { error: () => withFix(`${what} must be a list of seeds`, `write ${what}: [1, 2, 3]`) }).refine((xs) => new Set(xs).size === xs.length, {
    message: withFix(`${what} lists a seed twice`, 'list each seed once'),
  });

const fitnessSchema = strict(
  {
    scenarios: z.array(scenarioEntry).min(1, { message: withFix('no fitness scenarios', 'list at least one scenario file') }),
    seeds: seedList('seeds').refine((xs) => xs.length > 0, { message: withFix('no selection seeds', 'list at least one seed') }),
    heldOut: seedList('heldOut').optional(),
    unstable: num('score of an unstable run', { min: -10, max: 0 }).optional(),
    perLink: num('cost per link', { min: 0, max: 1 }).optional(),
  },
  'fitness',
)
  .transform((f): FitnessSpec => ({ scenarios: f.scenarios, seeds: f.seeds, heldOut: f.heldOut ?? [], unstable: f.unstable ?? -1, perLink: f.perLink ?? 0 }))
  .refine((f) => !f.heldOut.some((s) => f.seeds.includes(s)), {
    path: ['heldOut'],
    message: withFix('a held-out seed is also a selection seed', 'held-out seeds must be new to the selection; pick other numbers'),
  });

const neatSchema = strict(
  {
    population: num('population', { min: 2, max: 10_000, int: true }).optional(),
    threshold: num('compatibility threshold', { positive: true }).optional(),
    species: num('target species count', { min: 0, max: 1000, int: true, hint: '0 keeps the threshold fixed' }).optional(),
    c1: num('c1', { min: 0 }).optional(),
    c2: num('c2', { min: 0 }).optional(),
    c3: num('c3', { min: 0 }).optional(),
    addLink: num('addLink', { min: 0, max: 1 }).optional(),
    removeLink: num('removeLink', { min: 0, max: 1 }).optional(),
    addNeuron: num('addNeuron', { min: 0, max: 1 }).optional(),
    removeNeuron: num('removeNeuron', { min: 0, max: 1 }).optional(),
    perturb: num('perturb', { min: 0, max: 1 }).optional(),
    sigma: num('sigma', { positive: true }).optional(),
    crossover: num('crossover', { min: 0, max: 1 }).optional(),
    survival: num('survival', { min: 0.01, max: 1 }).optional(),
    eliteFrom: num('eliteFrom', { min: 1, int: true }).optional(),
    stagnation: num('stagnation', { min: 1, int: true }).optional(),
  },
  'neat',
);

const optimiserSchema = z.union([
  oneOf(['cmaes', 'neat'] as const, 'optimiser').transform(
    (k): OptimiserSettings => (k === 'cmaes' ? { kind: 'cmaes', sigma: CMAES_SIGMA } : { kind: 'neat', ...NEAT_DEFAULTS }),
  ),
  strict(
    {
      cmaes: strict(
        {
          population: num('population', { min: 2, max: 10_000, int: true }).optional(),
          sigma: num('sigma', { positive: true, hint: 'in units of each range' }).optional(),
        },
        'cmaes',
      ).optional(),
      neat: neatSchema.optional(),
    },
    'optimiser',
  ).transform((o, ctx): OptimiserSettings => {
    if ((o.cmaes === undefined) === (o.neat === undefined)) {
      ctx.addIssue({ code: 'custom', message: withFix('choose one optimiser', 'write optimiser: {cmaes: {...}} or optimiser: {neat: {...}}') });
      return z.NEVER;
    }
    if (o.cmaes) return { kind: 'cmaes', sigma: o.cmaes.sigma ?? CMAES_SIGMA, ...(o.cmaes.population !== undefined && { population: o.cmaes.population }) };
    const given = Object.fromEntries(Object.entries(o.neat!).filter(([, v]) => v !== undefined));
    return { kind: 'neat', ...NEAT_DEFAULTS, ...given };
  }),
]);

const budgetSchema = strict(
  {
    generations: num('generations', { min: 1, max: 1_000_000, int: true }),
    target: num('target fitness', { max: 1 }).optional(),
  },
  'budget',
).transform((b): Budget => ({ generations: b.generations, ...(b.target !== undefined && { target: b.target }) }));

export const evolveSpecSchema = strict(
  {
    format: z
      .unknown()
      .refine((v) => v === EVOLVE_FORMAT, { message: withFix(`this is not an evolution spec`, `the first line must be format: ${EVOLVE_FORMAT}`) }),
    version: z.unknown().transform((v, ctx) => {
      if (v === EVOLVE_VERSION) return v;
      ctx.addIssue({
        code: 'custom',
        message: withFix(
          typeof v === 'number' && v > EVOLVE_VERSION
            ? `spec version ${v} is newer than this neuroworm reads (${EVOLVE_VERSION})`
            : `unknown spec version ${JSON.stringify(v)}`,
          typeof v === 'number' && v > EVOLVE_VERSION ? 'update neuroworm' : `write version: ${EVOLVE_VERSION}`,
        ),
      });
      return z.NEVER;
    }),
    name: text('name'),
    description: text('description').optional(),
    circuit: text('circuit', undefined, 'a built-in circuit name (locomotion) or a circuit file path relative to the spec (./my.json)'),
    seed: seed.optional(),
    start: oneOf(['random', 'circuit'] as const, 'start').optional(),
    free: z.array(freeSchema, { error: () => withFix('free must be a list', 'write free: [{param: tauMs, of: AVA, range: [50, 500]}, ...]') }).optional(),
    topology: topologySchema.optional(),
    fitness: fitnessSchema,
    optimiser: optimiserSchema,
    budget: budgetSchema,
  },
  'evolution spec',
).transform((s, ctx): EvolveSpec => {
  const free = s.free ?? [];
  if (free.length === 0 && !s.topology) {
    ctx.addIssue({ code: 'custom', path: ['free'], message: withFix('nothing is free to evolve', 'list free values, or add a topology section') });
    return z.NEVER;
  }
  if (s.topology && s.optimiser.kind !== 'neat') {
    ctx.addIssue({
      code: 'custom',
      path: ['optimiser'],
      message: withFix('topology evolves only with the neat optimiser', 'write optimiser: neat, or drop the topology section'),
    });
    return z.NEVER;
  }
  if (!s.topology && s.optimiser.kind === 'neat' && free.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['free'], message: withFix('neat has nothing to evolve', 'list free values or a topology section') });
    return z.NEVER;
  }
  return {
    name: s.name,
    ...(s.description !== undefined && { description: s.description }),
    circuit: s.circuit,
    seed: s.seed ?? 1,
    start: s.start ?? 'random',
    free,
    ...(s.topology && { topology: s.topology }),
    fitness: s.fitness,
    optimiser: s.optimiser,
    budget: s.budget,
  };
});
