import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Matter from 'matter-js';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation';
import { createPhysics } from './physics';
import { hasOwnMaps } from './own-maps';
import { WormBody } from './wormBody';

describe('own maps for what matter-js writes each step', () => {
  it('every body and constraint added to an engine of createPhysics gets them: arena walls, obstacles, the worm', () => {
    const sim = new Simulation({ circuit: 'worm', arena: 'maze', seed: 1 });
    const world = sim.body.engine.world;
    const bodies = Matter.Composite.allBodies(world);
    expect(bodies.filter((b) => b.isStatic).length).toBeGreaterThan(4);
    expect(bodies.filter((b) => !hasOwnMaps(b)).map((b) => b.label)).toEqual([]);
    expect(Matter.Composite.allConstraints(world).filter((c) => !hasOwnMaps(c))).toEqual([]);
    // Added later, alone or in a composite.
    const late = Matter.Bodies.rectangle(0, 0, 10, 10, { isStatic: true });
    Matter.Composite.add(world, late);
    expect(hasOwnMaps(late)).toBe(true);
  });

  it('change no bit of the motion: the same worm, poked against a wall, with and without them', () => {
    const run = (own: boolean): Float64Array => {
      const engine = createPhysics();
      if (!own) Matter.Events.off(engine.world, 'afterAdd', undefined as never);
      const body = new WormBody(engine, { segments: 20, headXMm: -0.35, headYMm: 0, headingRad: Math.PI });
      // Walls along both flanks, 5 µm off the widest point (matter units are 1/100 mm): the pokes press the body into them.
      const gap = 100 * (Math.max(...body.radii) + 0.005);
      for (const side of [-1, 1]) Matter.Composite.add(engine.world, Matter.Bodies.rectangle(0, side * (gap + 100), 400, 200, { isStatic: true }));
      expect(hasOwnMaps(body.parts[0])).toBe(own);
      const act = new Float64Array(40);
      let touched = 0;
      for (let s = 0; s < 400; s++) {
        for (let m = 0; m < 40; m++) act[m] = 0.5 + 0.5 * Math.sin(s / 15 + (m % 20) / 3 + (m < 20 ? 0 : Math.PI));
        body.setActivations(act);
        if (s % 60 === 0) body.poke(0.1 + (s / 400) * 0.8, s % 120 === 0 ? 1 : -1, 1, 'harsh');
        body.step(10);
        touched += body.contacts();
      }
      expect(touched).toBeGreaterThan(0);
      return body.positions();
    };
    const [a, b] = [run(true), run(false)];
    expect(Buffer.from(a.buffer)).toEqual(Buffer.from(b.buffer));
  });

  it('keep a `worm` step’s garbage small in a process that loaded the whole command (bench/alloc.ts)', () => {
    // A fresh process: V8 shares field representations across everything a process loaded, so the
    // measurement must not run inside the test runner's own (shared) module graph.
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/alloc.ts', '--quick', '--json', '--only', 'worm'], { cwd: root, encoding: 'utf8' });
    const [worm] = JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as { what: string; bytesPerStep: number }[];
    expect(worm.what).toBe('worm');
    // ~62 KB before matter's vectors kept double fields, ~15 KB with Math.hypot's builtin calls, ~4 KB with matter's sort, ~1.4 KB now.
    expect(worm.bytesPerStep).toBeLessThan(4_000);
  });
});
