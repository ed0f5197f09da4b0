/** The markdown rows the measuring scripts print for docs/biology.md's tables (gait-table.ts, worm-table.ts, conductance-table.ts). */
import type { Gait } from './gait';
import type { tailTouchDuringReversal } from './touch-trials';

/** "mean (min–max)" of the finite values; NaN/Infinity (no event) counted as "k of n none". */
export function fmt(xs: readonly number[], d = 2): string {
  const ok = xs.filter(Number.isFinite);
  if (ok.length === 0) return 'none';
  const m = ok.reduce((a, b) => a + b, 0) / ok.length;
  const missing = xs.length - ok.length;
  return `${m.toFixed(d)} (${Math.min(...ok).toFixed(d)}–${Math.max(...ok).toFixed(d)})${missing ? `, ${missing} of ${xs.length} none` : ''}`;
}

/** One row: the label and fmt of the values. */
export function row(what: string, xs: readonly number[], d = 2): void {
  console.log(`| ${what} | ${fmt(xs, d)} |`);
}

/** The gait rows, agar then water, one value per worm: Hz, λ, speed, and the water/agar frequency ratio. */
export function gaitRows(agar: readonly Gait[], water: readonly Gait[]): void {
  for (const [medium, gs] of [
    ['agar', agar],
    ['water', water],
  ] as const) {
    row(
      `${medium} Hz`,
      gs.map((g) => g.hz),
    );
    row(
      `${medium} λ (BL)`,
      gs.map((g) => g.lambda),
    );
    row(
      `${medium} speed (BL/s)`,
      gs.map((g) => g.speed),
      3,
    );
  }
  row(
    'ratio water/agar Hz',
    agar.map((g, i) => water[i].hz / g.hz),
  );
}

/** The rows of tailTouchDuringReversal, one trial per worm: when the reversal ends with and without the tail touch, and the backward travel's ratio. */
export function tailTouchRows(tail: readonly ReturnType<typeof tailTouchDuringReversal>[]): void {
  row(
    'tail touch 1.2 s into a reversal: forward after (s)',
    tail.map((t) => t.touched.endS),
  );
  row(
    '… without the tail touch (s)',
    tail.map((t) => t.alone.endS),
  );
  row(
    '… backward travel touched / untouched',
    tail.map((t) => t.touched.mm / t.alone.mm),
  );
}
