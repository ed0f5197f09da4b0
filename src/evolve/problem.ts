/**
 * From a spec, its circuit and its scenarios to the problem the engine runs:
 * genes, topology, evaluation context. Everything that can be wrong with the
 * combination (a neuron the circuit lacks, a range outside a model's, a pool
 * neuron the validator refuses, a scenario naming a neuron the evolved
 * circuit will not have) is found here, before any simulation runs.
 * Browser-safe: the CLI reads files first (node/load.ts); the editor would
 * pass its circuit and scenarios directly.
 */
import { CircuitError } from '../circuits/errors';
import { formatPath } from '../text/diagnostics';
import type { Circuit, NeuronEntry } from '../circuits/types';
import { ScenarioError } from '../scenario/errors';
import { validateRefs } from '../scenario/refs';
import { circuitOf, MODELS, type Scenario } from './adapters';
import { shareKey } from './classes';
import type { EvolveProblem } from './engine';
import type { EvalContext } from './fitness';
import { GeneProblems, resolveGenes, selectNeurons, type SpecProblem } from './genes';
import type { LinkCandidate, Phenotype, Topology } from './phenotype';
import { hashText } from './seeds';
import type { EvolveSpec, TopologySpec } from './spec';

export class ProblemError extends Error {
  constructor(readonly problems: SpecProblem[]) {
    super(problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('\n'));
    this.name = 'ProblemError';
  }
}

function resolveTopology(circuit: Circuit, t: TopologySpec, problems: SpecProblem[]): Topology {
  const baseIds = circuit.doc.neurons.map((n) => n.id);
  const poolIds = t.pool.map((n) => n.id);
  t.pool.forEach((n, k) => {
    if (baseIds.includes(n.id))
      problems.push({
        path: ['topology', 'pool', k, 'id'],
        message: `pool neuron ${n.id} is already in the circuit`,
        fix: 'give the pool neuron a new id, or drop it from the pool',
      });
  });
  // The pool must pass the circuit validator: check it once with every pool neuron added.
  // (Neurons whose id clashes are reported above, not again by the validator.)
  const fresh = t.pool.map((n, k) => ({ n, k })).filter(({ n }) => !baseIds.includes(n.id));
  if (fresh.length > 0)
    try {
      circuitOf({ ...circuit.doc, neurons: [...circuit.doc.neurons, ...fresh.map(({ n }) => n as NeuronEntry)] }, 'topology pool');
    } catch (e) {
      if (!(e instanceof CircuitError)) throw e;
      for (const iss of e.issues) {
        const m = /^neurons\[(\d+)\](.*)$/.exec(formatPath(iss.path));
        const k = m ? (fresh[Number(m[1]) - baseIds.length]?.k ?? -1) : -1;
        problems.push({
          path: k >= 0 ? ['topology', 'pool', k] : ['topology', 'pool'],
          message: `${k >= 0 ? `${t.pool[k].id}${m![2]}` : iss.where}: ${iss.message}`,
          fix: 'a pool neuron is written as a neuron of a circuit file (docs/circuit-format.md)',
        });
      }
    }
  const ids = [...baseIds, ...poolIds.filter((id) => !baseIds.includes(id))];
  // Named groups first: each of their cells belongs to that group; every other cell groups by share.
  const groupOf = new Map<string, string>();
  const groupCells = new Map<string, string[]>();
  for (const [name, refs] of Object.entries(t.groups)) {
    const path = ['topology', 'groups', name];
    if (ids.includes(name)) problems.push({ path, message: `group name "${name}" is also a neuron`, fix: 'give the group another name' });
    const { ids: got, unknown } = selectNeurons(refs, ids);
    for (const u of unknown)
      problems.push({ path, message: `neither the circuit nor the pool has a neuron or class "${u}"`, fix: 'use neurons of the circuit or of the pool' });
    for (const id of got) {
      const other = groupOf.get(id);
      if (other !== undefined) problems.push({ path, message: `${id} is in groups ${other} and ${name}`, fix: 'put each cell in one group' });
      groupOf.set(id, name);
    }
    groupCells.set(name, got);
  }
  const keyOf = (id: string) => groupOf.get(id) ?? shareKey(id, t.share);
  const candidates: LinkCandidate[] = [];
  const seen = new Set<string>();
  const named = new Set<string>(poolIds);
  t.links.forEach((scope, i) => {
    const pick = (refs: readonly string[], end: 'from' | 'to') => {
      const plain = refs.filter((r) => !groupCells.has(r));
      const { ids: got, unknown } = selectNeurons(plain, ids);
      for (const r of refs) for (const id of groupCells.get(r) ?? []) got.push(id);
      for (const id of got) named.add(id);
      for (const u of unknown)
        problems.push({
          path: ['topology', 'links', i, end],
          message: `neither the circuit nor the pool has a neuron, class or group "${u}"`,
          fix: `use neurons of the circuit or of the pool${groupCells.size ? `, or a group (${[...groupCells.keys()].join(', ')})` : ''}`,
        });
      return [...new Set(got.map(keyOf))];
    };
    const from = pick(scope.from, 'from');
    const to = pick(scope.to, 'to');
    for (const a of from)
      for (const b of to) {
        if (scope.kind === 'electrical' && a === b) continue;
        const [x, y] = scope.kind === 'electrical' && b < a ? [b, a] : [a, b];
        const k = `${scope.kind}:${x}>${y}`;
        if (seen.has(k)) continue;
        seen.add(k);
        candidates.push({ kind: scope.kind, from: x, to: y });
      }
  });
  if (candidates.length === 0 && t.links.length > 0 && problems.length === 0)
    problems.push({ path: ['topology', 'links'], message: 'the link scopes allow no link', fix: 'name neurons the links may join' });
  const members: Record<string, string[]> = {};
  for (const id of ids) {
    if (!named.has(id)) continue;
    const k = keyOf(id);
    (members[k] ??= []).push(id);
  }
  return {
    members,
    share: t.share,
    weight: { lo: t.weight.range[0], hi: t.weight.range[1], scale: t.weight.scale },
    signFree: t.sign === 'free',
    candidates,
    pool: t.pool as NeuronEntry[],
  };
}

