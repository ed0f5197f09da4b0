/** Height of every scene's header bar, px (kept apart from BaseScene so layout math imports no Phaser). */
export const HEADER_H = 56;
