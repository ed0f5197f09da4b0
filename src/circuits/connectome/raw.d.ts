// Vite's `?raw` imports (the game's build, and vitest): the file's text.
declare module '*.csv?raw' {
  const text: string;
  export default text;
}
