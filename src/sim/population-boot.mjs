// Worker-thread entry for the population pool (piscina): worker threads do not
// inherit the main thread's tsx loader, so register it, then hand piscina the
// TypeScript task function (the same boot as src/evolve/node/thread-boot.mjs).
import { register } from 'tsx/esm/api';

register();
const mod = await import('./population-task.ts');
export default mod.default;
