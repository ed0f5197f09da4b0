import type Phaser from 'phaser';
import type { Subscription } from 'rxjs';
import type { Circuit } from '../../src/circuits/types';
import { centroid } from '../../src/sim/kinematics';
import { RealTimeRunner } from '../../src/sim/runner';
import { createSimulation } from '../../src/sim/simulation';
import type { SimulationApi } from '../../src/sim/types';
import type { TouchKind } from '../../src/streams/types';
import { PlayRecorder } from '../recording';
import { Button } from '../ui/Button';
import { drawInsetPanel, palette, textStyle } from '../ui/theme';
import { getArena } from '../../src/world/builtins';
import { DEFAULT_ODOUR, ODOURS, type OdourName } from '../../src/world/odours';
import { arenaViewFromArena } from '../view/arena-adapter';
import { arenaBox } from '../view/arena-view';
import { WorldCamera } from '../view/camera';
import { PlateRenderer } from '../view/PlateRenderer';
import { WormRenderer } from '../view/WormRenderer';

/**
 * The arenas the live worm can run on: the open plate, plates with odours to steer by (a two-odour choice for
 * `choice-worm`), and plates with walls to bump into, where a touch reflex shows without a click.
 */
export const LIVE_ARENAS = ['plate', 'odour-choice', 'food-gradient', 'touch-course', 'pillars', 'maze'] as const;
export type LiveArena = (typeof LIVE_ARENAS)[number];
/** How the view frames the worm: close on the body, or the whole plate (its odour spots and food in view). */
export type LiveView = 'follow' | 'plate';

/**
 * The edited circuit running on a worm: a createSimulation per circuit
 * version (rebuilt when the network or its bindings change, starting where
 * the old worm's head was, facing the same way), drawn in a small view of
 * its arena (odour spots, food) that follows the worm or shows the whole
 * plate. Two buttons choose the arena (the worm restarts at its start) and
 * the view. Click the worm to touch it (Shift: harsh poke).
 * Its own real-time runner keeps pause and speed across rebuilds.
 */
export class LiveWorm {
  sim: SimulationApi | null = null;
  private runner: RealTimeRunner | null = null;
  /** The worm's streams: muscle peaks per step (motor$), a redraw per frame (the runner's frames$). */
  private subs: Subscription[] = [];
  private paused_ = false;
  private speed_ = 1;
  /** Why the worm could not be built from the circuit, if it could not. */
  error: string | null = null;
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly worm: WormRenderer;
  private readonly cam = new WorldCamera();
  private readonly caption: Phaser.GameObjects.Text;
  private readonly marks: Phaser.GameObjects.Graphics;
  private rect = { x: 0, y: 0, w: 1, h: 1 };
  private pokes: { x: number; y: number; t: number }[] = [];
  private follow = { x: 0, y: 0, set: false };
  /** Pokes that reached the worm, for the test hook. */
  readonly pokeLog: { position: number; kind: TouchKind; atMs: number }[] = [];
  /** Highest mean muscle activation per side (left, right) seen since the last poke (checked every step, from motor$). */
  readonly peakSincePoke = { left: 0, right: 0 };
  /** What the player has done to this worm (since it was last rebuilt), for Export recording. */
  recorder: PlayRecorder | null = null;
  private readonly exportButton: Button;
  private arena_: LiveArena = 'plate';
  private view_: LiveView = 'follow';
  /** The arena painted once per arena (odour glows, lawns), cropped to the panel. */
  private readonly plate: PlateRenderer;
  /** The mm grid, over the plate so motion shows against the gel. */
  private readonly grid: Phaser.GameObjects.Graphics;
  private readonly arenaButton: Button;
  private readonly viewButton: Button;
  /** Names of the plate's odour spots in their tints, in screen space (the plate texture's own labels are too small here). */
  private spotLabels: { text: Phaser.GameObjects.Text; x: number; y: number }[] = [];
  private readonly scene: Phaser.Scene;
  private readonly depth: number;

  /** The player chose another arena: the owner rebuilds the worm (load) so it starts there. */
  onArena: () => void = () => {};

