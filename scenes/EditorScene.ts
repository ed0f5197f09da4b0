import type Phaser from 'phaser';
import { app } from './app';
import { BaseScene, HEADER_H } from './BaseScene';
import { SCENES } from './keys';
import { Button } from './ui/Button';
import { ComingSoon } from './ui/ComingSoon';
import { Panel } from './ui/Panel';
import { TimeBar } from './ui/TimeBar';
import { palette, textStyle } from './ui/theme';
import { NeuralView } from './view/NeuralView';

/**
 * The circuit editor's frame (issue 7): palette, canvas, inspector, toolbar.
 * Editing needs the neural engine and the circuit format, being built now;
 * until then the controls are shown disabled under a "coming" card.
 */
export class EditorScene extends BaseScene {
  private palettePanel!: Panel;
  private inspector!: Panel;
  private graph!: NeuralView;
  private tools: Button[] = [];
  private paletteButtons: Button[] = [];
  private inspectorText!: Phaser.GameObjects.Text;
  private timeBar!: TimeBar;
  private coming!: ComingSoon;

  constructor() {
    super(SCENES.editor);
  }

  protected build(): void {
    this.addHeader('Circuit editor');
    this.palettePanel = new Panel(this, { title: 'Palette' });
    this.inspector = new Panel(this, { title: 'Inspector' });
    this.graph = new NeuralView(this, { quality: app().settings.quality, reducedMotion: app().settings.reducedMotion, legend: true });
    this.tools = ['Undo', 'Redo', 'Fit', 'Layout', 'Save', 'Load', 'Test it'].map(
      (label) => new Button(this, 0, 0, { label, width: 76, height: 34, fontSize: 14, enabled: false, onClick: () => {} }),
    );
    this.paletteButtons = ['+ Sensory neuron', '+ Interneuron', '+ Motor neuron', 'Chemical synapse', 'Gap junction', 'Blank circuit', 'Touch reflex template'].map(
      (label) => new Button(this, 0, 0, { label, width: 180, height: 34, fontSize: 14, enabled: false, onClick: () => {} }),
    );
    this.inspectorText = this.add.text(0, 0, 'Select a neuron or a synapse to see every parameter with its unit, range and meaning.', textStyle(13, { color: palette.textDim }));
    this.timeBar = new TimeBar(this, { onPauseChange: () => {}, onStep: () => {}, onSpeedChange: () => {} });
    this.timeBar.setEnabled(false);
    this.coming = new ComingSoon(
      this,
      'the circuit editor',
      'Build reflex circuits here: add neurons, drag from one to another to connect them, set every parameter, ' +
        'bind sensory neurons to the skin and motor neurons to muscles, and try the circuit on the live worm. ' +
        'It needs the neural engine and the circuit file format, which are being built now.',
    );
  }

  protected layout(width: number, height: number): void {
    const pad = 12;
    const toolbarY = HEADER_H + pad;
    const top = toolbarY + 34 + pad;
    const barH = this.timeBar.barHeight;
    const bottom = height - barH - 2 * pad;
    const sideW = width >= 1000 ? 220 : 0;
    const inspW = width >= 760 ? Math.min(300, width * 0.26) : 0;
    let x = pad + sideW + (sideW ? pad : 0);
    this.tools.forEach((b) => {
      b.setPosition(x + 38, toolbarY + 17);
      x += 82;
    });
    this.palettePanel.setVisible(sideW > 0);
    this.paletteButtons.forEach((b) => b.setVisible(sideW > 0));
    if (sideW) {
      this.palettePanel.setRect(pad, top, sideW, bottom - top);
      let y = top + this.palettePanel.titleHeight + 8;
      this.paletteButtons.forEach((b, i) => {
        if (i === 5) y += 16;
        b.resize(sideW - 24, 34);
        b.setPosition(pad + sideW / 2, y + 17);
        y += 42;
      });
    }
    const cx = pad + sideW + (sideW ? pad : 0);
    const cw = width - cx - pad - inspW - (inspW ? pad : 0);
    this.graph.setRect(cx, top, cw, bottom - top);
    this.inspector.setVisible(inspW > 0);
    this.inspectorText.setVisible(inspW > 0);
    if (inspW) {
      const ix = cx + cw + pad;
      this.inspector.setRect(ix, top, inspW, bottom - top);
      this.inspectorText.setPosition(ix + 14, top + this.inspector.titleHeight + 10).setWordWrapWidth(inspW - 28, true);
    }
    this.timeBar.place(width / 2, height - pad - barH / 2, width - 2 * pad);
    this.coming.place(cx + cw / 2, top + (bottom - top) / 2, cw);
  }
}
