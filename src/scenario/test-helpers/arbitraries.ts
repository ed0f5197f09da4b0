/**
 * TEST HELPER — fast-check generators of valid canonical scenarios (every
 * label referenced exists, every window fits in the run), for the loader's
 * round-trip and corruption properties.
 */
import fc from 'fast-check';
import { METRIC_INFO, METRIC_NAMES } from '../metrics-names';
import type { Action, Anchor, Expectation, Scenario, TimelineItem } from '../types';

const neuron = fc.constantFrom('AVA', 'AVAL', 'AVB', 'ALML', 'PLMR', 'DA01', 'ASH');
const coord = fc.double({ min: 0, max: 40, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);
const unit01 = fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);
const positive = fc.double({ min: 0.001, max: 100, noNaN: true, noDefaultInfinity: true });

export const arbAction: fc.Arbitrary<Action> = fc.oneof(
  fc.record(
    {
      type: fc.constant('poke' as const),
      position: unit01,
      side: fc.constantFrom('left' as const, 'right' as const, 'both' as const),
      kind: fc.constantFrom('gentle' as const, 'harsh' as const),
      force: unit01,
    },
    { requiredKeys: ['type', 'position', 'side', 'kind'] },
  ),
  fc.record({ type: fc.constant('tap' as const), force: unit01 }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('food' as const), x: coord, y: coord, amount: positive }, { requiredKeys: ['type', 'x', 'y'] }),
  fc.record(
    {
      type: fc.constant('heat' as const),
      x: coord,
      y: coord,
      deltaC: fc.oneof(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: -10, max: -0.1, noNaN: true })),
      radius: positive,
    },
    { requiredKeys: ['type', 'x', 'y', 'deltaC'] },
  ),
  fc.record({ type: fc.constant('ablate' as const), neuron }),
  fc.record({ type: fc.constant('cut' as const), from: neuron, to: neuron }),
  fc.record({ type: fc.constant('set' as const), neuron, param: fc.constantFrom('threshold', 'tauMs', 'gain'), value: coord }),
  fc.record({ type: fc.constant('medium' as const), medium: fc.constantFrom('agar' as const, 'water' as const) }),
);

const nameText = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '');

