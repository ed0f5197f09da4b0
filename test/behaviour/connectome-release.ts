/**
 * What DB's release ceiling buys the connectome worm (issue 18; docs/biology.md,
 * "Whole worm"): the default class model with DB's releaseMax raised, with AVA
 * intact and with AVAL/AVAR ablated, each class's summed muscle drive and the
 * crawl. By hand, before any refit.
 *
 *   npx tsx test/behaviour/connectome-release.ts [seed] [ceilings, e.g. 1,2.35,3.5]
 */
import { WORM_MODEL, type WormModel } from '../../src/circuits/connectome/worm-model';
import { inputBreakdown } from './connectome-inputs';
import { connectomeWorm, crawlOf, importWorm } from './connectome-measure';

/** The default class model with releaseMax set for the given classes. */
export function withCeilings(ceilings: Readonly<Record<string, number>>, base: WormModel = WORM_MODEL): WormModel {
  const classes = { ...base.classes };
  for (const [c, a] of Object.entries(ceilings)) classes[c] = { ...classes[c], releaseMax: a };
  return { ...base, classes };
}

const AVA = ['AVAL', 'AVAR'];
const sum = (m: Map<string, { head: number; body: number }>, cs: string[]) => cs.map((c) => m.get(c)?.body ?? 0);

if (process.argv[1]?.endsWith('connectome-release.ts')) {
  const seed = Number(process.argv[2] ?? 1);
  const ceilings = (process.argv[3] ?? '1,2.35,3.5').split(',').map(Number);
  const extra = JSON.parse(process.env.CEILINGS ?? '{}') as Record<string, number>;
  for (const a of ceilings) {
    const circuit = importWorm({ classModel: withCeilings({ ...extra, DB: a }) });
    for (const ablate of [[], AVA]) {
      const { sim } = connectomeWorm(circuit, seed, ablate);
      const b = inputBreakdown(circuit, sim, ['DB'], new Set(ablate));
      const c = crawlOf(connectomeWorm(circuit, seed, ablate).sim);
      const [da, db, as, dd] = sum(b.muscle, ['DA', 'DB', 'AS', 'DD']);
      const [vb, va, vd] = sum(b.muscle, ['VB', 'VA', 'VD']);
      const out = ['AVA', 'AVB', 'DA', 'DB', 'VB', 'DD', 'VD', 'AS'].map((k) => `${k} ${(b.output.get(k) ?? 0).toFixed(2)}`).join(' ');
      console.log(
        `DB x${a} ${ablate.length ? 'AVA ablated' : 'intact'} seed ${seed}: ${c.speed.toFixed(3)} BL/s, along ${c.along.toFixed(3)}, ${c.hz.toFixed(2)} Hz, dir ${c.direction}, lambda ${c.lambda.toFixed(2)} | dorsal DA ${da.toFixed(2)} + DB ${db.toFixed(2)} + AS ${as.toFixed(2)} ${dd.toFixed(2)} | ventral VB ${vb.toFixed(2)} + VA ${va.toFixed(2)} ${vd.toFixed(2)} | ${out}`,
      );
    }
  }
}
