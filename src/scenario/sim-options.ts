/** The simulation a scenario asks for: circuit (loaded through the backend when it is a file), arena, seed, medium, start. */
import type { SimulationOptions } from '../sim/types';
import type { SimBackend } from './backend';
import type { Scenario } from './types';
import { isCircuitPath } from './types';

export function simulationOptions(scenario: Scenario, seed: number, backend: SimBackend, file?: string): SimulationOptions {
  const circuit = isCircuitPath(scenario.circuit)
    ? backend.loadCircuitFile(backend.circuitFilePath ? backend.circuitFilePath(scenario.circuit, file) : scenario.circuit)
    : scenario.circuit;
  return {
    circuit,
    ...(scenario.arena !== undefined && { arena: scenario.arena }),
    seed,
    ...(scenario.medium !== undefined && { medium: scenario.medium }),
    ...(scenario.individual !== undefined && { individual: scenario.individual }),
    ...(scenario.hoursOffFood !== undefined && { hoursOffFood: scenario.hoursOffFood }),
    ...(scenario.worm && { start: { xMm: scenario.worm.x, yMm: scenario.worm.y, headingRad: (scenario.worm.heading * Math.PI) / 180 } }),
  };
}
