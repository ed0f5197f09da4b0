import type Phaser from 'phaser';
import { naturalConditions, type NaturalConditions } from '../../src/evolve/natural/conditions';
import { BaseScene, HEADER_H } from '../BaseScene';
import { SCENES } from '../keys';
import { provideProbe } from '../testing-hook';
import { Button } from '../ui/Button';
import { Panel } from '../ui/Panel';
import { palette, textStyle } from '../ui/theme';
import { FitnessChart } from './chart';
import { ConditionsPanel } from './conditions-panel';
import { PlateView } from './plate-view';
import type { NatselSpeed } from './protocol';
import { NatselSession } from './session';

const SPEEDS: readonly NatselSpeed[] = [1, 4, 16, 'max'];
const speedText = (s: NatselSpeed) => (s === 'max' ? 'Max' : `${s}×`);

/** Conditions from the address (?natsel=population:6,generationS:5): a setup to share, and how tests start short runs. */
function conditionsFromQuery(): Partial<NaturalConditions> {
  const q = new URLSearchParams(location.search).get('natsel');
  if (!q) return {};
  return Object.fromEntries(
    q
      .split(',')
      .map((kv) => kv.split(':'))
      .map(([k, v]) => [k, Number(v)]),
  );
}

/** The run lives on while the player looks at its champion in the editor. */
let session: NatselSession | null = null;

/**
 * Natural selection (issue 17 §4), the seed article's wish: a population of
 * worms with random circuits on one plate with food; each generation the best
 * eaters breed with mutation and the rest die. The population runs in a Web
 * Worker (natsel.worker.ts); this scene draws the plate, the chart and the
 * controls, and forwards the player's choices.
 */
export class NatselScene extends BaseScene {
  private view!: PlateView;
  private chart!: FitnessChart;
  private panel!: Panel;
  private knobs!: ConditionsPanel;
  private status!: Phaser.GameObjects.Text;
  private note!: Phaser.GameObjects.Text;
  private pauseBtn!: Button;
  private speedBtns: Button[] = [];
  private restartBtn!: Button;
  private championBtn!: Button;
  private drawnHistory = -1;
  private drawnFrame: unknown = null;
  /** Main-thread ms spent drawing a new frame (mean over the frames drawn), for the fps report. */
  private drawMs = { total: 0, frames: 0 };
  private message = '';

  constructor() {
    super(SCENES.natsel);
  }

  protected build(): void {
    this.addHeader('Natural selection');
    let bad = '';
    if (!session) {
      const given = conditionsFromQuery();
      try {
        naturalConditions(given);
        session = new NatselSession(given);
      } catch (e) {
        bad = (e as Error).message;
        session = new NatselSession({});
      }
    } else session.run(false);
    this.message = bad ? `Conditions in the address ignored: ${bad}` : '';
    this.view = new PlateView(this);
    this.chart = new FitnessChart(this);
    this.drawnHistory = -1;
    this.drawnFrame = null;
    this.panel = new Panel(this, { title: 'Conditions (apply on Restart)' });
    this.knobs = new ConditionsPanel(this, session.conditions);
    this.status = this.add.text(0, 0, '', textStyle(13, { color: palette.text }));
    this.note = this.add.text(0, 0, '', textStyle(12, { color: palette.textMuted }));
    this.pauseBtn = new Button(this, 0, 0, {
      label: 'Pause',
      width: 80,
      height: 34,
      fontSize: 13,
      tooltip: 'Pause / resume (Space)',
      onClick: () => this.togglePause(),
    });
    this.speedBtns = SPEEDS.map(
      (s, i) =>
        new Button(this, 0, 0, {
          label: speedText(s),
          width: 58,
          height: 34,
          fontSize: 13,
          tooltip: `Speed ${speedText(s)} (${i + 1})`,
          onClick: () => this.setSpeed(s),
        }),
    );
    this.championBtn = new Button(this, 0, 0, {
      label: 'Champion → editor',
      variant: 'primary',
      width: 180,
      height: 36,
      fontSize: 13,
      tooltip: "Open the best eater's circuit in the editor (C)",
      onClick: () => void this.openChampion(),
    });
    this.restartBtn = new Button(this, 0, 0, {
      label: 'Restart',
      width: 110,
      height: 36,
      fontSize: 13,
      tooltip: 'Start over from random circuits with these conditions (R)',
      onClick: () => this.restart(),
    });
    this.shortcut({ keys: [' '], label: 'Space', description: 'Pause / resume', run: () => this.togglePause() });
    SPEEDS.forEach((s, i) =>
      this.shortcut({ keys: [String(i + 1)], label: String(i + 1), description: `Speed ${speedText(s)}`, hidden: i > 0, run: () => this.setSpeed(s) }),
    );
    this.shortcut({ keys: ['c', 'C'], label: 'C', description: "Champion's circuit to the editor", run: () => void this.openChampion() });
    this.shortcut({ keys: ['r', 'R'], label: 'R', description: 'Restart with the conditions set', run: () => this.restart() });
    this.onShutdown(() => session?.run(true));
    this.updateButtons();
    provideProbe(this, {
      simTimeMs: () => session?.frame?.timeMs ?? 0,
      info: () => {
        const s = session!;
        const f = s.frame;
        return {
          generation: f?.generation ?? 0,
          timeMs: f?.timeMs ?? 0,
          durationMs: f?.durationMs ?? 0,
          chartPoints: s.history.length,
          history: s.history.map((h) => ({ generation: h.generation, best: h.best, median: h.median, mean: h.mean, deaths: h.deaths })),
          alive: f ? f.alive.reduce((a, b) => a + b, 0) : 0,
          worms: f?.alive.length ?? 0,
          paused: s.paused,
          speed: s.speed,
          wormSecondsPerS: f?.wormSecondsPerS ?? 0,
          error: s.error,
          drawMsPerFrame: this.drawMs.frames ? this.drawMs.total / this.drawMs.frames : 0,
          message: this.message,
        };
      },
    });
  }

