import { BaseScene } from './BaseScene';
import { SCENES } from './keys';

export class SettingsScene extends BaseScene {
  constructor() {
    super(SCENES.settings);
  }

  protected build(): void {
    this.addHeader('Settings');
  }

  protected layout(): void {}
}
