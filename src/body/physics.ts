import Matter from 'matter-js';
import { installBroadphase } from './broadphase';
import { installConstraintSolve } from './constraint-solve';
import { ownMapsOnAdd } from './own-maps';

// The same constraint step and broad phase without their garbage (constraint-solve.ts, broadphase.ts).
installConstraintSolve();
installBroadphase();

/**
 * A matter-js engine for a plate seen from above: no gravity, no sleeping,
 * more constraint iterations than matter's default 2 so the worm's links stay
 * tight. World walls and obstacles go into this same engine as static bodies
 * (sizes in matter units: see MATTER_UNITS_PER_MM).
 */
export function createPhysics(): Matter.Engine {
  const engine = Matter.Engine.create({
    gravity: { x: 0, y: 0, scale: 0 },
    enableSleeping: false,
    constraintIterations: 4,
    positionIterations: 6,
    velocityIterations: 4,
  });
  // Every body and constraint added keeps its numbers as doubles written in place (own-maps.ts).
  ownMapsOnAdd(engine.world);
  return engine;
}
