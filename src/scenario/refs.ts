/**
 * References from a scenario to the world it runs in: neurons of the circuit,
 * the arena, and zones of the arena. A scenario that names something that is
 * not there is refused before it runs, with the file, line and a suggestion.
 */
import type { ScenarioIssue } from './errors';
import { ScenarioError } from './errors';
import type { ScenarioSource } from './parse';
import { sourceOf } from './parse';
import { kindModule } from './expectations/index';
import { suggest } from './fields';
import { resolveNeuron } from './neurons';
import type { Scenario } from './types';

export interface RefContext {
  /** Neuron ids of the circuit the scenario runs (SimulationApi.neuronIds); omitted = not checked yet. */
  neuronIds?: readonly string[];
  /** Built-in arena names, when known. */
  arenaNames?: readonly string[];
  /** Zone ids of the arena, when known. */
  zoneIds?: readonly string[];
}

/** Every neuron reference in the scenario with its path in the file form. */
export function neuronRefs(scenario: Scenario): Array<{ ref: string; path: Array<string | number> }> {
  const out: Array<{ ref: string; path: Array<string | number> }> = [];
  // Timeline paths count only non-wait items; map back to file indices when the source is known.
  scenario.timeline.forEach((item, i) => {
    const a = item.action;
    if (a.type === 'ablate') out.push({ ref: a.neuron, path: ['timeline', i, 'ablate', 'neuron'] });
    if (a.type === 'cut') out.push({ ref: a.from, path: ['timeline', i, 'cut', 'from'] }, { ref: a.to, path: ['timeline', i, 'cut', 'to'] });
    if (a.type === 'set') out.push({ ref: a.neuron, path: ['timeline', i, 'set', 'neuron'] });
    const t = item.when?.trigger;
    if (t?.on === 'neuron') out.push({ ref: t.neuron, path: ['timeline', i, 'when', 'neuron'] });
  });
  scenario.expect.forEach((e, i) => {
    for (const r of kindModule(e).refs?.(e) ?? []) if (r.neuron !== undefined) out.push({ ref: r.neuron, path: ['expect', i, e.kind, r.field] });
  });
  scenario.plot?.neurons.forEach((n, i) => out.push({ ref: n, path: ['plot', 'neurons', i] }));
  return out;
}

/** Throws a ScenarioError listing every reference the circuit or arena does not have. */
export function validateRefs(scenario: Scenario, ctx: RefContext): void {
  const src = sourceOf(scenario);
  const issues: ScenarioIssue[] = [];
  const add = (path: Array<string | number>, message: string, fix: string) => {
    const filePath = src ? toFilePath(path, src) : path;
    issues.push({ path: filePath, ...src?.locate(filePath), message, fix });
  };
  const ids = ctx.neuronIds;
  if (ids)
    for (const { ref, path } of neuronRefs(scenario)) {
      if (resolveNeuron(ref, ids).length > 0) continue;
      const near = suggest(ref, ids);
      add(path, `circuit "${scenario.circuit}" has no neuron or neuron class "${ref}"`, near ? `did you mean "${near}"?` : `its neurons: ${preview(ids)}`);
    }
  if (typeof scenario.arena === 'string' && ctx.arenaNames && !ctx.arenaNames.includes(scenario.arena)) {
    const near = suggest(scenario.arena, ctx.arenaNames);
    add(['arena'], `unknown arena "${scenario.arena}"`, `${near ? `did you mean "${near}"? ` : ''}built-in arenas: ${ctx.arenaNames.join(', ')}`);
  }
  const zones = ctx.zoneIds;
  if (zones)
    scenario.timeline.forEach((item, i) => {
      const t = item.when?.trigger;
      if (t?.on !== 'inZone' || zones.includes(t.zone)) return;
      const near = suggest(t.zone, zones);
      add(
        ['timeline', i, 'when', 'inZone'],
        `the arena has no zone "${t.zone}"`,
        `${near ? `did you mean "${near}"? ` : ''}zones: ${zones.join(', ') || '(none)'}`,
      );
    });
  if (zones)
    scenario.expect.forEach((e, i) => {
      for (const { zone, field } of kindModule(e).refs?.(e) ?? []) {
        if (zone === undefined || zones.includes(zone)) continue;
        const near = suggest(zone, zones);
        add(['expect', i, e.kind, field], `the arena has no zone "${zone}"`, `${near ? `did you mean "${near}"? ` : ''}zones: ${zones.join(', ') || '(none)'}`);
      }
    });
  if (issues.length > 0) throw new ScenarioError(src?.file ?? scenario.name, issues);
}

/**
 * Canonical timeline index → the file's index (the file also has wait items,
 * which the canonical timeline drops).
 */
function toFilePath(path: Array<string | number>, src: ScenarioSource): Array<string | number> {
  if (path[0] !== 'timeline' || typeof path[1] !== 'number') return path;
  return ['timeline', src.fileTimelineIndex(path[1]), ...path.slice(2)];
}

function preview(ids: readonly string[]): string {
  return ids.length <= 12 ? ids.join(', ') : `${ids.slice(0, 12).join(', ')}, … (${ids.length} in all)`;
}
