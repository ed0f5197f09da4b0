/** "My first reflex" → "my-first-reflex.json"; a name with no letters or digits → "circuit.json". */
export function fileNameFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'circuit'}.json`;
}
