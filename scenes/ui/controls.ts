import type Phaser from 'phaser';

/**
 * Every clickable widget registers here so the test hook can report where
 * it is on screen (tests then click those real pixels).
 */
export interface ControlInfo {
  kind: 'button' | 'toggle' | 'slider' | 'choice' | 'card';
  label: string;
  scene: string;
  x: number;
  y: number;
  width: number;
  height: number;
  enabled: boolean;
  /** Selected / on, for toggles, choices and time-bar buttons. */
  selected?: boolean;
  value?: number | string;
}

export interface Control {
  readonly object: Phaser.GameObjects.GameObject & { getBounds(): Phaser.Geom.Rectangle };
  info(): Omit<ControlInfo, 'x' | 'y' | 'width' | 'height' | 'scene'>;
}

const controls = new Set<Control>();

export function registerControl(c: Control): void {
  controls.add(c);
  c.object.once('destroy', () => controls.delete(c));
}

/** Whether the object and all its parent containers are visible and its scene is running. */
function showing(obj: Phaser.GameObjects.GameObject): boolean {
  if (!obj.scene?.sys.isActive() || !obj.scene.sys.isVisible()) return false;
  let o: Phaser.GameObjects.GameObject | null = obj;
  while (o) {
    if ((o as unknown as { visible?: boolean }).visible === false) return false;
    o = o.parentContainer;
  }
  return true;
}

export function visibleControls(): ControlInfo[] {
  const out: ControlInfo[] = [];
  for (const c of controls) {
    if (!showing(c.object)) continue;
    const b = c.object.getBounds();
    out.push({ ...c.info(), scene: c.object.scene.sys.settings.key, x: b.x, y: b.y, width: b.width, height: b.height });
  }
  return out;
}
