import { BaseScene } from './BaseScene';
import { SCENES } from './keys';

export class ChallengesScene extends BaseScene {
  constructor() {
    super(SCENES.challenges);
  }

  protected build(): void {
    this.addHeader('Challenges');
  }

  protected layout(): void {}
}
