import { describe, expect, it } from 'vitest';
import { RealTimeRunner, type ViewFrame } from './runner';
import { Simulation } from './simulation';
import { touchCircuit } from './test-circuits';

describe('RealTimeRunner', () => {
  it('follows real time × speed in whole steps, carries the remainder, stops while paused and caps catch-up', () => {
    const sim = new Simulation({ circuit: touchCircuit() });
    const runner = new RealTimeRunner(sim);
    runner.advance(25);
    expect(sim.timeMs).toBe(20); // 5 ms carried
    runner.advance(5);
    expect(sim.timeMs).toBe(30);
    runner.setSpeed(2);
    runner.advance(10);
    expect(sim.timeMs).toBe(50);
    runner.setSpeed(1);
    runner.pause();
    expect(runner.paused).toBe(true);
    runner.advance(1000);
    expect(sim.timeMs).toBe(50);
    runner.step(); // a single step ignores pause, and so does the engine's own run
    sim.run(10);
    expect(sim.timeMs).toBe(70);
    runner.resume();
    runner.advance(5); // nothing carried over from the paused advance
    expect(sim.timeMs).toBe(70);
    runner.advance(10_000); // a 10 s hitch: at most 250 ms of catch-up
    expect(sim.timeMs).toBe(70 + 250);
    runner.setSpeed(4);
    runner.advance(10_000); // at speed 4 the cap is 4 × 250 ms
    expect(sim.timeMs).toBe(70 + 250 + 1000);
    // Bad clock input is refused instead of poisoning the carry (a NaN carry never steps again).
    expect(() => runner.advance(Number.NaN)).toThrow(/realMs = NaN must be a finite number ≥ 0/);
    expect(() => runner.advance(-5)).toThrow(/realMs/);
    expect(() => runner.setSpeed(Number.POSITIVE_INFINITY)).toThrow(/speed = Infinity/);
    runner.setSpeed(1);
    runner.advance(10);
    expect(sim.timeMs).toBe(70 + 250 + 1000 + 10);
  });

  it('emits one frame per call with the simulated time it stands for, and every spike since the last frame', () => {
    const sim = new Simulation({ circuit: touchCircuit(), neuralNoisePa: 0 });
    // Graded neurons never spike: script the flags (before the runner subscribes, so it reads them): the middle step of three spikes.
    const spikes = [0, 1, 0];
    let k = 0;
    sim.telemetry$.subscribe((t) => {
      t.spiked.fill(0);
      t.spiked[2] = spikes[k++ % 3];
    });
    const runner = new RealTimeRunner(sim);
    const frames: { t: number; dtMs: number; steps: number; spiked: number[] }[] = [];
    runner.frames$.subscribe((f: ViewFrame) => frames.push({ t: f.telemetry.timeMs, dtMs: f.dtMs, steps: f.steps, spiked: Array.from(f.spiked) }));
    runner.advance(30);
    expect(frames).toEqual([{ t: 30, dtMs: 30, steps: 3, spiked: [0, 0, 1] }]);
    runner.pause();
    runner.advance(16);
    runner.step();
    expect(frames.slice(1)).toEqual([
      { t: 30, dtMs: 0, steps: 0, spiked: [0, 0, 0] },
      { t: 40, dtMs: 0, steps: 1, spiked: [0, 0, 0] },
    ]);
    runner.dispose();
    runner.step();
    expect(frames).toHaveLength(3);
  });
});
