import Phaser from 'phaser';
import { app } from './app';
import { BaseScene, HEADER_H } from './BaseScene';
import { CHALLENGES, type Challenge } from './challenges/catalog';
import { formatTime } from './format';
import { SCENES } from './keys';
import { readChallengeCircuit } from './challenges/circuit';
import { playerCircuit } from './sim-link';
import { browserStore } from './storage';
import type { ChallengeRecord } from './storage';
import { Button } from './ui/Button';
import { registerControl } from './ui/controls';
import { palette, textStyle } from './ui/theme';
import { getArena } from '../src/world/builtins';
import { arenaViewFromArena } from './view/arena-adapter';
import { arenaBox, type ArenaView } from './view/arena-view';
import { WorldCamera } from './view/camera';
import { PlateRenderer } from './view/PlateRenderer';

const previews = new Map<string, ArenaView>();
/** A challenge's arena as drawn in its preview (resolved once). */
export function challengeArenaView(c: Challenge): ArenaView {
  let v = previews.get(c.arena);
  if (!v) previews.set(c.arena, (v = arenaViewFromArena(getArena(c.arena))));
  return v;
}

function statusLine(rec: ChallengeRecord): string {
  if (rec.attempts === 0) return 'Not tried yet';
  const parts = [rec.completed ? '✓ Completed' : 'Not won yet'];
  if (rec.bestTimeMs !== null) parts.push(`best ${formatTime(rec.bestTimeMs)}`);
  if (rec.bestScore !== null) parts.push(`score ${rec.bestScore}`);
  parts.push(`${rec.attempts} ${rec.attempts === 1 ? 'try' : 'tries'}`);
  return parts.join(' · ');
}

/** A challenge on the list: title, goal, difficulty, saved progress. */
class ChallengeCard extends Phaser.GameObjects.Container {
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly goal: Phaser.GameObjects.Text;
  private readonly status: Phaser.GameObjects.Text;
  private readonly diff: Phaser.GameObjects.Graphics;
  private readonly editorTag: Phaser.GameObjects.Text | null;
  private hovered = false;
  private cw = 300;
  private ch = 130;

  constructor(
    scene: Phaser.Scene,
    readonly challenge: Challenge,
    readonly record: ChallengeRecord,
    onOpen: () => void,
  ) {
    super(scene, 0, 0);
    this.bg = scene.add.graphics();
    this.diff = scene.add.graphics();
    this.title = scene.add.text(0, 0, challenge.title, textStyle(18, { bold: true }));
    this.goal = scene.add.text(0, 0, challenge.goal, textStyle(14, { color: palette.textMuted }));
    this.status = scene.add.text(0, 0, statusLine(record), textStyle(12, { color: record.completed ? palette.ok : palette.textDim }));
    this.add([this.bg, this.diff, this.title, this.goal, this.status]);
    this.editorTag = challenge.needsEditor ? scene.add.text(0, 0, 'editor', textStyle(11, { color: palette.accentHi })).setOrigin(0.5) : null;
    if (this.editorTag) this.add(this.editorTag);
    this.setSize(this.cw, this.ch);
    this.setInteractive({ useHandCursor: true });
    this.on('pointerover', () => {
      this.hovered = true;
      this.redraw();
    });
    this.on('pointerout', () => {
      this.hovered = false;
      this.redraw();
    });
    this.on('pointerup', onOpen);
    scene.add.existing(this);
    registerControl({
      object: this,
      info: () => ({ kind: 'card', label: challenge.title, enabled: true, selected: record.completed, value: statusLine(record) }),
    });
  }

  resize(w: number, h: number): void {
    this.cw = w;
    this.ch = h;
    this.setSize(w, h);
    if (this.input?.hitArea) (this.input.hitArea as Phaser.Geom.Rectangle).setSize(w, h);
    this.redraw();
  }

