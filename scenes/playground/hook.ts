import type { RealTimeRunner } from '../../src/sim/runner';
import type { ChallengeRun } from '../challenges/runner';
import type { SceneProbe } from '../testing-hook';
import type { Toast } from '../ui/Toast';
import type { WorldCamera } from '../view/camera';
import type { NeuralView } from '../view/NeuralView';
import type { Oscilloscope } from '../view/Oscilloscope';
import type { GameSim } from '../sim-factory';
import type { PlateTools } from './PlateTools';
import type { ResultCard } from './ResultCard';

/** What the playground's test hook reads (getters: the scene's state changes as it runs). */
export interface PlaygroundHookParts {
  sim: GameSim;
  /** The real-time clock (pause, speed). */
  runner: RealTimeRunner;
  cam: WorldCamera;
  neural: NeuralView;
  scope: Oscilloscope;
  toast: Toast;
  tools: PlateTools;
  challengeId: string | null;
  run(): ChallengeRun | null;
  result(): ResultCard | null;
  follow(): boolean;
  plateRect(): { x: number; y: number; w: number; h: number };
  cost(): { simMs: number; drawMs: number };
  synapseCount(): number | null;
  /** Advance the simulation by ms (whole steps), let the challenge see it, redraw. */
  advance(ms: number): void;
  /** Run this circuit instead (the scene restarts). */
  loadCircuit(circuit: unknown): void;
  /** Extra fields (the recording). */
  extra?(): Record<string, unknown>;
}

/** window.neuroworm in the playground: the simulation, neuron positions in the neural view, and the scene's state (info). */
export function playgroundProbe(p: PlaygroundHookParts): SceneProbe {
  const { sim, cam } = p;
  return {
    simTimeMs: () => sim.timeMs,
    pose: () => {
      const pose = sim.telemetry().pose;
      const px: number[] = [];
      for (let i = 0; i < pose.length; i += 2) px.push(cam.screenX(pose[i]), cam.screenY(pose[i + 1]));
      return { mm: Array.from(pose), px };
    },
    activity: () => {
      const t = sim.telemetry();
      return { ids: [...sim.neuronIds], output: Array.from(t.output), v: Array.from(t.v) };
    },
    advance: (ms) => p.advance(ms),
    behaviour: () => ({ ...sim.behaviour() }),
    loadCircuit: (circuit) => p.loadCircuit(circuit),
    neuronScreen: (id) => p.neural.nodePosition(sim.neuronIds.indexOf(id)),
    announcements: () => [...p.toast.history],
    info: () => {
      const run = p.run();
      const result = p.result();
      const cost = p.cost();
      return {
        ...p.neural.stats,
        tool: p.tools.tool,
        speed: p.runner.speed,
        paused: p.runner.paused,
        challenge: p.challengeId,
        lastPoke: p.tools.lastPoke,
        follow: p.follow(),
        neuralLegend: p.neural.legendInfo,
        focus: p.neural.focused >= 0 ? sim.neuronIds[p.neural.focused] : null,
        scopeLegend: p.scope.legendInfo,
        resultCard: result ? { textBottom: result.textBottom, buttonsTop: result.buttonsTop } : null,
        camera: { centerXMm: cam.centerXMm, centerYMm: cam.centerYMm, pxPerMm: cam.pxPerMm },
        plateRect: { ...p.plateRect() },
        simMsPerFrame: cost.simMs,
        drawMsPerFrame: cost.drawMs,
        neurons: sim.neuronIds.length,
        synapses: p.synapseCount(),
        run: run ? { ...run.update() } : null,
        ...p.extra?.(),
      };
    },
  };
}