/** A valid scenario: actions start in the first half of the run and windows are at most half of it. */
export const arbScenario: fc.Arbitrary<Scenario> = fc
  .record({
    name: nameText,
    description: fc.option(nameText, { nil: undefined }),
    circuit: fc.constantFrom('worm', 'touch-withdrawal', 'circuits/my.json'),
    arena: fc.option(fc.oneof(fc.constantFrom('plate', 'hot-plate'), fc.constant({ zones: [{ id: 'hot', x: 1, y: 2, radius: 0.5 }] })), { nil: undefined }),
    worm: fc.option(fc.record({ x: coord, y: coord, heading: fc.double({ min: -360, max: 360, noNaN: true }).map((x) => x + 0) }), { nil: undefined }),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    durationMs: fc.integer({ min: 100, max: 600_000 }),
    medium: fc.option(fc.constantFrom('agar' as const, 'water' as const), { nil: undefined }),
    individual: fc.option(fc.boolean(), { nil: undefined }),
    items: fc.array(
      fc.record({ at: unit01, repeat: fc.option(fc.integer({ min: 2, max: 6 }), { nil: undefined }), labelled: fc.boolean(), action: arbAction }),
      { maxLength: 6 },
    ),
    plot: fc.option(fc.record({ neurons: fc.array(neuron, { maxLength: 3 }) }), { nil: undefined }),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat(), unit01, unit01), { maxLength: 8 }),
  })
  .map((r) => {
    const half = Math.floor(r.durationMs / 2);
    const timeline: TimelineItem[] = r.items.map((it, i) => {
      const atMs = Math.floor(it.at * (half - 1));
      const times = it.repeat ?? 1;
      const everyMs = times > 1 ? Math.max(1, Math.floor((half - atMs) / times)) : 0;
      return { atMs, everyMs, times, ...(it.labelled && { label: `l${i}` }), action: it.action };
    });
    const labels = timeline.filter((t) => t.label !== undefined);
    const trains = labels.filter((t) => t.times > 1 && (t.action.type === 'tap' || t.action.type === 'poke'));
    const expect: Expectation[] = r.picks.map(([kindPick, labelPick, f1, f2]) => {
      const anchor: Anchor =
        labels.length > 0 && labelPick % 2 === 0 ? { label: labels[labelPick % labels.length].label! } : { ms: Math.floor(f1 * (half - 1)) };
      const len = Math.max(1, Math.floor(f2 * half));
      const win = { after: anchor, ...(labelPick % 3 !== 0 && { forMs: len }) };
      const kinds = [
        'reverses',
        'doesNotReverse',
        'moves',
        'speed',
        'reachesFood',
        'staysOutOfZone',
        'neuronFires',
        'neuronSilent',
        'bendingFrequency',
        'waveDirection',
        'metric',
        'habituates',
        'recovers',
      ] as const;
      const kind = kinds[kindPick % (trains.length > 0 ? kinds.length : kinds.length - 2)];
      const lo = Math.round(f1 * 1000) / 1000;
      const hi = lo + Math.round(f2 * 1000) / 1000;
      // The optional minBend of the gait kinds, on about half of them.
      const bend = labelPick % 2 === 1 ? { minBend: Math.round(f2 * 8000) / 1000 } : {};
      switch (kind) {
        case 'reverses':
        case 'doesNotReverse':
          return { kind, after: anchor, withinMs: len };
        case 'moves':
          return { kind, direction: f1 < 0.5 ? 'forward' : 'backward', atLeast: { value: lo, unit: f2 < 0.5 ? 'mm' : 'bl' }, ...win };
        case 'speed':
          return { kind, min: { value: lo, unit: 'mm/s' }, max: { value: hi, unit: 'mm/s' }, ...bend, ...win };
        case 'reachesFood':
          return { kind, after: anchor, withinMs: len, distance: { value: lo, unit: 'mm' } };
        case 'staysOutOfZone':
          return { kind, zone: 'hot', atMostMs: Math.floor(f1 * 100), ...win };
        case 'neuronFires':
          return { kind, neuron: 'AVA', after: anchor, withinMs: len, threshold: f1 };
        case 'neuronSilent':
          return { kind, neuron: 'AVB', threshold: f2, ...win };
        case 'bendingFrequency':
          return { kind, minHz: lo, maxHz: hi, ...bend, ...win };
        case 'waveDirection':
          return { kind, direction: f1 < 0.5 ? 'head-to-tail' : 'tail-to-head', ...bend, ...win };
        case 'metric': {
          const metric = METRIC_NAMES[labelPick % METRIC_NAMES.length];
          const needs: readonly string[] = METRIC_INFO[metric].needs;
          const before = Math.floor(f1 * (half - 1));
          return {
            kind,
            metric,
            ...(needs.includes('zone') && { zone: 'hot' }),
            ...(needs.includes('neuron') && { neuron: 'AVA' }),
            ...(before >= 1 && kindPick % 2 === 0 && { baseline: { before: { ms: before }, forMs: Math.max(1, Math.floor(before * f2)) } }),
            ...(kindPick % 3 !== 1 && { min: lo }),
            ...(kindPick % 3 !== 0 && { max: hi }),
            ...bend,
            ...win,
          };
        }
        case 'habituates': {
          const t = trains[labelPick % trains.length];
          return {
            kind,
            train: t.label!,
            response: f1 < 0.5 ? 'reversalDistance' : 'peakBackwardSpeed',
            windowMs: len,
            ...(t.times > 2 && { k: 2 + (kindPick % (t.times - 1)) }),
            ratioBelow: 0.1 + f2,
          };
        }
        case 'recovers': {
          const t = trains[labelPick % trains.length];
          return { kind, train: t.label!, test: labels[kindPick % labels.length].label!, response: 'reversalDistance', windowMs: len, ratioAtLeast: f2 };
        }
      }
    });
    const s: Scenario = {
      name: r.name,
      ...(r.description !== undefined && { description: r.description }),
      circuit: r.circuit,
      ...(r.arena !== undefined && { arena: r.arena }),
      ...(r.worm !== undefined && { worm: r.worm }),
      seed: r.seed,
      durationMs: r.durationMs,
      ...(r.medium !== undefined && { medium: r.medium }),
      ...(r.individual !== undefined && { individual: r.individual }),
      timeline,
      expect,
      ...(r.plot !== undefined && { plot: r.plot }),
    };
    return s;
  });
