/** The study scripts' seed lists ("1,2,3") from the command line, with one error for a bad one. */

/** `text` (or `fallback` when absent) as positive integers; `script` and `argument` (1-based, after the script) name it in the error. */
export function parseSeeds(text: string | undefined, script: string, argument: number, fallback = '1,2,3'): number[] {
  return (text ?? fallback).split(',').map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`${script}: seeds (argument ${argument}) = "${text}": give positive integers separated by commas, e.g. 1,2,3`);
    return n;
  });
}