  private redraw(): void {
    const { cw: w, ch: h } = this;
    const x = -w / 2;
    const y = -h / 2;
    const g = this.bg;
    g.clear();
    g.fillStyle(this.hovered ? palette.panelHi : palette.panel, 1);
    g.fillRoundedRect(x, y, w, h, 12);
    g.lineStyle(1, this.record.completed ? palette.ok : this.hovered ? palette.borderHi : palette.border, 1);
    g.strokeRoundedRect(x + 0.5, y + 0.5, w - 1, h - 1, 12);
    if (this.challenge.needsEditor) {
      g.fillStyle(palette.accentDim, 1);
      g.fillRoundedRect(x + w - 78, y + 12, 64, 20, 10);
    }
    this.title.setPosition(x + 16, y + 14);
    this.title.setWordWrapWidth(w - (this.challenge.needsEditor ? 110 : 80), true);
    this.goal.setPosition(x + 16, y + 20 + this.title.height).setWordWrapWidth(w - 32, true);
    this.status.setPosition(x + 16, y + h - 14 - this.status.height);
    // Difficulty: 1–3 filled dots.
    const d = this.diff;
    d.clear();
    for (let i = 0; i < 3; i++) {
      d.fillStyle(i < this.challenge.difficulty ? palette.warning : palette.border, 1);
      d.fillCircle(x + w - 20 - (2 - i) * 12, y + h - 20, 4);
    }
    this.editorTag?.setPosition(x + w - 46, y + 22);
  }
}

/** The challenge list with intro cards; progress and best scores come from local storage. */
export class ChallengesScene extends BaseScene {
  private cards: ChallengeCard[] = [];
  private intro!: Phaser.GameObjects.Container;
  private introParts!: {
    dim: Phaser.GameObjects.Rectangle;
    panel: Phaser.GameObjects.Graphics;
    title: Phaser.GameObjects.Text;
    body: Phaser.GameObjects.Text;
    start: Button;
    editor: Button;
    close: Button;
    note: Phaser.GameObjects.Text;
  };
  private preview!: PlateRenderer;
  private previewCam = new WorldCamera();
  private openId: string | null = null;
  private heading!: Phaser.GameObjects.Text;

  constructor() {
    super(SCENES.challenges);
  }

  protected build(): void {
    this.openId = null;
    this.addHeader('Challenges');
    // Esc closes an open intro card before it leaves the scene.
    this.shortcut({
      keys: ['Escape'],
      label: 'Esc',
      description: 'Close the card / back to menu',
      run: () => (this.openId ? this.closeIntro() : this.goBack()),
    });
    const progress = app().storage.loadProgress();
    const done = CHALLENGES.filter((c) => progress[c.id]?.completed).length;
    this.heading = this.add.text(
      0,
      0,
      `${done} of ${CHALLENGES.length} completed · pick a challenge to read its brief`,
      textStyle(14, { color: palette.textMuted }),
    );
    this.cards = CHALLENGES.map((c) => {
      return new ChallengeCard(this, c, app().storage.record(c.id), () => this.openIntro(c.id));
    });

    const dim = this.add.rectangle(0, 0, 10, 10, palette.bgDeep, 0.82).setOrigin(0).setInteractive();
    dim.on('pointerup', () => this.closeIntro());
    const panel = this.add.graphics();
    const blocker = this.add.zone(0, 0, 10, 10).setOrigin(0).setInteractive().setName('blocker');
    const title = this.add.text(0, 0, '', textStyle(24, { bold: true }));
    const body = this.add.text(0, 0, '', textStyle(15, { color: palette.textMuted, lineSpacing: 5 }));
    const note = this.add.text(0, 0, '', textStyle(13, { color: palette.warning }));
    const start = new Button(this, 0, 0, { label: 'Start challenge', variant: 'primary', width: 180, height: 44, onClick: () => this.start() });
    const editor = new Button(this, 0, 0, { label: 'Open the editor', width: 170, height: 44, onClick: () => this.openEditor() });
    const close = new Button(this, 0, 0, { label: 'Back to list', width: 140, height: 44, onClick: () => this.closeIntro() });
    this.intro = this.add.container(0, 0, [dim, panel, blocker, title, body, note, start, editor, close]).setDepth(1000).setVisible(false);
    this.introParts = { dim, panel, title, body, start, editor, close, note };
    this.preview = new PlateRenderer(this, { quality: app().settings.quality, depth: 1001 });
    this.preview.container.setVisible(false);
  }