  constructor(scene: Phaser.Scene, depth = 20, onExport: () => void = () => {}) {
    this.scene = scene;
    this.depth = depth;
    this.bg = scene.add.graphics().setDepth(depth);
    this.plate = new PlateRenderer(scene, { quality: 'high', depth: depth + 0.5 });
    this.showArena();
    this.grid = scene.add.graphics().setDepth(depth + 0.6);
    const small = { width: 148, height: 24, fontSize: 11 };
    this.arenaButton = new Button(scene, 0, 0, {
      ...small,
      label: this.arenaLabel(),
      tooltip:
        'Run the worm on another plate: open agar, two odour spots to choose between (diacetyl, isoamyl alcohol), a food lawn with its odour, or walls to bump into (a blocked corridor, a pillar forest, a maze); the worm starts at that plate’s start',
      onClick: () => {
        this.arena_ = LIVE_ARENAS[(LIVE_ARENAS.indexOf(this.arena_) + 1) % LIVE_ARENAS.length];
        this.arenaButton.setLabel(this.arenaLabel());
        this.showArena();
        this.follow.set = false;
        this.onArena();
        this.draw();
      },
    }).setDepth(depth + 4);
    this.viewButton = new Button(scene, 0, 0, {
      ...small,
      width: 124,
      label: this.viewLabel(),
      tooltip: 'Follow the worm close up, or show the whole plate so its odour spots and food are in view',
      onClick: () => {
        this.view_ = this.view_ === 'follow' ? 'plate' : 'follow';
        this.viewButton.setLabel(this.viewLabel());
        this.draw();
      },
    }).setDepth(depth + 4);
    this.exportButton = new Button(scene, 0, 0, {
      label: 'Export recording',
      width: 140,
      height: 28,
      fontSize: 12,
      tooltip: 'Download what you did to this worm (and the circuit): neuroworm scenario record turns it into a scenario',
      onClick: onExport,
    }).setDepth(depth + 4);
    this.worm = new WormRenderer(scene, { detailed: true }, depth + 1);
    this.marks = scene.add.graphics().setDepth(depth + 2);
    this.caption = scene.add.text(0, 0, '', textStyle(12, { color: palette.textMuted })).setDepth(depth + 3);
    scene.input.on('pointerdown', this.onDown, this);
    scene.events.once('shutdown', () => scene.input.off('pointerdown', this.onDown, this));
  }

  setRect(x: number, y: number, w: number, h: number): void {
    this.rect = { x, y, w, h };
    this.cam.setViewport(x, y, w, h);
    this.caption.setPosition(x + 8, y + 6).setWordWrapWidth(w - 16, true);
    // The bottom row: the plate and the view, left to right, Export above them at the right; in a narrow
    // panel (a portrait window) the three stack, each as wide as the panel allows.
    const [a, v, e] = [this.arenaButton, this.viewButton, this.exportButton];
    const room = w - 16;
    const row = room >= 148 + 6 + 124;
    a.resize(row ? 148 : Math.min(148, room), 24);
    v.resize(row ? 124 : Math.min(148, room), 24);
    e.resize(Math.min(140, room), 28);
    const bottom = y + h - 8;
    a.setPosition(x + 8 + a.width / 2, bottom - a.height / 2);
    if (row) v.setPosition(x + 8 + a.width + 6 + v.width / 2, bottom - v.height / 2);
    else v.setPosition(x + 8 + v.width / 2, bottom - a.height - 6 - v.height / 2);
    const above = row ? a.height + 6 : a.height + v.height + 12;
    e.setPosition(x + w - 8 - e.width / 2, bottom - above - e.height / 2);
  }

  get arena(): LiveArena {
    return this.arena_;
  }
  get view(): LiveView {
    return this.view_;
  }
  /** Paints the chosen arena and names its odour spots (food or sources that smell of a named odour). */
  private showArena(): void {
    const arena = getArena(this.arena_);
    this.plate.setArena(arenaViewFromArena(arena));
    for (const l of this.spotLabels) l.text.destroy();
    const spots: { x: number; y: number; odour: OdourName }[] = [];
    for (const f of [...arena.food, ...arena.chemicals.sources])
      if (f.odour !== undefined && f.odour !== DEFAULT_ODOUR) spots.push({ x: f.at[0], y: f.at[1], odour: f.odour });
    this.spotLabels = spots.map(({ x, y, odour }) => ({
      x,
      y,
      text: this.scene.add
        .text(0, 0, odour, textStyle(11))
        .setColor(`#${ODOURS[odour].tint.toString(16).padStart(6, '0')}`)
        .setOrigin(0.5, 0)
        .setDepth(this.depth + 3),
    }));
  }

