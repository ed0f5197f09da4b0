import type Phaser from 'phaser';
import type { BehaviourEvent, Stimulus } from '../../src/streams/types';
import type { Toast, Announcement } from '../ui/Toast';
import { palette, textStyle } from '../ui/theme';
import { activityChain, ActivityTrace } from '../view/activity-chain';
import type { WorldCamera } from '../view/camera';
import type { CircuitView } from '../view/circuit-view';

/** Where the last touch landed (mm), how, and the body position it reached (0 nose .. 1 tail) or null if it missed. */
export interface LastPoke {
  x: number;
  y: number;
  kind: string;
  at: number | null;
}

export interface AnnouncerParts {
  scene: Phaser.Scene;
  toast: Toast;
  cam: WorldCamera;
  plateRect(): { x: number; y: number; w: number; h: number };
  circuit(): CircuitView | null;
  lastPoke(): LastPoke | null;
  reducedMotion(): boolean;
}

/**
 * What the playground tells the player: where a touch landed and which
 * sensory neurons felt it (a fading mark on the plate), plate taps, and the
 * worm's behaviour events with the pathway that carried them.
 */
export class Announcer {
  private readonly trace = new ActivityTrace();

  constructor(private readonly p: AnnouncerParts) {}

  /** Each frame's activity: which neurons rose, for naming the pathway of the next event. */
  track(out: Float64Array, timeMs: number): void {
    this.trace.update(out, timeMs);
  }

  /** Shows where a touch landed and which sensory neurons felt it; a plate tap is announced. */
  onStimulus(st: Stimulus): void {
    if (st.type === 'plate-tap') {
      this.p.toast.announce({ title: 'Plate tapped', detail: st.neurons.length ? `felt by ${shortList(st.neurons)}` : 'no neuron of this circuit feels it' });
      return;
    }
    const last = this.p.lastPoke();
    if (st.source !== 'poke' || !last) return;
    const where = st.position < 0.34 ? 'head' : st.position > 0.66 ? 'tail' : 'midbody';
    const who = st.neurons.length ? shortList(st.neurons) : 'no touch cells there in this circuit';
    this.mark(last.x, last.y, `${st.kind} touch · ${where} → ${who}`, st.kind === 'harsh' ? palette.warning : palette.accentHi);
  }

  /**
   * A behaviour event, with the neurons' output at the step that raised it: one frame may advance
   * many steps (a slow frame, a fast-forward), so the event can come before the frame's `track`
   * has seen the activity that caused it. Tracking it here names the pathway either way.
   */
  onEvent(e: BehaviourEvent, now: { output: Float64Array; timeMs: number }): void {
    this.trace.update(now.output, now.timeMs);
    // The pose shows a reversal a few hundred ms after the touch, when the touch cell has already
    // quietened: name the pathway from each neuron's recent rise, not from this instant.
    const view = this.p.circuit();
    const chain = view ? activityChain(view, this.trace.rise()) : [];
    const a: Announcement | null =
      e.type === 'reversal-start'
        ? { title: 'Reversal!', chain }
        : e.type === 'omega-turn'
          ? { title: 'Omega turn!', chain }
          : e.type === 'food-reached'
            ? { title: 'Found food', kind: 'good' }
            : e.type === 'unstable'
              ? { title: 'The body went unstable', ...(e.detail !== undefined && { detail: e.detail }), kind: 'warn' }
              : null;
    if (a) this.p.toast.announce(a);
  }

  /** A ring and a label at a world point that fade out (touch feedback). */
  private mark(xMm: number, yMm: number, label: string, color: number): void {
    const { scene, cam } = this.p;
    const x = cam.screenX(xMm);
    const y = cam.screenY(yMm);
    const ring = scene.add.graphics().setDepth(12);
    ring.lineStyle(2, color, 1).strokeCircle(x, y, 10);
    const text = scene.add
      .text(x + 14, y - 14, label, textStyle(12, { color }))
      .setOrigin(0, 1)
      .setDepth(12)
      .setBackgroundColor('rgba(11,16,22,0.75)')
      .setPadding(4, 2, 4, 2);
    // Keep the label on the plate: flip it left of the point near the right edge, below it near the top.
    const r = this.p.plateRect();
    if (x + 14 + text.width > r.x + r.w - 4) text.setX(x - 14).setOrigin(1, text.originY);
    if (y - 14 - text.height < r.y + 4) text.setY(y + 14).setOrigin(text.originX, 0);
    scene.tweens.add({
      targets: [ring, text],
      alpha: 0,
      delay: this.p.reducedMotion() ? 1400 : 900,
      duration: 600,
      onComplete: () => {
        ring.destroy();
        text.destroy();
      },
    });
  }
}

/** "ALML, AVM" or "ALML, ALMR, AVM +2". */
function shortList(ids: readonly string[]): string {
  return ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} +${ids.length - 3}`;
}
