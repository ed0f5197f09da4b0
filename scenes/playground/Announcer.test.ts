import { expect, test } from 'vitest';
import type { Announcement, Toast } from '../ui/Toast';
import { buildCircuitView } from '../view/circuit-view';
import { Announcer, type AnnouncerParts } from './Announcer';

// ALML ~ AVDL → AVAL → VA1: a touch raises all four, and a reversal follows a few steps later.
const view = buildCircuitView(
  ['ALML', 'AVDL', 'AVAL', 'VA1'],
  ['sensory', 'inter', 'inter', 'motor'],
  [
    { pre: 0, post: 1, kind: 1, sign: 0, weight: 1 },
    { pre: 1, post: 2, kind: 0, sign: 1, weight: 2 },
    { pre: 2, post: 3, kind: 0, sign: 1, weight: 2 },
  ],
);

test('a reversal raised inside one long frame names the pathway that rose in that frame', () => {
  const shown: Announcement[] = [];
  const announcer = new Announcer({
    toast: { announce: (a: Announcement) => shown.push(a) } as unknown as Toast,
    circuit: () => view,
  } as unknown as AnnouncerParts);
  const rest = new Float64Array(4);
  for (let t = 0; t <= 2000; t += 16) announcer.track(rest, t);
  // A slow frame (or fast-forward): the touch and the reversal 80 ms later happen between two frames,
  // so no frame has drawn the raised activity when the event arrives (before the fix: 'Reversal!' and no chain).
  announcer.onEvent({ type: 'reversal-start', timeMs: 2100 } as never, { output: new Float64Array([0.9, 0.8, 0.7, 0.6]), timeMs: 2100 });
  expect(shown).toEqual([{ title: 'Reversal!', chain: ['ALM', 'AVD', 'AVA', 'VA1'] }]);
  // Nothing rose: a spontaneous reversal names no pathway.
  const quiet = new Announcer({
    toast: { announce: (a: Announcement) => shown.push(a) } as unknown as Toast,
    circuit: () => view,
  } as unknown as AnnouncerParts);
  for (let t = 0; t <= 2000; t += 16) quiet.track(rest, t);
  quiet.onEvent({ type: 'reversal-start', timeMs: 2100 } as never, { output: rest, timeMs: 2100 });
  expect(shown[1]).toEqual({ title: 'Reversal!', chain: [] });
});
