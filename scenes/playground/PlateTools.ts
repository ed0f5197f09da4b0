import type Phaser from 'phaser';
import type { ChallengeRun } from '../challenges/runner';
import type { PlayRecorder } from '../recording';
import type { GameSim, LinkedSimulation } from '../sim-factory';
import type { Toast } from '../ui/Toast';
import { palette } from '../ui/theme';
import type { ArenaView } from '../view/arena-view';
import type { WorldCamera } from '../view/camera';
import type { WormRenderer } from '../view/WormRenderer';
import type { LastPoke } from './Announcer';

export type Tool = 'touch' | 'poke' | 'food' | 'heat' | 'tap' | 'ablate';
export const TOOLS: readonly { tool: Tool; label: string; key: string; tip: string }[] = [
  { tool: 'touch', label: 'Touch', key: 'T', tip: 'Gentle touch where you click (T)' },
  { tool: 'poke', label: 'Poke', key: 'P', tip: 'Harsh poke (P); or hold / shift-click / right-click' },
  { tool: 'food', label: 'Food', key: 'F', tip: 'Drop a bacterial lawn (F)' },
  { tool: 'heat', label: 'Heat', key: 'X', tip: 'Heat a spot (X)' },
  { tool: 'tap', label: 'Tap plate', key: 'A', tip: 'Tap the plate: a vibration the whole worm feels (A)' },
  { tool: 'ablate', label: 'Ablate', key: 'K', tip: 'Kill a neuron with the laser: click it in the neural view (K); Ctrl+Z undoes' },
];

/** Heat tool: +°C at the centre, falling to 0 at the radius (mm). */
const HEAT_DELTA_C = 6;
const HEAT_RADIUS_MM = 0.4;

export interface PlateToolParts {
  scene: Phaser.Scene;
  cam: WorldCamera;
  worm: WormRenderer;
  toast: Toast;
  sim(): GameSim | null;
  linked(): LinkedSimulation | null;
  run(): ChallengeRun | null;
  onPlate(p: Phaser.Input.Pointer): boolean;
  /** The view moved (pan): lay the plate out again and redraw. */
  viewMoved(): void;
  /** The arena changed (food, heat): repaint it, with these heat spots added. */
  repaintArena(heatSpots: NonNullable<ArenaView['zones']>): void;
  /** No arena from the simulation: draw a dropped lawn by hand. */
  addFood(x: number, y: number): void;
  /** Notes food and heat for the recording (touches it takes from the simulation's stimuli). */
  recorder(): PlayRecorder | null;
}

/**
 * The plate's pointer: a click applies the current tool (touch, poke, food,
 * heat, tap); a drag that starts on the worm nudges it; a drag elsewhere pans.
 */
export class PlateTools {
  tool: Tool = 'touch';
  lastPoke: LastPoke | null = null;
  private heatSpots: NonNullable<ArenaView['zones']>[number][] = [];
  private drag: { x: number; y: number; moved: boolean; downAt: number; nudge: { s: number; x0: number; y0: number } | null } | null = null;
  private readonly arrow: Phaser.GameObjects.Graphics;

  constructor(private readonly p: PlateToolParts) {
    const { scene } = p;
    this.arrow = scene.add.graphics().setDepth(13);
    scene.input.on('pointerdown', (ptr: Phaser.Input.Pointer) => {
      if (!p.onPlate(ptr)) return;
      // A drag that starts on the worm nudges it; anywhere else it pans.
      const hit = p.sim() ? p.worm.hit(ptr.x, ptr.y) : null;
      const nudge = hit && hit.distPx <= 8 + (hit.insideBody ? 0 : 4) ? { s: hit.s, x0: ptr.x, y0: ptr.y } : null;
      this.drag = { x: ptr.x, y: ptr.y, moved: false, downAt: scene.time.now, nudge };
    });
    scene.input.on('pointermove', (ptr: Phaser.Input.Pointer) => {
      if (!this.drag || !ptr.isDown) return;
      const dx = ptr.x - this.drag.x;
      const dy = ptr.y - this.drag.y;
      if (!this.drag.moved && Math.hypot(dx, dy) < 6) return;
      this.drag.moved = true;
      if (this.drag.nudge) {
        drawArrow(this.arrow, this.drag.nudge.x0, this.drag.nudge.y0, ptr.x, ptr.y);
        return;
      }
      p.cam.panByPx(dx, dy);
      this.drag.x = ptr.x;
      this.drag.y = ptr.y;
      p.viewMoved();
    });
    scene.input.on('pointerup', (ptr: Phaser.Input.Pointer) => {
      const d = this.drag;
      this.drag = null;
      this.arrow.clear();
      if (d?.nudge && d.moved) this.nudge(d.nudge, ptr.x, ptr.y);
      else if (d && !d.moved) this.apply(ptr, scene.time.now - d.downAt);
    });
  }

