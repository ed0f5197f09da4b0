import { describe, expect, it } from 'vitest';
import { plateCrop } from './plate-crop';

describe('plate crop (a plate shown in a smaller panel)', () => {
  it('a plate wholly inside the panel is not cropped', () => {
    expect(plateCrop({ x: 10, y: 20, w: 100, h: 50 }, 200, 100, { x: 0, y: 0, w: 300, h: 300 })).toEqual({ x: 0, y: 0, w: 200, h: 100 });
  });
  it('a plate larger than the panel keeps the panel’s part, in texture px', () => {
    // Drawn 400×400 px from (−100, −100) for a 1000×1000 texture (2.5 texture px per screen px); the panel is 0..200 × 50..150.
    expect(plateCrop({ x: -100, y: -100, w: 400, h: 400 }, 1000, 1000, { x: 0, y: 50, w: 200, h: 100 })).toEqual({ x: 250, y: 375, w: 500, h: 250 });
  });
  it('a plate out of the panel shows nothing', () => {
    expect(plateCrop({ x: 500, y: 0, w: 100, h: 100 }, 100, 100, { x: 0, y: 0, w: 200, h: 200 })).toBeNull();
  });
});
