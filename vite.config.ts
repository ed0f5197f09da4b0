import { defineConfig } from 'vite';

// The game is a static site: index.html boots scenes/main.ts.
export default defineConfig({
  base: './',
  // Art and sounds made by the project; served at the site root.
  publicDir: 'assets',
  build: { outDir: 'dist', chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1' },
});
