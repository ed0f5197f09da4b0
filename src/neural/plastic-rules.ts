/**
 * The learning rules a chemical synapse may follow, as data: each rule's
 * parameters with defaults, ranges, units and one line of help (the circuit
 * schema, the engine's checks and the editor read this table), and the
 * resolving of a synapse's `plastic` field into complete numbers.
 *
 * References: pair-based STDP with traces (Song, Miller & Abbott 2000: A+ =
 * 0.005 of g_max, A−/A+ = 1.05, τ± = 20 ms); soft bounds (van Rossum, Bi &
 * Turrigiano 2000); BCM's sliding threshold (Bienenstock, Cooper & Munro 1982;
 * Intrator & Cooper 1992); reward-modulated STDP (Izhikevich 2007: eligibility
 * τc = 1 s); two-timescale depression as the two pools of a rate-sensitive
 * habituation model (Staddon & Higa 1996), facilitation as in Tsodyks &
 * Markram 1997.
 */
import type { ParamSpec, PlasticRule, PlasticSpec } from './types';

const p = (d: number, min: number, max: number, unit: string, help: string): ParamSpec => ({ default: d, min, max, unit, help });

/** Bounds shared by the rules that change w: wMax NaN = twice the synapse's initial weight. */
const BOUNDS = {
  wMin: p(0, 0, 1e6, 'weight', 'the weight never goes below this'),
  wMax: p(Number.NaN, 0, 1e6, 'weight', 'the weight never goes above this; omitted: twice the initial weight'),
};

const WINDOW = {
  aPlus: p(0.005, 0, 1, '× wMax', 'potentiation of a pre→post pair at Δt = 0 (Song 2000: 0.005)'),
  aMinus: p(0.00525, 0, 1, '× wMax', 'depression of a post→pre pair at Δt = 0 (Song 2000: 1.05 × aPlus)'),
  tauPlusMs: p(20, 0.1, 10000, 'ms', 'width of the potentiation side of the window'),
  tauMinusMs: p(20, 0.1, 10000, 'ms', 'width of the depression side of the window'),
};

export const PLASTIC_RULES: Readonly<Record<PlasticRule, { help: string; params: Readonly<Record<string, ParamSpec>> }>> = {
  stdp: {
    help: 'spike-timing-dependent plasticity: pre before post strengthens, post before pre weakens (spiking neurons)',
    params: { ...WINDOW, ...BOUNDS },
  },
  bcm: {
    help: 'rate Hebbian rule with a sliding threshold (BCM): dw/dt = rate·pre·post·(post − θ), θ follows post² (any neurons)',
    params: {
      rate: p(0.001, 0, 100, 'weight/ms', 'learning rate at full pre and post output'),
      tauThetaMs: p(10000, 1, 1e7, 'ms', 'how slowly the threshold θ follows the mean of post²'),
      theta0: p(0.25, 0, 1, '', 'initial threshold θ'),
      ...BOUNDS,
    },
  },
  'three-factor': {
    help: 'eligibility trace × modulator (reward-modulated STDP, Izhikevich 2007): pairs tag the synapse, a modulator at the postsynaptic receptors turns the tag into a change',
    params: {
      ...WINDOW,
      aPlus: p(1, 0, 100, 'eligibility', 'tag of a pre→post pair at Δt = 0 (spiking), or per ms of pre·post output (graded)'),
      aMinus: p(1.05, 0, 100, 'eligibility', 'tag (negative) of a post→pre pair at Δt = 0 (spiking neurons)'),
      tauEligibilityMs: p(1000, 1, 1e6, 'ms', 'how long a tag lasts (Izhikevich 2007: 1 s)'),
      rate: p(
        0.0001,
        -10,
        10,
        '× wMax/ms',
        'weight change per ms per unit of tag × modulator; negative: the same modulator changes this synapse the other way (a receptor of the opposite kind at the same cell)',
      ),
      forgetMs: p(0, 0, 1e9, 'ms', 'the weight fades back to forgetTo with this time constant (0: never; a memory that decays, Kauffman et al. 2010)'),
      forgetTo: p(Number.NaN, 0, 1e6, 'weight', 'the weight forgetting returns to (the naive weight); omitted: the weight the file gives'),
      ...BOUNDS,
    },
  },
  'short-term': {
    help: 'two-timescale depression (and facilitation): a fast and a slow pool of resource, each recovering at its own pace; release uses the fast pool, and the slow one by what the fast one passes on (a cascade); a plasticity receptor on the presynaptic neuron speeds both pools’ recovery',
    params: {
      useFast: p(0.2, 0, 1, '', 'fraction of the fast pool used per spike (per ms at full output for graded)'),
      recoveryFastMs: p(3000, 1, 1e7, 'ms', 'recovery time constant of the fast pool'),
      useSlow: p(0.02, 0, 1, '', 'fraction of the slow pool used per spike (per ms at full output for graded), times the fast pool’s level'),
      recoverySlowMs: p(120000, 1, 1e8, 'ms', 'recovery time constant of the slow pool'),
      slowThreshold: p(
        0,
        0,
        1,
        '',
        'the slow pool is used only by the fast pool’s level above this (Staddon & Higa’s units pass on what exceeds their memory); 0 = all of it',
      ),
      facilitation: p(0, 0, 10, '', 'facilitation added per spike (per ms at full output for graded); efficacy × (1 + f)'),
      facilitationMs: p(500, 1, 1e6, 'ms', 'decay time constant of facilitation'),
    },
  },
};

