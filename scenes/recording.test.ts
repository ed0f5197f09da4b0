import { describe, expect, test } from 'vitest';
import { recordToYaml } from '../src/scenario/record';
import { parseScenario } from '../src/scenario/parse';
import { runScenario } from '../src/scenario/runner';
import { simBackend } from '../src/scenario/backend';
import { RealTimeRunner } from '../src/sim/runner';
import { PlayRecorder } from './recording';
import { createLinkedSimulation } from './sim-factory';

/** ~60 frames a second of wall time, as the playground advances its worm. */
const FRAME_MS = 16.7;

describe('a recording of play replays as a scenario, step for step', () => {
  test.each([1, 2])('seed %i: pokes, a nudge, a tap, food, heat, water and an ablation — the scenario ends where the game did', (seed) => {
    // The playground's own factory, circuit and arena.
    const { sim } = createLinkedSimulation({ circuit: 'worm', arena: 'plate', seed });
    const rec = new PlayRecorder(sim, { circuit: 'worm', arena: 'plate', seed });
    const runner = new RealTimeRunner(sim);
    const head = (): [number, number] => [sim.telemetry().pose[0], sim.telemetry().pose[1]];
    for (let frame = 1; frame <= 600; frame++) {
      runner.advance(FRAME_MS);
      const [hx, hy] = head();
      if (frame === 60) sim.poke({ xMm: hx, yMm: hy }, { kind: 'gentle' });
      if (frame === 150) sim.poke({ xMm: hx + 0.01, yMm: hy }, { kind: 'harsh' });
      if (frame === 220) sim.poke(0.6, { side: 'right', kind: 'harsh', force: 0.43 }); // a drag on the body
      if (frame === 300) sim.tapPlate(0.6);
      if (frame === 360) {
        sim.dropFood(hx + 1, hy);
        rec.food(hx + 1, hy);
      }
      if (frame === 420) {
        sim.heatSpot(hx - 1, hy, 6, 0.4);
        rec.heat(hx - 1, hy, 6, 0.4);
      }
      if (frame === 480) {
        sim.setMedium('water');
        rec.medium('water');
      }
      if (frame === 520) {
        sim.ablate('AVB');
        rec.ablate('AVB');
      }
    }
    const file = rec.toFile();
    rec.dispose();
    runner.dispose();
    expect(file.actions.map((a) => a.action)).toEqual(['poke', 'poke', 'poke', 'tap', 'food', 'heat', 'medium', 'ablate']);
    expect(file.durationMs).toBe(sim.timeMs);

    // What the CLI does: recording JSON → scenario YAML → a run.
    const yaml = recordToYaml(JSON.stringify(file), { name: 'played' }, 'play.json');
    const { report, recording } = runScenario(parseScenario(yaml, 'played.scenario.yaml'), { backend: simBackend });
    expect(report.error).toBeUndefined();
    const last = recording.count - 1;
    expect(recording.t[last]).toBe(sim.timeMs);
    const [hx, hy] = head();
    expect(recording.hx[last]).toBe(hx);
    expect(recording.hy[last]).toBe(hy);
  });
});
