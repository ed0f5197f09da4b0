import { BaseScene } from './BaseScene';
import { SCENES } from './keys';

export class NeuronLabScene extends BaseScene {
  constructor() {
    super(SCENES.lab);
  }

  protected build(): void {
    this.addHeader('NeuronLab');
  }

  protected layout(): void {}
}
