/** `--seeds 6,7,8` from a script's arguments (removed from them), or seeds 1–5. */
export function parseSeeds(args: string[]): number[] {
  const at = args.indexOf('--seeds');
  if (at < 0) return [1, 2, 3, 4, 5];
  const raw = args.splice(at, 2)[1] ?? '';
  const seeds = raw.split(',').map(Number);
  if (raw === '' || seeds.some((s) => !Number.isInteger(s) || s < 0))
    throw new Error(`--seeds: "${raw}" must be whole numbers ≥ 0, comma-separated; e.g. --seeds 6,7,8,9,10`);
  return seeds;
}
