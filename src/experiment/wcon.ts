/**
 * WCON 1.0 (Worm tracker Commons Object Notation, openworm/tracker-commons):
 * the JSON format OpenWorm's analysis toolbox and Tierpsy read worm tracks
 * from. One file per group; each worm is one data record with its id, times
 * (s) and the x and y of its body points (mm), head first, at each time.
 * validateWcon checks what the specification requires of a file, so what we
 * write is a WCON file and not merely JSON.
 */
import type { JobResult } from '../scenario/report';

export interface WconRecord {
  id: string;
  t: number[];
  x: number[][];
  y: number[][];
}

export interface WconDoc {
  units: Record<string, string>;
  metadata?: Record<string, unknown>;
  data: WconRecord[];
}

/** Body points are kept to 0.1 µm: far below any tracker's resolution, and it keeps the files small. */
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** The WCON document of one group's runs (those that recorded body points). */
export function toWcon(experiment: string, group: string, runs: readonly JobResult[], software: { name: string; version: string }): WconDoc {
  return {
    units: { t: 's', x: 'mm', y: 'mm' },
    metadata: {
      software: { name: software.name, version: software.version },
      protocol: [`simulated: experiment "${experiment}", group ${group}`, 'body points are the segment centres, head first'],
      '@neuroworm': { experiment, group, seeds: runs.filter((r) => r.poses).map((r) => r.seed) },
    },
    data: runs.flatMap((r) =>
      r.poses
        ? [
            {
              id: `${group}-seed${r.seed}`,
              t: r.poses.t.map((ms) => Math.round(ms) / 1000),
              x: r.poses.x.map((row) => row.map(round4)),
              y: r.poses.y.map((row) => row.map(round4)),
            },
          ]
        : [],
    ),
  };
}

/** What a WCON file must hold (units with t, x, y; data records with id, t, x, y of matching lengths; custom keys start with @). Returns the problems. */
export function validateWcon(doc: unknown): string[] {
  const problems: string[] = [];
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return ['a WCON file is a JSON object'];
  const d = doc as Record<string, unknown>;
  const known = new Set(['units', 'metadata', 'data', 'files']);
  for (const k of Object.keys(d)) if (!known.has(k) && !k.startsWith('@')) problems.push(`top-level key "${k}" is not WCON (custom keys start with @)`);
  const units = d.units as Record<string, unknown> | undefined;
  if (!units || typeof units !== 'object') problems.push('units is required');
  else for (const k of ['t', 'x', 'y']) if (typeof units[k] !== 'string') problems.push(`units.${k} is required (a unit such as "s" or "mm")`);
  if (!Array.isArray(d.data)) {
    problems.push('data is required (a list of records)');
    return problems;
  }
  d.data.forEach((rec: unknown, i) => {
    const r = rec as Record<string, unknown>;
    if (typeof r?.id !== 'string' && typeof r?.id !== 'number') problems.push(`data[${i}].id is required`);
    if (!Array.isArray(r?.t)) return void problems.push(`data[${i}].t is required (a list of times)`);
    const n = r.t.length;
    if (!r.t.every((v: unknown) => typeof v === 'number' && Number.isFinite(v))) problems.push(`data[${i}].t holds a value that is not a number`);
    for (let j = 1; j < n; j++) if ((r.t[j] as number) <= (r.t[j - 1] as number)) problems.push(`data[${i}].t is not increasing at ${j}`);
    for (const k of ['x', 'y']) {
      const v = r[k];
      if (!Array.isArray(v) || v.length !== n) problems.push(`data[${i}].${k} must have one entry per time (${n})`);
      else if (!v.every((row: unknown) => Array.isArray(row) && row.every((p) => typeof p === 'number' && Number.isFinite(p))))
        problems.push(`data[${i}].${k} must hold a list of numbers (body points) per time`);
    }
    const ry = r.y;
    if (Array.isArray(r.x) && Array.isArray(ry))
      r.x.forEach((row: unknown, j) => {
        const other: unknown = ry[j];
        if (Array.isArray(row) && Array.isArray(other) && row.length !== other.length) problems.push(`data[${i}]: x and y differ in length at time ${j}`);
      });
    for (const k of Object.keys(r))
      if (!['id', 't', 'x', 'y', 'ox', 'oy', 'cx', 'cy', 'head', 'ventral'].includes(k) && !k.startsWith('@'))
        problems.push(`data[${i}].${k} is not WCON (custom keys start with @)`);
  });
  return problems;
}
