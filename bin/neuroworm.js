#!/usr/bin/env node
// Entry point for `npx neuroworm`: runs the TypeScript CLI through tsx so the
// command and the game share one source tree with no separate build step.
import { register } from 'tsx/esm/api';

register();
// `neuroworm clamp ... --csv | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
