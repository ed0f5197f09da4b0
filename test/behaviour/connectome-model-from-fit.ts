/**
 * A fitted connectome circuit written back as the importer's class model (worm-model.json): per-class parameters,
 * sizes, gap and chemical pathway scales and signs, touch gains and stretch gains, each read off the fit against the
 * plain import, then checked by importing with the new model and comparing with the fit (issue 18, session 18).
 *
 *   npx tsx test/behaviour/connectome-model-from-fit.ts FIT.circuit.json --size AVA=10 --why "TEXT" [--digits 6] [--out worm-model.json]
 *
 * --size: the classes the fit chain sized (cell-size.ts: their chemical inputs and membrane × k); without it the same
 * circuit comes back as a pathway scale per input and the membrane as class values, equal but unreadable. --why:
 * appended to the reason of every value the fit changed. --digits: significant digits of the scales and gains read off
 * the fit (default 6; 17 writes them exactly: at 6, connectome-crawl2's seed 1 crawled 0.0997 BL/s against the fit's
 * 0.1022, a 4e-6 change in its pathway scales). Without --out it only reports what would change and the check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importConnectome } from '../../src/circuits/connectome/import';
import { publishedTable, WORM_TABLES } from '../../src/circuits/connectome/published-tables';
import { applyWormModel, type WormModelFile, wormModelFromFile } from '../../src/circuits/connectome/worm-model';
import { classOf } from '../../src/evolve/classes';
import { gradedModel } from '../../src/neural/models/graded';
import type { CircuitDoc, SensorBinding } from '../../src/circuits/types';

const MODEL_FILE = join(import.meta.dirname, '..', '..', 'src', 'circuits', 'connectome', 'worm-model.json');
const SIZED = ['capacitance', 'gKNs', 'plateauNs'];
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const sizes: Record<string, number> = Object.fromEntries(
  (flag('--size') ?? '')
    .split(',')
    .filter(Boolean)
    .map((kv) => {
      const [c, v] = kv.split('=');
      return [c, Number(v)];
    }),
);
const why = flag('--why') ?? '';
const out = flag('--out');
const digits = Number(flag('--digits') ?? 6);
if (!Number.isInteger(digits) || digits < 1 || digits > 17) throw new Error(`--digits: must be a whole number 1..17; e.g. --digits 17`);
const [fitFile] = args;
if (!fitFile) throw new Error('usage: connectome-model-from-fit.ts FIT.circuit.json [--size AVA=10] [--why TEXT] [--digits 6] [--out FILE]');

const fit = JSON.parse(readFileSync(fitFile, 'utf8')) as CircuitDoc;
const base = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as WormModelFile;
const baseModel = wormModelFromFile(base);
const plain = importConnectome(WORM_TABLES.map(publishedTable), { classModel: false }).circuit.doc;
const k = (id: string) => sizes[classOf(id)] ?? 1;
/** The fields read here of a synapse (chemical or electrical) and of a sensor binding. */
type Syn = { from: string; to: string; kind: string; weight: number; sign?: 'excitatory' | 'inhibitory' };
const syns = (d: CircuitDoc) => (d.synapses ?? []) as unknown as Syn[];
const placeOf = (s: SensorBinding) => JSON.stringify([(s as { from?: number }).from, (s as { at?: number }).at]);
const num = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);
const modelDefault = (name: string): number | undefined => num(gradedModel.params[name]?.default);
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const r6 = (x: number) => Number(x.toPrecision(digits));
const note = (old: string) => (why ? `${old} ${why}` : old);
const changed: string[] = [];
const sameValues = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, v]) => b[key] === v);

// Class parameters: one value per class (every cell alike), sized ones back to the unsized cell.
const classes: Record<string, Record<string, number>> = {};
for (const n of fit.neurons) {
  if (n.model !== 'graded') continue;
  const c = classOf(n.id);
  const p: Record<string, number> = { ...(n.params as Record<string, number>) };
  for (const s of SIZED) if (sizes[c] && p[s] !== undefined) p[s] /= sizes[c];
  const seen = classes[c];
  if (seen && JSON.stringify(seen) !== JSON.stringify(p)) throw new Error(`${n.id}: its parameters differ from its class's`);
  classes[c] = p;
}
const newClasses: WormModelFile['classes'] = { ...base.classes };
for (const [c, p] of Object.entries(classes)) {
  const keep: Record<string, number> = {};
  const old = base.classes[c]?.value ?? {};
  for (const [name, v] of Object.entries(p)) {
    const dflt = num(baseModel.defaults[name]) ?? modelDefault(name);
    if (name in old || !(dflt !== undefined && near(v, dflt))) keep[name] = v;
  }
  if (Object.keys(keep).length === 0 || sameValues(keep, old)) continue;
  changed.push(`classes.${c}: ${JSON.stringify(old)} -> ${JSON.stringify(keep)}`);
  newClasses[c] = { value: keep, why: note(base.classes[c]?.why ?? `Class ${c}.`) };
}

