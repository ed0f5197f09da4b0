/**
 * How the suites time things so the figures can be trusted on a shared
 * 2-core machine: each case warmed past its start-up (fresh kernels compile
 * and V8 optimises them over a fresh network's first ~250 steps), cases
 * alternated round by round (A B A B…, so a burst of other work hits both),
 * and the min and median of the repeats reported with CPU time beside wall
 * time (waiting for a core counts in wall time only).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export interface Timing {
  wallS: number;
  /** This process's CPU time (user + system, every thread), s. */
  cpuS: number;
  /** CPU time of each of the process's threads during the call, busiest first (Linux; empty elsewhere). */
  threadsCpuS: number[];
}

/** CPU ticks so far of every thread of this process, by thread id (Linux /proc; null where there is none). */
function threadTicks(): Map<string, number> | null {
  try {
    const out = new Map<string, number>();
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(tid, Number(f[11]) + Number(f[12])); // utime + stime
      } catch {
        // the thread ended meanwhile
      }
    }
    return out;
  } catch {
    return null;
  }
}

/** Per-thread CPU seconds between two readings, busiest first (USER_HZ is 100 on Linux). */
function threadDeltas(a: Map<string, number> | null, b: Map<string, number> | null): number[] {
  if (!a || !b) return [];
  return [...b].map(([tid, t]) => (t - (a.get(tid) ?? 0)) / 100).sort((x, y) => y - x);
}

export interface Spread {
  min: number;
  median: number;
  max: number;
  n: number;
}

/** Times one call. */
export function timed(fn: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wallS = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wallS, cpuS: (c.user + c.system) / 1e6, threadsCpuS: [] };
}

/** Times one async call (worker pools: their threads' CPU counts, they are this process's). */
export async function timedAsync(fn: () => Promise<unknown>): Promise<Timing> {
  const ticks = threadTicks();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wallS = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wallS, cpuS: (c.user + c.system) / 1e6, threadsCpuS: threadDeltas(ticks, threadTicks()) };
}

export function spread(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2, max: s[s.length - 1], n: s.length };
}

/** Runs every case once per round, `rounds` rounds, in alternating order (A B, B A, …); each case's timings in round order. */
export function alternate<K extends string>(cases: Record<K, () => void>, rounds: number): Record<K, Timing[]> {
  const names = Object.keys(cases) as K[];
  const out = Object.fromEntries(names.map((k) => [k, [] as Timing[]])) as Record<K, Timing[]>;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? names : [...names].reverse();
    for (const k of order) out[k].push(timed(cases[k]));
  }
  return out;
}

/**
 * The arguments of a script that times this tree against another checkout: the checkout's directory first, then
 * `--name value` options; exits with `usage` when the directory is missing.
 */
export function checkoutArgs(
  usage: string,
  argv: readonly string[] = process.argv.slice(2),
): { before: string; opt: (name: string, fallback: string) => string } {
  const before = argv[0];
  if (!before || before.startsWith('--')) {
    console.error(usage);
    process.exit(2);
  }
  const opt = (name: string, fallback: string): string => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : fallback;
  };
  return { before, opt };
}

/** Calls `a` and `b` once per round, `rounds` rounds, in alternating order (a b, b a, …), for callers that record their own figures. */
export function alternatePair(rounds: number, a: () => void, b: () => void): void {
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      a();
      b();
    } else {
      b();
      a();
    }
  }
}

/** The async form of `alternate`. */
export async function alternateAsync<K extends string>(cases: Record<K, () => Promise<unknown>>, rounds: number): Promise<Record<K, Timing[]>> {
  const names = Object.keys(cases) as K[];
  const out = Object.fromEntries(names.map((k) => [k, [] as Timing[]])) as Record<K, Timing[]>;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? names : [...names].reverse();
    for (const k of order) out[k].push(await timedAsync(cases[k]));
  }
  return out;
}

export interface Machine {
  node: string;
  cpus: number;
  cpu: string;
  loadavg: number[];
}

export function machine(): Machine {
  const c = cpus();
  return { node: process.version, cpus: c.length, cpu: c[0]?.model ?? '?', loadavg: loadavg() };
}

export const loadLine = (): string =>
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;

export function machineLine(m: Machine = machine()): string {
  return `node ${m.node}, ${m.cpus} × ${m.cpu}, load average ${m.loadavg.map((x) => x.toFixed(2)).join(' ')}`;
}

/** "min–median–max" of a spread with a formatter. */
export function range(s: Spread, f: (x: number) => string): string {
  return `${f(s.min)} (median ${f(s.median)}, max ${f(s.max)}, ${s.n} runs)`;
}
