import type { ScenarioSim } from '../../src/scenario/backend';
import type { Simulation } from '../../src/sim/simulation';

/** The simulation with a hook after each step (a scenario runner sees the same object, its step observed). */
export function watched(sim: Simulation, after: (s: Simulation) => void): ScenarioSim {
  return new Proxy(sim, {
    get(target, key) {
      if (key === 'step')
        return () => {
          target.step();
          after(target);
        };
      const v = Reflect.get(target, key, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  }) as unknown as ScenarioSim;
}
