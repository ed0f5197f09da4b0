/**
 * Canonical Scenario → file form (and YAML text). parseScenario(stringify(s))
 * deep-equals s for every valid scenario: the file form is the canonical form
 * spelled out, with times as ms numbers and lengths/speeds with their units.
 */
import { stringify } from 'yaml';
import { kindModule } from './expectations/index';
import type { Place, Trigger } from './timeline-schema';
import type { Action, Expectation, Scenario, TimelineItem } from './types';
import type { Length } from './units';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from './types';

type Doc = Record<string, unknown>;

const opt = <T>(key: string, v: T | undefined): Doc => (v === undefined ? {} : { [key]: v });

function actionDoc(a: Action): Doc {
  switch (a.type) {
    case 'poke':
      return { poke: { position: a.position, side: a.side, kind: a.kind, ...opt('force', a.force) } };
    case 'tap':
      return { tap: { ...opt('force', a.force) } };
    case 'food':
      return { food: { ...placeDoc(a), ...opt('amount', a.amount) } };
    case 'heat':
      return { heat: { ...placeDoc(a), deltaC: a.deltaC, ...opt('radius', a.radius) } };
    case 'ablate':
      return { ablate: { neuron: a.neuron } };
    case 'cut':
      return { cut: { from: a.from, to: a.to } };
    case 'set':
      return { set: { neuron: a.neuron, param: a.param, value: a.value } };
    case 'medium':
      return { medium: a.medium };
  }
}

const lengthDoc = (l: Length) => `${l.value}${l.unit}`;

function placeDoc(p: Place): Doc {
  return 'x' in p
    ? { x: p.x, y: p.y }
    : { ahead: lengthDoc(p.ahead), ...(p.left && { left: lengthDoc(p.left) }), ...(p.right && { right: lengthDoc(p.right) }) };
}

function triggerDoc(t: Trigger): unknown {
  switch (t.on) {
    case 'inZone':
      return { inZone: t.zone };
    case 'nearFood':
      return { nearFood: lengthDoc(t.within) };
    case 'neuron':
      return { neuron: t.neuron, above: t.above };
    default:
      return t.on;
  }
}

function itemDoc(t: TimelineItem): Doc {
  return {
    at: t.atMs,
    ...(t.when && { when: triggerDoc(t.when.trigger), delay: t.when.delayMs, refractory: t.when.refractoryMs }),
    ...(t.times > 1 && (t.when ? { times: t.times } : { every: t.everyMs, times: t.times })),
    ...opt('label', t.label),
    ...actionDoc(t.action),
  };
}

function expectationDoc(e: Expectation): Doc {
  return { ...opt('name', e.name), [e.kind]: kindModule(e).toDoc(e) };
}

/** The file form of a scenario, as a plain object. */
export function toDocument(s: Scenario): Doc {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name: s.name,
    ...opt('description', s.description),
    circuit: s.circuit,
    ...opt('arena', s.arena),
    ...opt('worm', s.worm),
    seed: s.seed,
    duration: s.durationMs,
    ...opt('medium', s.medium),
    ...opt('individual', s.individual),
    ...opt('hoursOffFood', s.hoursOffFood),
    timeline: s.timeline.map(itemDoc),
    expect: s.expect.map(expectationDoc),
    ...opt('plot', s.plot),
  };
}

/** YAML text of a scenario; `header` lines become comments at the top. */
export function stringifyScenario(s: Scenario, header?: string): string {
  const body = stringify(toDocument(s), { lineWidth: 0, flowCollectionPadding: false });
  return header ? `${header.replace(/^/gm, '# ')}\n${body}` : body;
}
