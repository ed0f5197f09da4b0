/**
 * Summarises V8 CPU profiles (`node --cpu-prof`, one .cpuprofile per thread):
 * self time by function (name, file:line) and by kind — garbage collection,
 * V8's own work on the thread ("(program)": compiling, parsing, the runtime),
 * idle, and JavaScript by source file — so a profile of each pool worker
 * says where its time goes without opening DevTools.
 *
 *   node --cpu-prof --cpu-prof-dir=prof --import tsx bench/sim.ts
 *   npx tsx bench/profile-summary.ts prof/*.cpuprofile [--top 25] [--within step]
 *
 * --within NAME: also the inclusive time of every function called under the
 * functions named NAME (e.g. `step`, the Simulation's), as shares of NAME's
 * own inclusive time: where a step goes, start-up left out.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time (µs) per node id: the time deltas attributed to each sample's node. */
function selfTimes(p: Profile): Map<number, number> {
  const t = new Map<number, number>();
  for (let k = 0; k < p.samples.length; k++) {
    const dt = p.timeDeltas[k + 1] ?? 0;
    t.set(p.samples[k], (t.get(p.samples[k]) ?? 0) + dt);
  }
  return t;
}

function kindOf(n: ProfileNode): string {
  const { functionName, url } = n.callFrame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return 'V8 itself (compile, parse, runtime)';
  if (!url) return functionName || '(anonymous, no file: kernels made by new Function)';
  const m = /\/(src|bench|node_modules\/[^/]+)\/(.*)$/.exec(url);
  return m ? `${m[1]}/${m[2].split('/')[0]}` : basename(url);
}

export function summarise(file: string, top: number): string[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const self = selfTimes(p);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byNode = new Map(p.nodes.map((n) => [n.id, n]));
  const byKind = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byNode.get(id);
    if (!n) continue;
    byKind.set(kindOf(n), (byKind.get(kindOf(n)) ?? 0) + us);
    const { functionName, url, lineNumber } = n.callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? `${basename(url)}:${lineNumber + 1}` : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const sorted = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  return [
    `${basename(file)}: ${(total / 1e6).toFixed(2)} s sampled`,
    '  by kind:',
    ...sorted(byKind, 12).map(([k, us]) => `  ${pct(us)}  ${k}`),
    `  top ${top} functions (self time):`,
    ...sorted(byFn, top).map(([k, us]) => `  ${pct(us)}  ${k}`),
  ];
}

/**
 * Inclusive time of each function (name and file) under the nodes named `root`,
 * as a share of those nodes' inclusive time; a function that recurses counts once.
 */
export function within(file: string, root: string, top: number): string[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const self = selfTimes(p);
  const byNode = new Map(p.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<number, number>();
  const total = (id: number): number => {
    const n = byNode.get(id);
    let t = self.get(id) ?? 0;
    for (const c of n?.children ?? []) t += total(c);
    inclusive.set(id, t);
    return t;
  };
  total(p.nodes[0].id);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? basename(n.callFrame.url) : ''}`;
  const byFn = new Map<string, number>();
  let rootUs = 0;
  const walk = (id: number, under: boolean, seen: ReadonlySet<string>): void => {
    const n = byNode.get(id);
    if (!n) return;
    const isRoot = !under && n.callFrame.functionName === root;
    if (isRoot) rootUs += inclusive.get(id) ?? 0;
    const inside = under || isRoot;
    const k = key(n);
    let next = seen;
    if (inside && !seen.has(k)) {
      byFn.set(k, (byFn.get(k) ?? 0) + (inclusive.get(id) ?? 0));
      next = new Set(seen).add(k);
    }
    for (const c of n.children ?? []) walk(c, inside, next);
  };
  walk(p.nodes[0].id, false, new Set());
  if (rootUs === 0) return [`  no function named ${root} in ${basename(file)}`];
  return [
    `  inclusive time within ${root} (${(rootUs / 1e6).toFixed(2)} s):`,
    ...[...byFn]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${((100 * us) / rootUs).toFixed(1).padStart(5)} %  ${k}`),
  ];
}

const files = process.argv.slice(2).filter((a) => a.endsWith('.cpuprofile'));
const at = process.argv.indexOf('--top');
const top = at > 0 ? Number(process.argv[at + 1]) : 20;
if (files.length === 0) {
  console.error('usage: npx tsx bench/profile-summary.ts FILE.cpuprofile [...] [--top N] [--within FUNCTION]');
  process.exit(2);
}
const w = process.argv.indexOf('--within');
for (const f of files) {
  console.log(summarise(f, top).join('\n'));
  if (w > 0) console.log(within(f, process.argv[w + 1], top).join('\n'));
}
