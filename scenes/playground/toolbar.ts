import type Phaser from 'phaser';
import { Button } from '../ui/Button';
import { TOOLS, type Tool } from './PlateTools';

export type Medium = 'agar' | 'water';

/** The playground's tool row (Touch, Poke, Food, …) and the medium pair (Agar, Water); the scene lays them out. */
export function toolbarButtons(scene: Phaser.Scene, onTool: (t: Tool) => void, onMedium: (m: Medium) => void): { tools: Button[]; media: Button[] } {
  const tools = TOOLS.map((t) =>
    new Button(scene, 0, 0, { label: t.label, width: 92, height: 36, fontSize: 14, tooltip: t.tip, onClick: () => onTool(t.tool) }).setDepth(30),
  );
  const media = (['agar', 'water'] as const).map((m) =>
    new Button(scene, 0, 0, {
      label: m === 'agar' ? 'Agar' : 'Water',
      width: 72,
      height: 36,
      fontSize: 14,
      tooltip: m === 'agar' ? 'Crawl on agar (slow, high drag across the body)' : 'Swim in water (fast, low drag)',
      onClick: () => onMedium(m),
    }).setDepth(30),
  );
  return { tools, media };
}
