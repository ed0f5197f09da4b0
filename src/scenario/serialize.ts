/**
 * Canonical Scenario → file form (and YAML text). parseScenario(stringify(s))
 * deep-equals s for every valid scenario: the file form is the canonical form
 * spelled out, with times as ms numbers and lengths/speeds with their units.
 */
import { stringify } from 'yaml';
import type { Action, Anchor, Expectation, Scenario, TimelineItem } from './types';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from './types';
import type { Length, Speed } from './units';

type Doc = Record<string, unknown>;

const anchor = (a: Anchor): string | number => ('ms' in a ? a.ms : a.label);
const len = (l: Length): string => `${l.value}${l.unit}`;
const spd = (s: Speed): string => `${s.value}${s.unit}`;
const opt = <T>(key: string, v: T | undefined): Doc => (v === undefined ? {} : { [key]: v });

function actionDoc(a: Action): Doc {
  switch (a.type) {
    case 'poke':
      return { poke: { position: a.position, side: a.side, kind: a.kind, ...opt('force', a.force) } };
    case 'tap':
      return { tap: { ...opt('force', a.force) } };
    case 'food':
      return { food: { x: a.x, y: a.y, ...opt('amount', a.amount) } };
    case 'heat':
      return { heat: { x: a.x, y: a.y, deltaC: a.deltaC, ...opt('radius', a.radius) } };
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

function itemDoc(t: TimelineItem): Doc {
  return {
    at: t.atMs,
    ...(t.times > 1 && { every: t.everyMs, times: t.times }),
    ...opt('label', t.label),
    ...actionDoc(t.action),
  };
}

function windowDoc(w: { after: Anchor; forMs?: number }): Doc {
  return { after: anchor(w.after), ...opt('for', w.forMs) };
}

function expectationDoc(e: Expectation): Doc {
  const body = ((): Doc => {
    switch (e.kind) {
      case 'reverses':
      case 'doesNotReverse':
        return { after: anchor(e.after), within: e.withinMs };
      case 'moves':
        return { direction: e.direction, atLeast: len(e.atLeast), ...windowDoc(e) };
      case 'speed':
        return { between: [spd(e.min), spd(e.max)], ...windowDoc(e) };
      case 'reachesFood':
        return { after: anchor(e.after), within: e.withinMs, distance: len(e.distance) };
      case 'staysOutOfZone':
        return { zone: e.zone, atMost: e.atMostMs, ...windowDoc(e) };
      case 'neuronFires':
        return { neuron: e.neuron, after: anchor(e.after), within: e.withinMs, threshold: e.threshold };
      case 'neuronSilent':
        return { neuron: e.neuron, threshold: e.threshold, ...windowDoc(e) };
      case 'bendingFrequency':
        return { between: [e.minHz, e.maxHz], ...windowDoc(e) };
      case 'waveDirection':
        return { direction: e.direction, ...windowDoc(e) };
      case 'habituates':
        return { train: e.train, response: e.response, window: e.windowMs, ...opt('k', e.k), ratioBelow: e.ratioBelow };
      case 'recovers':
        return { train: e.train, test: e.test, response: e.response, window: e.windowMs, ratioAtLeast: e.ratioAtLeast };
      case 'metric':
        return {
          name: e.metric,
          ...opt('zone', e.zone),
          ...opt('neuron', e.neuron),
          ...(e.baseline && { baseline: { before: anchor(e.baseline.before), for: e.baseline.forMs } }),
          ...opt('atLeast', e.min),
          ...opt('atMost', e.max),
          ...windowDoc(e),
        };
    }
  })();
  return { ...opt('name', e.name), [e.kind]: body };
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
