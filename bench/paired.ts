/**
 * Paired before/after figures from two files of bench/connectome-worm.ts
 * output, each line one process: the runs of A and B were alternated
 * (A B A B …, e.g. by farm-bench --vs), so line k of A and line k of B ran
 * side by side and their ratio is taken pair by pair. Prints each side's
 * min and median "× real time per CPU second", the median and range of the
 * paired ratios A/B, and whether every run printed the same V hash (and pose
 * hash, where the bench prints one).
 *
 *   farm-bench -n 8 --vs "sh -c 'cd BEFORE && exec npx tsx bench/connectome-worm.ts >>/tmp/B.txt 2>&1'" \
 *     -- sh -c 'cd AFTER && exec npx tsx bench/connectome-worm.ts >>/tmp/A.txt 2>&1'
 *   npx tsx bench/paired.ts /tmp/A.txt /tmp/B.txt [--skip 1]
 *
 * --skip N drops each file's first N lines (farm-bench's warm-up runs: 1 by default).
 */
import { readFileSync } from 'node:fs';

const LINE = /([\d.]+)× real time per CPU second.*V hash ([0-9a-f]+)(?:, pose hash ([0-9a-f]+))?/;

function runs(file: string, skip: number): { factor: number; hash: string }[] {
  const out: { factor: number; hash: string }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = LINE.exec(line);
    if (m) out.push({ factor: Number(m[1]), hash: m[3] ? `${m[2]}, pose ${m[3]}` : m[2] });
  }
  if (out.length <= skip) throw new Error(`${file}: ${out.length} bench lines, need more than --skip ${skip}; is it bench/connectome-worm.ts output?`);
  return out.slice(skip);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

const args = process.argv.slice(2);
const at = args.indexOf('--skip');
const skip = at >= 0 ? Number(args[at + 1]) : 1;
if (!Number.isInteger(skip) || skip < 0) throw new Error(`--skip must be a whole number ≥ 0 (warm-up lines to drop), got ${args[at + 1]}`);
const files = args.filter((a, k) => !a.startsWith('--') && (at < 0 || k !== at + 1));
if (files.length !== 2) {
  console.error('usage: npx tsx bench/paired.ts AFTER.txt BEFORE.txt [--skip 1]');
  process.exit(2);
}
const [a, b] = files.map((f) => runs(f, skip));
const n = Math.min(a.length, b.length);
const ratios = Array.from({ length: n }, (_, k) => a[k].factor / b[k].factor);
const side = (name: string, r: { factor: number }[]) => {
  const f = r.map((x) => x.factor);
  return `${name}: ${r.length} runs, min ${Math.min(...f).toFixed(1)}×, median ${median(f).toFixed(1)}×, max ${Math.max(...f).toFixed(1)}×`;
};
console.log(side('A (after)', a));
console.log(side('B (before)', b));
console.log(`paired A/B over ${n} pairs: median ${median(ratios).toFixed(3)}, range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}`);
const hashes = new Set([...a, ...b].map((r) => r.hash));
console.log(hashes.size === 1 ? `V (and pose) hash the same in every run: ${[...hashes][0]}` : `hashes DIFFER: ${[...hashes].join(' / ')}`);
