/**
 * Summarises V8 CPU profiles (`node --cpu-prof`, one .cpuprofile per thread):
 * self time by function (name, file:line) and by kind — garbage collection,
 * V8's own work on the thread ("(program)": compiling, parsing, the runtime),
 * idle, and JavaScript by source file — so a profile of each pool worker
 * says where its time goes without opening DevTools.
 *
 *   node --cpu-prof --cpu-prof-dir=prof --import tsx bench/sim.ts
 *   npx tsx bench/profile-summary.ts prof/*.cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
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

const files = process.argv.slice(2).filter((a) => a.endsWith('.cpuprofile'));
const at = process.argv.indexOf('--top');
const top = at > 0 ? Number(process.argv[at + 1]) : 20;
if (files.length === 0) {
  console.error('usage: npx tsx bench/profile-summary.ts FILE.cpuprofile [...] [--top N]');
  process.exit(2);
}
for (const f of files) console.log(summarise(f, top).join('\n'));