export const PLASTIC_RULE_NAMES = Object.keys(PLASTIC_RULES) as PlasticRule[];

/** Rules whose weights move (short-term changes efficacy, not w). */
export const BOUNDED_RULES: readonly PlasticRule[] = ['stdp', 'bcm', 'three-factor'];

/** A synapse's complete rule: every parameter a number (wMax resolved against the initial weight), soft or hard bounds. */
export interface ResolvedPlastic {
  rule: PlasticRule;
  values: Record<string, number>;
  soft: boolean;
}

/** Completes and checks a plastic field; errors name the synapse (`where`), the field, the range and the fix. */
export function resolvePlastic(spec: PlasticSpec, where: string, weight: number): ResolvedPlastic {
  if (spec === null || typeof spec !== 'object')
    throw new Error(`${where}: "plastic" must be an object {"rule": ..., "params": {...}}, got ${JSON.stringify(spec)}`);
  const table = Object.hasOwn(PLASTIC_RULES, spec.rule) ? PLASTIC_RULES[spec.rule] : undefined;
  if (!table) throw new Error(`${where}: "plastic.rule" ${JSON.stringify(spec.rule)} is not a rule; allowed: ${PLASTIC_RULE_NAMES.join(', ')}`);
  if (spec.bounds !== undefined && spec.bounds !== 'hard' && spec.bounds !== 'soft')
    throw new Error(`${where}: "plastic.bounds" must be "hard" or "soft", got ${JSON.stringify(spec.bounds)}`);
  if (spec.bounds === 'soft' && spec.rule !== 'stdp' && spec.rule !== 'three-factor')
    throw new Error(`${where}: "plastic.bounds" "soft" applies to stdp and three-factor; remove it for ${spec.rule}`);
  const values: Record<string, number> = {};
  const given = spec.params ?? {};
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(table.params, name))
      throw new Error(`${where}: "plastic.params.${name}" is not a parameter of rule ${spec.rule}; allowed: ${Object.keys(table.params).join(', ')}`);
  }
  for (const [name, ps] of Object.entries(table.params)) {
    const x = Object.hasOwn(given, name) && given[name] !== undefined ? given[name] : (ps.default as number);
    if (name === 'wMax' && Number.isNaN(x)) {
      values[name] = 2 * weight;
      continue;
    }
    if (name === 'forgetTo' && Number.isNaN(x)) {
      values[name] = weight;
      continue;
    }
    if (typeof x !== 'number' || !Number.isFinite(x) || x < ps.min || x > ps.max)
      throw new Error(`${where}: "plastic.params.${name}" must be a number in ${ps.min} .. ${ps.max} ${ps.unit} (${ps.help}), got ${JSON.stringify(x)}`);
    values[name] = x;
  }
  if (BOUNDED_RULES.includes(spec.rule)) {
    if (values.wMin > values.wMax) throw new Error(`${where}: "plastic.params.wMin" (${values.wMin}) is above wMax (${values.wMax}); make wMin ≤ wMax`);
    if (weight < values.wMin || weight > values.wMax)
      throw new Error(`${where}: "weight" ${weight} lies outside the plastic bounds ${values.wMin} .. ${values.wMax}; move it inside or widen wMin/wMax`);
  }
  return { rule: spec.rule, values, soft: spec.bounds === 'soft' };
}