  /** The panel and the plate's box on screen (px), for tests: in the whole-plate view the plate lies inside the panel. */
  screenBoxes(): { panel: { x: number; y: number; w: number; h: number }; plate: { x: number; y: number; w: number; h: number } | null } {
    const a = this.plate.current;
    if (!a) return { panel: { ...this.rect }, plate: null };
    const [x0, y0, x1, y1] = arenaBox(a);
    const [sx, sy] = [this.cam.screenX(x0), this.cam.screenY(y0)];
    return { panel: { ...this.rect }, plate: { x: sx, y: sy, w: this.cam.screenX(x1) - sx, h: this.cam.screenY(y1) - sy } };
  }
  /** Walls and obstacles of the plate drawn in the panel at the last redraw (cut at its edge), for tests. */
  get solidsShown(): number {
    return this.plate.solidsShown;
  }
  private arenaLabel(): string {
    return `Plate: ${this.arena_}`;
  }
  private viewLabel(): string {
    return this.view_ === 'follow' ? 'View: follow' : 'View: whole plate';
  }

  /** Runs `circuit` on a new worm; keeps the old worm's place and heading. Returns an error message or null. */
  load(circuit: Circuit): string | null {
    let start: { xMm: number; yMm: number; headingRad: number } | undefined;
    if (this.sim) {
      const p = this.sim.telemetry().pose;
      if (p.length >= 4 && Number.isFinite(p[0])) start = { xMm: p[0], yMm: p[1], headingRad: Math.atan2(p[1] - p[3], p[0] - p[2]) };
    }
    this.clear();
    try {
      const sim = createSimulation({ circuit, arena: this.arena_, seed: 1, ...(start && { start }) });
      this.attach(sim);
      this.error = null;
      // The recording's circuit is named when it is exported (the file name can change meanwhile).
      const worm = start && { x: start.xMm, y: start.yMm, heading: (start.headingRad * 180) / Math.PI };
      this.recorder = new PlayRecorder(sim, { circuit: '', arena: this.arena_, seed: 1, ...(worm && { worm }) });
    } catch (e) {
      this.error = (e as Error).message;
    }
    return this.error;
  }

  /** Drops the worm (the next load starts it at the arena's start). */
  clear(): void {
    this.subs.forEach((s) => s.unsubscribe());
    this.subs = [];
    this.runner?.dispose();
    this.runner = null;
    this.recorder?.dispose();
    this.recorder = null;
    this.sim = null;
  }

  get paused(): boolean {
    return this.paused_;
  }
  setPaused(paused: boolean): void {
    this.paused_ = paused;
    if (paused) this.runner?.pause();
    else this.runner?.resume();
  }
  get speed(): number {
    return this.speed_;
  }
  set speed(speed: number) {
    this.speed_ = speed;
    this.runner?.setSpeed(speed);
  }

  /** Advance by a frame of real time (the runner handles pause and speed) and draw the frame. */
  tick(realMs: number): void {
    if (this.runner) this.guard(() => this.runner?.advance(Math.min(realMs, 100)));
    if (!this.runner) this.draw(); // no worm (or it just stopped): say why
  }

  /** One step, paused or not. */
  step(): void {
    this.guard(() => this.runner?.step());
  }

  private attach(sim: SimulationApi): void {
    const runner = new RealTimeRunner(sim);
    runner.setSpeed(this.speed_);
    if (this.paused_) runner.pause();
    this.sim = sim;
    this.runner = runner;
    const seg = sim.segments;
    this.subs.push(
      sim.motor$.subscribe((f) => {
        const m = f.activation;
        let l = 0;
        let r = 0;
        for (let i = 0; i < seg; i++) {
          l += m[i];
          r += m[seg + i];
        }
        this.peakSincePoke.left = Math.max(this.peakSincePoke.left, l / seg);
        this.peakSincePoke.right = Math.max(this.peakSincePoke.right, r / seg);
      }),
      runner.frames$.subscribe(() => this.draw()),
    );
  }

  private guard(run: () => void): void {
    try {
      run();
    } catch (e) {
      this.error = `the worm stopped: ${(e as Error).message}`;
      this.clear();
    }
  }

  /** Screen px of a body point (0 = nose .. 1 = tail), for tests and tips. */
  bodyScreen(s: number): { x: number; y: number } | null {
    if (!this.sim) return null;
    const p = this.sim.telemetry().pose;
    const n = p.length / 2;
    const i = Math.max(0, Math.min(n - 1, Math.round(s * (n - 1))));
    return { x: this.cam.screenX(p[2 * i]), y: this.cam.screenY(p[2 * i + 1]) };
  }

  poke(s: number, kind: TouchKind): void {
    if (!this.sim) return;
    this.sim.poke(s, { kind });
    this.pokeLog.push({ position: s, kind, atMs: this.sim.timeMs });
    this.peakSincePoke.left = this.peakSincePoke.right = 0;
    const at = this.bodyScreen(s);
    if (at) this.pokes.push({ ...at, t: performance.now() });
  }