/** The engine's problem for a spec, its loaded circuit and scenarios (in the spec's order). Throws ProblemError listing every problem. */
export function buildProblem(spec: EvolveSpec, circuit: Circuit, scenarios: Scenario[]): EvolveProblem {
  const problems: SpecProblem[] = [];
  let genes: Phenotype['genes'] = [];
  try {
    genes = resolveGenes(circuit, spec.free, MODELS);
  } catch (e) {
    if (!(e instanceof GeneProblems)) throw e;
    problems.push(...e.problems);
  }
  const topology = spec.topology ? resolveTopology(circuit, spec.topology, problems) : undefined;
  if (topology?.weight && topology.weight.lo < 0)
    problems.push({ path: ['topology', 'weight', 'range'], message: 'link weights cannot be negative', fix: 'weights are ≥ 0; the sign is evolved apart' });
  const ids = [...circuit.doc.neurons.map((n) => n.id), ...(topology?.pool.map((n) => n.id) ?? [])];
  scenarios.forEach((s, i) => {
    try {
      validateRefs(s, { neuronIds: ids });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      problems.push({
        path: ['fitness', 'scenarios', i],
        message: `the scenario does not fit the evolved circuit:\n${e.message}`,
        fix: 'name neurons the circuit (or the pool) has',
      });
    }
  });
  if (problems.length > 0) throw new ProblemError(problems);
  const phenotype: Phenotype = { base: circuit.doc, genes, ...(topology && { topology }) };
  const body = { scenarios, unstable: spec.fitness.unstable, phenotype };
  const context: EvalContext = { id: hashText(JSON.stringify(body)), ...body };
  return { spec, context, weights: spec.fitness.scenarios.map((s) => s.weight) };
}
