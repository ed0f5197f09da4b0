/** "1 neuron", "3 neurons" (or an irregular plural: plural(2, 'body', 'bodies')). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