// Pathway scales: the fit's weight over the plain import's × the global scale (and the target's size for chemicals).
const gapK = new Map<string, number>();
const chemK = new Map<string, { k: number; sign?: Syn['sign'] }>();
const plainSyn = new Map(syns(plain).map((s) => [`${s.from}|${s.to}|${s.kind}`, s]));
for (const s of syns(fit)) {
  const p = plainSyn.get(`${s.from}|${s.to}|${s.kind}`);
  if (!p) throw new Error(`${s.from} → ${s.to} (${s.kind}): not in the import`);
  const [a, b] = [classOf(s.from), classOf(s.to)];
  if (s.kind === 'electrical') {
    const key = [a, b].sort().join('|');
    const r = s.weight / (p.weight * baseModel.scales.gap);
    const seen = gapK.get(key);
    if (seen !== undefined && !near(seen, r)) throw new Error(`gap ${key}: ${seen} and ${r}`);
    gapK.set(key, r);
  } else {
    const key = `${a}|${b}`;
    const r = s.weight / (p.weight * baseModel.scales.chemical * k(s.to));
    const sign = s.sign !== p.sign ? s.sign : undefined;
    const seen = chemK.get(key);
    if (seen !== undefined && (!near(seen.k, r) || seen.sign !== sign)) throw new Error(`chemical ${key}: ${JSON.stringify(seen)} and ${r} ${sign}`);
    chemK.set(key, { k: r, ...(sign && { sign }) });
  }
}
const gaps = [...gapK].filter(([, r]) => !near(r, 1)).map(([key, r]) => ({ between: [key.split('|')[0]], and: [key.split('|')[1]], scale: r6(r) }));
const chemicals = [...chemK]
  .filter(([, v]) => !near(v.k, 1) || v.sign)
  .map(([key, v]) => ({ from: [key.split('|')[0]], to: [key.split('|')[1]], scale: r6(v.k), ...(v.sign && { sign: v.sign }) }));

// Touch gains (per sensory class) and stretch gains (per rule).
const sensorGains: WormModelFile['sensorGains'] = { ...base.sensorGains };
const plainSensors = plain.sensors ?? [];
const stretchGain = new Map<string, number>();
(fit.sensors ?? []).forEach((s: SensorBinding) => {
  const c = classOf(s.neuron);
  if (s.sensor === 'stretch') {
    stretchGain.set(c, s.gain / k(s.neuron));
    return;
  }
  // The fits' touch genes set the touch bindings only; the class model's gain is the touch cells' touch and tap alike.
  if (s.sensor !== 'touch') return;
  const p = plainSensors.find((x) => x.neuron === s.neuron && x.sensor === s.sensor && placeOf(x) === placeOf(s));
  if (!p) throw new Error(`${s.neuron} ${s.sensor}: not in the import`);
  const g = r6(s.gain / p.gain / k(s.neuron));
  const old = base.sensorGains[c];
  if (near(old?.value ?? 1, g)) return;
  sensorGains[c] = { value: g, why: note(old?.why ?? `Touch gain of ${c}.`) };
});
for (const [c, d] of Object.entries(sensorGains)) if (d !== base.sensorGains[c]) changed.push(`sensorGains.${c}: ${base.sensorGains[c]?.value} -> ${d.value}`);
const stretch = base.stretch.map((rule) => {
  const gains = new Set(rule.classes.map((c) => stretchGain.get(c)).filter((g) => g !== undefined));
  if (gains.size !== 1) throw new Error(`stretch rule ${rule.classes.join(',')}: the fit's gains ${[...gains].join(', ')}`);
  const g = r6([...gains][0]);
  if (near(g, rule.gain)) return rule;
  changed.push(`stretch ${rule.classes.join(',')}: ${rule.gain} -> ${g}`);
  return { ...rule, gain: g, why: note(rule.why) };
});

const file: WormModelFile = {
  ...base,
  classes: newClasses,
  sensorGains,
  stretch,
  ...(Object.keys(sizes).length && {
    sizes: Object.fromEntries(Object.entries(sizes).map(([c, v]) => [c, { value: v, why: note(base.sizes?.[c]?.why ?? `Class ${c} ×${v}.`) }])),
  }),
  ...(gaps.length && { gaps: gaps.map((g) => ({ ...g, why: note(`Gap junctions ${g.between} — ${g.and}.`) })) }),
  ...(chemicals.length && { chemicals: chemicals.map((c) => ({ ...c, why: note(`Chemical synapses ${c.from} → ${c.to}.`) })) }),
};
for (const g of gaps) changed.push(`gaps ${g.between} — ${g.and} × ${g.scale}`);
for (const c of chemicals) changed.push(`chemicals ${c.from} → ${c.to} × ${c.scale}${c.sign ? ` ${c.sign}` : ''}`);
console.log(changed.join('\n'));

// The check: the import with this model against the fit.
const again = applyWormModel(plain, wormModelFromFile(file));
let worst = 0;
let where = '';
const rel0 = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-12, Math.abs(a), Math.abs(b));
const rel = (a: number, b: number, at = '') => {
  const r = rel0(a, b);
  if (r > worst) where = at;
  return r;
};
fit.neurons.forEach((n, i) => {
  const m = again.neurons[i];
  for (const key of new Set([...Object.keys(n.params ?? {}), ...Object.keys(m.params ?? {})]))
    worst = Math.max(
      worst,
      rel((n.params as Record<string, number>)?.[key] ?? Number.NaN, (m.params as Record<string, number>)?.[key] ?? Number.NaN, `${n.id}.${key}`) || 0,
    );
});
syns(fit).forEach((s, i) => {
  const m = syns(again)[i];
  if (s.sign !== m.sign) throw new Error(`${s.from} → ${s.to}: sign ${s.sign} vs ${m.sign}`);
  worst = Math.max(worst, rel(s.weight, m.weight, `${s.from} → ${s.to}`));
});
const taps: string[] = [];
(fit.sensors ?? []).forEach((s, i) => {
  const g = (again.sensors ?? [])[i].gain;
  if (s.sensor === 'tap') {
    if (!near(s.gain, g)) taps.push(`${s.neuron} ${r6(s.gain)} -> ${r6(g)}`);
  } else worst = Math.max(worst, rel(s.gain, g, `${s.neuron} ${s.sensor}`));
});
if (taps.length) console.log(`tap gains follow the touch gains (the fit left them): ${taps.join(', ')}`);
console.log(`check: the import with this model against the fit, largest relative difference ${worst.toExponential(2)} (${where})`);
if (out) writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