  override goBack(): void {
    session?.close();
    session = null;
    super.goBack();
  }

  private togglePause(): void {
    session?.run(!session.paused);
    this.updateButtons();
  }

  private setSpeed(s: NatselSpeed): void {
    session?.run(false, s);
    this.updateButtons();
  }

  private restart(): void {
    session?.close();
    session = new NatselSession(this.knobs.conditions);
    this.message = 'Restarted from random circuits';
    this.drawnHistory = -1;
    this.updateButtons();
  }

  private async openChampion(): Promise<void> {
    if (!session) return;
    const c = await session.champion();
    if (!c.doc) {
      this.message = 'No champion yet: wait for the first generation to end';
      return;
    }
    // Opened as a file is: one undo step over the player's own circuit, which the autosave keeps.
    this.scene.start(SCENES.editor, { from: SCENES.natsel, open: { doc: c.doc, fileName: `champion-generation-${c.generation + 1}.json` } });
  }

  private updateButtons(): void {
    const s = session;
    this.pauseBtn.setLabel(s?.paused ? 'Resume' : 'Pause');
    this.speedBtns.forEach((b, i) => b.setSelected(!s?.paused && s?.speed === SPEEDS[i]));
  }

  override update(): void {
    const s = session;
    if (!s) return;
    // Draw only what the worker sent since the last draw: the page's own work stays a fraction of a frame.
    if (s.frame !== this.drawnFrame) {
      const t0 = performance.now();
      this.view.draw(s.plate, s.frame);
      this.drawMs.total += performance.now() - t0;
      this.drawMs.frames++;
      this.drawnFrame = s.frame;
    }
    if (s.history.length !== this.drawnHistory) {
      this.drawnHistory = s.history.length;
      this.chart.draw(s.history);
    }
    const f = s.frame;
    const last = s.history[s.history.length - 1];
    const alive = f ? f.alive.reduce((a, b) => a + b, 0) : 0;
    const eaten = f ? Math.max(0, ...f.eaten) : 0;
    this.status.setText(
      f
        ? `Generation ${f.generation + 1} · ${(f.timeMs / 1000).toFixed(1)} / ${(f.durationMs / 1000).toFixed(0)} s · ${alive} of ${f.alive.length} alive · top eater ${eaten.toFixed(2)}` +
            (last ? `\nLast generation: best ${last.best.toFixed(2)}, median ${last.median.toFixed(2)}` : '\nThe first generation is living…') +
            ` · ${s.paused ? 'paused' : speedText(s.speed)}${s.speed === 'max' && !s.paused ? ` (${f.wormSecondsPerS.toFixed(0)} worm-s/s)` : ''}`
        : 'Starting the population…',
    );
    this.note.setText(s.error ? `Error: ${s.error}` : this.message);
  }

  /** Wide: the dish on the left, the controls in a column on the right. Tall: the dish on top, controls and conditions side by side below. */
  protected layout(width: number, height: number): void {
    const pad = 12;
    const top = HEADER_H + pad;
    if (width >= height || width >= 1000) {
      const side = Math.min(380, Math.max(300, width * 0.34));
      const x = width - side - pad;
      this.view.setRect(pad, top, x - 2 * pad, height - top - pad);
      const y = this.placeControls(x, top, side, height);
      this.placeConditions(x, y, side, height - pad - y);
    } else {
      const plateH = Math.min(width - 2 * pad, height * 0.45);
      this.view.setRect(pad, top, width - 2 * pad, plateH);
      const y = top + plateH + pad;
      const half = (width - 3 * pad) / 2;
      this.placeControls(pad, y, half, height);
      this.placeConditions(2 * pad + half, y, half, height - pad - y);
    }
  }

  /** Speed row, status, chart, the two buttons and the message, from y down; returns where the conditions may start. */
  private placeControls(x: number, y: number, w: number, height: number): number {
    const pad = 12;
    this.pauseBtn.setPosition(x + 40, y + 17);
    const bw = Math.min(58, (w - 96 - 3 * 6) / 4);
    this.speedBtns.forEach((b, i) => {
      b.resize(bw, 34);
      b.setPosition(x + 88 + i * (bw + 6) + bw / 2, y + 17);
    });
    y += 44;
    this.status.setPosition(x, y).setWordWrapWidth(w, true);
    y += 56;
    const chartH = Math.max(110, Math.min(190, height * 0.22));
    this.chart.setRect(x, y, w, chartH);
    y += chartH + pad;
    const cw = Math.min(180, w - 110 - pad);
    this.championBtn.resize(cw, 36);
    this.championBtn.setPosition(x + cw / 2, y + 18);
    this.restartBtn.setPosition(x + w - 55, y + 18);
    y += 44;
    this.note.setPosition(x, y).setWordWrapWidth(w, true);
    return y + 22;
  }

  private placeConditions(x: number, y: number, w: number, h: number): void {
    this.panel.setRect(x, y, w, h);
    const rows = this.knobs.sliders.length / 2;
    const rowH = Math.min(56, (h - this.panel.titleHeight - 8) / rows);
    const sw = (w - 3 * 12) / 2;
    this.knobs.sliders.forEach((sl, i) => {
      sl.setWidth(sw);
      sl.setPosition(x + 12 + (i % 2) * (sw + 12) + sw / 2, y + this.panel.titleHeight + Math.floor(i / 2) * rowH + rowH / 2);
    });
  }
}