  private onDown(p: Phaser.Input.Pointer): void {
    const r = this.rect;
    if (!this.sim || p.x < r.x || p.y < r.y || p.x > r.x + r.w || p.y > r.y + r.h) return;
    const onButton = [this.exportButton, this.arenaButton, this.viewButton].some(
      (b) => Math.abs(p.x - b.x) <= b.width / 2 && Math.abs(p.y - b.y) <= b.height / 2,
    );
    if (onButton) return; // the button's click, not a touch
    const ev = p.event as MouseEvent | undefined;
    const kind: TouchKind = ev?.shiftKey || p.button === 2 ? 'harsh' : 'gentle';
    const at = this.sim.poke({ xMm: this.cam.worldX(p.x), yMm: this.cam.worldY(p.y) }, { kind })?.position ?? null;
    if (at !== null) {
      this.pokeLog.push({ position: at, kind, atMs: this.sim.timeMs });
      this.peakSincePoke.left = this.peakSincePoke.right = 0;
      this.pokes.push({ x: p.x, y: p.y, t: performance.now() });
    }
  }

  /** Draws the worm as it is now (the runner's frames call it; a layout change may too). */
  draw(): void {
    const r = this.rect;
    const g = this.bg;
    g.clear();
    drawInsetPanel(g, r, palette.agar);
    const sim = this.sim;
    if (!sim) {
      this.worm.clear();
      this.marks.clear();
      this.grid.clear();
      this.plate.container.setVisible(false);
      for (const l of this.spotLabels) l.text.setVisible(false);
      this.caption.setText(this.error ? `No worm: ${this.error}` : 'No worm');
      return;
    }
    const t = sim.telemetry();
    const pose = t.pose;
    if (this.view_ === 'plate') {
      const a = this.plate.current;
      if (a) {
        const [x0, y0, x1, y1] = arenaBox(a);
        this.cam.fit(x0, y0, x1, y1, 6);
      }
    } else {
      // Follow the body's centre smoothly; scale to show the body about 1.6 times across.
      const [cx, cy] = centroid(pose);
      if (!this.follow.set || !Number.isFinite(this.follow.x)) this.follow = { x: cx, y: cy, set: true };
      this.follow.x += (cx - this.follow.x) * 0.1;
      this.follow.y += (cy - this.follow.y) * 0.1;
      const half = sim.bodyLengthMm * 0.8;
      this.cam.fit(this.follow.x - half, this.follow.y - half, this.follow.x + half, this.follow.y + half, 6);
    }
    this.plate.container.setVisible(true);
    this.plate.layout(this.cam, r);
    // A faint grid (0.25 mm close up, 1 mm over the whole plate) so motion shows against the agar.
    const gr = this.grid;
    gr.clear();
    gr.lineStyle(1, palette.agarRim, 0.08);
    const step = this.view_ === 'plate' ? 1 : 0.25;
    const x0 = Math.ceil(this.cam.worldX(r.x) / step) * step;
    for (let x = x0; this.cam.screenX(x) < r.x + r.w; x += step) gr.lineBetween(this.cam.screenX(x), r.y, this.cam.screenX(x), r.y + r.h);
    const y0 = Math.ceil(this.cam.worldY(r.y) / step) * step;
    for (let y = y0; this.cam.screenY(y) < r.y + r.h; y += step) gr.lineBetween(r.x, this.cam.screenY(y), r.x + r.w, this.cam.screenY(y));
    this.worm.draw(pose, this.cam, sim.bodyLengthMm, t.muscles, sim.segments);
    for (const l of this.spotLabels) {
      const [x, y] = [this.cam.screenX(l.x), this.cam.screenY(l.y) + 10];
      l.text.setPosition(x, y).setVisible(x > r.x + 30 && x < r.x + r.w - 30 && y > r.y && y < r.y + r.h - 16);
    }
    const m = this.marks;
    m.clear();
    if (this.view_ === 'plate') {
      // The worm is small on the whole plate: a ring shows where it is.
      const [cx, cy] = centroid(pose);
      m.lineStyle(1.5, palette.focus, 0.7);
      m.strokeCircle(this.cam.screenX(cx), this.cam.screenY(cy), Math.max(12, 0.7 * sim.bodyLengthMm * this.cam.pxPerMm));
    }
    const now = performance.now();
    this.pokes = this.pokes.filter((p) => now - p.t < 600);
    for (const p of this.pokes) {
      const k = (now - p.t) / 600;
      m.lineStyle(2, palette.focus, 1 - k);
      m.strokeCircle(p.x, p.y, 6 + 18 * k);
    }
    this.caption.setText(`t = ${(sim.timeMs / 1000).toFixed(1)} s${this.paused_ ? ' · paused' : ''} · click the worm: touch, Shift+click: poke`);
  }
}
