import { BaseScene } from './BaseScene';
import { SCENES } from './keys';

export class EditorScene extends BaseScene {
  constructor() {
    super(SCENES.editor);
  }

  protected build(): void {
    this.addHeader('Editor');
  }

  protected layout(): void {}
}