  private openIntro(id: string): void {
    const c = CHALLENGES.find((x) => x.id === id);
    if (!c) return;
    this.openId = id;
    const rec = app().storage.record(id);
    const p = this.introParts;
    p.title.setText(c.title);
    p.body.setText(
      `${c.intro}\n\nGoal: ${c.goal}\nScoring: ${c.scoring}\nDifficulty: ${'●'.repeat(c.difficulty)}${'○'.repeat(3 - c.difficulty)}\nYour record: ${statusLine(rec)}`,
    );
    p.note.setText(
      c.circuit
        ? readChallengeCircuit(browserStore(), c.id)
          ? 'The worm will run your repair of the broken circuit.'
          : 'Starts with the broken circuit: fix it in the editor, press “Test it”, then start.'
        : playerCircuit() !== null
          ? 'The worm will run your circuit from the editor.'
          : '',
    );
    p.editor.setVisible(c.needsEditor);
    this.preview.setArena(challengeArenaView(c));
    this.intro.setVisible(true);
    this.preview.container.setVisible(true);
    this.layoutIntro();
  }

  private closeIntro(): void {
    this.openId = null;
    this.intro.setVisible(false);
    this.preview.container.setVisible(false);
  }

  private start(): void {
    if (this.openId) this.scene.start(SCENES.playground, { challenge: this.openId });
  }

  /** The editor on this challenge's circuit (its broken one, or the player's repair so far). */
  private openEditor(): void {
    if (this.openId) this.scene.start(SCENES.editor, { from: SCENES.challenges, challenge: this.openId });
  }

  private layoutIntro(): void {
    if (!this.openId) return;
    const { width, height } = this.scale;
    const p = this.introParts;
    p.dim.setSize(width, height);
    const w = Math.min(980, width - 32);
    const h = Math.min(560, height - 32);
    const x = Math.round((width - w) / 2);
    const y = Math.round((height - h) / 2);
    p.panel.clear();
    p.panel.fillStyle(palette.panel, 1);
    p.panel.fillRoundedRect(x, y, w, h, 16);
    p.panel.lineStyle(1, palette.borderHi, 1);
    p.panel.strokeRoundedRect(x + 0.5, y + 0.5, w - 1, h - 1, 16);
    const blocker = this.intro.getByName('blocker') as Phaser.GameObjects.Zone;
    blocker.setPosition(x, y).setSize(w, h);
    if (blocker.input?.hitArea) (blocker.input.hitArea as Phaser.Geom.Rectangle).setSize(w, h);
    const side = w >= 720;
    const pad = 24;
    const textW = side ? w * 0.52 : w - 2 * pad;
    p.title.setPosition(x + pad, y + pad).setWordWrapWidth(textW, true);
    p.body.setPosition(x + pad, y + pad + p.title.height + 12).setWordWrapWidth(textW, true);
    const btnY = y + h - pad - 22;
    p.close.setPosition(x + pad + 70, btnY);
    p.start.setPosition(x + w - pad - 90, btnY);
    p.editor.setPosition(x + w - pad - 180 - 12 - 85, btnY);
    p.note.setPosition(x + pad, btnY - 46).setWordWrapWidth(w - 2 * pad, true);
    // Arena preview: right column, or under the text on narrow screens.
    let px: number, py: number, pw: number, ph: number;
    if (side) {
      px = x + pad + textW + pad;
      py = y + pad;
      pw = x + w - pad - px;
      ph = btnY - 60 - py;
    } else {
      px = x + pad;
      py = p.body.y + p.body.height + 12;
      pw = w - 2 * pad;
      ph = Math.max(60, btnY - 60 - py);
    }
    const c = CHALLENGES.find((cc) => cc.id === this.openId)!;
    const [ax0, ay0, ax1, ay1] = arenaBox(challengeArenaView(c));
    this.previewCam.setViewport(px, py, pw, ph).fit(ax0, ay0, ax1, ay1, 6);
    this.preview.layout(this.previewCam);
  }

  protected layout(width: number, height: number): void {
    const pad = 16;
    const top = HEADER_H + pad;
    this.heading.setPosition(pad + 4, top);
    const cols = width >= 1100 ? 3 : width >= 680 ? 2 : 1;
    const rows = Math.ceil(this.cards.length / cols);
    const gridTop = top + this.heading.height + 12;
    const cardW = Math.floor((width - pad * (cols + 1)) / cols);
    const cardH = Phaser.Math.Clamp(Math.floor((height - gridTop - pad * rows) / rows), 104, 150);
    this.cards.forEach((card, i) => {
      const col = i % cols;
      const row = Math.floor(i / cols);
      card.resize(cardW, cardH);
      card.setPosition(pad + col * (cardW + pad) + cardW / 2, gridTop + row * (cardH + pad) + cardH / 2);
    });
    this.layoutIntro();
  }
}