  private apply(ptr: Phaser.Input.Pointer, heldMs: number): void {
    const sim = this.p.sim();
    if (!sim || !this.p.onPlate(ptr)) return;
    const x = this.p.cam.worldX(ptr.x);
    const y = this.p.cam.worldY(ptr.y);
    switch (this.tool) {
      case 'food': {
        const l = this.p.linked();
        this.p.run()?.noteFood();
        if (l?.isFree && !l.isFree(x, y)) {
          this.p.toast.announce({ title: 'No room for food there', detail: 'Drop it on open agar, not on a wall or off the plate.', kind: 'warn' });
          break;
        }
        sim.dropFood(x, y);
        this.p.recorder()?.food(x, y);
        if (l?.currentArena) this.p.repaintArena(this.heatSpots);
        else this.p.addFood(x, y);
        break;
      }
      case 'heat':
        sim.heatSpot(x, y, HEAT_DELTA_C, HEAT_RADIUS_MM);
        this.p.recorder()?.heat(x, y, HEAT_DELTA_C, HEAT_RADIUS_MM);
        this.heatSpots.push({ id: `heat-${this.heatSpots.length + 1}`, kind: 'heat', shape: { kind: 'circle', x, y, r: HEAT_RADIUS_MM } });
        this.p.repaintArena(this.heatSpots);
        break;
      case 'tap':
        sim.tapPlate(0.6);
        break;
      case 'ablate':
        this.p.toast.announce({ title: 'The laser aims at neurons', detail: 'click a neuron in the neural view to ablate it' });
        break;
      default: {
        // The Poke tool, a right click or Shift asks for a harsh poke; otherwise the simulation decides from the hold (sim/poke.ts).
        const harsh = this.tool === 'poke' || ptr.rightButtonReleased() || (ptr.event as MouseEvent | undefined)?.shiftKey === true;
        const touch = sim.poke({ xMm: x, yMm: y }, { heldMs, ...(harsh && { kind: 'harsh' as const }) });
        this.lastPoke = { x, y, kind: touch?.kind ?? 'miss', at: touch?.position ?? null };
      }
    }
  }

  /** The heat spots the player made (drawn on the plate with the arena's zones). */
  get heat(): NonNullable<ArenaView['zones']> {
    return this.heatSpots;
  }

  /** A drag that started on the body at s (0 nose .. 1 tail) pushes it that way; the simulation turns the drag into the poke (sim/poke.ts). */
  private nudge(from: { s: number; x0: number; y0: number }, xPx: number, yPx: number): void {
    const sim = this.p.sim();
    if (!sim) return;
    const k = this.p.cam.pxPerMm;
    sim.poke(from.s, { push: { dxMm: (xPx - from.x0) / k, dyMm: (yPx - from.y0) / k } });
    this.lastPoke = { x: this.p.cam.worldX(from.x0), y: this.p.cam.worldY(from.y0), kind: 'nudge', at: from.s };
  }
}

function drawArrow(g: Phaser.GameObjects.Graphics, x0: number, y0: number, x1: number, y1: number): void {
  g.clear();
  const a = Math.atan2(y1 - y0, x1 - x0);
  g.lineStyle(3, palette.accentHi, 0.9);
  g.lineBetween(x0, y0, x1, y1);
  g.fillStyle(palette.accentHi, 0.9);
  g.fillTriangle(x1, y1, x1 - 12 * Math.cos(a - 0.45), y1 - 12 * Math.sin(a - 0.45), x1 - 12 * Math.cos(a + 0.45), y1 - 12 * Math.sin(a + 0.45));
}
